"""The offline copy (`bash dev.sh package`), unzipped and opened from disk in Chromium.

Every navigation link opens a page (not a folder listing), search works, a reflection, module
progress, the portfolio and the network map save and come back after a reload, a worksheet
download opens, and not one request leaves the machine. The online build keeps directory URLs.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

LOCAL = ("file:", "data:", "blob:", "about:", "chrome:", "chrome-extension:")  # the last two: Chromium's own PDF viewer


@pytest.fixture(scope="module")
def offline_root(packages, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(packages["offline"]) as z:
        z.extractall(target)
    (root,) = [p for p in target.iterdir() if p.is_dir()]
    return root


@pytest.fixture
def disk(browser):
    """A browser context for file:// pages that records (and refuses) every request off the machine."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="nl-BE")
    context.outside = []
    context.problems = []

    def refuse(route):
        context.outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(LOCAL), refuse)
    yield context
    context.close()


def open_page(context, url: str):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda exc: context.problems.append(f"{page.url}: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and context.problems.append(f"{page.url}: {msg.text}"))
    page.goto(url)
    return page


def test_the_zip_holds_a_file_layout_site(offline_root):
    assert (offline_root / "index.html").is_file() and (offline_root / "search" / "search_index.js").is_file()
    for html in offline_root.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'type="module"' not in text, f"{html}: a module script, refused from file://"
        for link in re.findall(r'<a\b[^>]*\bhref="([^"#?:]+)', text):
            target = (html.parent / link).resolve()
            assert not target.is_dir(), f"{html.relative_to(offline_root)} links to folder {link}"


def test_every_navigation_link_opens_a_page(disk, offline_root):
    page = open_page(disk, (offline_root / "index.html").as_uri())
    menu = ".md-nav--primary a.md-nav__link[href]", "els => [...new Set(els.map(e => e.href))]"
    links = page.eval_on_selector_all(*menu)
    # navigation.prune: a page's menu shows only its open section, so the menus of the pages the
    # home menu leads to hold the rest of the navigation.
    for url in list(links):
        section = open_page(disk, url)
        links += [link for link in section.eval_on_selector_all(*menu) if link not in links]
        section.close()
    assert len(links) > 40
    for url in links:
        target = Path(url.split("#")[0].removeprefix("file://"))
        assert target.is_file() and target.suffix == ".html", f"navigation link {url} is no page"
    page.locator(".md-nav--primary a.md-nav__link[href$='.html']:visible").nth(3).click()
    page.wait_for_load_state()
    assert page.url.endswith(".html") and page.locator("article h1").count() == 1
    for url in links[::5]:  # a sample opened in the browser, too
        page.goto(url)
        assert page.locator("article h1").count() == 1, url
    assert not disk.outside and not disk.problems, disk.outside + disk.problems


def test_search_works_from_disk(disk, offline_root):
    page = open_page(disk, (offline_root / "index.html").as_uri())
    page.click("input.md-search__input")
    page.keyboard.type("netwerkkaart")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 3
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and ".html" in page.url
    assert not disk.outside and not disk.problems, disk.outside + disk.problems


def test_reflection_progress_portfolio_and_map_survive_a_reload(disk, offline_root):
    module = next(p for p in sorted((offline_root / "modules").rglob("*.html"))
                  if "<textarea" in p.read_text(encoding="utf-8"))
    page = open_page(disk, module.as_uri())
    field = page.locator("textarea[data-nk-veld]").first
    field.fill("Van de USB-stick bewaard.")
    field.blur()
    page.reload()
    assert page.locator("textarea[data-nk-veld]").first.input_value() == "Van de USB-stick bewaard."

    overview = module.parent / "index.html"
    page.goto(overview.as_uri())
    slug = module.parent.name
    done = next(p for p in module.parent.glob("*.html") if f'data-nk-module="{slug}"' in p.read_text(encoding="utf-8")
                and "nk-afronden" in p.read_text(encoding="utf-8"))
    page.goto(done.as_uri())
    page.get_by_role("button", name="Ik heb deze module afgerond").click()
    page.reload()
    assert page.get_by_role("button", name="Ik heb deze module afgerond").get_attribute("aria-pressed") == "true"

    page.goto((offline_root / "portfolio.html").as_uri())
    assert "Van de USB-stick bewaard." in page.locator("[data-nk-portfolio]").inner_text()

    page.goto((offline_root / "toolbox" / "netwerkkaart-interactief.html").as_uri())
    page.wait_for_function("window.nkNetwerkkaart !== undefined")
    page.get_by_label("Initialen of bijnaam").fill("MJ")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    page.reload()
    page.wait_for_function("window.nkNetwerkkaart !== undefined")
    assert [p["name"] for p in page.evaluate("window.nkNetwerkkaart.map.state.people")] == ["MJ"]
    assert not disk.outside and not disk.problems, disk.outside + disk.problems


def test_a_worksheet_download_opens(disk, offline_root):
    tool = next(p for p in sorted((offline_root / "toolbox").glob("*.html")) if "downloads/" in p.read_text(encoding="utf-8"))
    page = open_page(disk, tool.as_uri())
    link = page.locator("a[href$='.pdf']").first
    target = Path(link.evaluate("a => a.href").removeprefix("file://"))
    assert target.is_file() and target.read_bytes()[:5] == b"%PDF-"
    # From disk Chromium ignores `download` on a file link and opens the PDF in its own viewer.
    with page.expect_navigation(url=re.compile(r"\.pdf$")):
        link.click()
    page.go_back()
    docx = page.locator("a[href$='.docx']").first
    with page.expect_download() as download:
        docx.click()
    assert download.value.suggested_filename.endswith(".docx")
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"
    assert not disk.outside, disk.outside


def test_the_online_site_keeps_directory_urls(real_site):
    home = (real_site / "index.html").read_text(encoding="utf-8")
    # navigation.prune: the home page's menu links the sections (cursus/, toolbox/, ...), not each module
    assert re.search(r'href="cursus/"', home) and not re.search(r'href="(?![a-z]+:)[^"#]+\.html"', home)
    assert "offline/worker.js" not in home and not (real_site / "search" / "search_index.js").exists()
