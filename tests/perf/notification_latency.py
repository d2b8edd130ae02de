"""Report-to-email latency on the local stack: the time from sending a harassment report
over HTTP to its email being in the mailbox (stream relay, notifier, SES emulator). Run in
its own process by `make bench`; prints one JSON object.

python -m tests.perf.notification_latency [runs]"""

from __future__ import annotations

import json
import statistics
import sys
import threading
import time
import urllib.request
import uuid

from infra.local.gateway import API_PREFIX
from infra.local.mailbox import sent_emails
from infra.local.stack import LocalStack, free_port

POLL_SECONDS = 0.005
GIVE_UP_SECONDS = 30


def _post(url: str, body: object, headers: dict[str, str]) -> dict[str, object]:
    data = json.dumps(body).encode()
    all_headers = {"Content-Type": "application/json", **headers}
    call = urllib.request.Request(url, data=data, headers=all_headers, method="POST")  # noqa: S310 (loopback)
    with urllib.request.urlopen(call, timeout=30) as response:  # noqa: S310
        result: dict[str, object] = json.loads(response.read())
        return result


def measure(runs: int) -> dict[str, object]:
    stack = LocalStack(port=free_port())
    stack.start()
    threading.Thread(target=stack.serve_forever, daemon=True).start()
    token = str(_post(f"{stack.url}/_local/sign-in", {"userId": "kokkola-employee-aino"}, {})["token"])
    report = {
        "type": "harassment",
        "answers": {"whatHappened": "Bench report.", "toldUnwanted": "no"},
        "handlerId": "kokkola-safetyrep-liisa",
        "recusedIds": ["kokkola-hrdir-sari"],
    }
    latencies = []
    try:
        for _ in range(runs):
            before = len(sent_emails())
            started = time.perf_counter()
            headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
            _post(f"{stack.url}{API_PREFIX}/reports", report, headers)
            while len(sent_emails()) == before:
                if time.perf_counter() - started > GIVE_UP_SECONDS:
                    raise RuntimeError("no email within 30 s")
                time.sleep(POLL_SECONDS)
            latencies.append(time.perf_counter() - started)
    finally:
        stack.stop()
    ordered = sorted(latencies)
    return {
        "runs": runs,
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "goal_ms": 2000,
        "within_goal": ordered[-1] <= 2.0,
    }


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
