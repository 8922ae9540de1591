# Every target installs what it needs first, so a fresh clone needs only `make run` or `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run test check lint format serve collectstatic clean bench
.PHONY: test-postgres desk desk-user
.PHONY: content-report new-topic

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the portal with its dev tools (safe to repeat)

run: install ## Development server with live reload on http://127.0.0.1:8000
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The desk's tests need PORTAL_DESK=1, which settings read once at start: a second pytest.
test: install ## The whole test suite (browser tests included), then the desk's in desk mode
	$(BIN)/python -m pytest
	PORTAL_DESK=1 $(BIN)/python -m pytest tests/desk

# The database tests again, against a PostgreSQL server started just for them (.ci/with-postgres).
test-postgres: install ## The desk's database tests against a throwaway PostgreSQL (needs postgresql)
	.ci/with-postgres env PORTAL_DESK=1 $(BIN)/python -m pytest tests/desk

DESK_PORT ?= 8001
# The editors' desk on plain http for one person on this machine (cookies not Secure: local only).
desk: install ## The editors' desk on http://127.0.0.1:8001/desk/ (make desk-user first)
	PORTAL_DESK=1 PORTAL_DESK_INSECURE_COOKIES=1 DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	PORTAL_DESK=1 PORTAL_DESK_INSECURE_COOKIES=1 DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(DESK_PORT)

desk-user: install ## Add a desk user: make desk-user NAME=nina ROLES="editor reviewer" REVIEWER_ROLE="Clinical nurse specialist"
	PORTAL_DESK=1 $(BIN)/python manage.py migrate --noinput
	PORTAL_DESK=1 $(BIN)/python manage.py desk_user "$(NAME)" $(foreach role,$(ROLES),--role $(role)) \
	  $(if $(REVIEWER_ROLE),--reviewer-role "$(REVIEWER_ROLE)")

check: install ## Lint (ruff) and content/system checks (manage.py check)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check --fail-level WARNING

content-report: install ## Every page's review dates, reading age, words and sources, most urgent first
	$(BIN)/python manage.py content_report

new-topic: install ## Start a page: make new-topic SECTION=side-effects SLUG=bone-pain TITLE="Bone pain"
	$(BIN)/python manage.py new_topic "$(SECTION)" "$(SLUG)" --title "$(TITLE)"

# gunicorn reads ./gunicorn.conf.py by itself, so `make serve` and this use the same settings.
.PHONY: soak
soak: collectstatic ## Load and fault soak of the production server on loopback (about 2 min; needs wrk)
	@command -v wrk >/dev/null || { echo "make soak needs wrk: apt-get install wrk"; exit 2; }
	$(BIN)/python bench/soak.py

format: install ## Format and auto-fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

collectstatic: install
	PORTAL_COLLECTING_STATIC=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0

# The application and worker class come from gunicorn.conf.py, as in production.
serve: collectstatic ## Production server: gunicorn + whitenoise, DEBUG off, on http://127.0.0.1:8000
	DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-local-serve-$$(head -c 24 /dev/urandom | base64)}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	PORTAL_RENDER_CACHE_DIR="$${PORTAL_RENDER_CACHE_DIR:-.cache/render}" \
	$(BIN)/gunicorn --bind $(HOST):$(PORT)

clean: ## Remove the virtualenv and generated files
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

.PHONY: screenshots
screenshots: install ## PNGs of every page type at 1280 px, 320 px and in print, into screenshots/
	$(BIN)/python -m tests.browser.screenshots --out screenshots

bench: collectstatic ## Benchmark against nginx on loopback (needs wrk, nginx; under 10 minutes)
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { \
	  echo "make bench needs wrk and nginx from Debian: apt-get install wrk nginx (sudo if not root)"; \
	  exit 2; }
	timeout 600 $(BIN)/python -m bench $(BENCH_ARGS)
