"""Repeated Lighthouse runs (netwerkkracht/quality/lighthouse.py `measure`): the median run stands
for performance, and a gated category takes its worst score, so repeating never hides a failure."""
from __future__ import annotations

from netwerkkracht.quality import lighthouse


def _lhr(performance: int, accessibility: int) -> dict:
    scores = {"performance": performance, "accessibility": accessibility, "best-practices": 100, "seo": 100}
    lhr = {"categories": {c: {"score": s / 100, "auditRefs": []} for c, s in scores.items()}, "audits": {}}
    if accessibility < 100:
        lhr["categories"]["accessibility"]["auditRefs"] = [{"id": "image-alt", "weight": 10}]
        lhr["audits"]["image-alt"] = {"score": 0}
    return lhr


def test_median_performance_and_worst_gated_score(monkeypatch):
    reports = iter([_lhr(97, 100), _lhr(100, 88), _lhr(99, 100)])
    monkeypatch.setattr(lighthouse, "run_lighthouse", lambda url, preset="mobile": next(reports))
    run = lighthouse.measure("home", "index.html", "mobile", "http://127.0.0.1:1", runs=3)
    assert run.error is None
    assert run.scores["performance"] == 99
    assert run.spread == [97, 99, 100]
    assert run.scores["accessibility"] == 88, "a low score in any run must reach the gate"
    assert run.failing["accessibility"] == ["image-alt"], "with the audit that caused it"


def test_a_failing_run_is_reported_and_stops_the_repeats(monkeypatch):
    calls = []

    def fail(url, preset="mobile"):
        calls.append(url)
        raise RuntimeError("lighthouse exit 1: Chrome did not start")

    monkeypatch.setattr(lighthouse, "run_lighthouse", fail)
    run = lighthouse.measure("home", "index.html", "mobile", "http://127.0.0.1:1", runs=3)
    assert "Chrome did not start" in run.error
    assert len(calls) == 1
