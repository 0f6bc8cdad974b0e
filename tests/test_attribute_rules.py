"""The model's attribute rules applied by lookup give the attribute ruler's annotations exactly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from dateline.attribute_rules import AttributeRules, replace_ruler
from dateline.nlp import build

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
COLUMNS = [POS, TAG, DEP, MORPH, LEMMA, HEAD]

# Written to reach every kind of rule the English model has: the tag map, word exceptions,
# lists of words, two-token rules ("gonna", "let's", "y'all"), regular expressions ("ain't",
# "nothin'"), a dependency test ("there are"), and runs of spaces.
INVENTED = [
    "Y'all ain't gonna like it, c'mon, let's be frank: we gotta admit there's nothin' on the table.",
    "The envoy, who can't and won't stay, said that if the ceasefire fails, he'd fly home at once.\n\n",
    "It is all but over.   Whether they'd agree, tho it's late, anyone could come; nobody did.",
    "  Something was off, everyone knew it, and those who could would not say so.\t\n",
    "Talks resumed on 3 May 2025 in Oslo between the two delegations (see above).",
]


@pytest.fixture(scope="module")
def model():
    return build(events=False)


def _both(model, texts):
    """(the ruler's doc, the lookup's doc) for each text, parsed once before either runs."""
    ruler = model.get_pipe("attribute_ruler")
    rules = AttributeRules.from_ruler(ruler)
    assert rules is not None
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = list(model.pipe(texts))
    for doc in parsed:
        a, b = doc.copy(), doc.copy()
        yield ruler(a), rules(b)


def test_the_lookup_annotates_as_the_ruler_does(model):
    changed = 0
    for a, b in _both(model, INVENTED):
        assert [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in b] == \
               [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in a]
        changed += sum(1 for t in a if t.lemma_)
    assert changed  # the rules did write something (the lemmas of the exceptions at least)
    gonna = next(_both(model, INVENTED[:1]))[1]
    assert [t.lemma_ for t in gonna if t.lower_ in ("gon", "na", "ai", "nothin'")] == ["be", "go", "to", "nothing"]


def test_the_lookup_annotates_the_dev_articles_as_the_ruler_does(model):
    files = sorted(EVAL.glob("dev*.jsonl"))
    if not files:
        pytest.skip(f"no dev files in {EVAL}")
    texts = [json.loads(line)["text"] for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    for a, b in _both(model, texts):
        assert numpy.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS))


def test_a_rule_of_another_kind_keeps_the_models_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks", "OP": "+"}]], {"LEMMA": "talk"})
    assert AttributeRules.from_ruler(ruler) is None
    assert not replace_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    ruler.add([[{"LOWER": "x"}]], {"LEMMA": "y"})  # still none: one rule it cannot do is enough
    assert AttributeRules.from_ruler(ruler) is None


def test_a_later_rule_overrides_an_earlier_one_and_the_pipeline_uses_the_lookup():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk", "POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["talks", "meets"]}}]], {"LEMMA": "meeting"})
    ruler.add([[{"ORTH": "Oslo"}, {"LOWER": "talks"}]], {"POS": "PROPN"}, index=-1)
    assert replace_ruler(nlp)
    assert nlp.pipe_names == ["dateline_attribute_rules"]
    doc = nlp("Oslo talks and Geneva talks")
    assert [(t.lemma_, t.pos_) for t in doc] == [("", ""), ("meeting", "PROPN"), ("", ""), ("", ""), ("meeting", "NOUN")]
    assert "attribute_ruler" not in build().pipe_names and "dateline_attribute_rules" in build().pipe_names
