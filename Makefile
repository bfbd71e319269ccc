# Greenlight: `make run` starts the assistant, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WARMED := $(VENV)/.warmed
# llama.cpp's native CPU build crashes on these machines: build it portable.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run run-deps test lint typecheck pytest bench clean system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# numba's kernels compiled into its disk cache (about 30 s once, then a second), so a fresh
# install's first plan is the same board as every later one; again when a planner source
# changes (an upgrade), as numba would keep a changed kernel's callers stale.
$(WARMED): $(STAMP) $(wildcard tools/schedule/*.py)
	$(BIN)/python -m tools.schedule.warm
	touch $(WARMED)

install: $(STAMP) $(WARMED)

system-deps:
	bash scripts/system-deps.sh

run-deps:
	bash scripts/system-deps.sh run

run: install run-deps
	$(BIN)/greenlight serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy greenlight tools graph prompts store bench jobs $(wildcard app.py)

pytest: install system-deps
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install system-deps
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
