"""The short Markdown report of a quality run."""
from __future__ import annotations

import datetime
from pathlib import Path

from .runner import QualityRun

TITLES = {"validity": "HTML validity", "accessibility": "Accessibility", "privacy": "Privacy and console",
          "print": "Print", "lighthouse": "Lighthouse", "budget": "Page budget"}


def render(run: QualityRun) -> str:
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    verdict = "PASS" if run.passed else "FAIL"
    out = [f"# Quality gates: {verdict}", "",
           f"{len(run.pages)} pages, {when}, {run.seconds.get('total', 0):.0f} s in all.", "",
           "| gate | result | summary |", "| --- | --- | --- |"]
    for key, result in run.results.items():
        out.append(f"| {TITLES.get(key, key)} | {result.status} | {result.summary} |")
    for key, result in run.results.items():
        out += ["", f"## {TITLES.get(key, key)}: {result.status}", "", result.summary, ""]
        out += result.lines
    out += ["", "## Time", ""]
    out += [f"- {k}: {v:.1f} s" for k, v in run.seconds.items()]
    out += [f"- {n}" for n in run.notes]
    return "\n".join(out) + "\n"


def write(run: QualityRun, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(run), encoding="utf-8")
    return path
