"""Cold starts for `make bench`: every function of template.yaml, each in a fresh process that
imports its handler.py with the function's environment and serves its main event once against
moto (over loopback), beside two baselines: (a) a minimal Powertools + pydantic handler that
validates one body and makes one DynamoDB call, (b) a bare boto3 process making one call.

A function's main event comes from the template, so a function added later is measured with
no change here: its first API route (as the demo person it answers most), else its first
event (a DynamoDB stream: a fresh record the mapping's filter passes, one per run; a schedule:
its Input), else the Cognito trigger it is wired to. A function with none of these stops the
bench rather than go unmeasured.

A cold start is timed from starting the process to its answer being ready: Lambda keeps the
process after its first invocation, so the interpreter's exit is no part of one. Every process
runs as in the Lambda Python runtime (AWS_EXECUTION_ENV set), with bytecode cached for all
alike (in build/bench-pycache), as a layer that ships compiled bytecode would run, whatever
PYTHONDONTWRITEBYTECODE says on this machine. Processes run round by round, every probe once
per round, so drift of the machine hits all alike; a first round is discarded."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import boto3

from infra.local.aws_resources import LOCAL_REGION, LocalResources, create_local_resources, verify_senders
from infra.local.demo_people import demo_identities
from infra.local.function_host import FunctionHost
from infra.local.stack import EMULATOR_ENVIRONMENT, LOOPBACK, free_port
from infra.local.stream_relay import StreamMapping, lambda_record
from infra.local.template_model import PROJECT_ROOT, ApiRoute, Template
from infra.tenants.definitions import Definitions, load_definitions
from infra.tenants.provision import provision_all
from tests.conftest import api_event
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames

COLD_RUNS = 7
BUDGET_VS_MINIMAL = 1.2
TENANT = "kokkola"
REPORTER = "kokkola-employee-aino"
HARASSMENT_REPORT = {
    "type": "harassment",
    "answers": {"whatHappened": "Bench: a report of about a paragraph. " * 20, "toldUnwanted": "no"},
    "handlerId": "kokkola-safetyrep-liisa",
    "recusedIds": ["kokkola-hrdir-sari"],
}
PYCACHE = PROJECT_ROOT / "build" / "bench-pycache"
BASELINES = ("bare_boto3", "minimal_powertools")


@dataclass(frozen=True)
class Probe:
    """One row of the table: what a fresh process imports and serves."""

    name: str
    describes: str
    arguments: tuple[str, ...]
    environment: Mapping[str, str]
    # The event of each run (a fresh Idempotency-Key or stream record per run).
    event: Callable[[int], Mapping[str, Any]]
    expect: str = "http"  # "http": 200 or 201; "batch": no item failures; "return": no error
    budgeted: bool = True
    before_each: Callable[[], None] | None = None


@dataclass
class ColdStack:
    """moto's server on loopback with the template's resources and one tenant provisioned
    (one tenant keeps tables small: moto copies a table per transaction item)."""

    template: Template
    resources: LocalResources
    host: FunctionHost
    endpoint: str
    definitions: Definitions = field(default_factory=load_definitions)

    def claims(self, user_id: str) -> dict[str, str]:
        return demo_identities(self.definitions)[user_id].claims()

    def people(self) -> list[str]:
        """The tenant's demo people, in the order its definition lists them."""
        tenant = next(t for t in self.definitions.tenants if t.tenant_id == TENANT)
        return [person.user_id for person in tenant.people]


@contextmanager
def cold_stack(template: Template) -> Iterator[ColdStack]:
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address=LOOPBACK, port=port, verbose=False)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per emulator request
    server.start()
    endpoint = f"http://{LOOPBACK}:{port}"
    try:
        with mock.patch.dict(os.environ, {**EMULATOR_ENVIRONMENT, "AWS_ENDPOINT_URL": endpoint}):
            resources = create_local_resources(template)
            definitions = load_definitions()
            one = type(definitions)(
                tenants=[t for t in definitions.tenants if t.tenant_id == TENANT], groups=[]
            )
            client = boto3.client("dynamodb", region_name=LOCAL_REGION)
            provision_all(one, lambda: DynamoDbUnitOfWork(client, TableNames("MainTable", "AuditTable")))
            verify_senders([t.settings.sender for t in one.tenants])
            host = FunctionHost(template, resources, dict(os.environ))
            yield ColdStack(template, resources, host, endpoint, definitions)
    finally:
        server.stop()


# ------------------------------------------------------------------ main events


def _api_probe(stack: ColdStack, route: ApiRoute, common: Mapping[str, str]) -> Probe:
    """The function's first route, as a demo person it answers 2xx."""
    path = route.path.replace("{tenant}", TENANT)
    if "{" in path:
        raise ValueError(
            f"{route.function}: its first route {route.path} needs path parameters; list first a route without"
        )
    parameters = {"tenant": TENANT} if "{tenant}" in route.path else None

    def event_as(user: str | None) -> Callable[[int], dict[str, Any]]:
        claims = stack.claims(user) if user else None

        def event(_: int) -> dict[str, Any]:
            headers = {"Idempotency-Key": f"bench-{uuid.uuid4()}"} if route.method == "POST" else None
            return api_event(
                route.method, path, claims, resource=route.path, path_parameters=parameters, headers=headers
            )

        return event

    # Of the demo people the route answers 2xx, the one it tells most (an inbox with cases
    # rather than an empty one); the first of them on a tie.
    answered: list[tuple[int, int, str | None]] = []
    for order, caller in enumerate(list(stack.people()) if route.authorized else [None]):
        answer = stack.host.invoke(route.function, event_as(caller)(0))
        if answer["statusCode"] < 300:
            answered.append((-len(answer.get("body") or ""), order, caller))
    if not answered:
        raise ValueError(
            f"{route.function}: {route.method} {route.path} answers no demo person of {TENANT} with 2xx"
        )
    caller = min(answered)[2]
    describes = f"{route.method} {route.path}" + (f" as {caller}" if caller else "")
    return _function_probe(stack, route.function, describes, event_as(caller), common)


def _function_probe(
    stack: ColdStack,
    function: str,
    describes: str,
    event: Callable[[int], Mapping[str, Any]],
    common: Mapping[str, str],
    *,
    name: str | None = None,
    expect: str = "http",
    **options: Any,
) -> Probe:
    environment = {
        **common,
        **stack.host.environment_of(function),
        "PROBE_HANDLER_PATH": str(stack.template.handler_path(function)),
    }
    return Probe(name or function, describes, ("function",), environment, event, expect, **options)


def _stream_records(stack: ColdStack, mapping: StreamMapping, wanted: int) -> list[dict[str, Any]]:
    """Records the mapping's filter passes, read from the start of the stream."""
    streams = boto3.client("dynamodbstreams", region_name=LOCAL_REGION)
    arn = stack.resources.attributes[(mapping.table, "StreamArn")]
    records: list[dict[str, Any]] = []
    for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
        iterator = streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        while True:
            response = streams.get_records(ShardIterator=iterator, Limit=1000)
            got = [lambda_record(r, arn) for r in response.get("Records", [])]
            records.extend(r for r in got if mapping.passes(r))
            if not got or "NextShardIterator" not in response:
                break
            iterator = response["NextShardIterator"]
    if len(records) < wanted:
        raise ValueError(
            f"{mapping.function}: {len(records)} stream records pass its filter, {wanted} needed"
        )
    return records


def _forget_digest_days(stack: ColdStack) -> Callable[[], None]:
    """A scheduled job that keeps a ledger of what it did does nothing the second time: the
    digest's ledger (per person and day) is forgotten before each run, so every run does the
    morning's work."""

    client = boto3.client("dynamodb", region_name=LOCAL_REGION, endpoint_url=stack.endpoint)

    def forget() -> None:
        for page in client.get_paginator("scan").paginate(
            TableName="MainTable", ProjectionExpression="PK, SK"
        ):
            for key in page["Items"]:
                if "#DIGEST#" in key["PK"]["S"]:
                    client.delete_item(TableName="MainTable", Key=key)

    return forget


def _pre_token_generation(_: int) -> dict[str, Any]:
    """A user an administrator created in the pool (the tenant set for them)."""
    return {
        "version": "1",
        "triggerSource": "TokenGeneration_HostedAuth",
        "region": LOCAL_REGION,
        "userPoolId": f"{LOCAL_REGION}_bench",
        "userName": "bench",
        "callerContext": {"awsSdkVersion": "1", "clientId": "bench"},
        "request": {"userAttributes": {"sub": "bench", "custom:tenant": TENANT}, "groupConfiguration": {}},
        "response": {"claimsOverrideDetails": None},
    }


COGNITO_TRIGGER_EVENTS: dict[str, Callable[[int], dict[str, Any]]] = {
    "PreTokenGeneration": _pre_token_generation,
}


def _cognito_triggers(template: Template) -> dict[str, str]:
    """function -> the user pool trigger it is wired to (LambdaConfig)."""
    triggers = {}
    for pool in template.resources_of_type("AWS::Cognito::UserPool").values():
        for trigger, target in pool["Properties"].get("LambdaConfig", {}).items():
            if isinstance(target, Mapping) and "Fn::GetAtt" in target:
                reference = target["Fn::GetAtt"]
                function = reference[0] if isinstance(reference, list) else str(reference).split(".")[0]
                triggers[str(function)] = str(trigger)
    return triggers


def _one_record_per_run(records: list[dict[str, Any]]) -> Callable[[int], Mapping[str, Any]]:
    return lambda run: {"Records": [records[run]]}


def _always(event: Mapping[str, Any]) -> Callable[[int], Mapping[str, Any]]:
    return lambda _: event


def main_event_probes(stack: ColdStack, common: Mapping[str, str], runs: int) -> list[Probe]:
    template = stack.template
    routes: dict[str, ApiRoute] = {}
    for route in template.routes:
        routes.setdefault(route.function, route)
    triggers = _cognito_triggers(template)
    mappings = {m.function: m for m in StreamMapping.all_in(template)}
    # Open cases for the inbox, and outbox items (one per run) for the notifier's stream.
    for _ in range(runs):
        _submit_report(stack)
    probes = []
    for function, resource in template.functions.items():
        events = list(resource["Properties"].get("Events", {}).values())
        first = events[0] if events else None
        if function in routes:
            probes.append(_api_probe(stack, routes[function], common))
        elif first is not None and first["Type"] == "DynamoDB":
            records = _stream_records(stack, mappings[function], runs)
            probes.append(
                _function_probe(
                    stack,
                    function,
                    "one stream record its filter passes",
                    _one_record_per_run(records),
                    common,
                    expect="batch",
                )
            )
        elif first is not None and first["Type"] in {"ScheduleV2", "Schedule"}:
            payload = json.loads(first["Properties"].get("Input", "{}"))
            probes.append(
                _function_probe(
                    stack,
                    function,
                    f"schedule input {json.dumps(payload)}",
                    _always(payload),
                    common,
                    expect="return",
                    before_each=_forget_digest_days(stack),
                )
            )
        elif triggers.get(function) in COGNITO_TRIGGER_EVENTS:
            trigger = triggers[function]
            probes.append(
                _function_probe(
                    stack,
                    function,
                    f"Cognito {trigger}",
                    COGNITO_TRIGGER_EVENTS[trigger],
                    common,
                    expect="return",
                )
            )
        else:
            kind = first["Type"] if first else triggers.get(function, "no event")
            raise ValueError(
                f"{function}: no main event known for {kind}; add one to tests/perf/cold_starts.py"
            )
    return probes


def _submit_report(stack: ColdStack) -> None:
    event = api_event(
        "POST",
        "/reports",
        stack.claims(REPORTER),
        body=HARASSMENT_REPORT,
        headers={"Idempotency-Key": f"bench-{uuid.uuid4()}"},
    )
    answer = stack.host.invoke("ReportsFunction", event)
    if answer["statusCode"] != 201:
        raise RuntimeError(f"seeding a report failed: {answer['statusCode']} {answer.get('body')}")


# ------------------------------------------------------------------ running


def _run_probe(probe: Probe, run: int) -> float:
    if probe.before_each is not None:
        probe.before_each()
    environment = {
        **probe.environment,
        "PROBE_EVENT": json.dumps(probe.event(run)),
        "PROBE_EXPECT": probe.expect,
        "PYTHONPYCACHEPREFIX": str(PYCACHE),
        # As the Lambda Python runtime sets it (workwell.cold_start reads it).
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.13",
    }
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    read_end, write_end = os.pipe()
    environment["PROBE_DONE_FD"] = str(write_end)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", "tests.perf.cold_start_probe", *probe.arguments],
            env=environment,
            cwd=PROJECT_ROOT,
            stdout=out,
            stderr=err,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        answered = os.read(read_end, 1)  # the answer is ready (or the process ended without one)
        elapsed = time.perf_counter() - started
        os.close(read_end)
        code = process.wait()
        if code != 0 or not answered:
            out.seek(0)
            err.seek(0)
            raise RuntimeError(
                f"probe {probe.name} failed:\n{out.read()[-3000:].decode()}\n{err.read()[-3000:].decode()}"
            )
    return elapsed


def _probe_environment() -> dict[str, str]:
    paths = os.pathsep.join([str(PROJECT_ROOT), str(PROJECT_ROOT / "layers" / "workwell")])
    return {**os.environ, "PYTHONPATH": paths}


def cold_starts(template: Template, runs: int = COLD_RUNS, only: str | None = None) -> dict[str, Any]:
    """`only`: a regular expression; functions whose names do not match are left out."""
    with cold_stack(template) as stack:
        common = _probe_environment()
        admin = {**common, **stack.host.environment_of("AdminFunction")}
        probes = [
            Probe(
                "bare_boto3",
                "boto3 client, one GetItem",
                ("bare",),
                admin,
                lambda _: {},
                "return",
                budgeted=False,
            ),
            Probe(
                "minimal_powertools",
                "POST /lookup: a pydantic body, one GetItem",
                ("minimal",),
                admin,
                lambda _: api_event("POST", "/lookup", None, body={"key": "x"}),
                budgeted=False,
            ),
        ]
        # Handlers invoked in this process (seeding, choosing callers) log to stdout; not here.
        with contextlib.redirect_stdout(io.StringIO()):
            measured = main_event_probes(stack, common, runs + 1)
        submit = _function_probe(
            stack,
            "ReportsFunction",
            f"POST /reports as {REPORTER} (Encryption SDK, idempotency)",
            lambda _: api_event(
                "POST",
                "/reports",
                stack.claims(REPORTER),
                body=HARASSMENT_REPORT,
                headers={"Idempotency-Key": f"bench-{uuid.uuid4()}"},
            ),
            common,
            name="ReportsFunction (submit)",
            budgeted=False,
        )
        probes += [p for p in [*measured, submit] if only is None or re.search(only, p.name)]
        samples: dict[str, list[float]] = {p.name: [] for p in probes}
        for run in range(runs + 1):
            for probe in probes:
                elapsed = _run_probe(probe, run)
                if run > 0:  # the first round compiles bytecode and fills the disk cache
                    samples[probe.name].append(elapsed)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    rows: dict[str, Any] = {}
    for probe in probes:
        median = medians[probe.name]
        vs_minimal = median / medians["minimal_powertools"]
        rows[probe.name] = {
            "event": probe.describes,
            "median_ms": round(median * 1000, 1),
            "samples_ms": [round(s * 1000, 1) for s in samples[probe.name]],
            "vs_minimal": round(vs_minimal, 3),
            "vs_bare": round(median / medians["bare_boto3"], 3),
            "budgeted": probe.budgeted,
            "within_budget": not probe.budgeted or vs_minimal <= BUDGET_VS_MINIMAL,
        }
    return {"runs": runs, "budget_vs_minimal": BUDGET_VS_MINIMAL, "probes": rows}


def print_cold_starts(cold: Mapping[str, Any]) -> None:
    print(
        f"\nCold start: fresh process, import handler.py, serve the main event once (median of {cold['runs']})"
    )
    print(f"  {'function':<26}{'ms':>7}{'vs (a)':>8}{'vs (b)':>8}  {'budget':<13}event")
    for name, row in cold["probes"].items():
        if not row["budgeted"]:
            verdict = "baseline" if name in BASELINES else "(no budget)"
        else:
            verdict = "ok" if row["within_budget"] else "OVER"
        print(
            f"  {name:<26}{row['median_ms']:7.0f}{row['vs_minimal']:8.2f}{row['vs_bare']:8.2f}  {verdict:<13}{row['event']}"
        )
    print(
        f"  (a) minimal Powertools + pydantic handler, (b) bare boto3 process; budget {cold['budget_vs_minimal']}x (a)"
    )
