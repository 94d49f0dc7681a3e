# Two commands: `make run` (set up and serve with demo data) and `make test` (set up and test).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= hgarr.settings.dev
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test bench setup setup-test chromium migrate demo lint vendor-static clean

$(VENV)/bin/python:
	@PYTHON=$$(scripts/find-python.sh) && echo "Python: $$PYTHON" && "$$PYTHON" -m venv $(VENV)
	@$(PIP) install --quiet --upgrade pip

$(VENV)/.base-installed: $(VENV)/bin/python requirements/base.txt requirements/constraints.txt
	$(PIP) install --quiet -r requirements/base.txt -c requirements/constraints.txt
	@touch $@

$(VENV)/.test-installed: $(VENV)/.base-installed requirements/test.txt
	$(PIP) install --quiet -r requirements/test.txt -c requirements/constraints.txt
	@touch $@

setup: $(VENV)/.base-installed

setup-test: $(VENV)/.test-installed chromium

migrate: setup
	$(PY) manage.py migrate --no-input -v 0

demo: migrate
	$(PY) manage.py laad_demodata

# The task worker (batch printing of letters) runs beside the web server and stops with it.
run: demo
	@echo "HG-arrangementen draait op http://127.0.0.1:$(PORT)/ (stoppen met Ctrl+C)"
	@$(PY) manage.py db_worker & W=$$!; trap "kill $$W 2>/dev/null" EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's chromium for the browser tests: installed when missing and we are root.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Chromium installeren (Debian-pakket)..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Installeer Chromium als root: apt-get install chromium (nodig voor de browsertests)."; exit 1; fi

test: setup-test migrate
	DJANGO_SETTINGS_MODULE=hgarr.settings.test $(PY) -m pytest $(PYTEST_ARGS)

bench: setup-test
	DJANGO_SETTINGS_MODULE=hgarr.settings.test $(PY) -m benchmarks $(BENCH_ARGS)

lint: setup-test
	$(VENV)/bin/ruff check .

vendor-static:
	scripts/vendor-static.sh

clean:
	rm -rf $(VENV) var db.sqlite3 .pytest_cache .hypothesis
