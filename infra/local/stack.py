"""The whole service on this computer: moto's server on loopback with every resource of
template.yaml, the demo tenants provisioned by the provisioning command, and the
template-driven gateway (the API under `/api`), the local routes (`/_local/`) and the web
app (`/`, from web/dist), on one origin, served by Chalice's LocalDevServer."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from chalice import Chalice  # type: ignore[attr-defined]
from chalice.config import Config
from chalice.local import LocalDevServer, ThreadedHTTPServer
from moto.server import ThreadedMotoServer

from infra.local.aws_resources import LOCAL_REGION, LocalResources, create_local_resources, verify_senders
from infra.local.function_host import FunctionHost
from infra.local.gateway import API_PREFIX, build_gateway
from infra.local.local_routes import LocalOperations, add_local_routes
from infra.local.local_tokens import LocalTokenIssuer
from infra.local.mailbox import MailOutage
from infra.local.openapi_document import merged_openapi
from infra.local.schedules import LocalScheduler, Schedule
from infra.local.stream_relay import StreamMapping, StreamRelay
from infra.local.survey_history import seed_survey_history
from infra.local.template_model import Template
from infra.local.web_app import WebApp, add_web_app
from infra.tenants.definitions import Definitions, load_definitions
from infra.tenants.provision import main as provision
from workwell.adapters.dynamodb_unit_of_work import TableNames

LOOPBACK = "127.0.0.1"

# What every process of the local stack needs to reach the emulator, and nothing real.
EMULATOR_ENVIRONMENT = {
    "AWS_DEFAULT_REGION": LOCAL_REGION,
    "AWS_REGION": LOCAL_REGION,
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_SESSION_TOKEN": "local",
    # botocore 1.44 with moto 5.2: account-id endpoints break stream calls.
    "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_METRICS_DISABLED": "true",
}


class GatewayHttpServer(ThreadedHTTPServer):
    """Chalice's threaded server with a longer listen queue. The standard library's is 5
    connections: 50 people ordering at once (`infra.local.capacity_rush`) had connections
    reset before the gateway saw them, which API Gateway never does."""

    request_queue_size = 128


def free_port(host: str = LOOPBACK) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class LocalStack:
    host: str = LOOPBACK
    port: int = 3000
    template: Template = field(default_factory=Template)
    definitions: Definitions = field(default_factory=load_definitions)
    tokens: LocalTokenIssuer = field(default_factory=LocalTokenIssuer)
    web_app: WebApp = field(default_factory=WebApp)
    emulator_url: str = ""
    resources: LocalResources | None = None
    app: Chalice | None = None
    relays: list[StreamRelay] = field(default_factory=list)
    scheduler: LocalScheduler | None = None
    _moto: ThreadedMotoServer | None = None
    _server: LocalDevServer | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        emulator_port = free_port()
        self._moto = ThreadedMotoServer(ip_address=LOOPBACK, port=emulator_port, verbose=False)
        self._moto.start()
        self.emulator_url = f"http://{LOOPBACK}:{emulator_port}"
        # This process is the local stack's composition root: its own AWS calls (resource
        # creation, provisioning, the handlers it hosts) all go to the emulator.
        os.environ.update({**EMULATOR_ENVIRONMENT, "AWS_ENDPOINT_URL": self.emulator_url})
        self.resources = create_local_resources(self.template)
        # Links in emails lead to this stack rather than to the template's default web app.
        self.resources.refs["FrontEndUrl"] = self.url
        tables = ["--main-table", "MainTable", "--audit-table", "AuditTable"]
        if provision(["--endpoint-url", self.emulator_url, *tables]) != 0:
            raise RuntimeError("provisioning the demo tenants failed")
        verify_senders([tenant.settings.sender for tenant in self.definitions.tenants])
        seed_survey_history(
            datetime.now(UTC), TableNames(main="MainTable", audit="AuditTable", survey="SurveyTable")
        )
        host = FunctionHost(self.template, self.resources, dict(os.environ))
        self.app = build_gateway(self.template, host, self.tokens)
        self.relays = [
            StreamRelay(m, self.resources, host.invoke) for m in StreamMapping.all_in(self.template)
        ]
        self.scheduler = LocalScheduler(Schedule.all_in(self.template), host.invoke)
        openapi: dict[str, Any] = {**merged_openapi(), "servers": [{"url": self.url + API_PREFIX}]}
        operations = LocalOperations(host, self.scheduler, self.resources, MailOutage())
        add_local_routes(self.app, self.definitions, self.tokens, openapi, operations)
        add_web_app(self.app, self.web_app)
        for relay in self.relays:
            relay.start()
        self.scheduler.start()
        config = Config.create(chalice_stage="local", app_name="workwell-local", lambda_timeout=30)
        self._server = LocalDevServer(self.app, config, self.host, self.port, server_cls=GatewayHttpServer)

    def serve_forever(self) -> None:
        if self._server is None:
            raise RuntimeError("start() first")
        self._server.serve_forever()

    def stop(self) -> None:
        for relay in self.relays:
            relay.stop()
        if self.scheduler is not None:
            self.scheduler.stop()
        if self._server is not None:
            self._server.server.server_close()
        if self._moto is not None:
            self._moto.stop()
