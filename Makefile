# Pasar Padu: `make run` serves the app (and its indexer) with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
export FLASK_APP := wsgi

# `RETRIEVAL_BACKEND=milvus make run` without a MILVUS_URI: serve.sh starts Milvus Lite
# (requirements-scale.txt) on MILVUS_PORT with its data in instance/milvus, and stops it after.
ifeq ($(RETRIEVAL_BACKEND),milvus)
ifeq ($(strip $(MILVUS_URI)),)
MILVUS_PORT ?= 19530
export MILVUS_URI := http://127.0.0.1:$(MILVUS_PORT)
export MILVUS_LITE_DATA ?= instance/milvus
endif
endif

.PHONY: run test test-sqlite test-postgres setup setup-dev translations db index browser axe clean lint lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Every requirements*.txt is a lock with hashes (transitive packages included), compiled by
# `make lock` from the requirements*.in next to it; pip refuses anything not in the lock.
PIP_INSTALL := $(BIN)/pip install --quiet --require-hashes
DEV_LOCKS := requirements.txt requirements-scale.txt requirements-st.txt requirements-dev.txt

$(VENV)/.deps: requirements.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(VENV)/.scale-deps: requirements-scale.txt requirements.txt | $(VENV)/.deps
	$(PIP_INSTALL) -r requirements.txt -r requirements-scale.txt
	touch $@

# Tests and tools, with the scale-out backends and the sentence-transformers embedder
# (requirements-st.txt: CPU torch) that the tests exercise.
$(VENV)/.dev-deps: $(DEV_LOCKS) | $(VENV)/.deps
	$(PIP_INSTALL) $(addprefix -r ,$(DEV_LOCKS))
	touch $@

setup: $(VENV)/.deps translations

setup-dev: $(VENV)/.dev-deps translations

translations: $(VENV)/.deps
	$(BIN)/pybabel compile -d app/translations > /dev/null

db: setup $(if $(filter milvus,$(RETRIEVAL_BACKEND)),$(VENV)/.scale-deps)
	$(BIN)/flask db upgrade
	$(BIN)/flask seed-demo --if-empty

# Optional: build or catch up the search index before serving (operators, CI images).
index: db
	$(BIN)/flask match rebuild --if-stale

# The indexer and gunicorn side by side; search answers from the database until the indexer
# has published the first index snapshot.
run: db
	@echo "Pasar Padu on http://127.0.0.1:$(PORT)"
	BIN=$(BIN) PORT=$(PORT) WORKERS=$(WORKERS) bash scripts/serve.sh

# The end-to-end tests drive Debian's Chromium; never a browser downloaded by a test tool.
browser:
	@command -v chromium > /dev/null || { \
		echo "Installing Debian's chromium for the end-to-end tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver > /dev/null; }

# axe-core, injected by the end-to-end tests for the accessibility checks, pinned by
# tests/e2e/package-lock.json. npm ci runs only when the lock file changed and prefers npm's
# cache, so a set-up that already ran needs no network.
E2E := tests/e2e
$(E2E)/node_modules/.installed: $(E2E)/package-lock.json
	@command -v npm > /dev/null || { \
		echo "Installing Debian's npm for the accessibility checks"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm > /dev/null; }
	npm ci --prefix $(E2E) --prefer-offline --no-audit --no-fund --loglevel=error
	touch $@

axe: $(E2E)/node_modules/.installed

test: setup-dev browser axe
	bash scripts/test.sh

# ruff (lint and format check) and mypy (strict for matching/, models/, app/services/); settings in
# pyproject.toml. scripts/test.sh runs the same before the tests.
lint: setup-dev
	bash scripts/lint.sh

# Re-lock after editing a requirements*.in (add a package there, then `make lock`). Keeps today's
# pins where they still fit; LOCK_ARGS="--upgrade-package NAME" moves one package. Runtime first:
# the other locks are constrained by it.
PIP_COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-header $(LOCK_ARGS)
lock: $(VENV)/.dev-deps
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-scale.txt requirements-scale.in
	$(PIP_COMPILE) -o requirements-st.txt requirements-st.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in

test-sqlite: setup-dev
	$(BIN)/python -m pytest

test-postgres: setup-dev
	PASARPADU_TEST_DB=postgres $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) instance .pytest_cache $(E2E)/node_modules
