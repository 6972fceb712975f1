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
    """All pages, not a sample: each HTML file is validated and loaded in both schemes."""
    pages = len(quality_run.pages)
    assert pages > 0
    axe = quality_run.results["accessibility"]
    assert f"on {pages} pages × 2 schemes" in axe.summary, axe.summary
    assert f"over {2 * pages} page loads" in quality_run.results["privacy"].summary


def test_page_budget_compares_with_bare_material(quality_run):
    """The budget is a report, but the comparison build must have run."""
    budget = quality_run.results["budget"]
    assert budget.data.get("bare") is not None, _explain(budget)
    assert budget.data["bare_browser"] is not None, _explain(budget)
