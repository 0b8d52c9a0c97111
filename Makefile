# Stuurman: `make run` starts a local system with a demo region; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock

.PHONY: run test lint bench demo vendor messages lock clean

run: $(RUN_STAMP)
	@scripts/run.sh

test: $(DEV_STAMP)
	@scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	STUURMAN_ENV=test DJANGO_ALLOW_ASYNC_UNSAFE=true scripts/with-postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(DEV_STAMP)
	STUURMAN_ENV=test scripts/with-postgres.sh $(BIN)/python -m benchmarks $(BENCH_ARGS)

# Refresh the vendored NL Design System CSS and htmx (needs Node; `make run` does not).
vendor:
	scripts/refresh-vendor.sh

# Recompile the English translations after editing src/stuurman/locale/en/LC_MESSAGES/django.po.
messages: $(DEV_STAMP)
	cd src/stuurman && STUURMAN_ENV=dev ../../$(BIN)/stuurman makemessages -l en --no-obsolete \
	  && STUURMAN_ENV=dev ../../$(BIN)/stuurman compilemessages -l en

# Re-pin every dependency to the newest version pyproject.toml allows.
lock:
	rm -rf /tmp/stuurman-lock && $(PYTHON) -m venv /tmp/stuurman-lock
	/tmp/stuurman-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/stuurman-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip

$(RUN_STAMP): $(VENV)/bin/python pyproject.toml requirements.lock
	$(PIP_INSTALL) -e .
	@touch $@

$(DEV_STAMP): $(RUN_STAMP) pyproject.toml requirements.lock
	$(PIP_INSTALL) -e '.[dev]'
	@touch $@

clean:
	rm -rf $(VENV) var/static var/bench
