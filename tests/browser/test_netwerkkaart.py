"""The interactive network map in Chromium: add, edit, remove, persistence, exports, import."""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parent))

from netwerkkaart_fixtures import EXAMPLE, EXAMPLE_NAME, build, make_project, serve  # noqa: E402

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
    """The session's Chromium (tests/browser/conftest.py): one Playwright per test session."""
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


# ============================================================================ issue 11

LONG = "tante Rosalinde-Mari"  # 20 characters, the longest name the map takes
SVGNS = "{http://www.w3.org/2000/svg}"
QUOTA = "Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };"


def _context(nk_browser, **kwargs):
    kwargs.setdefault("viewport", {"width": 1280, "height": 800})
    return nk_browser.new_context(accept_downloads=True, **kwargs)


def _open(context, nk_base, path=PAGE):
    page = context.new_page()
    page.nk_errors = []
    page.on("pageerror", lambda exc: page.nk_errors.append(str(exc)))
    page.goto(nk_base + path)
    if path.startswith(PAGE):
        page.wait_for_function("window.nkNetwerkkaart !== undefined")
    return page


def status(page) -> str:
    return page.locator(".nk-nwk__status").inner_text()


# ---------------------------------------------------------------------------- data loss

def test_backup_holds_the_map_and_wipe_lists_it(nk_browser, nk_base, tmp_path):
    ctx = _context(nk_browser)
    try:
        page = _open(ctx, nk_base)
        add(page, "MJ", "vrienden", 1, ["Emotionele steun (E)"], "wederzijds")
        add(page, "tante R", "familie", 2, [], "krijgt")
        page.goto(nk_base + "/modules/01-proef/lezen/")
        page.fill("#nk-m1-proef-1", "Een antwoord")
        page.locator("#nk-m1-proef-1").blur()
        page.get_by_role("button", name="Trainersweergave").click()
        keys = "Object.keys(localStorage).filter(k => k.startsWith('netwerkkracht:')).sort()"
        before = page.evaluate(f"Object.fromEntries({keys}.map(k => [k, localStorage.getItem(k)]))")
        assert sorted(before) == ["netwerkkracht:netwerkkaart", "netwerkkracht:trainer", "netwerkkracht:werkruimte"]

        page.goto(nk_base + "/portfolio/")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download back-up (JSON)").click()
        backup = tmp_path / "backup.json"
        info.value.save_as(backup)
        data = json.loads(backup.read_text(encoding="utf-8"))["data"]
        assert [p["name"] for p in data["netwerkkaart"]["people"]] == ["MJ", "tante R"]
        assert data["trainer"] == "aan"

        page.get_by_role("button", name="Wis mijn gegevens").click()
        expect(page.locator("dialog.nk-dialoog li")).to_have_text([
            "1 antwoord op een reflectie", "je netwerkkaart (2 personen)", "je keuze voor de trainersweergave"])
        page.get_by_role("button", name="Ja, wis alles").click()
        assert page.evaluate(keys) == []

        page.locator("input[data-nk-import]").set_input_files(str(backup))
        expect(page.locator(".nk-portfolio__acties .nk-status")).to_have_text(
            "Je back-up is ingelezen: 1 antwoord op een reflectie, je netwerkkaart (2 personen), "
            "je keuze voor de trainersweergave.")
        after = page.evaluate(f"Object.fromEntries({keys}.map(k => [k, localStorage.getItem(k)]))")
        assert {k: json.loads(v) if k.endswith(("kaart", "ruimte")) else v for k, v in after.items()} == \
               {k: json.loads(v) if k.endswith(("kaart", "ruimte")) else v for k, v in before.items()}
        page.goto(nk_base + PAGE)
        page.wait_for_function("window.nkNetwerkkaart !== undefined")
        assert [p["name"] for p in people(page)] == ["MJ", "tante R"]
        assert page.nk_errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("script", [QUOTA, "Object.defineProperty(window, 'localStorage', {configurable: true, get() {"
                                    " throw new DOMException('The operation is insecure.', 'SecurityError'); }});"],
                         ids=["quota", "securityerror"])
def test_map_shows_a_lasting_notice_when_storage_fails(nk_browser, nk_base, script):
    ctx = _context(nk_browser)
    ctx.add_init_script(script)
    try:
        page = _open(ctx, nk_base)
        notice = page.locator(".nk-nwk .nk-melding")
        expect(notice).to_be_visible()
        add(page, "AB", "vrienden", 1, [], "wederzijds")
        expect(page.locator(".nk-nwk__status")).to_have_text(re.compile("AB staat op de kaart.*, maar is niet bewaard"))
        page.locator("#nk-nwk-titel").fill("KA")
        add(page, "CD", "buren", 2, [], "geeft")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("bewaard")
        top = page.locator(".md-content__inner > h1 + .nk-melding")  # the same notice as on a learning page
        expect(top).to_be_visible()
        assert top.inner_text() == notice.inner_text()
        assert page.nk_errors == []
    finally:
        ctx.close()


# ---------------------------------------------------------------------------- names

def _export_svg(page):
    with page.expect_download() as info:
        page.get_by_role("button", name="Exporteren als SVG").click()
    return ET.fromstring(Path(info.value.path()).read_bytes())


def _svg_texts(root):
    """Every <text> of an SVG as (joined text of its tspans, font size)."""
    out = []
    for t in root.iter(SVGNS + "text"):
        parts = [t.text or ""] + [s.text or "" for s in t.iter(SVGNS + "tspan")]
        out.append((" ".join(p.strip() for p in parts if p.strip()), float(t.get("font-size") or 0)))
    return out


@pytest.mark.parametrize("width", [390, 1280])
def test_full_names_readable_on_screen_and_in_exports(nk_browser, nk_base, width):
    ctx = _context(nk_browser, viewport={"width": width, "height": 844})
    try:
        page = _open(ctx, nk_base)
        add(page, LONG, "familie", 1, ["Emotionele steun (E)"], "wederzijds")
        add(page, "MJ", "vrienden", 2, [], "krijgt")
        legend = page.locator(".nk-nwk__legende li")
        expect(legend).to_have_count(2)
        for name in (LONG, "MJ"):
            item = legend.filter(has_text=name)
            expect(item).to_be_visible()
            size = item.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            assert size >= 12, (name, size)
        texts = _svg_texts(_export_svg(page))
        assert any(LONG in t and size >= 12 for t, size in texts), texts
        with page.expect_download() as info:
            page.get_by_role("button", name="Exporteren als PNG").click()
        png = Path(info.value.path()).read_bytes()
        assert png.startswith(PNG_SIGNATURE)
        png_height = int.from_bytes(png[20:24], "big")
        svg_height = float(_export_svg(page).get("height"))
        assert png_height == 2 * svg_height and svg_height > 660  # the legend is in the picture
    finally:
        ctx.close()


def test_tapping_a_person_on_a_phone_shows_details(nk_browser, nk_base):
    ctx = _context(nk_browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = _open(ctx, nk_base)
        add(page, LONG, "familie", 1, ["Emotionele steun (E)", "Gezelschap (G)"], "krijgt")
        page.locator(".nk-nwk__persoon").first.tap()
        detail = page.locator(".nk-nwk__detail")
        expect(detail).to_be_visible()
        expect(detail).to_contain_text(LONG)
        expect(detail).to_contain_text("Familie")
        expect(detail).to_contain_text("heel dichtbij")
        expect(detail).to_contain_text("emotionele steun, gezelschap")
        expect(detail).to_contain_text("De cliënt krijgt vooral")
    finally:
        ctx.close()


# ---------------------------------------------------------------------------- layout, table, announcements, focus

def test_form_beside_map_on_wide_screens(nk_page):
    form = nk_page.locator(".nk-nwk__form").bounding_box()
    svg = nk_page.locator(".nk-nwk__svg").bounding_box()
    assert form["x"] + form["width"] <= svg["x"] + 1, (form, svg)
    assert form["y"] < svg["y"] + svg["height"] and svg["y"] < form["y"] + form["height"]


def test_narrow_screen_brings_the_result_into_view(nk_browser, nk_base):
    ctx = _context(nk_browser, viewport={"width": 390, "height": 844})
    try:
        page = _open(ctx, nk_base)
        add(page, "AB", "buren", 3, [], "geeft")
        node = page.locator(".nk-nwk__persoon").first
        expect(node).to_be_in_viewport()
        live = page.locator(".nk-nwk__status")
        expect(live).to_have_attribute("aria-live", "polite")
        expect(live).to_contain_text("AB staat op de kaart")
        expect(live).to_be_in_viewport()
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_table_fits_its_box(nk_browser, nk_base, width):
    ctx = _context(nk_browser, viewport={"width": width, "height": 800})
    try:
        page = _open(ctx, nk_base)
        add(page, LONG, "kennissen-verenigingen", 3, ["Emotionele steun (E)"], "krijgt")
        wrap = page.locator(".nk-nwk__tabelwrap")
        box = wrap.bounding_box()
        assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), wrap.evaluate("e => [e.scrollWidth, e.clientWidth]")
        row = page.locator("tr[data-id]").first
        for control in row.locator("input, select, button").all():
            b = control.bounding_box()
            assert b and b["x"] >= box["x"] - 1 and b["x"] + b["width"] <= box["x"] + box["width"] + 1, \
                (control.evaluate("e => e.outerHTML.slice(0, 80)"), b, box)
        expect(row.get_by_role("button", name=f"{LONG} verwijderen")).to_be_visible()
        expect(row.get_by_label(f"Wederkerigheid met {LONG}")).to_be_visible()
    finally:
        ctx.close()


def test_every_table_edit_is_announced(nk_page):
    page = nk_page
    add(page, "MJ", "vrienden", 1, [], "wederzijds")
    row = page.locator("tr[data-id]").first
    live = page.locator(".nk-nwk__status")
    expect(live).to_have_attribute("aria-live", "polite")
    row.get_by_label("Sector van MJ").select_option("buren")
    expect(live).to_have_text("Sector van MJ: Buren.")
    row.get_by_label("Nabijheid van MJ").select_option("3")
    expect(live).to_have_text("Nabijheid van MJ: 3. Op afstand.")
    row.get_by_role("group", name="Soort steun van MJ").get_by_label("Praktische hulp").check()
    expect(live).to_have_text("Soort steun van MJ: praktische hulp.")
    row.get_by_role("group", name="Soort steun van MJ").get_by_label("Gezelschap").check()
    expect(live).to_have_text("Soort steun van MJ: praktische hulp, gezelschap.")
    row.get_by_role("group", name="Soort steun van MJ").get_by_label("Praktische hulp").uncheck()
    expect(live).to_have_text("Soort steun van MJ: gezelschap.")
    row.get_by_label("Wederkerigheid met MJ").select_option("krijgt")
    expect(live).to_have_text("Wederkerigheid met MJ: De cliënt krijgt vooral.")


def test_json_import_shows_keyboard_focus(nk_page):
    page = nk_page
    page.get_by_role("button", name="Kaart wissen").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "nk-nwk-import":
            break
    assert page.evaluate("document.activeElement.id") == "nk-nwk-import"
    outline = page.locator(".nk-nwk__import").evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert outline[0] != "none" and outline[1] >= 2, outline


# ---------------------------------------------------------------------------- code: ES modules and colours

def test_map_loads_as_native_es_modules(nk_page):
    srcs = nk_page.locator("script[type=module]").evaluate_all("ss => ss.map(s => s.getAttribute('src'))")
    assert any(s and s.endswith("assets/netwerkkaart/main.js") for s in srcs), srcs
    assert nk_page.locator("script[src$='assets/netwerkkaart.js']").count() == 0


def test_colours_come_from_css_custom_properties(nk_browser, nk_base):
    ctx = _context(nk_browser)
    ctx.add_init_script("""document.addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('style');
        s.textContent = 'html body:not(#nk-x) { --md-primary-fg-color: #ab1234; }';  /* as a branding colour would */
        document.head.append(s); });""")
    try:
        page = _open(ctx, nk_base)
        add(page, "MJ", "vrienden", 1, [], "wederzijds")
        text = ET.tostring(_export_svg(page), encoding="unicode").lower()
        assert "#ab1234" in text
    finally:
        ctx.close()


# ---------------------------------------------------------------------------- ?voorbeeld=

def test_example_map_is_offered_and_never_replaces_without_a_choice(nk_browser, nk_base):
    ctx = _context(nk_browser)
    try:
        page = _open(ctx, nk_base)
        add(page, "MJ", "vrienden", 1, [], "wederzijds")
        mine = stored(page)
        page.goto(nk_base + PAGE + f"?voorbeeld={EXAMPLE_NAME}")
        page.wait_for_function("window.nkNetwerkkaart !== undefined")
        offer = page.locator(".nk-nwk__aanbod")
        expect(offer).to_be_visible()
        expect(offer).to_contain_text("2 personen")
        expect(offer).to_contain_text("Je eigen kaart (1 persoon) wordt dan vervangen")
        assert [p["name"] for p in people(page)] == ["MJ"] and stored(page) == mine
        offer.get_by_role("button", name="Mijn kaart houden").click()
        expect(offer).to_be_hidden()
        assert [p["name"] for p in people(page)] == ["MJ"]

        page.reload()
        page.wait_for_function("window.nkNetwerkkaart !== undefined")
        offer.get_by_role("button", name="Vervang mijn kaart door het voorbeeld").click()
        assert [p["name"] for p in people(page)] == [p["name"] for p in EXAMPLE["people"]]
        assert [p["name"] for p in stored(page)["people"]] == ["zus Anna", "buurman"]
        page.get_by_role("button", name="Ongedaan maken").click()
        assert [p["name"] for p in people(page)] == ["MJ"]
        assert [p["name"] for p in stored(page)["people"]] == ["MJ"]
    finally:
        ctx.close()


@pytest.mark.parametrize("name, message", [
    ("bestaat-niet", "Het voorbeeld kon niet geladen worden."),
    ("..%2F..%2Fportfolio", "Dit voorbeeld bestaat niet."),
])
def test_bad_example_name_changes_nothing(nk_page, nk_base, name, message):
    page = nk_page
    add(page, "MJ", "vrienden", 1, [], "wederzijds")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(nk_base + PAGE + f"?voorbeeld={name}")
    page.wait_for_function("window.nkNetwerkkaart !== undefined")
    expect(page.locator(".nk-nwk__fout")).to_contain_text(message)
    assert [p["name"] for p in people(page)] == ["MJ"]
    assert not [u for u in requests if "portfolio" in urlsplit(u).path]
