"""`make run`: the local stack in the foreground until Ctrl-C.

HOST=127.0.0.1 PORT=3000 python -m infra.local.run"""

from __future__ import annotations

import ipaddress
import logging
import os
import signal
import sys
from types import FrameType

from infra.local.gateway import API_PREFIX
from infra.local.stack import LocalStack

EXAMPLE_PERSON = "kokkola-admin-tuomas"


def _stop_on_term(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def banner(stack: LocalStack) -> str:
    lines = [f"Workwell local stack is up at {stack.url}", ""]
    lines.append("Demo people (user id: roles):")
    for tenant in stack.definitions.tenants:
        lines.append(f"  {tenant.tenant_id}")
        for person in tenant.people:
            lines.append(f"    {person.user_id}: {', '.join(sorted(person.roles)) or 'employee'}")
    lines += [
        "",
        f"Web app:       {stack.url}/"
        + ("" if stack.web_app.built else "   (not built: make run builds web/)"),
        f"Sign-in help:  {stack.url}/_local/",
        f"API:           {stack.url}{API_PREFIX}/...",
        f"API explorer:  {stack.url}/_local/docs",
        f"Mailbox:       {stack.url}/_local/mailbox?format=html   (JSON: {stack.url}/_local/mailbox)",
        f"AWS emulator:  {stack.emulator_url} (loopback only)",
        "",
        "Try it:",
        f"  TOKEN=$(curl -s -X POST {stack.url}/_local/sign-in -H 'Content-Type: application/json' \\",
        f'          -d \'{{"userId": "{EXAMPLE_PERSON}"}}\' | python3 -c \'import json,sys; print(json.load(sys.stdin)["token"])\')',
        f'  curl -s -H "Authorization: Bearer $TOKEN" {stack.url}{API_PREFIX}/me',
        "",
        "Ctrl-C stops everything.",
    ]
    return "\n".join(lines)


def loopback_host(host: str) -> str:
    """The local stack issues tokens to anyone who asks (/_local/sign-in): it may only ever
    listen on this machine."""
    try:
        if host == "localhost" or ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        pass
    raise SystemExit(f"HOST must be a loopback address such as 127.0.0.1, not {host!r}")


def main() -> int:
    signal.signal(signal.SIGTERM, _stop_on_term)
    # The emulator's own request log would drown the functions' lines.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    host = loopback_host(os.environ.get("HOST", "127.0.0.1"))
    stack = LocalStack(host=host, port=int(os.environ.get("PORT", "3000")))
    try:
        stack.start()
        print(banner(stack), flush=True)
        stack.serve_forever()
    except KeyboardInterrupt:
        print("\nStopping the local stack.", flush=True)
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
