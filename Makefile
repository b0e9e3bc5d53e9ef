# Quick start: `make site` builds the example site into site/, `make test` runs every test.
# Each target sets up .venv first, so both work on a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# axe-core for the browser tests, from the npm registry; the browser is Debian's chromium (.ci/run installs it).
AXE_STAMP := tests/browser/node_modules/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve check bench mutation schemas docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,browser,zensical]'
	touch $(STAMP)

$(AXE_STAMP): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE_STAMP)

# The example site, published through its public log as CI publishes a site: the log it extends is the one
# in site/ (the first run starts it), so `make site` twice shows a log that only grows.
site: $(STAMP)
	$(BIN)/trustpages check content
	TRUSTPAGES_LIVE_URL="file://$(CURDIR)/site/" $(BIN)/trustpages publish \
		$$(test -f site/log/checkpoint.json || echo --first-publication)

# The habits that keep the code as it is: lint, format and types (configured in pyproject.toml), then every test.
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

test: lint $(AXE_STAMP)
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/trustpages check content

schemas: $(STAMP)
	$(BIN)/trustpages schema --out schemas

# The field reference (docs/records.md) and schemas/, from the models' descriptions; CI checks they are current.
docs: $(STAMP)
	$(BIN)/trustpages docs

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Plants small bugs in the modules that make the numbers and the guarantees and runs their tests on each
# (bench/mutation.py): too slow for `test` or CI (half an hour or more), run before a release.
mutation: $(STAMP)
	$(BIN)/python bench/mutation.py $(MUTATION_ARGS)

clean:
	rm -rf site .pytest_cache
