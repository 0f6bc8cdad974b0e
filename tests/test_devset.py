"""Quality on the public dev files, graded by the shared scorer: floors against breakage.

These are not targets and not a ratchet. They sit well below the current figures, so that
a change that generalises (and shows it on the sealed sets, `../shared/eval/check.py`) may
lose a few dev points without failing here, while a change that breaks extraction does.
"""

import importlib.util
import subprocess
import sys

import pytest

from conftest import SHARED_EVAL

FLOORS = {
    "dev": {"detection": 0.80, "strict": 0.60, "status": 0.90, "date": 0.85, "location": 0.75, "linking": 0.90},
    "dev2": {"detection": 0.40, "strict": 0.12, "status": 0.75, "date": 0.50, "location": 0.50},
    "dev3": {"detection": 0.40, "strict": 0.12, "status": 0.80, "date": 0.50, "location": 0.55},
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED_EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_file_figures_stay_above_their_floors(name, tmp_path):
    gold = SHARED_EVAL / f"{name}.jsonl"
    if not gold.exists():
        pytest.skip(f"{gold} is not beside the repo")
    out = tmp_path / "pred.jsonl"
    res = subprocess.run([sys.executable, "-m", "dateline", "extract", str(gold),
                          "--format", "jsonl", "-o", str(out), "--quiet"], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    scorer = load_scorer()
    result = scorer.score(scorer.load_gold(gold), scorer.load_pred(out))
    figures = {
        "detection": result["detection"]["f1"], "strict": result["strict"]["f1"],
        "status": result["status_accuracy"], "date": result["date_accuracy"],
        "location": result["location_accuracy"],
        "linking": (result["linking_bcubed"] or {}).get("f1", 0.0),
    }
    print(name, figures)
    for figure, floor in FLOORS[name].items():
        assert figures[figure] >= floor, f"{name} {figure} {figures[figure]:.3f} < {floor}"
