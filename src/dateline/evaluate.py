"""Error analysis against a gold file: the figures, then every error by cause.

The grading itself belongs to the gold set's own scorer (``score.py`` beside
the gold file, or ``--scorer``), loaded as a module so that the figures here
are exactly the ones the scorer prints; this module only sorts the
differences into causes a developer can act on.
"""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

CAUSES = ("missed", "spurious", "participants", "status", "date", "location")


class ScorerMissing(Exception):
    """No usable scorer module."""


def load_scorer(path: Path) -> ModuleType:
    if not path.is_file():
        raise ScorerMissing(f"no scorer at '{path}' (pass --scorer PATH)")
    spec = importlib.util.spec_from_file_location("dateline_gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as err:  # a broken scorer file must not look like our bug
        raise ScorerMissing(f"cannot load scorer '{path}': {err}") from err
    for needed in ("score", "match_doc", "participants", "overlap", "date_correct", "location_correct"):
        if not hasattr(module, needed):
            raise ScorerMissing(f"'{path}' has no function '{needed}'")
    return module


@dataclass
class Finding:
    cause: str
    doc_id: str
    type: str
    gold: dict | None
    pred: dict | None

    @property
    def evidence(self) -> str:
        event = self.gold or self.pred or {}
        return " ".join(str(event.get("evidence") or "").split())


@dataclass
class Report:
    figures: dict
    findings: list[Finding] = field(default_factory=list)

    def by_cause(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {cause: [] for cause in CAUSES}
        for finding in self.findings:
            grouped[finding.cause].append(finding)
        return grouped


def analyse(scorer: ModuleType, gold_docs: dict[str, dict], pred_events: dict[str, list[dict]]) -> Report:
    """Figures from the scorer; findings for every unmatched event and wrong field."""
    report = Report(figures=scorer.score(gold_docs, pred_events))
    for doc_id, doc in gold_docs.items():
        gold, pred = doc.get("events", []), pred_events.get(doc_id, [])
        matches = scorer.match_doc(gold, pred)
        matched_gold = {gi for gi, _, _ in matches}
        matched_pred = {pi for _, pi, _ in matches}
        for gi, pi, _ in matches:
            g, p = gold[gi], pred[pi]
            gn, pn = scorer.participants(g), scorer.participants(p)
            if not scorer.overlap(gn, pn) == len(gn) == len(pn):
                report.findings.append(Finding("participants", doc_id, g["type"], g, p))
            if (p.get("status") or "occurred") != g.get("status", "occurred"):
                report.findings.append(Finding("status", doc_id, g["type"], g, p))
            if not scorer.date_correct(g.get("date"), p.get("date")):
                report.findings.append(Finding("date", doc_id, g["type"], g, p))
            if not scorer.location_correct(g.get("location"), p.get("location")):
                report.findings.append(Finding("location", doc_id, g["type"], g, p))
        report.findings += [Finding("missed", doc_id, g["type"], g, None)
                            for gi, g in enumerate(gold) if gi not in matched_gold]
        report.findings += [Finding("spurious", doc_id, str(p.get("type")), None, p)
                            for pi, p in enumerate(pred) if pi not in matched_pred]
    return report


def _names(event: dict | None, role: str) -> str:
    if not event:
        return ""
    names = []
    for p in event.get(role) or []:
        names.append(p.get("name", "") if isinstance(p, dict) else str(p))
    return ", ".join(names) or "-"


def _summary(event: dict | None) -> str:
    if not event:
        return "-"
    parts = [str(event.get("type")), str(event.get("status") or "occurred")]
    if event.get("mode"):
        parts.append(str(event["mode"]))
    date = event.get("date")
    if isinstance(date, dict):
        date = date.get("value") or "/".join(str(date.get(k) or "") for k in ("start", "end"))
    location = event.get("location")
    if isinstance(location, dict):
        location = location.get("name")
    return (f"{' '.join(parts)}  {_names(event, 'actors')} -> {_names(event, 'recipients')}"
            f"  date={date or '-'}  at={location or '-'}")


def format_figures(figures: dict) -> list[str]:
    d, s = figures["detection"], figures["strict"]
    lines = [
        f"documents {figures['documents']}  gold events {figures['gold_events']}  "
        f"predicted {figures['predicted_events']}",
        f"detection  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}",
        f"strict     P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}",
        f"on matched events: status {figures['status_accuracy']:.3f}  "
        f"date {figures['date_accuracy']:.3f}  location {figures['location_accuracy']:.3f}",
    ]
    if figures.get("linking_bcubed"):
        lines.append(f"linking B-cubed F1 {figures['linking_bcubed']['f1']:.3f}")
    for name, v in figures["by_type"].items():
        lines.append(f"  {name:<10} gold {v['gold']:>3}  pred {v['predicted']:>3}  "
                     f"P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}")
    return lines


def format_report(report: Report, causes: Iterable[str] = CAUSES, limit: int = 0) -> str:
    lines = format_figures(report.figures)
    grouped = report.by_cause()
    lines.append("")
    lines.append("errors by cause: " + ", ".join(f"{c} {len(grouped[c])}" for c in CAUSES))
    for cause in causes:
        findings = grouped[cause]
        if not findings:
            continue
        by_type: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_type[finding.type].append(finding)
        lines.append("")
        lines.append(f"== {cause} ({len(findings)})")
        for name, group in sorted(by_type.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"-- {name} ({len(group)})")
            for finding in group[:limit or None]:
                lines.append(f"  [{finding.doc_id}] {finding.evidence[:240]}")
                if finding.gold is not None:
                    lines.append(f"      gold: {_summary(finding.gold)}")
                if finding.pred is not None:
                    lines.append(f"      ours: {_summary(finding.pred)}")
    return "\n".join(lines)


def report_json(report: Report) -> str:
    payload = {
        "figures": report.figures,
        "findings": [{"cause": f.cause, "doc_id": f.doc_id, "type": f.type, "gold": f.gold, "pred": f.pred}
                     for f in report.findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
