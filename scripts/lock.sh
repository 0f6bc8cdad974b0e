#!/usr/bin/env bash
# Regenerates requirements.lock, the hash-pinned lock of the whole dependency set
# (runtime, dev and spark extras, the spaCy model, and the build backend), from
# pyproject.toml and requirements-build.in. Needs uv (`pip install uv`).
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml requirements-build.in \
    --extra dev --extra spark --generate-hashes --universal --python-version 3.11 \
    -o requirements.lock
