# Virage: two commands on a fresh machine: `make run` and `make test`.
# Everything lands in .venv/ and var/; Python 3.11+ is the only prerequisite.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: run test setup setup-dev migrate demo worker lint fmt messages compilemessages \
        check-deploy test-pg bench loadtest e2e-deps clean help

help:
	@echo "make run     set up and serve the platform on http://$(HOST):$(PORT)/ (SQLite, demo data)"
	@echo "make test    set up and run lint, migration check and the whole test suite"
	@echo "make worker  run the background task worker (e-mails, reminders)"
	@echo "make bench   benchmarks and the load test, with budgets (see docs/performance.md)"
	@echo "make loadtest  only the load test (gunicorn + PostgreSQL, wrk)"
	@echo "make messages  refresh the translation files after changing strings"

$(VENV)/.python-ok:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "virage: Python 3.11 or newer is required (found: $$($(PYTHON) --version 2>&1))."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.installed: requirements.txt $(VENV)/.python-ok
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

setup: $(VENV)/.installed compilemessages

setup-dev: $(VENV)/.installed-dev compilemessages
	@[ -f node_modules/axe-core/axe.min.js ] || ! command -v npm >/dev/null || \
	  npm ci --no-audit --no-fund --silent || echo "npm ci failed: browser tests will be skipped"

compilemessages: $(VENV)/.installed
	@$(PY) scripts/compile_messages.py

migrate: setup
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py createcachetable

demo: migrate
	DEBUG=1 $(PY) manage.py seed_demo

run: demo
	@echo ""
	@echo "Virage is starting on http://$(HOST):$(PORT)/fr/  (English: http://$(HOST):$(PORT)/en/)"
	@echo "A task worker runs alongside (e-mails are printed on this console)."
	@DEBUG=1 $(PY) manage.py db_worker --queue-name '*' >var/worker.log 2>&1 & \
	  WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

worker: setup
	$(PY) manage.py db_worker --queue-name '*'

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed-dev
	$(PY) scripts/make_messages.py

test: setup-dev
	$(VENV)/bin/ruff check .
	VIRAGE_TESTING=1 $(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/make_messages.py --check
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-pg: setup-dev
	$(VENV)/bin/pytest $(PYTEST_ARGS)

check-deploy: setup
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=virage.example $(PY) manage.py check --deploy --fail-level WARNING

# Page budgets at program and national scale, then the load test; fails if any budget fails.
bench: setup-dev
	@bash scripts/install-bench-tools.sh
	@$(PY) scripts/bench.py; pages=$$?; $(PY) scripts/loadtest.py; load=$$?; \
	  test $$pages = 0 -a $$load = 0

loadtest: setup-dev
	@bash scripts/install-bench-tools.sh
	$(PY) scripts/loadtest.py

e2e-deps:
	bash scripts/install-browser.sh

clean:
	rm -rf $(VENV) var/*.sqlite3* var/static
