# Two commands: `make run` (app on SQLite with the seed plan and demo accounts) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000

.PHONY: run test install install-test translations setup-db clean

$(PY):
	@$(PYTHON) -m venv $(VENV) || { echo "Cannot create a virtualenv: on Debian, apt-get install python3-venv"; exit 1; }
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt $(PY)
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed translations

install-test: $(VENV)/.installed-test translations

# The .mo catalogues are built here, in pure Python (no GNU gettext needed).
translations: $(VENV)/.installed
	$(PY) -m plan_tracker.i18n -q

setup-db: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata fixtures/seed_151_kh_ubnd_2023.json fixtures/indicators_151_kh_ubnd_2023.json
	$(PY) manage.py load_reorganisation_2025
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_reports

run: setup-db
	$(PY) manage.py runserver $(HOST)

test: install-test
	$(PY) -m pytest
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest browser_tests

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache
