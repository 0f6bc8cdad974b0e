"""The OpenAPI schema says what the API does: schemathesis, with every check on, against a
real `dateline serve` (a copy of the dev store, so its writes stay here)."""

import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SCALE, tally

pytestmark = pytest.mark.hardening
CONFIG = Path(__file__).with_name("schemathesis.toml")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_schemathesis_finds_no_failure_with_all_checks(dev_store, tmp_path):
    cli = Path(sys.executable).with_name("schemathesis")
    assert cli.exists(), "schemathesis is in the dev dependencies (requirements.lock)"
    db, _, _ = dev_store
    copy = tmp_path / "contract.duckdb"
    shutil.copyfile(db, copy)
    made = subprocess.run([sys.executable, "-m", "dateline", "token", "create", "fuzzer", "--db", str(copy)],
                          capture_output=True, text=True, timeout=120)
    token = re.search(r"dl_[A-Za-z0-9_-]+", made.stdout + made.stderr).group(0)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(copy), "--port", str(port),
                               "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("dateline serve did not start: " + server.stderr.read().decode(errors="replace"))
                time.sleep(0.2)
        res = subprocess.run([str(cli), "--no-color", "--config-file", str(CONFIG), "run", base + "/openapi.json",
                              "--checks", "all", "--max-examples", str(25 * SCALE), "--workers", "1",
                              "-H", f"Authorization: Bearer {token}"],
                             capture_output=True, text=True, timeout=1200, cwd=tmp_path)  # its cache stays there
    finally:
        server.terminate()
        server.wait(timeout=10)
    generated = re.search(r"(\d+) generated", res.stdout)
    server_errors = len(re.findall(r"Server error", res.stdout))
    tally("API: schemathesis contract (all checks)", inputs=int(generated.group(1)) if generated else 0,
          crashes=server_errors)
    assert res.returncode == 0, res.stdout[-6000:] + res.stderr[-2000:]
    assert generated and int(generated.group(1)) > 100
