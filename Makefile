# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Websocket frames are small JSON states: no compression, a small size limit, pings to drop dead links.
UVICORN_WS := --ws-per-message-deflate false --ws-max-size 65536 --ws-ping-interval 20 --ws-ping-timeout 20

.PHONY: run test format migrate bench clean i18n

$(BIN)/python:
	@echo "First run: installing Tablehop into $(VENV) (a minute or two)..."
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	@$(BIN)/pip install -q --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed-run

migrate: $(VENV)/.installed-run
	$(BIN)/alembic upgrade head

# The links printed and the websocket Origin check follow HOST and PORT unless a public URL is set.
# Quiet steps and a server that logs only warnings: the token and links are the last lines shown.
run: export TABLEHOP_PUBLIC_URL ?= http://$(HOST):$(PORT)
run: $(VENV)/.installed-run
	@$(BIN)/alembic -q upgrade head
	@$(BIN)/python -m app.cli prepare
	@$(BIN)/uvicorn --factory app.main:create_app --host $(HOST) --port $(PORT) --no-access-log --log-level warning $(UVICORN_WS)

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/scheduler.py
	$(BIN)/python bench/tables.py
	$(BIN)/python bench/matchmaking.py
	$(BIN)/python bench/fanout.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# After adding or changing visible strings: extract them and merge into the French catalog.
# Only dot folders are skipped (Babel's default also skips `_*` ones); strings gone from the
# sources are dropped from the catalog, not kept as obsolete entries.
i18n: $(VENV)/.installed-dev
	$(BIN)/pybabel extract -F babel.cfg -o app/locale/messages.pot --no-location --sort-output --omit-header --ignore-dirs='.*' .
	$(BIN)/pybabel update -i app/locale/messages.pot -d app/locale -l fr --no-fuzzy-matching --ignore-obsolete

# Build the Docker image on a local Debian base, start it and check that it serves (as root;
# see deploy/README.md). The base is built once and kept.
.PHONY: image-test
image-test:
	bash deploy/image-test.sh
