"""Redraw time of the interactive network map with 150 people, measured in Chromium.

    .venv/bin/python tests/benchmarks/netwerkkaart_bench.py [--site SITE_DIR] [--people 150] [--edits 100]

Without --site it builds the fixture course with the toolbox first. It calls the page's own
``window.nkNetwerkkaart.benchmark(n, edits)``: n people are put on the map, then each edit changes one
person's sector and ring through the same code path as the table (data, SVG redraw, localStorage)
followed by a forced style and layout pass, timed with performance.now(). Prints the timings; it
asserts nothing (the budget is 16 ms for one edit).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))

from netwerkkaart_fixtures import build, launch, make_project, serve  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--people", type=int, default=150)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site, result = build(make_project(Path(tmp)))
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
        with serve(site) as base, sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(base + "/toolbox/netwerkkaart-interactief/")
            page.wait_for_function("window.nkNetwerkkaart !== undefined")
            print(f"netwerkkaart: {args.people} people, {args.edits} edits per run (ms per edit, incl. style+layout)")
            for run in range(1, args.runs + 1):
                r = page.evaluate(f"window.nkNetwerkkaart.benchmark({args.people}, {args.edits})")
                print(f"  run {run}: mean {r['mean']:.2f}  median {r['median']:.2f}  p95 {r['p95']:.2f}  max {r['max']:.2f}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
