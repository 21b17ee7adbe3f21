# The two commands of the README: `make run` and `make test`. Both set up .venv
# from nothing; nothing else needs installing by hand. pip runs once per set of
# extras, and again only when pyproject.toml changes (the stamp files below).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test serve install install-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# One stamp per set of extras, newer than pyproject.toml once installed. `make run`
# installs the store and web-app extras too, so every command in the README works.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[server]'
	touch $@

# torch first, pinned: a plain `torch` requirement in the train extra would pull the CUDA build.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[all,test,baseline,train]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/communique code examples/ --published 2022-10-03 --format table

# The web app on the bundled sample: http://127.0.0.1:8000
serve: install
	$(BIN)/communique ingest examples/ --db examples.db --published 2022-10-03
	$(BIN)/communique serve --db examples.db

# Debian's chromium and chromedriver for the browser tests (needs root or sudo;
# without them the browser tests skip and say why).
browser:
	-bash tests/browser/setup_chromium.sh

test: install-test browser
	$(BIN)/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) build *.egg-info
