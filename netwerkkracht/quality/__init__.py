"""Quality gates on every built page: accessibility, HTML validity, privacy and console,
Lighthouse, page budget, print.

    python -m netwerkkracht.quality [--site DIR] [--report reports/quality.md]

One module per gate; `run_all` runs them all (building the site and a bare-Material twin when
no --site is given), reusing one Chromium and loading each page once per colour scheme. The
pytest suite in tests/gates calls the same `run_all`.
"""
from __future__ import annotations

from .runner import GATES, QualityRun, run_all

__all__ = ["GATES", "QualityRun", "run_all"]
