"""Tests use sentences we invent: no six-word run of a test string, nor of a rule file's
example, may appear in the real articles of ../shared/eval/*.jsonl. Names are facts, not
sentences: the knowledge base's names and runs of capitalised words ("Office of the Prime
Minister of Armenia", "Foreign Minister Sergey Lavrov") are taken out first, so that the words
around them are what is checked. Skipped when that folder is absent."""

import ast
import json
import re
from pathlib import Path

import pytest

from conftest import SHARED_EVAL

TESTS = Path(__file__).resolve().parent
# Files whose dev-derived sentences are still being rewritten; keep this empty.
NOT_YET_REWRITTEN: set[str] = set()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def without_long_names(text: str, kb) -> str:
    """The text with the knowledge base's names of three or more words taken out: a name is a
    fact ("the United Nations Office for the Coordination of Humanitarian Affairs"), and the
    words around it are what must be ours."""
    long_names = sorted((n for n in kb.org_names | kb.country_names | kb.person_names if len(n.split()) >= 3),
                        key=len, reverse=True)
    for name in long_names:
        if name in text:
            text = text.replace(name, " NAME ")
    # and any other proper name of two or more capitalised words ("Office of the Prime Minister
    # of Armenia", "Foreign Minister Sergey Lavrov"): names and titles are facts too
    return NAME_RUN.sub(" NAME ", text)


CAPITALISED = r"[A-Z][\w’'-]*"
NAME_RUN = re.compile(rf"\b{CAPITALISED}(?:\s+(?:(?:of|the|and|for|de|al)\s+)*{CAPITALISED})+")


def runs_of_six(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + 6]) for i in range(len(w) - 5)}


def test_no_test_string_shares_six_words_with_a_real_article():
    files = sorted(SHARED_EVAL.glob("*.jsonl")) if SHARED_EVAL.exists() else []
    if not files:
        pytest.skip("../shared/eval is not beside the repo")
    from dateline.resolve.kb import knowledge_base

    kb = knowledge_base()
    real: set[tuple[str, ...]] = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                real |= runs_of_six(json.loads(line).get("text") or "")
    found = []
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name in NOT_YET_REWRITTEN:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if kb.org(text) or kb.ministry(text):
                    continue  # a canonical name
                if runs_of_six(without_long_names(text, kb)) & real:
                    found.append(f"{path.name}:{node.lineno}: {text[:70]!r}")
    assert not found, "test strings taken from the dev articles:\n" + "\n".join(found)


def rule_examples():
    from importlib import resources

    for name in ("triggers.json", "constructions.json"):
        rules = json.loads(resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8"))
        for section, entries in rules.items():
            if not section.startswith("_"):
                yield from ((name, e["id"], e["example"]) for e in entries)


def test_no_rule_example_shares_six_words_with_a_real_article():
    files = sorted(SHARED_EVAL.glob("*.jsonl")) if SHARED_EVAL.exists() else []
    if not files:
        pytest.skip("../shared/eval is not beside the repo")
    real: set[tuple[str, ...]] = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                real |= runs_of_six(json.loads(line).get("text") or "")
    found = [f"{name} {rule}: {example!r}" for name, rule, example in rule_examples() if runs_of_six(example) & real]
    assert not found, "rule examples taken from the dev articles:\n" + "\n".join(found)
