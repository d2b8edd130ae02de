"""Routes only the local stack has (api.md, "Local stack only"), all under `/_local/`: the
sign-in helper page, demo people, local sign-in, mailbox, the API explorer, and the
operator's levers for notifications (run the digest or the sweeper now, an SES outage, the
dead-letter queue). Never in template.yaml. The web app (`infra.local.web_app`) is at `/`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aws_lambda_powertools.event_handler.openapi.swagger_ui as swagger_assets
import boto3
from chalice import Chalice, Response  # type: ignore[attr-defined]

from infra.local.aws_resources import LocalResources
from infra.local.demo_people import demo_identities
from infra.local.function_host import FunctionHost
from infra.local.landing_page import landing_page, mailbox_page, swagger_page
from infra.local.local_tokens import TOKEN_LIFETIME_SECONDS, LocalTokenIssuer
from infra.local.mailbox import MailOutage, sent_emails
from infra.local.schedules import LocalScheduler
from infra.tenants.definitions import Definitions

DIGEST_FUNCTION = "DigestFunction"
NOTIFIER_FUNCTION = "NotifierFunction"
DEAD_LETTER_QUEUE = "NotificationDeadLetterQueue"

SWAGGER_ASSETS = Path(swagger_assets.__file__).parent
_ASSET_TYPES = {"swagger-ui-bundle.min.js": "text/javascript", "swagger-ui.min.css": "text/css"}
_JSON = {"Content-Type": "application/json", "Cache-Control": "no-store"}


def _json(body: Any, status: int = 200) -> Response:
    return Response(body=json.dumps(body, ensure_ascii=False), status_code=status, headers=_JSON)


def _html(body: str) -> Response:
    return Response(body=body, status_code=200, headers={"Content-Type": "text/html; charset=utf-8"})


def _error(status: int, code: str, message: str) -> Response:
    return _json({"error": {"code": code, "message": message, "details": []}, "requestId": None}, status)


@dataclass(frozen=True)
class LocalOperations:
    host: FunctionHost
    scheduler: LocalScheduler
    resources: LocalResources
    outage: MailOutage

    def run_digest(self) -> Any:
        return self.host.invoke(DIGEST_FUNCTION, self.scheduler.payload_of(DIGEST_FUNCTION))

    def sweep_outbox(self) -> Any:
        # Now, rather than after the usual few minutes: what an operator's invoke would do.
        payload = {**self.scheduler.payload_of(NOTIFIER_FUNCTION), "pendingForSeconds": 0}
        return self.host.invoke(NOTIFIER_FUNCTION, payload)

    def dead_letters(self) -> list[Any]:
        sqs = boto3.client("sqs")
        url = self.resources.refs[DEAD_LETTER_QUEUE]
        response = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0)
        return [json.loads(m["Body"]) for m in response.get("Messages", [])]


def add_local_routes(
    app: Chalice,
    definitions: Definitions,
    tokens: LocalTokenIssuer,
    openapi: dict[str, Any],
    operations: LocalOperations | None = None,
) -> None:
    people = demo_identities(definitions)
    roles = {p.user_id: sorted(p.roles) or ["employee"] for t in definitions.tenants for p in t.people}

    # `/_local/` (Chalice matches it without the trailing slash); `/` is the web app.
    @app.route("/_local", methods=["GET"])
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

    if operations is not None:
        _add_notification_routes(app, operations)

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


def _add_notification_routes(app: Chalice, operations: LocalOperations) -> None:
    @app.route("/_local/digest", methods=["POST"])
    def run_digest() -> Response:
        return _json({"digest": operations.run_digest()})

    @app.route("/_local/sweep", methods=["POST"])
    def sweep_outbox() -> Response:
        return _json({"sweep": operations.sweep_outbox()})

    @app.route("/_local/dead-letters", methods=["GET"])
    def dead_letters() -> Response:
        return _json({"deadLetters": operations.dead_letters()})

    @app.route("/_local/ses-outage", methods=["POST", "DELETE"])
    def ses_outage() -> Response:
        if app.current_request.method == "POST":
            operations.outage.begin()
        else:
            operations.outage.end()
        return _json({"sesOutage": operations.outage.active})
