# Selection: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# One stamp per install kind, named after pyproject.toml's checksum: editing it reinstalls.
SUM := $(shell cat pyproject.toml | cksum | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(SUM)
DEV_STAMP := $(VENV)/.installed-dev-$(SUM)
# The settings are production-safe unless DEBUG is on; these targets are a developer's
# machine, so their manage.py commands run with it on whatever the shell has.
DEV := DEBUG=1

.PHONY: run test install install-dev lint migrate seed worker browser-deps clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Serving needs only the package; the test tools (pytest, scikit-learn, pingouin,
# Playwright...) come with `make test`.
$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@rm -f $(VENV)/.installed-[0-9]*
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@rm -f $(VENV)/.installed-dev-*
	@touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

migrate: install
	$(DEV) $(PY) manage.py migrate --no-input

seed: migrate
	$(DEV) $(PY) manage.py seed_demo --if-empty

# With DEBUG on, WhiteNoise serves static files straight from the apps (no collectstatic).
run: seed
	@mkdir -p static
	@echo "Serving on http://127.0.0.1:8000/ with a background-task worker beside it"
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) manage.py worker & worker=$$!; \
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

worker: migrate
	$(DEV) $(PY) manage.py worker

test: install-dev
	$(PY) -m pytest -q $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* static media test-artifacts .pytest_cache
