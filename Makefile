# Workwell developer commands. Every target bootstraps .venv itself.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.13 (the Lambda runtime) where the machine has it, else the newest python3 >= 3.11.
PYENV_PY313 := $(shell pyenv root 2>/dev/null)/versions/3.13.0/bin/python3.13
BOOT_PYTHON ?= $(firstword $(wildcard $(PYENV_PY313)) $(shell command -v python3.13 python3.12 python3.11 2>/dev/null))
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

ARTIFACTS_DIR ?= build/layer

# The web app (web/): npm ci when package.json or the lock file changes, a build when a source does.
WEB_STAMP := web/node_modules/.installed
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.ts web/tsconfig.json

.PHONY: help test lint typecheck template-check web-test web-e2e openapi layer run bench fuzz clean

help:
	@echo "make test      lint, type checks, template checks, the Python suite, then web-test and web-e2e"
	@echo "make run       builds web/ if needed, then the local stack on http://127.0.0.1:3000:"
	@echo "               the web app at /, the API under /api, the sign-in helper at /_local/ (HOST, PORT)"
	@echo "make web-test  the web app's type check, unit tests and build (npm, in web/)"
	@echo "make web-e2e   the web app's browser tests (Playwright on Chromium; starts its own stack)"
	@echo "make bench     cold start, warm latency and AWS calls per route (bench/results.json)"
	@echo "make fuzz      schemathesis, deep: many generated requests per operation against the handlers"
	@echo "make openapi   regenerate docs/openapi.json from the handlers"
	@echo "make layer     build the Lambda layer (python3.13, arm64 wheels) into build/layer"

$(STAMP): requirements-dev.txt layers/workwell/requirements.txt
	@test -n "$(BOOT_PYTHON)" || { echo "Python 3.11+ is needed (3.13 preferred)"; exit 1; }
	$(BOOT_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	# Make the project and the layer importable in .venv (like pytest's pythonpath).
	printf '%s\n' "$(CURDIR)" "$(CURDIR)/layers/workwell" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/workwell-dev.pth"
	touch $@

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

template-check: $(STAMP)
	$(VENV)/bin/cfn-lint template.yaml

# In this order: the Python checks and suite, then the web app's checks, then its browser tests.
test: lint typecheck template-check
	$(PY) -m pytest -n 2 --dist loadfile
	$(MAKE) web-test
	$(MAKE) web-e2e

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci
	touch $@

web/dist/index.html: $(WEB_STAMP) $(WEB_SOURCES)
	cd web && npm run build

web-test: $(WEB_STAMP)
	cd web && npm run typecheck && npm run test && npm run build

# The Playwright config starts the local stack itself (../.venv/bin/python -m infra.local.run).
web-e2e: $(STAMP) $(WEB_STAMP)
	cd web && npm run e2e

openapi: $(STAMP)
	$(PY) -m infra.local.openapi_document --write docs/openapi.json

layer: $(STAMP)
	$(MAKE) -C layers/workwell build-WorkwellLayer ARTIFACTS_DIR=$(abspath $(ARTIFACTS_DIR)) PIP="$(abspath $(PY)) -m pip"

clean:
	rm -rf build .aws-sam .pytest_cache .mypy_cache .ruff_cache web/dist web/test-results web/playwright-report

run: $(STAMP) web/dist/index.html
	$(PY) -m infra.local.run

bench: $(STAMP) web/dist/index.html
	$(PY) -m tests.perf.bench

# The deep schemathesis profile (make test runs the fast one). WORKWELL_SCHEMATHESIS_EXAMPLES
# sets the examples per operation (default 150).
fuzz: $(STAMP)
	WORKWELL_SCHEMATHESIS_PROFILE=deep $(PY) -m pytest tests/contract/test_api_conformance.py -q -p no:cacheprovider
