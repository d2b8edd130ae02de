"""One cold start, in a fresh process: import a handler and serve one event.

    python -m tests.perf.cold_start_probe function   # PROBE_HANDLER_PATH
    python -m tests.perf.cold_start_probe minimal
    python -m tests.perf.cold_start_probe bare

The parent (tests/perf/cold_starts.py) passes the environment: the emulator endpoint, the
function's variables, the event (PROBE_EVENT, JSON), what a good answer is (PROBE_EXPECT:
`http`, 200 or 201; `batch`, no item failures; `return`, no error) and a pipe (PROBE_DONE_FD)
to write one byte to once the answer is ready. It measures from starting the process to that
byte: Lambda keeps the process after a cold start, so the interpreter's exit (about 0.1 s of
tearing down modules) is no part of one."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from typing import Any


class _Context:
    function_name = "probe"
    memory_limit_in_mb = 512
    invoked_function_arn = ""
    aws_request_id = "probe"

    def get_remaining_time_in_millis(self) -> int:
        return 60_000


def _good(result: Any, expect: str) -> bool:
    if expect == "http":
        return isinstance(result, dict) and result.get("statusCode") in {200, 201}
    if expect == "batch":
        return isinstance(result, dict) and not result.get("batchItemFailures")
    return True


def _done() -> None:
    if "PROBE_DONE_FD" in os.environ:
        os.write(int(os.environ["PROBE_DONE_FD"]), b".")


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "bare":
        import boto3

        boto3.client("dynamodb").get_item(
            TableName=os.environ["MAIN_TABLE_NAME"], Key={"PK": {"S": "x"}, "SK": {"S": "CURRENT"}}
        )
        _done()
        return 0
    event = json.loads(os.environ["PROBE_EVENT"])
    if kind == "minimal":
        from tests.perf import minimal_handler

        result: Any = minimal_handler.lambda_handler(event, _Context())
    else:
        spec = importlib.util.spec_from_file_location("probe_handler", os.environ["PROBE_HANDLER_PATH"])
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        result = module.lambda_handler(event, _Context())
    if _good(result, os.environ.get("PROBE_EXPECT", "http")):
        _done()
        return 0
    print(json.dumps(result, default=str)[:2000], file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
