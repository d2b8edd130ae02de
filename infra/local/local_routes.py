"""Routes only the local stack has (api.md, "Local stack only"): landing page, demo people,
local sign-in, mailbox and the API explorer. Never in template.yaml."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aws_lambda_powertools.event_handler.openapi.swagger_ui as swagger_assets
from chalice import Chalice, Response  # type: ignore[attr-defined]

from infra.local.demo_people import demo_identities
from infra.local.landing_page import landing_page, mailbox_page, swagger_page
from infra.local.local_tokens import TOKEN_LIFETIME_SECONDS, LocalTokenIssuer
from infra.local.mailbox import sent_emails
from infra.tenants.definitions import Definitions

SWAGGER_ASSETS = Path(swagger_assets.__file__).parent
_ASSET_TYPES = {"swagger-ui-bundle.min.js": "text/javascript", "swagger-ui.min.css": "text/css"}
_JSON = {"Content-Type": "application/json", "Cache-Control": "no-store"}


def _json(body: Any, status: int = 200) -> Response:
    return Response(body=json.dumps(body, ensure_ascii=False), status_code=status, headers=_JSON)


def _html(body: str) -> Response:
    return Response(body=body, status_code=200, headers={"Content-Type": "text/html; charset=utf-8"})


def _error(status: int, code: str, message: str) -> Response:
    return _json({"error": {"code": code, "message": message, "details": []}, "requestId": None}, status)


def add_local_routes(
    app: Chalice, definitions: Definitions, tokens: LocalTokenIssuer, openapi: dict[str, Any]
) -> None:
    people = demo_identities(definitions)
    roles = {p.user_id: sorted(p.roles) or ["employee"] for t in definitions.tenants for p in t.people}

    @app.route("/", methods=["GET"])
    def landing() -> Response:
        return _html(landing_page(definitions))

    @app.route("/_local/users", methods=["GET"])
    def users() -> Response:
        return _json(
            {
                "tenants": [
                    {
                        "tenantId": tenant.tenant_id,
                        "name": tenant.settings.name,
                        "people": [
                            {
                                "userId": p.user_id,
                                "name": p.name,
                                "roles": roles[p.user_id],
                                "unit": p.unit,
                                "group": p.group,
                                "language": p.language,
                            }
                            for p in tenant.people
                        ],
                    }
                    for tenant in definitions.tenants
                ]
            }
        )

    @app.route("/_local/sign-in", methods=["POST"], content_types=["application/json"])
    def sign_in() -> Response:
        body = app.current_request.json_body if app.current_request.raw_body else None
        user_id = body.get("userId") if isinstance(body, dict) else None
        if not isinstance(user_id, str) or user_id not in people:
            return _error(404, "not_found", "No demo person has that userId; see /_local/users.")
        person = people[user_id]
        return _json(
            {
                "token": tokens.issue(person),
                "expiresIn": TOKEN_LIFETIME_SECONDS,
                "person": {"userId": user_id, "tenantId": person.tenant_id, "roles": roles[user_id]},
            }
        )

    @app.route("/_local/mailbox", methods=["GET"])
    def mailbox() -> Response:
        request = app.current_request
        wants_html = (request.query_params or {}).get("format") == "html"
        entries = sent_emails()
        if wants_html:
            return _html(mailbox_page(entries))
        return _json({"emails": [e.as_json() for e in entries]})

    @app.route("/_local/openapi.json", methods=["GET"])
    def openapi_document() -> Response:
        return _json(openapi)

    @app.route("/_local/docs", methods=["GET"])
    def api_explorer() -> Response:
        return _html(swagger_page("/_local/openapi.json", "/_local/swagger-ui"))

    @app.route("/_local/swagger-ui/{asset}", methods=["GET"])
    def swagger_asset(asset: str) -> Response:
        if asset not in _ASSET_TYPES:
            return _error(404, "not_found", "Not found.")
        text = (SWAGGER_ASSETS / asset).read_text(encoding="utf-8")
        return Response(body=text, status_code=200, headers={"Content-Type": _ASSET_TYPES[asset]})
