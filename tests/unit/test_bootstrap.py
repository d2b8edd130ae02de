"""The functions' one composition root: ports built on first use, and filled with fakes by tests."""

from __future__ import annotations

import importlib.util
import json
import sys
import uuid
from types import ModuleType
from typing import Any

import pytest

from infra.local.function_host import LocalLambdaContext
from infra.local.template_model import PROJECT_ROOT
from tests.conftest import api_event
from tests.unit.fakes import FakeUnitOfWork, FixedClock
from tests.unit.report_fixtures import TENANT, populated_store
from workwell.bootstrap import Bootstrap
from workwell.config import AdminSettings, ReportsSettings


def fresh_handler(name: str) -> ModuleType:
    """A function's handler.py as a module of its own (its bootstrap untouched by other tests)."""
    spec = importlib.util.spec_from_file_location(
        f"bootstrap_test_{name}_{uuid.uuid4().hex}", PROJECT_ROOT / "functions" / name / "handler.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _no_tracing(monkeypatch: pytest.MonkeyPatch) -> None:
    # As the template deploys by default (EnableTracing off): no X-Ray SDK, no daemon.
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")


def unreadable_settings() -> Any:
    raise AssertionError("settings were read")


@pytest.mark.parametrize("name", ["admin", "reports", "cases", "notifier", "digest"])
def test_importing_a_handler_builds_nothing(name: str) -> None:
    handler = fresh_handler(name)

    assert isinstance(handler.bootstrap, Bootstrap)
    # Not the settings, not a client, not a port: only the settings factory it was given.
    assert set(vars(handler.bootstrap)) == {"_settings_factory"}


def test_a_port_is_built_once_on_first_use() -> None:
    bootstrap = Bootstrap(lambda: ReportsSettings.model_validate(SETTINGS))

    assert bootstrap.clock is bootstrap.clock
    assert set(vars(bootstrap)) == {"_settings_factory", "clock"}


def test_a_port_needing_a_setting_the_function_lacks_names_it() -> None:
    admin = Bootstrap(lambda: AdminSettings.model_validate(SETTINGS))

    with pytest.raises(RuntimeError, match="restricted_data_key_id"):
        _ = admin.cipher


def test_only_ports_can_be_filled_and_only_before_they_are_built() -> None:
    bootstrap = Bootstrap(unreadable_settings)
    bootstrap.fill(clock=FixedClock())
    with pytest.raises(AttributeError, match="no port"):
        bootstrap.fill(clok=FixedClock())
    with pytest.raises(RuntimeError, match="already built"):
        bootstrap.fill(clock=FixedClock())


def test_a_handler_serves_a_route_on_fakes() -> None:
    handler = fresh_handler("reports")
    store = populated_store()
    handler.bootstrap.fill(
        settings=ReportsSettings.model_validate(SETTINGS),
        unit_of_work=lambda: FakeUnitOfWork(store),
        clock=FixedClock(),
    )

    answer = handler.lambda_handler(
        api_event(
            "GET",
            f"/public/{TENANT}/report-types",
            None,
            resource="/public/{tenant}/report-types",
            path_parameters={"tenant": TENANT},
        ),
        LocalLambdaContext("ReportsFunction"),
    )

    assert answer["statusCode"] == 200, answer
    types = [t["key"] for t in json.loads(answer["body"])["items"]]
    assert types == ["harassment", "near_miss"]  # the tenant's types open to anonymous reporters


SETTINGS = {
    "main_table_name": "MainTable",
    "audit_table_name": "AuditTable",
    "cursor_key_id": "cursor-key",
    "restricted_data_key_id": "restricted-key",
    "idempotency_table_name": "IdempotencyTable",
    "blinding_key_id": "blinding-key",
}
