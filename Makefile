# Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-test run test lint format bench docs messages clean

# Chromium (Debian's, never a browser downloaded by Playwright): the cookie scan and the
# end-to-end tests.
$(BIN)/.installed: requirements.txt requirements-dev.txt constraints.txt scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh chromium
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

# The English UI: locale/en/LC_MESSAGES/django.po is kept in git; the .mo is built from it.
MO := locale/en/LC_MESSAGES/django.mo
$(MO): locale/en/LC_MESSAGES/django.po $(BIN)/.installed
	msgfmt --check -o $@ $<

install: $(BIN)/.installed $(MO)

# One installation serves the application, the tests and the benchmarks.
install-test: install

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_clauses
	$(DEV_ENV) $(BIN)/python manage.py load_catalog
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	@echo "Open http://$(HOST):$(PORT)/ (log in as demo / demo-wachtwoord-2026)"
	@# The task worker (PDFs, batch exports) runs beside the web server and stops with it.
	$(DEV_ENV) $(BIN)/python manage.py db_worker --no-startup-delay --interval 0.2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite on SQLite, then again on PostgreSQL (Debian's, installed and started by
# scripts/postgres-for-tests.sh when run as root, as CI does; or TEST_POSTGRES_URL).
test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest
	@url="$$(bash scripts/postgres-for-tests.sh)"; \
	if [ -n "$$url" ]; then \
		echo "The suite again, on PostgreSQL"; DATABASE_URL="$$url" $(BIN)/pytest; \
	else \
		echo "PostgreSQL run skipped: not root and no TEST_POSTGRES_URL set."; \
	fi

lint:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# About 15 minutes: renders, a 100-client batch export, the wizard under load, memory over
# 1,000 renders. Each script also runs on its own (see docs/benchmarks.md).
bench: install-test
	$(DEV_ENV) $(BIN)/python bench/render.py
	$(DEV_ENV) $(BIN)/python bench/pdf_profile.py --top 0
	$(DEV_ENV) $(BIN)/python bench/wizard_findings.py
	$(DEV_ENV) $(BIN)/python bench/batch.py
	$(DEV_ENV) $(BIN)/python bench/load.py
	$(DEV_ENV) $(BIN)/python bench/load.py --think 0 --seconds 30 --batches 0
	$(DEV_ENV) $(BIN)/python bench/memory.py

docs: install
	$(DEV_ENV) $(BIN)/python manage.py export_docs

# After adding or changing a UI string: collect the strings, translate the new entries in the .po.
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l en --ignore=$(VENV) --ignore=test-artifacts --no-obsolete

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
