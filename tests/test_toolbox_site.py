"""The toolbox in a built site: pages, downloads and the notebook are linked and present."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))

from netwerkkaart_fixtures import build, make_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def toolbox_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("toolbox-site"))
    site, result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, result


def test_every_tool_has_page_pdf_docx_and_preview(toolbox_site):
    import yaml

    site, _ = toolbox_site
    for tool in yaml.safe_load((ROOT / "catalog" / "tools.yml").read_text(encoding="utf-8")):
        tid = tool["id"]
        html = (site / "toolbox" / tid / "index.html").read_text(encoding="utf-8")
        assert (site / "downloads" / f"{tid}.pdf").read_bytes()[:5] == b"%PDF-"
        assert (site / "downloads" / f"{tid}.docx").read_bytes()[:2] == b"PK"
        assert (site / "toolbox" / "voorbeelden" / f"{tid}.png").is_file()
        assert f'href="../../downloads/{tid}.pdf"' in html and f'href="../../downloads/{tid}.docx"' in html
        assert re.search(rf'<img alt="[^"]+" [^>]*src="\.\./voorbeelden/{tid}\.png"', html), "preview without alt"


def test_toolbox_index_links_every_download(toolbox_site):
    site, _ = toolbox_site
    html = (site / "toolbox" / "index.html").read_text(encoding="utf-8")
    assert html.count('href="../downloads/') >= 2 * 8


def test_interactive_page_loads_its_own_assets_only_there(toolbox_site):
    site, _ = toolbox_site
    page = (site / "toolbox" / "netwerkkaart-interactief" / "index.html").read_text(encoding="utf-8")
    assert '<script type="module" src="../../assets/netwerkkaart/main.js">' in page
    assert 'href="../../assets/netwerkkaart.css"' in page
    assert "data-nk-netwerkkaart" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/netwerkkaart/" not in home and "netwerkkaart.css" not in home


def test_notebook_page_offers_the_ipynb_and_loads_nothing_external(toolbox_site):
    site, _ = toolbox_site
    html = (site / "notebooks" / "netwerkkaart-analyseren" / "index.html").read_text(encoding="utf-8")
    assert (site / "notebooks" / "netwerkkaart-analyseren" / "netwerkkaart-analyseren.ipynb").is_file()
    assert "netwerkkaart-analyseren.ipynb" in html
    external = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    assert not external, external


def test_build_reports_the_toolbox_time(toolbox_site):
    _, result = toolbox_site
    assert re.search(r"Toolbox: \d+ tools \(\d+ generated, \d+ from cache\) in [\d.]+ s", result.stderr)
