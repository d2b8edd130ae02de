"""The numbers of a schemathesis run (tests/contract/test_api_conformance.py): operations,
examples sent, failing operations and the statuses seen, recorded in the test reports (so
they also cross xdist workers) and printed at the end of the pytest summary."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

EXAMPLES: Counter[str] = Counter()
STATUSES: defaultdict[str, Counter[int]] = defaultdict(Counter)


def summary_lines(reports: list[Any]) -> list[str]:
    operations: dict[str, dict[str, Any]] = {}
    failing: set[str] = set()
    profile = None
    for report in reports:
        properties = dict(report.user_properties)
        if report.when == "call" and report.failed and "schemathesis_operation" in properties:
            failing.add(properties["schemathesis_operation"])
        if "schemathesis_run" in properties:
            # Each holds its worker's counts so far: the latest per operation is the total.
            profile = properties["schemathesis_run"]["profile"]
            operations.update(properties["schemathesis_run"]["operations"])
    if profile is None:
        return []
    lines = [
        f"schemathesis ({profile} profile): {len(operations)} operations, "
        f"{sum(n['examples'] for n in operations.values())} examples, {len(failing)} operations failing"
    ]
    if profile != "fast" or failing:
        for label, numbers in sorted(operations.items()):
            seen = " ".join(f"{status}x{count}" for status, count in numbers["statuses"].items())
            lines.append(f"  {label}: {seen}" + ("  FAILING" if label in failing else ""))
    return lines
