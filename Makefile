# OCOP Storefront. `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-quick bench bench-checkout lint schema messages messages-compile migrate seed clean e2e-deps

install: $(STAMP)

# Re-install only when the dependency list changes (idempotent and fast when up to date).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

migrate: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput

seed: migrate
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py seed_demo

# The demo: local SQLite, demo catalogue, development server. DEBUG=1 here only.
run: seed
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite. PostgreSQL-only tests run when DATABASE_URL points at PostgreSQL;
# REQUIRE_POSTGRES=1 turns their skips into failures (CI).
test: install
	SECRET_KEY=$${SECRET_KEY:-test-only-insecure-key} $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	SECRET_KEY=$${SECRET_KEY:-bench-only-insecure-key} $(BIN)/python bench/catalog.py $(BENCH_ARGS)
	SECRET_KEY=$${SECRET_KEY:-bench-only-insecure-key} $(BIN)/python bench/checkout.py $(CHECKOUT_ARGS)

# Checkout flows per second over HTTP and SQL queries per mutation (PostgreSQL).
bench-checkout: install
	SECRET_KEY=$${SECRET_KEY:-bench-only-insecure-key} $(BIN)/python bench/checkout.py $(BENCH_ARGS)

# Debian's Chromium for the browser tests (marker e2e); Playwright drives it, never downloads one.
e2e-deps:
	command -v chromium >/dev/null || { SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

schema: install
	DEBUG=1 $(BIN)/python manage.py graphql_schema

# English catalogues (<app>/locale/en): `make messages` collects new strings (from the project
# root: inside an app directory its graphql/ package would shadow graphql-core); translate the
# empty msgstr entries, then `make messages-compile`. tests/shop/test_translations.py checks them.
messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l en --no-location --ignore=.venv \
		--ignore=marketplaces --ignore=bench --ignore=tests --ignore=docs --ignore='*.egg-info'
	-find locale -depth -type d -empty -delete 2>/dev/null

messages-compile: install
	DEBUG=1 $(BIN)/python manage.py compilemessages -l en --ignore=.venv

clean:
	rm -rf $(VENV) media staticfiles .pytest_cache
