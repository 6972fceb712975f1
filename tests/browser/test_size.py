"""The workspace script and its styles stay small (target: 26 KB uncompressed together)."""
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
    # 26 000 since issue 10: the validators of three more workspace parts (simulaties, eindtoets, attest);
    # the self-test runner and the shuffle moved out to scripts loaded only on pages with a self-test.
    assert raw <= 26_000, f"workspace JS + CSS is {raw} bytes (gzip {zipped}); the budget is 26 000"
