"""Browser fixtures: the fixture course plus the learner workspace, built once and served locally.

The build is a copy of tests/fixtures/course with, added at run time:
- the site's CSS and JavaScript (extra_css / extra_javascript) and the real portfolio and privacy pages;
- a second module, so that progress counts have something to count;
- an inline reflection on module 1's first page, so that the portfolio's course order (page, then
  place on the page) has something to check;
- Material's footer navigation ("Vorige" / "Volgende"), as on the real site;
- a 2-second WebM with WebVTT captions made with ffmpeg (a `provider: file` video); nothing binary is committed.
"""
from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, build, copy_fixture
from netwerkkracht.quality.common import CHROME_ARGS, CHROMIUM
from netwerkkracht.quality.site import SiteServer


MODULE_2 = """title: Tweede module
description: Een tweede module om de voortgang te tellen.
order: 2
duration: 1
audience: [Testers]
goals:
  - Je kan een video bekijken.
  - Je kan verder lezen.
  - Je kan een module afronden.
key_points:
  - Een eigen video speelt af.
  - Er zijn ondertitels.
  - Niets verlaat de browser.
pages: [index.md]
sources:
  - author: Tracy, E. M. & Whittaker, J. K.
    year: 1990
    title: "The Social Network Map: Assessing social support in clinical practice"
trainer:
  workshop_duration: 10
  session_plan:
    - {minutes: 5, activity: Kijken, method: Plenair}
    - {minutes: 5, activity: Bespreken, method: In duo's}
  discussion_questions:
    - Wat zag je?
    - Wat neem je mee?
"""

VIDEO_ENTRY = """- id: proef-bestand
  title: Een eigen testvideo
  source_page: https://example.org/eigen
  provider: file
  file: media/proef.webm
  captions: media/proef.vtt
  duration: "0:02"
  theme: Testen
  description: Twee seconden testbeeld.
  watch_for: [Let op de ondertitels.]
  reflection_question: Zag je de ondertitel?
"""

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nDit is een ondertitel.\n"


def _make_project(base: Path) -> Path:
    project = copy_fixture(base)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.rstrip() + "\n  - Mijn leerportfolio: portfolio.md\n  - Privacy: privacy.md\n"
    text = text.replace("  font: false\n", "  font: false\n  features: [navigation.footer]\n", 1)
    config.write_text(text, encoding="utf-8")
    for page in ("portfolio.md", "privacy.md"):
        shutil.copy(ROOT / "docs" / page, project / "docs" / page)
    with (project / "modules" / "01-proef" / "index.md").open("a", encoding="utf-8") as f:
        f.write("\n/// reflectie | m1-vooraf\nWat weet je al over netwerken?\n///\n")
    module = project / "modules" / "02-tweede"
    module.mkdir()
    (module / "module.yml").write_text(MODULE_2, encoding="utf-8")
    (module / "index.md").write_text("# Tweede module\n\nKijk naar de video (Tracy & Whittaker, 1990).\n\n/// video | proef-bestand\n///\n", encoding="utf-8")
    (module / "trainer.md").write_text("# Draaiboek tweede module\n\nToon de video.\n", encoding="utf-8")
    media = project / "docs" / "media"
    media.mkdir(exist_ok=True)
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=15",
         "-t", "2", "-c:v", "libvpx", "-b:v", "200k", "-y", str(media / "proef.webm")],
        check=True, timeout=120,
    )
    (media / "proef.vtt").write_text(VTT, encoding="utf-8")
    with (project / "catalog" / "videos.yml").open("a", encoding="utf-8") as f:
        f.write(VIDEO_ENTRY)
    return project


@pytest.fixture(scope="session")
def workspace_site(tmp_path_factory) -> Path:
    project = _make_project(tmp_path_factory.mktemp("workspace"))
    result = build(project)
    assert result.returncode == 0, f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return project / "site"


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site on a free loopback port for the duration of the block."""
    with SiteServer(directory) as server:
        yield server.base


@pytest.fixture(scope="session")
def base_url(workspace_site) -> str:
    with serve(workspace_site) as url:
        yield url


@pytest.fixture(scope="session")
def real_base_url(real_site) -> str:
    """The real course site, served locally."""
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True, locale="nl-BE")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(f"{exc.message}\n{exc.stack or ''}"))
    pg.nk_errors = errors  # type: ignore[attr-defined]
    yield pg
    own = [e for e in errors if "netwerkkracht.js" in e]
    assert not own, "errors from netwerkkracht.js:\n" + "\n".join(own)


# The hosting tests (test_site_*.py) use the session `browser`; test_netwerkkaart.py starts a
# Playwright of its own, which cannot run while the session one does: it must come first (by name).
@pytest.fixture(scope="session")
def packages(tmp_path_factory) -> dict[str, Path]:
    """`bash dev.sh package` on the real project, once: {"offline": ZIP, "scorm": ZIP}."""
    import os
    import sys

    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "netwerkkracht.hosting.package", "-o", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=900, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return {"offline": next(out.glob("*-offline.zip")), "scorm": next(out.glob("*-scorm12.zip"))}
