"""Finding your way (issue 11): "Volgende" on the first click, where am I in a module, the home
page's way in, keyboard use on a phone, and theme and search when the browser refuses storage."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from netwerkkracht.course import load_course
from helpers import ROOT
from test_workspace import BLOCK_ALL, LEZEN

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def test_next_link_works_on_the_first_click_after_typing(page, base_url):
    """As a learner does it: type in the last field, then click "Volgende" with both in view."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + LEZEN)
    area, link = page.locator("#nk-m1-inline-1"), page.locator("a.md-footer__link--next")
    top = area.evaluate("e => e.getBoundingClientRect().top + scrollY")
    bottom = link.evaluate("e => e.getBoundingClientRect().bottom + scrollY")
    height = page.evaluate("document.documentElement.scrollHeight")
    view = int(bottom - top + 60)
    assert view < height - 40, "the page must be longer than the window, as on a real page"
    page.set_viewport_size({"width": 1280, "height": view})
    page.evaluate(f"scrollTo(0, {top - 30})")
    expect(area).to_be_in_viewport()
    expect(link).to_be_in_viewport()
    page.fill("#nk-m1-inline-1", "Net getypt, nog niet bewaard")
    link.click(position={"x": 30, "y": 4})  # near its top edge: any shift of the page makes the click miss
    expect(page).to_have_url(re.compile(r"/modules/02-tweede/$"), timeout=3000)
    saved = page.evaluate("JSON.parse(localStorage.getItem('netwerkkracht:werkruimte')).antwoorden['m1-inline']")
    assert saved["velden"][0]["tekst"] == "Net getypt, nog niet bewaard"


@pytest.mark.parametrize("path, where", [
    ("/modules/01-proef/", "pagina 1 van 2"),
    (LEZEN, "pagina 2 van 2"),
    ("/modules/02-tweede/", "pagina 1 van 1"),
])
def test_module_page_says_where_you_are(page, base_url, path, where):
    page.set_viewport_size(PHONE)
    page.goto(base_url + path)
    line = page.locator(".nk-positie")
    expect(line).to_be_in_viewport()
    module = "Module 1: Proefmodule" if "01-proef" in path else "Module 2: Tweede module"
    expect(line).to_have_text(re.compile(rf"^{module} · {where} · nog ongeveer \d+ min$"))
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()  # the drawer stays closed


def test_last_page_has_no_time_left_beyond_itself(page, base_url):
    page.goto(base_url + "/modules/01-proef/")
    first = int(re.search(r"nog ongeveer (\d+) min", page.locator(".nk-positie").inner_text()).group(1))
    page.goto(base_url + LEZEN)
    last = int(re.search(r"nog ongeveer (\d+) min", page.locator(".nk-positie").inner_text()).group(1))
    assert first == 20 and 0 < last < first  # module 1 takes 20 minutes


def _tab_stops(page, n):
    stops = []
    for _ in range(n):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("""() => { const e = document.activeElement;
            return {drawer: !!e.closest('.md-sidebar--primary'), main: !!e.closest('.md-content'),
                    text: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40), cls: e.className}; }"""))
    return stops


def test_phone_keyboard_skips_the_closed_drawer(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(base_url + LEZEN)
    stops = _tab_stops(page, 30)
    assert stops[0]["text"] == "Ga naar inhoud", stops[0]
    assert not [s for s in stops if s["drawer"]], [s["text"] for s in stops if s["drawer"]][:5]
    assert any(s["main"] for s in stops[:12]), [s["text"] for s in stops[:12]]

    # The skip link lands in the content: the next Tab is inside it.
    page.goto(base_url + LEZEN)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")

    # The menu button opens the drawer by keyboard; then its links are reachable.
    page.goto(base_url + LEZEN)
    menu = page.get_by_role("button", name="Menu")
    menu.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    expect(menu).to_have_attribute("aria-expanded", "true")
    stops = _tab_stops(page, 3)
    assert any(s["drawer"] for s in stops), stops
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    # A real <button>: a <label> may not take the role of a button (axe and Lighthouse: aria-allowed-role).
    assert menu.evaluate("e => e.tagName") == "BUTTON"
    assert page.locator("[role]:is(label)").count() == 0
    # The mouse works too: a click opens the drawer; a click beside it (Material's overlay) closes it.
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    page.mouse.click(PHONE["width"] - 10, PHONE["height"] // 2)
    expect(menu).to_have_attribute("aria-expanded", "false")
    # On a wide screen the drawer is always there: no menu button, as with Material's own label.
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(menu).to_be_hidden()


# ---------------------------------------------------------------------------- the real home page

COURSE = load_course(ROOT)


def test_home_page_has_a_way_in_and_a_way_back(real_base_url, page):
    page.goto(real_base_url + "/")
    first = COURSE.modules[0]
    start = page.get_by_role("link", name="Begin met module 1")
    expect(start).to_be_visible()
    expect(start).to_have_class(re.compile(r"md-button--primary"))
    start.click()
    expect(page).to_have_url(re.compile(rf"/modules/{first.slug}/$"))

    page.goto(real_base_url + "/")
    links = page.locator(".nk-modulelijst a")
    expect(links).to_have_text([f"{m.meta.title}" for m in COURSE.modules])
    expect(page.locator(".nk-verder")).to_be_hidden()

    src = next(s for m in COURSE.modules for s in m.pages if "/// reflectie" in (ROOT / s).read_text(encoding="utf-8"))
    url = "/" + re.sub(r"(index)?\.md$", "", src).rstrip("/") + "/"
    page.goto(real_base_url + url)
    area = page.locator(".nk-reflectie textarea").first
    area.fill("Mijn eerste antwoord")
    area.blur()
    title = page.locator("article h1").inner_text().replace("#", "").strip()
    page.goto(real_base_url + "/")
    back = page.locator(".nk-verder a")
    expect(back).to_be_visible()
    expect(page.locator(".nk-verder")).to_contain_text("Verder waar je was")
    expect(back).to_have_text(title)
    back.click()
    expect(page).to_have_url(re.compile(re.escape(url) + r"(#.*)?$"))


# ---------------------------------------------------------------------------- storage refused: theme and search

def test_blocked_storage_keeps_theme_and_search_working(browser, real_base_url):
    ctx = browser.new_context()
    ctx.add_init_script(BLOCK_ALL)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(exc.message))
    try:
        page.goto(real_base_url + "/")
        body = page.locator("body")
        scheme = body.get_attribute("data-md-color-scheme")
        toggle = page.locator("form[data-md-component='palette'] label:visible").first
        expect(toggle).to_be_visible()
        toggle.click()
        expect(body).not_to_have_attribute("data-md-color-scheme", scheme or "")

        page.keyboard.press("/")
        page.keyboard.type("netwerkkaart")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)

        src = next(s for m in COURSE.modules for s in m.pages if "/// reflectie" in (ROOT / s).read_text(encoding="utf-8"))
        page.goto(real_base_url + "/" + re.sub(r"(index)?\.md$", "", src))
        notice = page.locator(".nk-melding")
        expect(notice).to_have_text(
            "Je browser laat niet toe dat deze site iets bewaart (bijvoorbeeld in een privévenster of door je "
            "instellingen). Je kan alles gebruiken, maar niets blijft bewaard: je antwoorden, je voortgang, je "
            "netwerkkaart en je themakeuze verdwijnen zodra je deze pagina verlaat. Kopieer je tekst als je hem wil houden.")
        assert errors == [], errors
    finally:
        ctx.close()
