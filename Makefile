# Press office: everything a developer or CI needs, from a fresh clone.
#   make run    set up, migrate, load the demo, serve http://127.0.0.1:$(PORT)/ with its worker
#   make test   set up and run the whole suite (DATABASE_URL=postgres://… for PostgreSQL)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium-headless-shell

.DEFAULT_GOAL := help
.PHONY: help run serve test lint format check messages lock browser lighthouse clean

help:
	@echo "make run      set up and serve the demo site on http://127.0.0.1:$(PORT)/"
	@echo "make serve    serve the site as in production (DEBUG off, gunicorn; see README)"
	@echo "make test     set up and run the whole test suite"
	@echo "make lint     ruff, djhtml and the import contracts (lint-imports)"
	@echo "make check    Django system checks and missing migrations"
	@echo "make messages extract and compile interface translations (needs gettext)"
	@echo "make lighthouse  Lighthouse's scores for the demo served as in production (needs npm)"

# The virtualenv is rebuilt when the dependencies change. uv (one wheel from PyPI, put in
# by pip) installs the locked set in about 10 s where pip takes a minute on a fresh
# machine; pip does it where uv cannot (an index that only pip's configuration names).
UV ?= uv>=0.13,<0.14
$(BIN)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "$(UV)"
	$(BIN)/uv pip install --python $(BIN)/python --quiet -c requirements.lock -e ".[test,deploy]" \
	  || $(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,deploy]"
	touch $@

# The background worker (emails, staff notices, digests) runs beside the web server and
# stops with it; emails are written to var/mail/ as .eml files (MAIL_FOLDER).
run: export DEBUG ?= 1
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(BIN)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops); emails go to var/mail/ as .eml files"
	$(BIN)/python manage.py worker -v0 --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The site as in production, on this machine: DEBUG off, gunicorn with two workers per
# core and one more, hashed and compressed static files (WhiteNoise), and whatever the
# environment configures (DATABASE_URL, DATABASE_POOL=1, REDIS_URL...). SECRET_KEY and
# ALLOWED_HOSTS must be set, as DEBUG off requires. One background worker runs beside
# gunicorn and stops with it (any number may run, on any number of servers).
WORKERS ?= $(shell $(PYTHON) -c 'import os; print(2 * (os.cpu_count() or 1) + 1)')
serve: export DEBUG := 0
serve: export SITE_URL ?= http://127.0.0.1:$(PORT)
serve: $(BIN)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py worker -v1 --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/gunicorn pressoffice.wsgi --workers $(WORKERS) --bind 127.0.0.1:$(PORT) --access-logfile -

# Two pytest-xdist workers, one per core of our machines and CI's; PYTEST_WORKERS=0 runs
# the suite in one process.
PYTEST_WORKERS ?= 2

# Bytecode is cached in the virtualenv, not beside the sources, and written even where
# PYTHONDONTWRITEBYTECODE is set: pytest keeps the modules whose asserts it rewrites (the
# tests, and Hypothesis, schemathesis and Faker as pytest plugins' packages) there, or
# every worker rewrites some 470 modules on every run (~4 s each).
test: export PYTHONDONTWRITEBYTECODE :=
test: export PYTHONPYCACHEPREFIX := $(abspath $(VENV))/pycache
test: export CHROMIUM := $(CHROMIUM)
test: $(BIN)/.installed browser
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: export DEBUG ?= 1
check: $(BIN)/.installed
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: export DEBUG ?= 1
messages: $(BIN)/.installed
	$(BIN)/python manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=tests
	$(BIN)/python manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=tests \
	  --ignore=staticfiles -d djangojs
	$(BIN)/python manage.py compilemessages --ignore=.venv

# Regenerate the lock file from a clean environment (run after editing pyproject.toml).
lock:
	rm -rf /tmp/pressoffice-lock && $(PYTHON) -m venv /tmp/pressoffice-lock
	/tmp/pressoffice-lock/bin/pip install --quiet ".[test,deploy]"
	/tmp/pressoffice-lock/bin/pip freeze --exclude pressoffice > requirements.lock
	rm -rf build

# Lighthouse's four scores (mobile) for the demo's public pages in English and Arabic,
# served as in production (gunicorn, DEBUG off) from a database of its own; npx fetches
# lighthouse@12.2.3 from the npm registry (Node.js 20 and npm needed). See README.
LIGHTHOUSE_DIR ?= /tmp/pressoffice-lighthouse
lighthouse: $(BIN)/.installed browser
	rm -rf $(LIGHTHOUSE_DIR) && mkdir -p $(LIGHTHOUSE_DIR)
	export DATABASE_URL=sqlite:///$(LIGHTHOUSE_DIR)/db.sqlite3 MEDIA_ROOT=$(LIGHTHOUSE_DIR)/media \
	  STATIC_ROOT=$(LIGHTHOUSE_DIR)/static SECRET_KEY=lighthouse-run-only-not-a-secret-0123456789 \
	  ALLOWED_HOSTS=127.0.0.1 REDIS_URL= && \
	DEBUG=1 $(BIN)/python manage.py migrate --noinput -v0 && \
	DEBUG=1 $(BIN)/python manage.py load_demo --no-accounts > /dev/null && \
	DEBUG=0 $(BIN)/python manage.py lighthouse $(LIGHTHOUSE_ARGS)

# Browser tests drive Debian's Chromium (never a downloaded browser), and the HTML
# checker (vnu.jar) runs on Debian's Java. Installed when we can (root, as in CI);
# otherwise those tests are skipped locally.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's Chromium headless shell for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; \
	  else \
	    echo "Note: $(CHROMIUM) is missing; browser tests will be skipped (apt-get install chromium-headless-shell)."; \
	  fi; \
	fi
	@if ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's Java for the HTML checker"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "Note: java is missing; the HTML checker's test will be skipped (apt-get install default-jre-headless)."; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
