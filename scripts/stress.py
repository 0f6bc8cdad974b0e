"""Run the hardening suites (bad input, faults, hostile users) and print what they did.

    python scripts/stress.py                # the whole suite: generated inputs x10 (under 15 min here)
    python scripts/stress.py --scale 1      # the CI-sized subset
    python scripts/stress.py --write        # also put the table into docs/reliability.md

The tests are the ordinary pytest tests marked ``hardening``; each one tallies the
inputs it tried, crashes, hangs, faults it injected, records lost and requests refused
(see ``tally`` in tests/conftest.py). A crash, a hang or a lost record also fails its
test, so the table and the exit status agree.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = [("inputs", "inputs tried"), ("crashes", "crashes"), ("hangs", "hangs"), ("faults", "faults injected"),
           ("lost", "records lost"), ("refused", "requests refused as expected")]
BEGIN, END = "<!-- stress table -->", "<!-- end stress table -->"


def table(rows: dict[str, collections.Counter]) -> str:
    head = "| suite | " + " | ".join(title for _, title in COLUMNS) + " |"
    lines = [head, "|---" + "|---:" * len(COLUMNS) + "|"]
    total: collections.Counter = collections.Counter()
    for suite in sorted(rows):
        total.update(rows[suite])
        lines.append(f"| {suite} | " + " | ".join(f"{rows[suite][key]:,}" for key, _ in COLUMNS) + " |")
    lines.append("| **all** | " + " | ".join(f"**{total[key]:,}**" for key, _ in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10, help="Generated inputs per property test, times the CI size.")
    parser.add_argument("--write", action="store_true", help="Update the table in docs/reliability.md.")
    parser.add_argument("pytest_args", nargs="*", help="Extra pytest arguments (e.g. -x).")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "tally.jsonl"
        env = {**os.environ, "DATELINE_STRESS_SCALE": str(args.scale), "DATELINE_STRESS_REPORT": str(report)}
        started = time.monotonic()
        res = subprocess.run([sys.executable, "-m", "pytest", "-m", "hardening", "-q", "-p", "no:cacheprovider",
                              *args.pytest_args], cwd=ROOT, env=env, capture_output=True, text=True)
        minutes = (time.monotonic() - started) / 60
        rows: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        if report.exists():
            for line in report.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                rows[entry.pop("suite")].update(entry)
    summary = (res.stdout.strip().splitlines() or ["(no pytest output)"])[-1].strip("= ")
    text = table(rows)
    print(res.stdout[-4000:] if res.returncode else "", end="")
    print(text)
    print(f"\npytest: {summary}; scale {args.scale}; {minutes:.1f} min")
    if args.write:
        doc = ROOT / "docs" / "reliability.md"
        body = doc.read_text(encoding="utf-8")
        block = f"{BEGIN}\n{text}\n\npytest: {summary}; scale {args.scale}; {minutes:.1f} min on this machine.\n{END}"
        doc.write_text(re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, body, flags=re.S),
                       encoding="utf-8")
    return res.returncode


if __name__ == "__main__":
    sys.exit(main())
