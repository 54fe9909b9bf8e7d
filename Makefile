# Steward: `make demo` runs it, `make test` checks it. Both set up .venv on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
# `make demo PORT=8100` serves the demo on another port (links in its mail follow).
PORT ?= 8000

# The first interpreter >= 3.12 that actually runs (a pyenv shim for an inactive version fails).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	$$(ls -d $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	    command -v $$p; break; fi; done)

.PHONY: help demo test test-fast lint format bench test-sqlite test-postgres system-deps clean messages

help:
	@echo "make demo   - set up .venv, migrate, load demo data, serve on http://127.0.0.1:8000 (PORT=8100: another port)"
	@echo "make test   - set up .venv, lint, check migrations, run the suite on SQLite and PostgreSQL"
	@echo "make test-fast - the suite less the slow tests (browser, fuzz, demo, deploy, races), on SQLite"
	@echo "make lint   - ruff check, ruff format --check, mypy, lint-imports (the apps' import order)"
	@echo "make bench  - run the benchmarks in bench/"

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Steward needs Python 3.12 or newer (Django 6.1). None was found: install python3.12" >&2; \
	  echo "or python3.13 (or run: make PYTHON=/path/to/python3.12 ...)." >&2; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/steward demo --port $(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

system-deps:
	@# Without root it only lists what is missing; the tests needing it skip, saying why.
	-@bash scripts/system-deps

test: $(VENV)/.installed system-deps lint
	$(PY) manage.py makemigrations --check --dry-run
	@$(MAKE) --no-print-directory test-sqlite
	@$(MAKE) --no-print-directory test-postgres

# For the edit-test loop: everything but the tests marked slow (pytest -m slow --co -q lists them).
test-fast: $(VENV)/.installed
	env -u DATABASE_URL $(PY) -m pytest -n 2 -p no:cacheprovider -m "not slow"

test-sqlite: $(VENV)/.installed
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(PY) -m pytest -n 2 -p no:cacheprovider

test-postgres: $(VENV)/.installed
	@echo "== test suite on PostgreSQL =="
	@$(PY) scripts/pg_ready.py "$(PG_URL)"
	DATABASE_URL="$$($(PY) scripts/pg_ready.py --throwaway "$(PG_URL)")" \
	  $(PY) -m pytest -n 2 -p no:cacheprovider

bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) bench/business_time.py
	$(PY) bench/tickets.py
	$(PY) bench/ticket_create.py
	$(PY) bench/checks.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l zh_Hans -l el --ignore ".venv/*" --ignore "bench/*" \
	  --ignore "steward/*/tests/*" --ignore "test-artifacts/*" --ignore "scripts/*"
	$(PY) scripts/translations.py
	$(PY) manage.py compilemessages --ignore ".venv/*"
