# saidwhat: `make demo` and `make test` are the quick start; both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
POLNEAR ?= $(SHARED)/data/polnear

.PHONY: install demo test test-browser eval eval-plover train bench schema clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q --no-cache-dir -e '.[test,spark,eval]'
	touch $(STAMP)

demo: install
	$(VENV)/bin/saidwhat extract examples/hamas-blinken.txt --published 2025-01-08 --format table

test: install
	$(PY) -m pytest -q

schema: install
	$(PY) -m saidwhat.schema > schema/article.schema.json

eval: install
	$(VENV)/bin/saidwhat eval $(POLNEAR) --split dev --output build/eval-dev.json

eval-plover: install
	$(PY) -m saidwhat.events.evaluate --gsr $(SHARED)/data/plover/PLOVER_GSR_CAMEO.txt --output build/eval-plover.json

train: install
	$(VENV)/bin/saidwhat train $(POLNEAR) --output src/saidwhat/data/attribution-model

bench: install
	$(PY) -m saidwhat.bench --polnear $(POLNEAR)

clean:
	rm -rf build .pytest_cache
