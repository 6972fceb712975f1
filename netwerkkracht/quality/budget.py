"""Page budget report: bytes and requests per page, against a bare-Material build of the same
Markdown built in the same run, and against the reference figures of issue #3. Reports only.

Bytes per page come from netwerkkracht.sitemetrics (the HTML and the CSS, JS, fonts and images it
references, uncompressed), as in the benchmark; requests and the bytes the browser really loads
(which include the search index the search worker fetches) come from the shared page walk.
"""
from __future__ import annotations

import statistics
from pathlib import Path

from netwerkkracht.sitemetrics import KINDS, measure_site, summary

from .browser import PageScan
from .common import GateResult, kib

NAME = "Page budget (report)"
# Bare Material 9.8.2, 6 Dutch pages (issue #3): bytes per page uncompressed, requests per page,
# of which to Google Fonts.
REFERENCE = {"bytes": 385 * 1024, "requests": 8, "third_party": 2}


def _stats(values: list[float]) -> dict[str, float]:
    values = values or [0]
    return {"median": statistics.median(values), "max": max(values)}


def browser_figures(scans: list[PageScan]) -> dict:
    ok = [s for s in scans if not s.error]
    return {
        "requests": _stats([len(s.requests) for s in ok]),
        "third_party": _stats([len(s.outside) for s in ok]),
        "loaded": _stats([sum(s.bytes.values()) for s in ok]),
        "loaded_other": _stats([s.bytes.get("other", 0) for s in ok]),
    }


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def gate(site: Path, scans: list[PageScan], bare_site: Path | None = None,
         bare_scans: list[PageScan] | None = None, bare_error: str | None = None) -> GateResult:
    ours = summary(measure_site(site))
    ours_b = browser_figures(scans)
    bare = summary(measure_site(bare_site)) if bare_site else None
    bare_b = browser_figures(bare_scans) if bare_scans else None
    pages = len({s.page for s in scans})
    lines = [f"{pages} pages. Static bytes: the page's HTML plus the CSS, JS, fonts and images it references "
             "(sitemetrics, uncompressed). Loaded: every local file the browser fetched for the page, search "
             "index included. Medians, largest in brackets."]
    head = "| per page | Netwerkkracht | bare Material, same Markdown | ratio |"
    lines += ["", head, "| --- | ---: | ---: | ---: |"]
    for kind in (*KINDS, "total"):
        o = ours[kind]
        b = bare[kind] if bare else None
        lines.append(f"| {kind} (static) | {kib(o['median'])} ({kib(o['max'])}) | "
                     + (f"{kib(b['median'])} ({kib(b['max'])}) | {_ratio(o['median'], b['median'])} |" if b else "– | – |"))
    for key, label, fmt in (("loaded", "loaded in browser", kib), ("loaded_other", "of which search index (json)", kib),
                            ("requests", "requests", lambda v: f"{v:g}"), ("third_party", "third-party requests", lambda v: f"{v:g}")):
        o = ours_b[key]
        b = bare_b[key] if bare_b else None
        lines.append(f"| {label} | {fmt(o['median'])} ({fmt(o['max'])}) | "
                     + (f"{fmt(b['median'])} ({fmt(b['max'])}) | {_ratio(o['median'], b['median'])} |" if b else "– | – |"))
    if bare_error:
        lines.append(f"\nBare-Material build not available: {bare_error}")
    checks = [
        ("bytes per page, static (median)", ours["total"]["median"], REFERENCE["bytes"], kib),
        ("bytes per page, loaded in browser (median)", ours_b["loaded"]["median"], REFERENCE["bytes"], kib),
        ("bytes per page, loaded in browser (largest)", ours_b["loaded"]["max"], REFERENCE["bytes"], kib),
        ("requests per page (median)", ours_b["requests"]["median"], REFERENCE["requests"], lambda v: f"{v:g}"),
        ("requests per page (largest)", ours_b["requests"]["max"], REFERENCE["requests"], lambda v: f"{v:g}"),
        ("third-party requests per page (largest)", ours_b["third_party"]["max"], REFERENCE["third_party"], lambda v: f"{v:g}"),
    ]
    lines += ["", "Against the reference (bare Material 9.8.2, 6 Dutch pages: 385 KB, 8 requests, 2 to Google Fonts):"]
    beats = 0
    for label, value, ref, fmt in checks:
        ok = value < ref
        beats += ok
        lines.append(f"- {label}: {fmt(value)} vs {fmt(ref)}: {'beats' if ok else 'DOES NOT BEAT'}")
    summary_line = (f"median {kib(ours['total']['median'])} static / {kib(ours_b['loaded']['median'])} loaded, "
                    f"{ours_b['requests']['median']:g} requests per page"
                    + (f"; bare Material {kib(bare['total']['median'])} / {kib(bare_b['loaded']['median'])}, "
                       f"{bare_b['requests']['median']:g} requests" if bare and bare_b else "")
                    + f"; beats {beats} of {len(checks)} reference figures")
    return GateResult(NAME, True, summary_line, lines,
                      data={"ours": ours, "ours_browser": ours_b, "bare": bare, "bare_browser": bare_b,
                            "beats": beats, "checks": len(checks)})
