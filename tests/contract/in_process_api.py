"""The whole API in this process, for schemathesis: every function's real `lambda_handler`
behind the local gateway (routes from template.yaml, tokens checked like the Cognito
authorizer, REST proxy events built by `infra.local.gateway`), against moto with the
template's resources and the demo tenants, served as a WSGI app."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from chalice.test import Client

from infra.local.function_host import FunctionHost
from infra.local.gateway import API_PREFIX, build_gateway
from infra.local.local_tokens import DemoIdentity, LocalTokenIssuer
from infra.local.template_model import Template

StartResponse = Callable[[str, list[tuple[str, str]]], Any]

TENANT = "kokkola"
# Who calls each function's routes: a person whose roles reach them (public routes: nobody).
CALLER_BY_FUNCTION = {
    "AdminFunction": "kokkola-admin-tuomas",
    "ReportsFunction": "kokkola-employee-aino",
    "CasesFunction": "kokkola-safetyrep-liisa",
    # An employee of a group the tray is open to: browses, proposes, orders, handles her own.
    "CatalogueFunction": "kokkola-employee-aino",
    # Answers the survey and reads her own results.
    "SurveysFunction": "kokkola-employee-aino",
}
CALLER_BY_PATH = {
    "/stats/cases": "kokkola-safetymgr-pekka",
    "/wellbeing/aggregates": "kokkola-coordinator-hanna",
    "/staff/grants/{grantId}/confirmation": "kokkola-safetymgr-pekka",
    "/staff/grants/{grantId}/rejection": "kokkola-safetymgr-pekka",
    "/staff/refused-reads": "kokkola-safetymgr-pekka",
}
# People a fuzzed /staff/{userId} may touch: never the callers above.
STAFF_USER_IDS = ("kokkola-employee-erik", "kokkola-coordinator-hanna", "contract-new-person")
# In a known body, stands for the case's current version (read just before sending).
CURRENT_VERSION = 987_654_321
SIGNED_IN_REPORT = {
    "type": "harassment",
    "answers": {
        "whatHappened": "Shouting in meetings.",
        "toldUnwanted": "no",
        "hopedOutcome": "That it stops.",
    },
    "handlerId": "kokkola-safetyrep-liisa",
}
# The seeded tray service (Hanna, a coordinator, publishes it before the run).
TRAY_SERVICE = {
    "title": {"fi": "Lounaskävely"},
    "description": {"fi": "Yhteinen kävely lounastauolla."},
    "category": "physical",
    "kind": "existing",
    "provider": {"organisation": "Työterveys"},
    "format": "online",
    "onRequest": True,
    "publish": True,
}
PEER_PROPOSAL = {
    **{k: v for k, v in TRAY_SERVICE.items() if k != "publish"},
    "kind": "peer",
    "provider": {"userId": "kokkola-employee-aino"},
}
ANONYMOUS_REPORT = {"type": "near_miss", "unitId": "sote", "answers": {"whatHappened": "A slippery floor."}}
# Bodies a use case accepts, mixed into the fuzzed ones (random bodies rarely pass the rules
# of a report type or a workflow), so that success answers are checked too.
KNOWN_BODIES: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("POST", "/reports"): [SIGNED_IN_REPORT],
    ("POST", "/public/{tenant}/reports"): [ANONYMOUS_REPORT],
    ("POST", "/reports/{reportId}/messages"): [{"body": "One more thing."}],
    ("POST", "/cases/{caseId}/messages"): [{"body": "We have started."}],
    ("POST", "/cases/{caseId}/events"): [
        {"kind": "note", "note": "Called the reporter."},
        {"kind": "party_heard", "party": "reporter"},
    ],
    ("POST", "/cases/{caseId}/transitions"): [
        *(
            {"action": a, "expectedVersion": CURRENT_VERSION}
            for a in ("acknowledge", "start_investigation", "reopen")
        ),
        {"action": "close", "expectedVersion": CURRENT_VERSION, "resolution": "resolved"},
    ],
    ("POST", "/services"): [PEER_PROPOSAL],
    ("PUT", "/staff/{userId}"): [
        {"name": "Contract Person", "email": "contract.person@kokkola.example", "roles": []}
    ],
}


class GatewayWsgiApp:
    """A WSGI app that hands each request to the local gateway, as `make run` serves it.
    The document's paths are relative to the API's base URL, which is `/api` on the app's
    origin: each request goes there, and the function sees the path without it."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def __call__(self, environ: Mapping[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        headers = {
            name[5:].replace("_", "-").title(): str(value)
            for name, value in environ.items()
            if name.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = str(environ["CONTENT_TYPE"])
        # The path as the client sent it (percent-encoded), as API Gateway receives it.
        path = environ.get("RAW_URI") or environ.get("REQUEST_URI")
        if not path:
            path = quote(str(environ.get("PATH_INFO", "/")), safe="/:@+!$&'()*,;=~")
            if environ.get("QUERY_STRING"):
                path += "?" + str(environ["QUERY_STRING"])
        response = self._client.http.request(
            str(environ["REQUEST_METHOD"]), API_PREFIX + str(path), headers, body
        )
        start_response(f"{response.status_code} -", list(response.headers.items()))
        return [response.body or b""]


@dataclass
class KnownData:
    """Values that exist in the provisioned stack, mixed into fuzzed ids so that requests
    also get past the 404s into the use cases."""

    path: dict[str, list[str]] = field(default_factory=dict)
    receipts: list[str] = field(default_factory=list)


class InProcessApi:
    def __init__(
        self,
        template: Template,
        host: FunctionHost,
        tokens: LocalTokenIssuer,
        people: Mapping[str, DemoIdentity],
    ) -> None:
        self._routes = {(r.method, r.path): r for r in template.routes}
        self._tokens = tokens
        self._people = people
        self._client = Client(build_gateway(template, host, tokens))
        self.app = GatewayWsgiApp(self._client)
        self._token_cache: dict[str, str] = {}

    def token_for(self, method: str, path: str) -> str | None:
        """The bearer token for an operation: someone whose roles reach it; None on public routes."""
        route = self._routes[(method, path)]
        if not route.authorized:
            return None
        return self._token_of(CALLER_BY_PATH.get(path) or CALLER_BY_FUNCTION[route.function])

    def current_version(self, case_path: str) -> int | None:
        """The version the case at `/cases/{caseId}/…` has now, if it exists."""
        case = "/".join(case_path.split("/")[:3])
        answer = self._call("GET", case, CALLER_BY_FUNCTION["CasesFunction"])
        return int(json.loads(answer.body)["version"]) if answer.status_code == 200 else None

    def seed(self) -> KnownData:
        """A signed-in report that Liisa handles, and an anonymous one with its receipt."""
        submitted = self._call("POST", "/reports", "kokkola-employee-aino", SIGNED_IN_REPORT)
        anonymous = self._call("POST", f"/public/{TENANT}/reports", None, ANONYMOUS_REPORT)
        if submitted.status_code != 201 or anonymous.status_code != 201:
            raise RuntimeError(f"seeding failed: {submitted.status_code} {anonymous.status_code}")
        report_id = json.loads(submitted.body)["reportId"]
        service = self._call("POST", "/services", "kokkola-coordinator-hanna", TRAY_SERVICE)
        if service.status_code != 201:
            raise RuntimeError(f"seeding the tray failed: {service.status_code}")
        service_id = json.loads(service.body)["serviceId"]
        order = self._call("POST", "/orders", "kokkola-employee-aino", {"serviceId": service_id})
        if order.status_code != 201:
            raise RuntimeError(f"seeding an order failed: {order.status_code}")
        # Orders name a service only known now.
        KNOWN_BODIES[("POST", "/orders")] = [{"serviceId": service_id}]
        return KnownData(
            path={
                "tenant": [TENANT],
                "type": ["harassment", "near_miss"],
                "reportId": [report_id],
                "caseId": [report_id],
                "userId": list(STAFF_USER_IDS),
                "serviceId": [service_id],
                "orderId": [json.loads(order.body)["orderId"]],
            },
            receipts=[json.loads(anonymous.body)["receipt"]],
        )

    def _token_of(self, user_id: str) -> str:
        if user_id not in self._token_cache:
            self._token_cache[user_id] = self._tokens.issue(self._people[user_id])
        return self._token_cache[user_id]

    def _call(self, method: str, path: str, user_id: str | None, body: Any = None) -> Any:
        headers = {"Content-Type": "application/json", "Idempotency-Key": f"contract-seed-{uuid.uuid4()}"}
        if user_id:
            headers["Authorization"] = f"Bearer {self._token_of(user_id)}"
        raw = json.dumps(body).encode() if body is not None else b""
        return self._client.http.request(method, API_PREFIX + path, headers=headers, body=raw)
