"""The workspace script and its styles, loaded on every page, stay small (36 KB uncompressed together,
about 12 KB gzipped).

The budget was 25 KB. Issue 11 added, on every page: the table of learner-data parts with backup,
wipe, import (what changes, keep the newest per entry, undo) and the network map's data format and
validator (backup and import cover the map); the storage notice that tells why nothing is kept; the
keyboard menu; the home page's "Verder waar je was". Issue 10 (26 KB then) added the validators of
its parts and moved the self-test runner and the shuffle out to page scripts. Issue 12 (page
weight) then moved the portfolio page's own code (rendering, backup, import dialog, wipe dialog) to
assets/portfolio.js, which only that page loads: 44.5 KB became 33.4 KB.
"""
from __future__ import annotations

import gzip

from helpers import ROOT

ASSETS = ROOT / "overrides" / "assets"
MARKER = "/* ==== learner workspace"


def workspace_bytes() -> tuple[int, int]:
    js = (ASSETS / "netwerkkracht.js").read_bytes()
    css = (ASSETS / "netwerkkracht.css").read_text(encoding="utf-8")
    assert MARKER in css, "the workspace section of netwerkkracht.css is missing"
    section = css[css.index(MARKER):].encode("utf-8")
    raw = js + section
    return len(raw), len(gzip.compress(js, 9)) + len(gzip.compress(section, 9))


def test_workspace_assets_are_small():
    raw, zipped = workspace_bytes()
    assert raw <= 36_000, f"workspace JS + CSS is {raw} bytes (gzip {zipped}); the budget is 36 000"
