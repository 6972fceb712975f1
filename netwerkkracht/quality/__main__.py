"""python -m netwerkkracht.quality [--site DIR] [--report reports/quality.md] [--gates a,b] [--no-bare]

Builds the site when no --site is given, runs every gate, writes a short Markdown report and exits
1 when a gate fails (2 when the site cannot be built or a tool is missing).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import ROOT, ToolMissing
from .report import write
from .runner import GATES, run_all
from .site import BuildFailed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m netwerkkracht.quality", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one from mkdocs.yml)")
    parser.add_argument("--report", type=Path, default=ROOT / "reports" / "quality.md")
    parser.add_argument("--gates", default=",".join(GATES), help=f"comma-separated subset of {', '.join(GATES)}")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare-Material comparison build")
    parser.add_argument("--keep", type=Path, help="keep the builds in this folder")
    args = parser.parse_args(argv)
    gates = [g.strip() for g in args.gates.split(",") if g.strip()]
    unknown = set(gates) - set(GATES)
    if unknown:
        parser.error(f"unknown gate(s): {', '.join(sorted(unknown))}")
    try:
        run = run_all(args.site, gates, bare=not args.no_bare, workdir=args.keep,
                      log=lambda m: print(m, file=sys.stderr, flush=True))
    except (BuildFailed, ToolMissing) as exc:
        print(f"quality: {exc}", file=sys.stderr)
        return 2
    path = write(run, args.report)
    for result in run.results.values():
        print(result)
    print(f"quality: {'PASS' if run.passed else 'FAIL'} in {run.seconds.get('total', 0):.0f} s; report: {path}")
    return 0 if run.passed else 1


if __name__ == "__main__":
    sys.exit(main())
