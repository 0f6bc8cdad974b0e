# Convenience targets; each is one command you can also run by hand.
PYTHON ?= .venv/bin/python

.PHONY: test stress stress-fast

test:
	$(PYTHON) -m pytest

# The hardening suites with 10x generated inputs; prints the table and updates docs/reliability.md.
stress:
	$(PYTHON) scripts/stress.py --scale 10 --write

# The same suites at CI size (they also run inside `make test`).
stress-fast:
	$(PYTHON) scripts/stress.py --scale 1
