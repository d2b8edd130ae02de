"""HTML of the local stack's helpers: the sign-in helper (`/_local/`), the mailbox view and
Swagger UI. The web app itself is at `/`, the API under `/api`."""

from __future__ import annotations

import json
from html import escape

from infra.local.mailbox import MailboxEntry
from infra.tenants.definitions import Definitions

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:68rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{margin-bottom:.2rem} table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
button{font:inherit;padding:.2rem .7rem;cursor:pointer} code,pre{background:#f2f2f2;padding:.1rem .3rem}
pre{white-space:pre-wrap;word-break:break-all;padding:.6rem} nav a{margin-right:1rem}
"""

_SIGN_IN_SCRIPT = """
async function signIn(userId) {
  const response = await fetch('/_local/sign-in', {method: 'POST',
    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({userId})});
  const answer = await response.json();
  const out = document.getElementById('token');
  out.textContent = answer.token
    ? 'Signed in as ' + userId + '. Token (valid ' + answer.expiresIn + ' s):\\n\\n' + answer.token +
      '\\n\\ncurl -H "Authorization: Bearer ' + answer.token + '" ' + location.origin + '/api/me'
    : JSON.stringify(answer);
  out.focus();
}
"""


def _page(title: str, body: str, script: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<nav aria-label="Local stack"><a href="/">Web app</a><a href="/_local/">Sign-in helper</a>'
        f'<a href="/_local/docs">API explorer</a>'
        f'<a href="/_local/mailbox?format=html">Mailbox</a></nav>{body}'
        f"<script>{script}</script></body></html>"
    )


def landing_page(definitions: Definitions) -> str:
    sections = []
    for tenant in definitions.tenants:
        name = tenant.settings.name.get(tenant.settings.languages[0], tenant.tenant_id)
        rows = "".join(
            f"<tr><td>{escape(p.name)}</td><td><code>{escape(p.user_id)}</code></td>"
            f"<td>{escape(', '.join(sorted(p.roles)) or 'employee')}</td><td>{escape(p.unit)}</td>"
            f'<td><button type="button" onclick="signIn({escape(json.dumps(p.user_id))})">Sign in</button></td></tr>'
            for p in tenant.people
        )
        sections.append(
            f"<h3>{escape(name)} <small>(<code>{escape(tenant.tenant_id)}</code>)</small></h3>"
            f'<table><thead><tr><th scope="col">Name</th><th scope="col">User id</th><th scope="col">Roles</th>'
            f'<th scope="col">Unit</th><th scope="col"></th></tr></thead><tbody>{rows}</tbody></table>'
        )
    body = (
        "<main><h1>Workwell, local stack: sign-in helper</h1>"
        "<p>Confidential safety reports and the wellbeing service tray, running on this computer "
        "against an embedded AWS emulator. Nothing leaves the machine; all data here is made up.</p>"
        '<p>The web app is at <a href="/">/</a>, the API under <code>/api</code> '
        "(e.g. <code>/api/me</code>).</p>"
        "<h2>Sign in as a demo person</h2><p>A button issues a token signed by the local sign-in "
        "(the gateway verifies it like the Cognito authorizer would).</p>"
        '<pre id="token" tabindex="-1" aria-live="polite">No token yet.</pre>' + "".join(sections) + "</main>"
    )
    return _page("Workwell local stack", body, _SIGN_IN_SCRIPT)


def mailbox_page(entries: list[MailboxEntry]) -> str:
    if not entries:
        listing = "<p>No emails have been sent yet.</p>"
    else:
        listing = "".join(
            f"<article><h2>{escape(e.subject)}</h2><p>From <code>{escape(e.sender)}</code> to "
            f"<code>{escape(', '.join(e.recipients))}</code></p><pre>{escape(e.body)}</pre></article>"
            for e in reversed(entries)
        )
    return _page(
        "Workwell mailbox", f"<main><h1>Mailbox</h1><p>What SES would have sent.</p>{listing}</main>"
    )


def swagger_page(openapi_url: str, assets_path: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Workwell API explorer</title>'
        f'<link rel="stylesheet" href="{assets_path}/swagger-ui.min.css"></head><body>'
        '<div id="swagger-ui"></div>'
        f'<script src="{assets_path}/swagger-ui-bundle.min.js"></script>'
        f"<script>window.ui = SwaggerUIBundle({{url: '{openapi_url}', dom_id: '#swagger-ui'}});</script>"
        "</body></html>"
    )
