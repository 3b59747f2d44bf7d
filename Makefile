# saidwhat: `make demo` and `make test` are the quick start; both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared
POLNEAR ?= $(SHARED)/data/polnear

.PHONY: install demo stop test test-browser eval eval-plover train bench schema clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q --no-cache-dir -e '.[test,spark,eval]'
	touch $(STAMP)

DEMO_PORT ?= 8000
DEMO_DB := build/demo.duckdb
DEMO_PID := build/demo-serve.pid

# The table first; then the same article in a store, served by the web UI in the background (`make stop` ends it).
demo: install stop
	$(VENV)/bin/saidwhat extract examples/hamas-blinken.txt --published 2025-01-08 --format table
	mkdir -p build && rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(PY) -c "import json, pathlib; text = pathlib.Path('examples/hamas-blinken.txt').read_text(encoding='utf-8'); pathlib.Path('build/demo.jsonl').write_text(json.dumps({'id': 'hamas-blinken', 'published': '2025-01-08', 'title': 'Hamas threatens to prosecute Blinken', 'text': text}) + chr(10), encoding='utf-8')"
	$(VENV)/bin/saidwhat ingest build/demo.jsonl --db $(DEMO_DB) --workers 0
	nohup $(VENV)/bin/saidwhat serve --db $(DEMO_DB) --port $(DEMO_PORT) > build/demo-serve.log 2>&1 & echo $$! > $(DEMO_PID)
	$(PY) -m saidwhat.serve.wait http://127.0.0.1:$(DEMO_PORT)/openapi.json --log build/demo-serve.log
	@echo "saidwhat web UI: http://127.0.0.1:$(DEMO_PORT)/ui/articles/hamas-blinken  (log: build/demo-serve.log; stop it with: make stop)"

# Stops the demo server started by `make demo` (only that process: the pid it recorded).
stop:
	@if [ -f $(DEMO_PID) ]; then kill $$(cat $(DEMO_PID)) 2>/dev/null || true; rm -f $(DEMO_PID); echo "stopped the demo server"; fi

test: install
	$(PY) -m pytest -q

# The real-browser UI tests and the API fuzzing (also part of `make test`); screenshots in build/screenshots/.
test-browser: install
	$(PY) -m pytest -q tests/test_browser.py tests/test_api_fuzz.py

schema: install
	$(PY) -m saidwhat.schema > schema/article.schema.json

eval: install
	$(VENV)/bin/saidwhat eval $(POLNEAR) --split dev --output build/eval-dev.json
	$(VENV)/bin/saidwhat agreement $(POLNEAR) --output build/agreement.json

eval-plover: install
	$(PY) -m saidwhat.events.evaluate --gsr $(SHARED)/data/plover/PLOVER_GSR_CAMEO.txt --output build/eval-plover.json

# The span CRF, then the content-boundary weights on the engine's proposals with that CRF.
train: install
	$(VENV)/bin/saidwhat train $(POLNEAR) --output src/saidwhat/data/attribution-model
	$(VENV)/bin/saidwhat train-boundaries $(POLNEAR) --output src/saidwhat/data/content-boundaries.json

# ARTICLES=300 for a quick run (default 2000 articles; the speaker query is timed on 100k statements)
bench: install
	$(PY) -m saidwhat.bench --polnear $(POLNEAR) $(if $(ARTICLES),--articles $(ARTICLES))

clean:
	rm -rf build .pytest_cache
