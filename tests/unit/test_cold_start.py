"""What a cold start loads and does, guarded here so that speed-ups stay (the timings
themselves live in `make bench`). Each case runs in a fresh interpreter: what is imported,
and the garbage collector's state, are per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from infra.local.template_model import PROJECT_ROOT

LAMBDA = {"AWS_EXECUTION_ENV": "AWS_Lambda_python3.13"}


def run(code: str, **environment: str) -> dict[str, object]:
    """Runs `code` in a fresh interpreter; it prints one JSON object."""
    env = {k: v for k, v in os.environ.items() if k != "AWS_EXECUTION_ENV"}
    env.update({"POWERTOOLS_TRACE_DISABLED": "true", **environment})
    completed = subprocess.run(  # noqa: S603 (this interpreter, our own code)
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


IMPORT_HANDLER = """
    import importlib.util, json, sys
    spec = importlib.util.spec_from_file_location("handler", "functions/{name}/handler.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["handler"] = module
    spec.loader.exec_module(module)

    def state(name):
        found = sys.modules.get(name)
        return None if found is None else type(found).__name__
"""


def test_the_reports_handler_loads_nothing_its_main_route_does_not_need() -> None:
    loaded = run(
        IMPORT_HANDLER.format(name="reports")
        + """
    heavy = ["aws_encryption_sdk", "cryptography", "aws_xray_sdk",
             "aws_lambda_powertools.utilities.idempotency", "aws_lambda_powertools.utilities.data_masking",
             # the submission and follow-up use cases, and what only they use
             "workwell.service_layer.reports.reporter_contact", "workwell.service_layer.cases.case_messages",
             "workwell.adapters.dynamodb_reports"]
    print(json.dumps({name: state(name) for name in heavy} | {
        "report_submission": state("workwell.service_layer.reports.report_submission"),
    }))
    """
    )

    assert loaded.pop("report_submission") == "_LazyModule", "imported, not run, until a route needs it"
    assert loaded == dict.fromkeys(loaded), loaded


def test_the_cases_handler_loads_only_the_inbox_of_its_use_cases() -> None:
    loaded = run(
        IMPORT_HANDLER.format(name="cases")
        + """
    names = ["aws_lambda_powertools.utilities.idempotency", "workwell.service_layer.cases.case_messages",
             "workwell.service_layer.reports.report_submission", "workwell.service_layer.cases.case_file",
             "workwell.service_layer.cases.case_work", "workwell.service_layer.cases.case_statistics"]
    print(json.dumps({name: state(name) for name in names}))
    """
    )

    assert loaded == {
        "aws_lambda_powertools.utilities.idempotency": None,
        "workwell.service_layer.cases.case_messages": None,
        "workwell.service_layer.reports.report_submission": None,
        "workwell.service_layer.cases.case_file": "_LazyModule",
        "workwell.service_layer.cases.case_work": "_LazyModule",
        "workwell.service_layer.cases.case_statistics": "_LazyModule",
    }


def test_a_lazy_use_case_loads_when_a_route_first_uses_it() -> None:
    loaded = run(
        IMPORT_HANDLER.format(name="reports")
        + """
    submit = module.report_submission.submit_report
    print(json.dumps({"module": state("workwell.service_layer.reports.report_submission"),
                      "contact": state("workwell.service_layer.reports.reporter_contact"),
                      "same": submit is sys.modules["workwell.service_layer.reports.report_submission"].submit_report}))
    """
    )

    assert loaded == {"module": "module", "contact": "module", "same": True}


def test_no_handler_imports_the_encryption_sdk_or_the_xray_sdk() -> None:
    for name in ["admin", "reports", "cases", "notifier", "digest", "identity"]:
        loaded = run(
            IMPORT_HANDLER.format(name=name)
            + """
    print(json.dumps({n: state(n) for n in ["aws_encryption_sdk", "cryptography", "aws_xray_sdk"]}))
    """
        )
        assert set(loaded.values()) == {None}, (name, loaded)


GC_STATE = """
    import gc, json
    from workwell import cold_start

    def answer(event, context):
        if event == "fail":
            raise ValueError(event)
        return gc.isenabled()

    handler = cold_start.after_first_answer(answer)
    states = {"after_import": gc.isenabled()}
    try:
        handler("fail" if FIRST_FAILS else "ok", None)
    except ValueError:
        pass
    states["after_first"] = gc.isenabled()
    states["during_second"] = handler("ok", None)
    states["frozen"] = gc.get_freeze_count() > 0
    print(json.dumps(states))
"""


def test_in_a_lambda_runtime_collection_pauses_until_the_first_answer() -> None:
    for first_fails in (False, True):
        states = run(f"FIRST_FAILS = {first_fails}\n" + textwrap.dedent(GC_STATE), **LAMBDA)

        assert states == {"after_import": False, "after_first": True, "during_second": True, "frozen": True}


def test_elsewhere_collection_is_left_alone() -> None:
    states = run("FIRST_FAILS = False\n" + textwrap.dedent(GC_STATE))

    assert states == {"after_import": True, "after_first": True, "during_second": True, "frozen": False}
