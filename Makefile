# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
HOST ?= 127.0.0.1
PORT ?= 8000
BIN := $(VENV)/bin

CHROMIUM ?= /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: install install-dev run migrate test lint openapi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

lint: install-dev
	$(BIN)/ruff check app tests benchmarks

# The browser tests drive Debian's Chromium through Playwright (nothing is downloaded by `playwright install`).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null

test: install-dev lint $(CHROMIUM)
	$(BIN)/pytest -q

migrate: install
	$(BIN)/alembic upgrade head

# Migrate, load seeds/ (idempotent: a second run stores nothing new), serve on $(HOST):$(PORT) (Swagger UI at /docs).
run: migrate
	$(BIN)/tally import seeds/
	$(BIN)/tally serve --host $(HOST) --port $(PORT)

# Rewrite openapi.yaml from the app (tests/test_openapi.py fails while the two differ).
openapi: install-dev
	$(BIN)/python -m app.openapi > openapi.yaml
