"""The front end's share of `make bench`: what a first visit downloads (gzip, as CloudFront
sends it) and Lighthouse's performance and accessibility scores for the report form, run
against the local stack in Debian's Chromium.

    python -m tests.perf.front_end        # prints the figures as JSON"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from infra.local.stack import free_port
from infra.local.template_model import PROJECT_ROOT

WEB = PROJECT_ROOT / "web"
DIST = WEB / "dist"
LIGHTHOUSE = WEB / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# The anonymous report form: the page a frightened employee opens first.
REPORT_FORM_PATH = "/kokkola/report"
BUDGET_JS_GZIP_KB = 150
BUDGET_CSS_GZIP_KB = 20
BUDGET_PERFORMANCE = 0.9
BUDGET_ACCESSIBILITY = 1.0
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


class _FirstLoadAssets(HTMLParser):
    """Scripts, module preloads and style sheets that index.html makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script" and named.get("src"):
            self.paths.append(str(named["src"]))
        if tag == "link" and named.get("rel") in {"stylesheet", "modulepreload"} and named.get("href"):
            self.paths.append(str(named["href"]))


def first_load_bytes(dist: Path = DIST) -> dict[str, Any]:
    parser = _FirstLoadAssets()
    index = (dist / "index.html").read_text(encoding="utf-8")
    parser.feed(index)
    sizes = {"js": 0, "css": 0, "html": len(gzip.compress(index.encode()))}
    for path in parser.paths:
        data = (dist / path.lstrip("/")).read_bytes()
        kind = "css" if path.endswith(".css") else "js"
        sizes[kind] += len(gzip.compress(data))
    return {
        "js_gzip_kb": round(sizes["js"] / 1024, 1),
        "css_gzip_kb": round(sizes["css"] / 1024, 1),
        "html_gzip_kb": round(sizes["html"] / 1024, 1),
        "assets": sorted(parser.paths),
        "within_budget": sizes["js"] <= BUDGET_JS_GZIP_KB * 1024
        and sizes["css"] <= BUDGET_CSS_GZIP_KB * 1024,
    }


def _wait_until_up(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback)
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the local stack did not answer at {url}")


def lighthouse_scores() -> dict[str, Any]:
    port = free_port()
    stack = subprocess.Popen(
        [sys.executable, "-m", "infra.local.run"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PORT": str(port), "HOST": "127.0.0.1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/app-config.json", time.monotonic() + 120)
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / "lighthouse.json"
            subprocess.run(  # noqa: S603 (node and a fixed script)
                [
                    shutil.which("node") or "node",
                    str(LIGHTHOUSE),
                    base + REPORT_FORM_PATH,
                    "--only-categories=performance,accessibility",
                    "--output=json",
                    f"--output-path={report}",
                    f"--chrome-flags={CHROME_FLAGS}",
                    "--quiet",
                ],
                cwd=WEB,
                env={**os.environ, "CHROME_PATH": CHROME},
                check=True,
                timeout=300,
                capture_output=True,
            )
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    finally:
        stack.terminate()
        stack.wait(timeout=30)
    performance = categories["performance"]["score"]
    accessibility = categories["accessibility"]["score"]
    return {
        "page": REPORT_FORM_PATH,
        "performance": performance,
        "accessibility": accessibility,
        "within_budget": performance >= BUDGET_PERFORMANCE and accessibility >= BUDGET_ACCESSIBILITY,
    }


def front_end_figures() -> dict[str, Any]:
    return {"first_load": first_load_bytes(), "lighthouse": lighthouse_scores()}


def print_front_end(figures: dict[str, Any]) -> None:
    first, scores = figures["first_load"], figures["lighthouse"]
    verdict = "ok" if first["within_budget"] else "OVER BUDGET"
    print(f"\nFront end, first load (gzip; budget JS {BUDGET_JS_GZIP_KB} KB, CSS {BUDGET_CSS_GZIP_KB} KB)")
    print(
        f"  JS {first['js_gzip_kb']} KB, CSS {first['css_gzip_kb']} KB, HTML {first['html_gzip_kb']} KB: {verdict}"
    )
    verdict = "ok" if scores["within_budget"] else "UNDER GOAL"
    print(f"Lighthouse on {scores['page']} (goal performance ≥ {BUDGET_PERFORMANCE}, accessibility 1.0)")
    print(f"  performance {scores['performance']}, accessibility {scores['accessibility']}: {verdict}")


if __name__ == "__main__":
    print(json.dumps(front_end_figures(), indent=2))
