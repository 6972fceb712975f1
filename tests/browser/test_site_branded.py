"""A branded variant of the real site, as an organisation would make it, checked in Chromium.

The variant changes only ``extra.organisation`` in a copy of mkdocs.yml: a name and short name
with ``&`` and ``<``, a red primary colour and an SVG logo that carries a ``<script>``, event
attributes and a tracking pixel. Every place that shows the organisation is checked: header,
footer, favicon, 404 page, the colour variables the network map reads, the worksheet PDF and
DOCX; the pages run under the strict CSP, and the accessibility gate runs on the build.
Screenshots go to reports/screenshots/ (branded-*.png) for a person to look at.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

from helpers import ROOT, build
from netwerkkracht.hosting.csp import policy
from netwerkkracht.hosting.cspcheck import walk
from netwerkkracht.quality.site import SiteServer

pytestmark = pytest.mark.browser

NAME = "Sociaal Huis <Zuid> & Partners"
SHORT = "Huis <Zuid> & Co"
RED = "#b71c1c"
RED_RGB = "rgb(183, 28, 28)"
LOGO = """<?xml version="1.0" encoding="UTF-8"?>
<!-- logo van het Sociaal Huis -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" onload="window.nkLogoRan = true">
  <script>window.nkLogoRan = true; document.title = "gehackt";</script>
  <style>body, .md-header { display: none !important; }</style>
  <rect id="logo-vlak" x="2" y="2" width="36" height="36" rx="8" fill="currentColor"/>
  <image href="https://tracker.example/pixel.png" width="1" height="1"/>
</svg>
"""
SCREENSHOTS = ROOT / "reports" / "screenshots"
SAMPLE_PAGES = ["index.html", "404.html", "portfolio/index.html", "toolbox/netwerkkaart-interactief/index.html"]


def _branded_project(base: Path) -> Path:
    """A copy of the real project whose mkdocs.yml names another organisation."""
    project = base / "merk"
    project.mkdir()
    skip = {"mkdocs.yml", "docs", "site", ".git", ".venv", "node_modules", ".cache", "reports", "tests"}
    for entry in ROOT.iterdir():
        if entry.name not in skip:
            os.symlink(entry, project / entry.name)
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "docs" / "assets" / "logo-huis.svg").write_text(LOGO, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"\n  organisation:\n(?:    .*\n)+", config)
    assert block, "extra.organisation block not found in mkdocs.yml"
    branded = (f'\n  organisation:\n    name: "{NAME}"\n    short_name: "{SHORT}"\n    logo: assets/logo-huis.svg\n'
               f'    primary_color: "{RED}"\n    contact_url: https://huis-zuid.example/vorming\n'
               f'    contact_email: vorming@huis-zuid.example\n')
    (project / "mkdocs.yml").write_text(config.replace(block.group(0), branded), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory) -> Path:
    project = _branded_project(tmp_path_factory.mktemp("branded"))
    result = build(project)
    assert result.returncode == 0, f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return project / "site"


@pytest.fixture(scope="module")
def branded_base(branded_site):
    with SiteServer(branded_site, headers={"Content-Security-Policy": policy()}) as server:
        yield server.base


def _open(context, url: str):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(url, wait_until="load")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_header_footer_favicon_and_404_follow_the_branding(browser, branded_base, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    try:
        for path in ("/", "/cursus/", "/404.html"):
            page = _open(context, branded_base + path)
            header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            assert header == RED_RGB, f"{path} ({scheme}): header is {header}"
            logo = page.locator(".md-header .md-logo img")
            assert logo.count() == 1 and page.locator(".md-header .md-logo svg").count() == 0
            assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", logo.element_handle()), "logo did not load"
            assert page.evaluate("window.nkLogoRan === undefined && document.title !== 'gehackt'")
            assert page.locator("#logo-vlak").count() == 0  # the logo's ids stay inside the image
            footer = page.locator(".nk-footer").inner_text()
            assert f"Aangeboden door {NAME}" in footer and "vorming@huis-zuid.example" in footer
            assert page.evaluate("document.querySelector('zuid') === null")  # '<Zuid>' stayed text
            icon = urllib.parse.unquote(page.get_attribute("link[rel=icon]", "href"))
            assert icon.startswith("data:image/svg+xml,") and RED in icon and "script" not in icon
            if path == "/" and scheme == "light":
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / "branded-home-light.png"), full_page=True)
            if path == "/404.html":
                page.screenshot(path=str(SCREENSHOTS / f"branded-404-{scheme}.png"))
            page.close()
    finally:
        context.close()


def test_served_logo_is_clean(branded_site):
    served = (branded_site / "assets" / "logo-huis.svg").read_text(encoding="utf-8")
    for bad in ("<script", "onload", "tracker.example", "<?xml", "<!--"):
        assert bad not in served, bad


def test_colour_variables_the_map_reads_carry_the_brand(browser, branded_base):
    context = browser.new_context()
    try:
        page = _open(context, branded_base + "/toolbox/netwerkkaart-interactief/")
        page.wait_for_function("window.nkNetwerkkaart !== undefined")
        value = page.evaluate("getComputedStyle(document.querySelector('[data-nk-netwerkkaart]') || document.body)"
                              ".getPropertyValue('--md-primary-fg-color').trim()")
        assert value == RED
    finally:
        context.close()


def test_worksheets_carry_the_name_and_colour(branded_site):
    from docx import Document
    from pypdf import PdfReader

    pdfs = sorted((branded_site / "downloads").glob("*.pdf"))
    assert pdfs
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdfs[0])).pages)
    assert text.startswith(f"{SHORT} · toolbox".upper())  # the brand line above the title (set in capitals)
    assert f"{SHORT} · " in text and " · CC BY-SA 4.0 pagina 1 van" in text  # every page's footer
    assert "Netwerkkracht" not in text.replace("netwerkkracht", "")
    docx = Document(io.BytesIO((branded_site / "downloads" / pdfs[0].with_suffix(".docx").name).read_bytes()))
    assert docx.core_properties.author == NAME
    assert SHORT in docx.sections[0].footer.paragraphs[0].text
    assert str(docx.styles["Heading 1"].font.color.rgb) == RED.lstrip("#").upper()


def test_branded_pages_run_under_the_strict_csp(browser, branded_site, branded_base):
    scans = walk(browser, branded_site, branded_base, SAMPLE_PAGES)
    problems = [f"{s.page}: {p}" for s in scans for p in s.problems]
    assert not problems, "\n".join(problems)


@pytest.mark.gates
def test_accessibility_gate_passes_on_the_branded_build(branded_site):
    from netwerkkracht.quality import accessibility
    from netwerkkracht.quality.browser import in_browser, scan_pages
    from netwerkkracht.quality.site import html_pages

    pages = [p for p in html_pages(branded_site)
             if p in SAMPLE_PAGES or p.startswith("modules/") and p.count("/") == 2][:14]
    with SiteServer(branded_site) as server:
        def work(browser):
            scans = []
            for scheme in ("light", "dark"):
                scans += scan_pages(browser, branded_site, server.base, pages, scheme)
                scans += scan_pages(browser, branded_site, server.base, pages, scheme, view="trainer")
            return scans
        result = accessibility.gate(in_browser(work))
    assert result.passed, result.summary + "\n" + "\n".join(result.lines[:60])
