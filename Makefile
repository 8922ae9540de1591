# Every target installs what it needs first, so a fresh clone needs only `make run` or `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install lock run test check lint format serve front collectstatic clean bench
.PHONY: test-postgres desk desk-user
.PHONY: content-report new-topic

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

# Installs exactly the versions and files (hashes) in the lock, the same on every machine, with
# uv (the version the lock names), which takes seconds where pip takes minutes; the portal
# itself is installed without dependencies, so nothing unlocked comes in.
$(STAMP): requirements-dev.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || { \
	  awk '/^uv==/ {keep = 1; print; next} /^[^ ]/ {keep = 0} keep' requirements-dev.txt > $(VENV)/uv.txt \
	  && $(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(VENV)/uv.txt; }
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes requirements-dev.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked versions with the dev tools (safe to repeat)

# uv resolves for every platform (--universal) with hashes; requirements.txt is production's.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.13 \
	--generate-hashes --quiet
lock: ## After changing dependencies in pyproject.toml: regenerate requirements*.txt (needs PyPI)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(UV_COMPILE) -o requirements.txt
	$(UV_COMPILE) --extra dev -o requirements-dev.txt

# migrate first: the feedback database (DATABASE_URL, or ./db.sqlite3) is made or brought up to date.
# --skip-checks: a content file with a mistake must not stop the site starting (the server
# leaves that file out and reports it, and `make check` lists it), as it once did here.
run: install ## Development server with live reload on http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --noinput --verbosity 0 --skip-checks
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The desk's tests need PORTAL_DESK=1, which settings read once at start: a second pytest.
# Two workers (pytest-xdist): one takes every browser test with one Chromium, the other the rest
# (tests/conftest.py says why); PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL = -n $(PYTEST_WORKERS)
test: install ## The whole test suite (browser tests included), then the desk's in desk mode
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)
	PORTAL_DESK=1 $(BIN)/python -m pytest $(PYTEST_PARALLEL) tests/desk

# The database tests again, against a PostgreSQL server started just for them (.ci/with-postgres).
test-postgres: install ## The database tests (desk, feedback) against a throwaway PostgreSQL (needs postgresql)
	.ci/with-postgres $(BIN)/python -m pytest tests/feedback -m "not browser"
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

NEEDS_NGINX = { echo "$@ needs Debian's nginx: apt-get install nginx   (sudo if not root)"; exit 2; }
NEEDS_WRK = { echo "$@ needs wrk: apt-get install wrk   (sudo if not root)"; exit 2; }

# gunicorn reads ./gunicorn.conf.py by itself, so `make serve`, `make front` and these use the
# same settings.
.PHONY: soak
soak: collectstatic ## Load, fault and slow-client soak through the front on loopback (about 3 min; needs nginx, wrk)
	@command -v nginx >/dev/null || $(NEEDS_NGINX)
	@command -v wrk >/dev/null || $(NEEDS_WRK)
	$(BIN)/python -m bench.soak

format: install ## Format and auto-fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

collectstatic: install
	PORTAL_COLLECTING_STATIC=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0

# The application and worker class come from gunicorn.conf.py, as in production.
serve: collectstatic ## Production server: gunicorn + whitenoise, DEBUG off, on http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --noinput --verbosity 0 --skip-checks
	DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-local-serve-$$(head -c 24 /dev/urandom | base64)}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	$(BIN)/gunicorn --bind $(HOST):$(PORT)

# The production stack: nginx with deploy/nginx.conf on FRONT_PORT in front of gunicorn on PORT,
# the environment passed through as `make serve` does. Ctrl-C stops both.
FRONT_PORT ?= 8080
front: collectstatic ## Production stack: nginx (deploy/nginx.conf) on http://127.0.0.1:8080 in front of gunicorn on :8000 (needs nginx)
	@command -v nginx >/dev/null || $(NEEDS_NGINX)
	PORT=$(PORT) FRONT_PORT=$(FRONT_PORT) $(BIN)/python -m deploy.front

clean: ## Remove the virtualenv and generated files
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

.PHONY: screenshots
screenshots: install ## PNGs of every page type at 1280 px, 320 px and in print, into screenshots/
	$(BIN)/python -m tests.browser.screenshots --out screenshots

bench: collectstatic ## What readers and operators feel, through the front on loopback (needs nginx, wrk; under 10 minutes)
	@command -v nginx >/dev/null || $(NEEDS_NGINX)
	@command -v wrk >/dev/null || $(NEEDS_WRK)
	timeout 600 $(BIN)/python -m bench $(BENCH_ARGS)
