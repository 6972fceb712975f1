"""Every quality gate passes on the real built site (issue #3). Slow: the whole site, both schemes."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.gates, pytest.mark.browser]


def _explain(result) -> str:
    return f"{result}\n" + "\n".join(result.lines[:80]) + "\n(full report: reports/quality.md)"


@pytest.mark.parametrize("gate", ["validity", "accessibility", "privacy", "print", "lighthouse"])
def test_gate_passes(quality_run, gate):
    result = quality_run.results.get(gate)
    assert result is not None, f"gate {gate} did not run"
    assert result.passed, _explain(result)


def test_every_page_checked(quality_run):
    """All pages, not a sample: each HTML file is validated and loaded in both schemes,
    and every page with trainer notes once more per scheme in the trainer view."""
    import re

    pages = len(quality_run.pages)
    assert pages > 0
    trainer = sum('class="nk-trainer"' in (quality_run.site / p).read_text(encoding="utf-8") for p in quality_run.pages)
    assert trainer > 0, "no page with trainer notes: the trainer-view walk checks nothing"
    loads = 2 * pages + 2 * trainer
    axe = quality_run.results["accessibility"]
    assert f"on {pages} pages × 2 schemes" in axe.summary, axe.summary
    assert f"{loads} page loads in 4 walks" in axe.summary, axe.summary
    assert re.search(rf"over {loads} page loads", quality_run.results["privacy"].summary)


def test_page_budget_compares_with_bare_material(quality_run):
    """The budget is a report, but the comparison build must have run."""
    budget = quality_run.results["budget"]
    assert budget.data.get("bare") is not None, _explain(budget)
    assert budget.data["bare_browser"] is not None, _explain(budget)
