"""The interactive network map in Chromium: add, edit, remove, persistence, exports, import."""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from netwerkkaart_fixtures import build, make_project, serve  # noqa: E402

pytestmark = pytest.mark.browser

PAGE = "/toolbox/netwerkkaart-interactief/"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def nk_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("netwerkkaart"))
    site, result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def nk_base(nk_site):
    with serve(nk_site) as base:
        yield base


@pytest.fixture(scope="module")
def nk_browser(browser):
    # The session's Chromium (conftest.py): a second sync Playwright in the same thread is refused
    # as soon as another browser test file has started the session one.
    return browser


@pytest.fixture
def nk_page(nk_browser, nk_base):
    context = nk_browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(nk_base + PAGE)
    page.wait_for_function("window.nkNetwerkkaart !== undefined")
    yield page
    assert not errors, errors
    context.close()


def add(page, name, sector="familie", ring=2, support=(), reciprocity="wederzijds"):
    form = page.locator(".nk-nwk__form")
    form.get_by_label("Initialen of bijnaam").fill(name)
    form.get_by_label("Sector").select_option(sector)
    form.locator(f'input[name="nk-nwk-ring"][value="{ring}"]').check()
    for label in support:
        form.get_by_label(label).check()
    form.get_by_label("Wederkerigheid").select_option(reciprocity)
    form.get_by_role("button", name="Toevoegen", exact=True).click()


def people(page) -> list[dict]:
    return page.evaluate("window.nkNetwerkkaart.map.state.people")


def stored(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem(window.nkNetwerkkaart.storageKey))")


def test_storage_key_uses_the_site_namespace(nk_page):
    ns = nk_page.get_attribute('meta[name="nk-namespace"]', "content")
    assert nk_page.evaluate("window.nkNetwerkkaart.storageKey") == f"{ns}:netwerkkaart"


def test_add_edit_remove_a_person(nk_page):
    page = nk_page
    add(page, "MJ", "vrienden", 1, ["Emotionele steun (E)", "Gezelschap (G)"], "wederzijds")
    add(page, "tante R", "familie", 3, [], "krijgt")
    assert [p["name"] for p in people(page)] == ["MJ", "tante R"]
    assert people(page)[0]["support"] == ["emotioneel", "gezelschap"]
    assert page.locator(".nk-nwk__persoon").count() == 2
    assert "2 personen" in page.locator("#nk-nwk-samenvatting").inner_text()

    # edit in the table: the map and storage follow
    row = page.locator('tr[data-id]').filter(has=page.locator('input[value="tante R"]'))
    row.get_by_label("Nabijheid van tante R").select_option("1")
    row.get_by_label("Sector van tante R").select_option("buren")
    row.get_by_label("Initialen of bijnaam van tante R").fill("TR")
    row.get_by_label("Initialen of bijnaam van tante R").press("Tab")
    tr = people(page)[1]
    assert (tr["name"], tr["ring"], tr["sector"]) == ("TR", 1, "buren")
    assert stored(page)["people"][1]["name"] == "TR"
    title = page.locator(f'.nk-nwk__persoon[data-id="{tr["id"]}"] title').text_content()
    assert title.startswith("TR: Buren")

    # remove, then undo
    page.get_by_role("button", name="MJ verwijderen").click()
    assert [p["name"] for p in people(page)] == ["TR"]
    assert page.locator(".nk-nwk__persoon").count() == 1
    assert "verwijderd" in page.locator(".nk-nwk__status").inner_text()
    page.get_by_role("button", name="Ongedaan maken").click()
    assert [p["name"] for p in people(page)] == ["MJ", "TR"]


def test_user_text_is_never_html(nk_page):
    page = nk_page
    add(page, "<img src=x onerror=1>")
    assert page.locator(".nk-nwk img, .nk-nwk__tabel img").count() == 0
    assert people(page)[-1]["name"] == "<img src=x onerror=1>"[:20]
    assert page.locator(".nk-nwk__persoon text").first.text_content().startswith("<im")


def test_empty_name_is_refused(nk_page):
    page = nk_page
    page.locator(".nk-nwk__form").get_by_role("button", name="Toevoegen", exact=True).click()
    assert people(page) == []
    assert "initialen" in page.locator(".nk-nwk__fout").inner_text().lower()


def test_map_survives_a_reload(nk_page):
    page = nk_page
    add(page, "buurman", "buren", 3, ["Praktische hulp (P)"], "geeft")
    page.locator("#nk-nwk-titel").fill("KA")
    page.reload()
    page.wait_for_function("window.nkNetwerkkaart !== undefined")
    assert [(p["name"], p["sector"], p["ring"], p["support"], p["reciprocity"]) for p in people(page)] == [
        ("buurman", "buren", 3, ["praktisch"], "geeft")]
    assert page.locator("#nk-nwk-titel").input_value() == "KA"
    assert page.locator('tr[data-id] input[type="text"]').first.input_value() == "buurman"


def _download(page, button: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    path = info.value.path()
    return Path(path).read_bytes(), info.value.suggested_filename


def test_exports_download_and_parse(nk_page, tmp_path):
    page = nk_page
    add(page, "MJ", "vrienden", 1, ["Emotionele steun (E)"], "wederzijds")
    add(page, "OCMW", "professionele-hulp", 3, ["Informatie en advies (I)"], "krijgt")

    png, name = _download(page, "Exporteren als PNG")
    assert png.startswith(PNG_SIGNATURE) and name.endswith(".png")

    svg, name = _download(page, "Exporteren als SVG")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and name.endswith(".svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) >= 4 + 2

    raw, name = _download(page, "Exporteren als JSON")
    data = json.loads(raw)
    assert data["format"] == "netwerkkracht-netwerkkaart" and data["version"] == 1
    assert [p["name"] for p in data["people"]] == ["MJ", "OCMW"]

    # round trip: clear the map, import the export, same people
    before = people(page)
    page.get_by_role("button", name="Kaart wissen").click()
    assert people(page) == []
    file = tmp_path / name
    file.write_bytes(raw)
    page.set_input_files("#nk-nwk-import", str(file))
    page.wait_for_function("window.nkNetwerkkaart.map.state.people.length === 2")
    assert people(page) == before
    assert "geïmporteerd" in page.locator(".nk-nwk__status").inner_text()


@pytest.mark.parametrize("content, message", [
    (b"{ dit is geen json", "geen geldig JSON"),
    (json.dumps({"format": "iets-anders", "people": []}).encode(), "geen netwerkkaart"),
    (json.dumps({"format": "netwerkkracht-netwerkkaart", "version": 1,
                 "people": [{"name": "A", "sector": "maan", "ring": 1, "support": [], "reciprocity": "wederzijds"}]}).encode(),
     "onbekende sector"),
])
def test_bad_import_shows_a_message_and_keeps_the_map(nk_page, tmp_path, content, message):
    page = nk_page
    add(page, "MJ", "vrienden", 1, [], "wederzijds")
    before, saved = people(page), stored(page)
    bad = tmp_path / "kapot.json"
    bad.write_bytes(content)
    page.set_input_files("#nk-nwk-import", str(bad))
    alert = page.locator(".nk-nwk__fout[role=alert]")
    alert.wait_for(state="visible")
    assert message in alert.inner_text() and "niet gewijzigd" in alert.inner_text()
    assert people(page) == before
    assert stored(page)["people"] == saved["people"]


def test_print_shows_map_and_list(nk_page):
    page = nk_page
    add(page, "MJ", "vrienden", 1, [], "wederzijds")
    page.evaluate("window.nkNetwerkkaart.map.fillPrintList()")
    page.emulate_media(media="print")
    assert page.locator(".nk-nwk__svg").is_visible()
    assert page.locator(".nk-nwk__form").is_hidden()
    assert "MJ" in page.locator(".nk-nwk__print").inner_text()
    page.emulate_media(media="screen")


def test_keyboard_only(nk_page):
    page = nk_page
    page.locator("#nk-nwk-naam").focus()
    page.keyboard.type("KB")
    page.keyboard.press("Enter")  # submits the form
    assert [p["name"] for p in people(page)] == ["KB"]
    assert page.evaluate("document.activeElement.id") == "nk-nwk-naam"


def test_benchmark_function_reports_timings(nk_page):
    result = nk_page.evaluate("window.nkNetwerkkaart.benchmark(150, 10)")
    assert result["people"] == 150 and result["edits"] == 10 and result["median"] >= 0
    assert people(nk_page) == []  # the benchmark puts the user's map back
