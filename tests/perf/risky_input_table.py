"""`python -m tests.perf.risky_input_table`: every body route of template.yaml probed with
every content type and every body of the risky-input corpus (tests/risky_input.py), through
the local gateway and as raw API Gateway events (text as API Gateway REST sends it, and
base64 as a binary media type would), printed as counts of 2xx/4xx/5xx answers.

A content-type row counts that type with every corpus body; a corpus row counts that body
with every content type (base64 events: with `application/json` only). The last lines list
every answer that was not the one expected (none, when all is well)."""

from __future__ import annotations

import io
import logging
import sys
import warnings
from collections import Counter
from contextlib import redirect_stdout

from infra.local.local_tokens import LocalTokenIssuer
from infra.local.template_model import ApiRoute, Template
from tests.risky_input import (
    CHANNELS,
    CONTENT_TYPES,
    CORPUS,
    Outcome,
    body_routes,
    channel_probes,
    emulated_api,
)


def _cell(outcomes: list[Outcome]) -> str:
    classes = Counter(o.status // 100 for o in outcomes)
    return f"{classes[2]}/{classes[4]}/{classes[5]}" if outcomes else "-"


def table(channel: str, routes: list[ApiRoute], outcomes: list[Outcome]) -> str:
    rows: list[tuple[str, list[str]]] = []
    for content_type in CONTENT_TYPES:
        label = f"type {content_type or '(missing)'}"
        rows.append(
            (
                label,
                [
                    _cell(
                        [o for o in outcomes if o.probe.route == r and o.probe.content_type == content_type]
                    )
                    for r in routes
                ],
            )
        )
    for entry in CORPUS:
        rows.append(
            (
                f"body {entry.name}",
                [
                    _cell([o for o in outcomes if o.probe.route == r and o.probe.entry == entry])
                    for r in routes
                ],
            )
        )
    rows.append(("all", [_cell([o for o in outcomes if o.probe.route == r]) for r in routes]))
    width = max(len(label) for label, _ in rows)
    cells = max(len(c) for _, row in rows for c in row)
    header = " " * width + " " + " ".join(f"R{i + 1}".rjust(cells) for i in range(len(routes)))
    lines = [f"{channel}: 2xx/4xx/5xx", header]
    lines += [label.ljust(width) + " " + " ".join(c.rjust(cells) for c in row) for label, row in rows]
    return "\n".join(lines)


def main() -> int:
    template = Template()
    routes = body_routes(template)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    results: dict[str, list[Outcome]] = {}
    with redirect_stdout(io.StringIO()), emulated_api(template, LocalTokenIssuer()) as api:
        for channel in CHANNELS:
            results[channel] = api.run(channel, channel_probes(channel, routes))
    print("Routes:")
    for i, route in enumerate(routes):
        print(f"  R{i + 1:<3} {route.method} {route.path}{'' if route.authorized else '  (anonymous)'}")
    for channel, outcomes in results.items():
        print()
        print(table(channel, routes, outcomes))
    problems = [p for outcomes in results.values() for o in outcomes for p in o.problems()]
    total = sum(len(o) for o in results.values())
    server_errors = sum(o.status >= 500 for outcomes in results.values() for o in outcomes)
    print()
    print(f"{total} requests, {server_errors} answered 5xx, {len(problems)} not as expected")
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
