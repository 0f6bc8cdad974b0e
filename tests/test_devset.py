"""Quality on ../shared/eval/dev.jsonl, graded by the shared scorer.

The floors sit just under the figures reached so far, all at or above issue 5's targets
(detection 0.82, strict 0.60, status 0.92, date 0.85, location 0.80, linking B-cubed
0.88); raise them with each gain, so that a change that loses accuracy fails here.
"""

import importlib.util
import subprocess
import sys

from conftest import SHARED_EVAL

FLOORS = {"detection": 0.89, "strict": 0.71, "status": 0.97, "date": 0.93, "location": 0.83, "linking": 0.96}


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
