"""One cold start, in a fresh process: import a handler and serve one request.

    python -m tests.perf.cold_start_probe function AdminFunction
    python -m tests.perf.cold_start_probe minimal
    python -m tests.perf.cold_start_probe bare

The parent measures the wall time of the whole process; the environment (emulator
endpoint, the function's variables) comes from the parent."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import uuid
from typing import Any


def _event(method: str, path: str, body: Any = None) -> dict[str, Any]:
    claims = json.loads(os.environ["PROBE_CLAIMS"])
    return {
        "resource": path,
        "path": path,
        "httpMethod": method,
        "headers": {"Content-Type": "application/json", "Idempotency-Key": f"probe-{uuid.uuid4()}"},
        "multiValueHeaders": {},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": None,
        "requestContext": {
            "resourcePath": path,
            "httpMethod": method,
            "requestId": "probe",
            "authorizer": {"claims": claims},
        },
        "body": json.dumps(body) if body is not None else None,
        "isBase64Encoded": False,
    }


class _Context:
    function_name = "probe"
    memory_limit_in_mb = 512
    invoked_function_arn = ""
    aws_request_id = "probe"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "bare":
        import boto3

        boto3.client("dynamodb").get_item(
            TableName=os.environ["MAIN_TABLE_NAME"], Key={"PK": {"S": "x"}, "SK": {"S": "CURRENT"}}
        )
        return 0
    if kind == "minimal":
        from tests.perf import minimal_handler

        result = minimal_handler.lambda_handler(_event("POST", "/lookup", {"key": "x"}), _Context())
    else:
        spec = importlib.util.spec_from_file_location("probe_handler", os.environ["PROBE_HANDLER_PATH"])
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        body = json.loads(os.environ.get("PROBE_BODY") or "null")
        result = module.lambda_handler(
            _event(os.environ["PROBE_METHOD"], os.environ["PROBE_PATH"], body), _Context()
        )
    return 0 if result["statusCode"] in {200, 201} else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
