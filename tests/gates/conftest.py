"""The quality gates over the real site: built once per session, served on 127.0.0.1, checked by
the same `run_all` that `python -m netwerkkracht.quality` uses.

NK_QUALITY_SITE=/path/to/site reuses an already built site instead of building one.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from netwerkkracht.quality import run_all
from netwerkkracht.quality.common import ROOT
from netwerkkracht.quality.report import write
from netwerkkracht.quality.site import BuildFailed


@pytest.fixture(scope="session")
def quality_run(tmp_path_factory):
    site = os.environ.get("NK_QUALITY_SITE")
    work = tmp_path_factory.mktemp("quality")
    try:
        run = run_all(Path(site) if site else None, workdir=work,
                      log=lambda m: print(m, file=sys.stderr, flush=True))
    except BuildFailed as exc:
        pytest.fail(f"the site does not build, so no gate can run:\n{exc}", pytrace=False)
    report = write(run, ROOT / "reports" / "quality.md")
    print(f"quality report: {report}", file=sys.stderr)
    return run


@pytest.fixture
def served(tmp_path):
    """Write small pages into a folder and serve it: served({'a.html': '<!doctype html>...'})."""
    from netwerkkracht.quality.site import SiteServer

    servers = []

    def serve(pages: dict[str, str]):
        for name, html in pages.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        server = SiteServer(tmp_path).__enter__()
        servers.append(server)
        return tmp_path, server

    yield serve
    for server in servers:
        server.__exit__(None, None, None)
