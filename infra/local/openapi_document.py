"""The merged OpenAPI document of all functions (Powertools OpenAPIMerge), kept in
docs/openapi.json; a contract test fails when the code and the snapshot drift apart.

    python -m infra.local.openapi_document --write docs/openapi.json"""

from __future__ import annotations

import argparse
import json
import os
import warnings
from enum import Enum
from pathlib import Path
from typing import Any
from unittest import mock

from aws_lambda_powertools.event_handler.openapi.merge import OpenAPIMerge
from aws_lambda_powertools.event_handler.openapi.models import HTTPBearer
from pydantic import BaseModel

from infra.local.template_model import PROJECT_ROOT, Template
from workwell.api.documented_responses import IDEMPOTENCY_KEY_EXTENSION

SNAPSHOT = PROJECT_ROOT / "docs" / "openapi.json"

# Importing a handler must not need AWS; these values only satisfy the settings models.
_IMPORT_ENVIRONMENT = {"POWERTOOLS_TRACE_DISABLED": "true", "AWS_DEFAULT_REGION": "eu-north-1"}


def merged_openapi() -> dict[str, Any]:
    merge = OpenAPIMerge(
        title="Workwell API",
        version="1.0.0",
        description="Confidential safety reports and the wellbeing service tray. "
        "Paths are the contract of docs api.md; errors use the shape described there.",
        security_schemes={"cognito": HTTPBearer(bearerFormat="JWT")},
        security=[{"cognito": []}],
        on_conflict="error",
    )
    merge.discover(
        path=PROJECT_ROOT / "functions", pattern="handler.py", recursive=True, project_root=PROJECT_ROOT
    )
    with mock.patch.dict(os.environ, _IMPORT_ENVIRONMENT), warnings.catch_warnings():
        # OpenAPIMerge only warns when a handler fails to import; here that is an error.
        warnings.simplefilter("error", UserWarning)
        schema = merge.get_openapi_schema()
    document: dict[str, Any] = json.loads(json.dumps(schema, sort_keys=True, default=_plain))
    _mark_anonymous_routes(document)
    _describe_idempotent_routes(document)
    _drop_empty_content(document)
    _drop_powertools_validation_responses(document)
    _drop_unused_powertools_error_schemas(document)
    return document


def _describe_idempotent_routes(document: dict[str, Any]) -> None:
    """Creating routes (marked by `workwell.api.documented_responses`) take an Idempotency-Key."""
    for operations in document["paths"].values():
        for operation in operations.values():
            min_length = operation.pop(IDEMPOTENCY_KEY_EXTENSION, None)
            if min_length is None:
                continue
            operation.setdefault("parameters", []).append(
                {
                    "in": "header",
                    "name": "Idempotency-Key",
                    "required": True,
                    "description": "The same key and body return the first answer; kept 24 hours.",
                    "schema": {
                        "type": "string",
                        "pattern": "^[!-~]+$",
                        "minLength": min_length,
                        "maxLength": 128,
                    },
                }
            )


def _drop_empty_content(document: dict[str, Any]) -> None:
    """A 204 has no content at all (Powertools keeps the empty map it was given)."""
    for operations in document["paths"].values():
        for operation in operations.values():
            for response in operation["responses"].values():
                if response.get("content") == {}:
                    del response["content"]


def _drop_powertools_validation_responses(document: dict[str, Any]) -> None:
    """Powertools documents a 422 in its own `{"detail": [...]}` shape on every route, and no
    route can remove it. Routes with input replace it (`documented`); on a route without
    input (`inputs=False`) it is left over, and it is not an answer the route can give."""
    default = {"$ref": "#/components/schemas/HTTPValidationError"}
    for operations in document["paths"].values():
        for operation in operations.values():
            answer = operation["responses"].get("422", {})
            if answer.get("content", {}).get("application/json", {}).get("schema") == default:
                del operation["responses"]["422"]


# Powertools adds these to every document; our routes answer every error as ErrorResponse.
_POWERTOOLS_ERROR_SCHEMAS = ("HTTPValidationError", "ResponseValidationError", "ValidationError")


def _drop_unused_powertools_error_schemas(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    for name in _POWERTOOLS_ERROR_SCHEMAS:
        users = [document["paths"], *(schema for other, schema in schemas.items() if other != name)]
        if f'"#/components/schemas/{name}"' not in json.dumps(users):
            schemas.pop(name, None)


def _mark_anonymous_routes(document: dict[str, Any]) -> None:
    """Routes the template serves without the authorizer need no token: `security: []`."""
    for route in Template().routes:
        if not route.authorized:
            document["paths"][route.path][route.method.lower()]["security"] = []


def _plain(value: Any) -> Any:
    """OpenAPIMerge leaves some parts (security schemes, enums) as Python objects."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", type=Path, help="write the document to this file")
    args = parser.parse_args()
    text = render(merged_openapi())
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
