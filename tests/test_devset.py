"""Quality on ../shared/eval/dev.jsonl, graded by the shared scorer.

The floors are issue 3's targets (detection F1 0.70, strict 0.45, status 0.85,
date 0.75, location 0.70) and issue 4's linking target (B-cubed F1 over matched
events, 0.80). Issue 5 raises them.
"""

import importlib.util
import subprocess
import sys

from conftest import SHARED_EVAL

FLOORS = {"detection": 0.70, "strict": 0.45, "status": 0.85, "date": 0.75, "location": 0.70, "linking": 0.80}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED_EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_set_figures(dev_docs, tmp_path):
    out = tmp_path / "pred.jsonl"
    res = subprocess.run([sys.executable, "-m", "dateline", "extract", str(SHARED_EVAL / "dev.jsonl"),
                          "--format", "jsonl", "-o", str(out), "--quiet"], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    scorer = load_scorer()
    result = scorer.score(scorer.load_gold(SHARED_EVAL / "dev.jsonl"), scorer.load_pred(out))
    figures = {
        "detection": result["detection"]["f1"], "strict": result["strict"]["f1"],
        "status": result["status_accuracy"], "date": result["date_accuracy"],
        "location": result["location_accuracy"],
        "linking": (result["linking_bcubed"] or {}).get("f1", 0.0),
    }
    print(figures)
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"{name} {figures[name]:.3f} < {floor}"
