"""The OpenAPI schema says what the API does: schemathesis, with every check on, against a
real `dateline serve` (a copy of the dev store, so its writes stay here)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SCALE, running_server, tally

pytestmark = pytest.mark.hardening
CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_schemathesis_finds_no_failure_with_all_checks(dev_store, tmp_path):
    cli = Path(sys.executable).with_name("schemathesis")
    assert cli.exists(), "schemathesis is in the dev dependencies (requirements.lock)"
    db, _, _ = dev_store
    copy = tmp_path / "contract.duckdb"
    shutil.copyfile(db, copy)
    made = subprocess.run([sys.executable, "-m", "dateline", "token", "create", "fuzzer", "--db", str(copy)],
                          capture_output=True, text=True, timeout=120)
    token = re.search(r"dl_[A-Za-z0-9_-]+", made.stdout + made.stderr).group(0)
    with running_server(copy, "--quiet") as (_, base):
        res = subprocess.run([str(cli), "--no-color", "--config-file", str(CONFIG), "run", base + "/openapi.json",
                              "--checks", "all", "--max-examples", str(25 * SCALE), "--workers", "1",
                              "-H", f"Authorization: Bearer {token}"],
                             capture_output=True, text=True, timeout=1200, cwd=tmp_path)  # its cache stays there
    generated = re.search(r"(\d+) generated", res.stdout)
    server_errors = len(re.findall(r"Server error", res.stdout))
    tally("API: schemathesis contract (all checks)", inputs=int(generated.group(1)) if generated else 0,
          crashes=server_errors)
    assert res.returncode == 0, res.stdout[-6000:] + res.stderr[-2000:]
    assert generated and int(generated.group(1)) > 100
