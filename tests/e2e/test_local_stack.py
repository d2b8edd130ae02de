"""The local stack started the way `make run` starts it, driven over real HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from infra.local.stack import free_port
from infra.local.template_model import PROJECT_ROOT

START_TIMEOUT_SECONDS = 120


@dataclass
class RunningStack:
    process: subprocess.Popen[str]
    url: str
    output: list[str] = field(default_factory=list)


def _read_output(stack: RunningStack, up: threading.Event) -> None:
    assert stack.process.stdout is not None
    for line in stack.process.stdout:
        stack.output.append(line)
        if "local stack is up at" in line:
            up.set()
    up.set()


@pytest.fixture(scope="module")
def stack() -> Iterator[RunningStack]:
    port = free_port()
    paths = [str(PROJECT_ROOT), str(PROJECT_ROOT / "layers" / "workwell")]
    # As `make run` starts it: HOST unset, so the default applies.
    environment = {**os.environ, "PORT": str(port), "PYTHONPATH": os.pathsep.join(paths)}
    environment.pop("HOST", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "infra.local.run"],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    running = RunningStack(process=process, url=f"http://127.0.0.1:{port}")
    up = threading.Event()
    threading.Thread(target=_read_output, args=(running, up), daemon=True).start()
    if not up.wait(START_TIMEOUT_SECONDS) or process.poll() is not None:
        process.kill()
        pytest.fail("the local stack did not come up:\n" + "".join(running.output[-40:]))
    yield running
    if process.poll() is None:
        process.kill()


def request(
    stack: RunningStack,
    method: str,
    path: str,
    body: Any = None,
    token: str | None = None,
    *,
    idempotency_key: str | None = None,
) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json"}
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    call = urllib.request.Request(stack.url + path, data=data, headers=headers, method=method)  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(call, timeout=30) as response:  # noqa: S310
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        text, status = error.read().decode(), error.code
    try:
        return status, json.loads(text)
    except json.JSONDecodeError:
        return status, text


def sign_in(stack: RunningStack, user_id: str) -> str:
    status, body = request(stack, "POST", "/_local/sign-in", {"userId": user_id})
    assert status == 200
    return str(body["token"])


def test_the_banner_shows_the_url_the_people_and_an_example(stack: RunningStack) -> None:
    printed = "".join(stack.output)

    assert f"is up at {stack.url}" in printed
    assert "kokkola-hrdir-sari: hr_director" in printed
    assert f'curl -s -H "Authorization: Bearer $TOKEN" {stack.url}/api/me' in printed


def test_sign_in_then_me(stack: RunningStack) -> None:
    token = sign_in(stack, "vaala-hrdir-1")

    status, me = request(stack, "GET", "/api/me", token=token)

    assert status == 200
    assert (me["tenant"]["id"], me["roles"]) == ("vaala", ["employee", "hr_director"])


def test_without_a_token_the_api_answers_401(stack: RunningStack) -> None:
    status, body = request(stack, "GET", "/api/me")

    assert status == 401
    assert body["error"]["code"] == "unauthenticated"


def test_a_harassment_report_through_the_stack(stack: RunningStack) -> None:
    aino = sign_in(stack, "kokkola-employee-aino")
    report = {
        "type": "harassment",
        "answers": {"whatHappened": "Minua nimiteltiin.", "toldUnwanted": "no"},
        "handlerId": "kokkola-safetyrep-liisa",
        "recusedIds": ["kokkola-hrdir-sari"],
    }

    status, created = request(stack, "POST", "/api/reports", report, aino, idempotency_key="e2e-report-0001")
    _, mine = request(stack, "GET", "/api/reports/mine", token=aino)
    outsider, _ = request(
        stack, "GET", f"/api/reports/{created['reportId']}", token=sign_in(stack, "ii-employee-1")
    )

    assert status == 201
    assert [r["reportId"] for r in mine["items"]] == [created["reportId"]]
    assert outsider == 404


def test_a_harassment_case_handled_to_closing_through_the_stack(stack: RunningStack) -> None:
    aino, liisa = sign_in(stack, "kokkola-employee-aino"), sign_in(stack, "kokkola-safetyrep-liisa")
    report = {
        "type": "harassment",
        "answers": {"whatHappened": "Minua mitätöitiin."},
        "handlerId": "kokkola-safetyrep-liisa",
    }
    _, created = request(stack, "POST", "/api/reports", report, aino, idempotency_key="e2e-case-0001")
    case = f"/api/cases/{created['reportId']}"

    version = 1
    for action, extra in (
        ("acknowledge", {}),
        ("start_investigation", {}),
        ("close", {"resolution": "resolved"}),
    ):
        status, moved = request(
            stack,
            "POST",
            case + "/transitions",
            {"action": action, "expectedVersion": version, **extra},
            liisa,
        )
        assert status == 200, moved
        version = moved["version"]
    _, mine = request(stack, "GET", f"/api/reports/{created['reportId']}", token=aino)
    _, trail = request(stack, "GET", case + "/audit", token=liisa)
    supervisor, _ = request(stack, "GET", case, token=sign_in(stack, "kokkola-supervisor-mikko"))

    assert [c["status"] for c in mine["statusHistory"]] == [
        "received",
        "acknowledged",
        "investigating",
        "closed",
    ]
    assert [e["action"] for e in trail["items"]].count("case.transition") == 3
    assert supervisor == 404


def test_an_anonymous_report_and_its_follow_up_through_the_stack(stack: RunningStack) -> None:
    report = {"type": "near_miss", "answers": {"whatHappened": "Lattia oli liukas."}, "unitId": "sote"}

    status, created = request(
        stack, "POST", "/api/public/kokkola/reports", report, idempotency_key="e2e-anonymous-0001"
    )
    receipt = {"receipt": created["receipt"]}
    followed, view = request(stack, "POST", "/api/public/kokkola/follow-up", receipt)
    wrong, _ = request(stack, "POST", "/api/public/kokkola/follow-up", {"receipt": "A" * 20})

    assert status == 201
    assert (followed, view["reference"]) == (200, created["reference"])
    assert wrong == 404


def test_an_unknown_demo_person_cannot_sign_in(stack: RunningStack) -> None:
    status, body = request(stack, "POST", "/_local/sign-in", {"userId": "nobody"})

    assert status == 404
    assert body["error"]["code"] == "not_found"


def test_an_admin_change_is_visible_to_the_person_it_concerns(stack: RunningStack) -> None:
    admin = sign_in(stack, "pudasjarvi-admin-1")
    person = {
        "name": "Pudasjärvi työntekijä",
        "email": "p@pudasjarvi.example",
        "roles": ["wellbeing_coordinator"],
    }

    status, _ = request(stack, "PUT", "/api/staff/pudasjarvi-employee-1", person, token=admin)
    _, me = request(stack, "GET", "/api/me", token=sign_in(stack, "pudasjarvi-employee-1"))

    assert status == 200
    assert me["roles"] == ["employee", "wellbeing_coordinator"]


def test_the_local_pages_are_served(stack: RunningStack) -> None:
    landing_status, landing = request(stack, "GET", "/_local/")
    docs_status, docs = request(stack, "GET", "/_local/docs")
    asset_status, _ = request(stack, "GET", "/_local/swagger-ui/swagger-ui.min.css")
    openapi_status, openapi = request(stack, "GET", "/_local/openapi.json")
    users_status, users = request(stack, "GET", "/_local/users")

    assert landing_status == 200
    assert "Sign in as a demo person" in landing
    assert docs_status == asset_status == 200
    assert "SwaggerUIBundle" in docs
    assert openapi_status == 200
    assert "/me" in openapi["paths"]
    assert openapi["servers"] == [{"url": stack.url + "/api"}]
    assert users_status == 200
    assert {t["tenantId"] for t in users["tenants"]} >= {"kokkola", "vaala"}


def test_the_api_is_under_api_and_the_app_has_the_other_paths(stack: RunningStack) -> None:
    token = sign_in(stack, "vaala-hrdir-1")

    api_status, _ = request(stack, "GET", "/api/me", token=token)
    unknown_status, unknown = request(stack, "GET", "/api/no-such-route", token=token)
    config_status, config = request(stack, "GET", "/app-config.json")
    page_status, _ = request(stack, "GET", "/me", token=token)  # a page of the app, or 503 unbuilt

    assert api_status == 200
    assert (unknown_status, unknown["error"]["code"]) == (404, "not_found")
    assert config_status == 200
    assert config["signIn"] == {"kind": "local", "peopleUrl": "/_local/users", "signInUrl": "/_local/sign-in"}
    assert page_status in {200, 503}


def _emails_with(stack: RunningStack, reference: str) -> list[dict[str, Any]]:
    _, mailbox = request(stack, "GET", "/_local/mailbox")
    return [e for e in mailbox["emails"] if reference in e["body"]]


def _wait_for(check: Any, seconds: float = 15) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    return check()


def _report_for_liisa(stack: RunningStack, key: str) -> dict[str, Any]:
    aino = sign_in(stack, "kokkola-employee-aino")
    report = {
        "type": "harassment",
        "answers": {"whatHappened": "Minua vähäteltiin palaverissa."},
        "handlerId": "kokkola-safetyrep-liisa",
        "recusedIds": ["kokkola-hrdir-sari"],
    }
    status, created = request(stack, "POST", "/api/reports", report, aino, idempotency_key=key)
    assert status == 201
    _, mine = request(stack, "GET", f"/api/reports/{created['reportId']}", token=aino)
    return {**created, "reference": mine["reference"]}


def test_a_new_report_is_in_the_handlers_mailbox_and_the_recused_get_nothing(stack: RunningStack) -> None:
    created = _report_for_liisa(stack, "e2e-mail-0001")

    (email,) = _wait_for(lambda: _emails_with(stack, created["reference"]))

    assert email["recipients"] == ["kokkola-safetyrep-liisa@kokkola.example"]
    assert f"{stack.url}/cases/{created['reportId']}" in email["body"]
    assert "vähäteltiin" not in email["body"]
    time.sleep(0.5)  # nothing else follows for this case
    assert len(_emails_with(stack, created["reference"])) == 1


def test_after_an_ses_outage_the_sweeper_sends_exactly_one_email(stack: RunningStack) -> None:
    _, dead_before = request(stack, "GET", "/_local/dead-letters")
    assert request(stack, "POST", "/_local/ses-outage")[1] == {"sesOutage": True}
    try:
        created = _report_for_liisa(stack, "e2e-mail-0002")
        parked = _wait_for(
            lambda: (
                len(request(stack, "GET", "/_local/dead-letters")[1]["deadLetters"])
                > len(dead_before["deadLetters"])
            )
        )
        assert parked
        assert _emails_with(stack, created["reference"]) == []
    finally:
        assert request(stack, "DELETE", "/_local/ses-outage")[1] == {"sesOutage": False}

    status, swept = request(stack, "POST", "/_local/sweep")
    _, again = request(stack, "POST", "/_local/sweep")

    assert status == 200
    assert swept["sweep"]["redriven"] >= 1
    assert again["sweep"]["redriven"] == 0
    assert len(_emails_with(stack, created["reference"])) == 1


def test_the_digest_runs_on_demand_once_a_day(stack: RunningStack) -> None:
    _report_for_liisa(stack, "e2e-mail-0003")  # new since the last digest: Liisa has something

    status, first = request(stack, "POST", "/_local/digest")
    _, second = request(stack, "POST", "/_local/digest")

    assert status == 200
    assert first["digest"]["emailed"] >= 1
    assert second["digest"]["emailed"] == 0
    assert (
        second["digest"]["alreadyDone"]
        == first["digest"]["emailed"] + first["digest"]["nothingToDo"] + first["digest"]["alreadyDone"]
    )


def test_a_role_that_reads_harassment_reports_takes_an_overseers_confirmation(stack: RunningStack) -> None:
    """Issue 12 through the stack: the admin asks, nothing changes; an overseer confirms,
    the role takes effect; the overseers and the grantee are told, without names or roles."""
    admin, supervisor, manager = (
        sign_in(stack, user) for user in ("vaala-admin-1", "vaala-supervisor-1", "vaala-safetymgr-1")
    )
    report = {
        "type": "harassment",
        "answers": {"whatHappened": "Minua nimiteltiin."},
        "handlerId": "vaala-safetyrep-1",
    }
    _, created = request(
        stack,
        "POST",
        "/api/reports",
        report,
        sign_in(stack, "vaala-employee-1"),
        idempotency_key="e2e-sod-0001",
    )
    case_path = f"/api/cases/{created['reportId']}"
    _, directory = request(stack, "GET", "/api/staff?limit=100", token=admin)
    entry = next(p for p in directory["items"] if p["userId"] == "vaala-supervisor-1")
    wanted = {k: entry[k] for k in ("name", "email", "language", "supervisedUnits")}

    asked, pending = request(
        stack,
        "PUT",
        "/api/staff/vaala-supervisor-1",
        {**wanted, "roles": ["supervisor", "safety_manager"], "expectedVersion": entry["version"]},
        admin,
    )
    before = request(stack, "GET", case_path, token=supervisor)[0]
    _, grants = request(stack, "GET", "/api/staff/grants?status=pending", token=manager)
    (grant,) = [g for g in grants["items"] if g["userId"] == "vaala-supervisor-1"]
    by_admin = request(stack, "POST", f"/api/staff/grants/{grant['id']}/confirmation", token=admin)[0]
    confirmed = request(stack, "POST", f"/api/staff/grants/{grant['id']}/confirmation", token=manager)[0]
    # Lists read roles afresh (and refresh the container's cache), so the case is there at once.
    _, inbox = request(stack, "GET", "/api/cases", token=supervisor)
    after = request(stack, "GET", case_path, token=supervisor)[0]

    assert (asked, pending["roles"], [g["role"] for g in pending["pendingGrants"]]) == (
        200,
        ["supervisor"],
        ["safety_manager"],
    )
    assert (before, by_admin, confirmed, after) == (404, 403, 200, 200)
    assert created["reportId"] in [c["caseId"] for c in inbox["items"]]
    notices = _wait_for(
        lambda: [e for e in request(stack, "GET", "/_local/mailbox")[1]["emails"] if grant["id"] in e["body"]]
    )
    told = {r for e in notices for r in e["recipients"]}
    assert {
        f"{u}@vaala.example" for u in ("vaala-hrdir-1", "vaala-safetymgr-1", "vaala-supervisor-1")
    } <= told
    assert not [e for e in notices if "safety_manager" in e["body"] or entry["name"] in e["body"]]


def test_the_mailbox_answers_in_json_and_html(stack: RunningStack) -> None:
    status, mailbox = request(stack, "GET", "/_local/mailbox")
    html_status, page = request(stack, "GET", "/_local/mailbox?format=html")

    assert status == 200
    assert isinstance(mailbox["emails"], list)  # earlier tests here send mail
    assert html_status == 200
    assert "Mailbox" in page


def _listening_addresses(pid: int) -> list[str]:
    """Local addresses of the LISTEN sockets the process holds (Linux /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    addresses = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:
                addresses.append(fields[1])
    return addresses


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_nothing_listens_beyond_loopback(stack: RunningStack) -> None:
    addresses = _listening_addresses(stack.process.pid)

    assert len(addresses) >= 2  # the gateway and the AWS emulator
    assert all(a.split(":")[0] == "0100007F" for a in addresses), addresses  # 127.0.0.1


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com"])  # noqa: S104
def test_the_stack_refuses_to_listen_beyond_loopback(host: str) -> None:
    paths = [str(PROJECT_ROOT), str(PROJECT_ROOT / "layers" / "workwell")]
    environment = {**os.environ, "HOST": host, "PYTHONPATH": os.pathsep.join(paths)}

    completed = subprocess.run(
        [sys.executable, "-m", "infra.local.run"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert completed.returncode != 0
    assert "HOST must be a loopback address" in completed.stderr


def test_the_capacity_rush_sells_each_place_once_over_http(
    stack: RunningStack, capsys: pytest.CaptureFixture[str]
) -> None:
    from infra.local import capacity_rush

    code = capacity_rush.rush(stack.url, capacity=5, orders=25)

    printed = capsys.readouterr().out
    assert "25 concurrent orders from 16 people: 201: 5, 409 capacity_full: 20" in printed
    assert "counts.requested = 5" in printed
    assert "placesLeft = 0, full = true" in printed
    assert code == 0, printed


def test_ctrl_c_stops_everything(stack: RunningStack) -> None:
    stack.process.send_signal(signal.SIGINT)

    assert stack.process.wait(timeout=30) == 0
    assert any("Stopping the local stack" in line for line in stack.output)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(stack.url + "/", timeout=5)  # noqa: S310
