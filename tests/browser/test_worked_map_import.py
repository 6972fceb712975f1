"""The worked maps of module 6 open in the interactive map: same people, same summary as the static map."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from netwerkkaart_fixtures import ROOT, build, make_project, serve  # noqa: E402
from netwerkkracht.toolbox.mapdata import load_map  # noqa: E402

pytestmark = pytest.mark.browser

PAGE = "/toolbox/netwerkkaart-interactief/"
EXAMPLES = sorted((ROOT / "docs" / "toolbox" / "voorbeelden").glob("*.json"))


@pytest.fixture(scope="module")
def map_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("worked-map"))
    site, result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "toolbox" / "voorbeelden" / EXAMPLES[0].name).is_file(), "the example is not published"
    return site


@pytest.fixture
def map_page(browser, map_site):
    """The interactive map page in the session's Chromium (tests/browser/conftest.py)."""
    with serve(map_site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + PAGE)
        page.wait_for_function("window.nkNetwerkkaart !== undefined")
        yield page
        page.close()
        assert not errors, errors


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_imports_into_the_interactive_map(map_page, path):
    page = map_page
    page.set_input_files("#nk-nwk-import", str(path))
    expected = load_map(path, path.name)
    page.wait_for_function(f"window.nkNetwerkkaart.map.state.people.length === {len(expected.people)}")
    people = page.evaluate("window.nkNetwerkkaart.map.state.people")
    assert [(p["name"], p["sector"], p["ring"], tuple(p["support"]), p["reciprocity"]) for p in people] == \
        [(p.name, p.sector, p.ring, p.support, p.reciprocity) for p in expected.people]
    # the static map's description and the interactive map's summary say the same
    summary = page.evaluate("window.nkNetwerkkaart.map.summary()")
    assert summary.startswith(expected.summary().rstrip(".")), (summary, expected.summary())
    assert "geïmporteerd" in page.locator(".nk-nwk__status").inner_text()
