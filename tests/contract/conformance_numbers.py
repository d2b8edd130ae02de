"""The numbers of a schemathesis run (tests/contract/test_api_conformance.py): operations,
examples sent, failures and the statuses seen, summed from the test reports (so also
across xdist workers) and printed at the end of the pytest summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

EXAMPLES: Counter[str] = Counter()
FAILED_EXAMPLES: Counter[str] = Counter()
STATUSES: defaultdict[str, Counter[int]] = defaultdict(Counter)


def summary_lines(reports: list[Any]) -> list[str]:
    """Counts are recorded when an operation's test tears down; its outcome is the call's."""
    counts: dict[str, dict[str, Any]] = {}
    failed: set[str] = set()
    for report in reports:
        properties = dict(report.user_properties)
        operation = properties.get("schemathesis_operation")
        if operation is None:
            continue
        if "schemathesis_examples" in properties:
            counts[str(operation)] = properties
        if report.when == "call" and report.failed:
            failed.add(str(operation))
    if not counts:
        return []
    examples = sum(int(p["schemathesis_examples"]) for p in counts.values())
    failed_examples = sum(int(p["schemathesis_failed_examples"]) for p in counts.values())
    profile = next(iter(counts.values()))["schemathesis_profile"]
    lines = [
        f"schemathesis ({profile} profile): {len(counts)} operations, {examples} examples, "
        f"{len(failed)} operations failing ({failed_examples} failing examples)"
    ]
    if profile != "fast":
        for operation, properties in sorted(counts.items()):
            seen = " ".join(f"{status}x{n}" for status, n in properties["schemathesis_statuses"].items())
            lines.append(f"  {operation}: {seen}")
    return lines
