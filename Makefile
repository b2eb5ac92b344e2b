# Paved: two commands for a newcomer.
#   make start   install what is missing, then run the portal on http://localhost:3000 (backend :7007)
#   make test    install what is missing, then type check, lint, unit/integration and browser tests
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help install start test test-unit test-security test-e2e prod-check seed-demo bench clean-data resilience fuzz

seed-demo:
	@source scripts/env.sh && yarn --cwd plugins/devex-backend seed-demo

help:
	@echo "make start       run the portal (http://localhost:3000) on SQLite in .data/"
	@echo "make test        every suite: tsc, lint, unit + integration (SQLite and PostgreSQL), e2e"
	@echo "make test-unit   unit and integration tests only"
	@echo "make test-security  the security suite: every *.security.test.ts (attacks on each trust rule)"
	@echo "make test-e2e    browser tests only (starts the portal on a scratch data folder)"
	@echo "make prod-check  build the app and backend bundle, run the built backend with app-config.production.yaml on local PostgreSQL behind TLS, sign a browser in through a local OpenID Connect provider"
	@echo "make bench       the benchmarks (WHICH=foundation|catalog|frontend|scale|devex|provisioning|golden-paths; prints figures; past runs in bench/RESULTS.md)"
	@echo "make resilience  two backend replicas on a private PostgreSQL: kill, restart and soak checks"
	@echo "make fuzz        generated bad input against every Paved HTTP endpoint (never a 5xx)"
	@echo "make clean-data  delete .data/ (SQLite databases, local git host, TechDocs output)"

install:
	@scripts/install.sh

start:
	@scripts/start.sh

test:
	@scripts/test.sh all

test-unit:
	@scripts/test.sh unit

test-security:
	@scripts/test.sh security

test-e2e:
	@scripts/test.sh e2e

prod-check:
	@scripts/prod-check.sh

bench:
	@scripts/bench.sh $(WHICH)

clean-data:
	rm -rf .data

# Two backend replicas on a private PostgreSQL (port 5433): kill, restart and soak checks; prints
# PASS/FAIL with figures (SOAK_SECONDS=600 by default). See bench/resilience/README.md.
resilience:
	@bench/resilience/run.sh

# Bad input at scale: generated requests against every Paved HTTP endpoint (bench/fuzz/README.md).
fuzz:
	@bench/fuzz/run.sh
