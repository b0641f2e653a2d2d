# Two commands on a fresh machine: `make run` and `make test`. Both create .venv and install first.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

export COOP_INBOX ?= data/seeds
export COOP_WAREHOUSE ?= data/warehouse
export DAGSTER_HOME ?= $(CURDIR)/data/dagster_home

.PHONY: install run test dev status bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@dpkg -s fonts-noto-cjk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq fonts-noto-cjk) || echo "charts need a CJK font: apt-get install fonts-noto-cjk"  # analyst desk
	touch $(STAMP)

install: $(STAMP)

run: install  ## one incremental update of the warehouse from the inbox (data/seeds)
	$(VENV)/bin/coop run

test: install  ## the whole test suite
	$(VENV)/bin/pytest

dev: install  ## the Dagster UI on http://127.0.0.1:3000 (sensor and schedule on)
	$(PY) -c "from cooperation_pipeline.settings import ensure_dagster_home, load_settings; ensure_dagster_home(load_settings())"
	$(VENV)/bin/dagster dev -w workspace.yaml

status: install
	$(VENV)/bin/coop status

bench: install
	$(PY) bench/bench_cleaning.py
	$(PY) bench/bench_extraction.py
	$(PY) bench/bench_pipeline.py --docs 10000

clean:  ## remove the warehouse and the local Dagster instance (the inbox is kept)
	rm -rf data/warehouse data/dagster_home
