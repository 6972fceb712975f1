"""The real site as a reader sees it in Chromium: every page renders its parts, nothing leaks out.

(The quality gates check accessibility, validity and budgets on every page; these tests check that
the course itself shows up: components, generated overviews, the Dutch interface, search.)
"""
from __future__ import annotations

import re

import pytest

from netwerkkracht.course import load_course
from netwerkkracht.pages import minutes
from helpers import ROOT

pytestmark = pytest.mark.browser
COURSE = load_course(ROOT)


def _url(base, page_src: str) -> str:
    path = re.sub(r"(index)?\.md$", "", page_src)
    return f"{base}/{path}"


def test_every_module_page_shows_its_components(real_base_url, page):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(real_base_url) else None)
    for module in COURSE.modules:
        page.goto(_url(real_base_url, module.overview))
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.locator("h1").count() == 1
        goals = page.locator("section.nk-leerdoelen li")
        assert goals.count() == len(module.meta.goals), module.slug
        assert f"ongeveer {minutes(module.meta.duration)}" in page.locator(".nk-modulefeiten").inner_text()
        for src in module.pages[1:]:
            page.goto(_url(real_base_url, src))
            assert page.locator("article h1").count() == 1, src
            # Trainer notes stay hidden for learners; fields of exercises are labelled and visible.
            for note in page.locator(".nk-trainer").all():
                assert not note.is_visible(), f"{src}: trainer note visible by default"
            for area in page.locator(".nk-reflectie textarea").all():
                assert area.is_visible()
                label_for = area.get_attribute("id")
                assert page.locator(f"label[for='{label_for}']").is_visible()
        page.goto(_url(real_base_url, module.pages[-1]))
        # The engine's key points close the module (an author may add a summary earlier on the page).
        assert page.locator("section.nk-kernpunten").last.locator("li").count() == len(module.meta.key_points)
        assert page.locator("section.nk-zelftest fieldset").count() >= 3
    assert outside == [], f"requests to other hosts: {outside[:5]}"


def test_course_overview_lists_modules_in_order(real_base_url, page):
    page.goto(f"{real_base_url}/cursus/")
    cards = page.locator(".nk-kaarten li strong a")
    assert cards.all_inner_texts() == [m.meta.title for m in COURSE.modules]
    cards.first.click()
    assert page.url.endswith(f"/modules/{COURSE.modules[0].slug}/")


def test_search_is_dutch_and_finds_course_text(real_base_url, page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{real_base_url}/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if u.endswith("search_index.json")], "search index loaded before anyone searched"
    assert not [u for u in requested if "workers/search" in u], "search worker started before anyone searched"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Zoeken"
    page.keyboard.press("/")
    page.keyboard.type("netwerkkaart")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 3
    assert "netwerkkaart" in page.locator(".md-search-result").inner_text().lower()
    assert [u for u in requested if u.endswith("search_index.json")], "search index never loaded"


def test_trainer_view_link_shows_trainer_notes_on_a_real_page(real_base_url, page):
    pages = [src for m in COURSE.modules for src in m.pages if "/// trainer" in (ROOT / src).read_text(encoding="utf-8")]
    assert pages, "no page with a trainer note"
    page.goto(_url(real_base_url, pages[0]) + "?trainer=1")
    assert page.locator(".nk-trainer").first.is_visible()


def test_screenshots_for_review(real_base_url, page, tmp_path_factory):
    """Phone and desktop screenshots of key pages, light and dark, kept for a human to look at."""
    out = ROOT / "reports" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    targets = {"home": "", "module": COURSE.modules[0].pages[1].removesuffix(".md") + "/", "cursus": "cursus/"}
    for scheme in ("light", "dark"):
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            for name, path in targets.items():
                page.goto(f"{real_base_url}/{path}")
                page.evaluate("localStorage.clear()")  # Material remembers the last scheme: start fresh
                page.reload()
                want = "slate" if scheme == "dark" else "default"
                assert page.locator("body").get_attribute("data-md-color-scheme") == want
                file = out / f"{name}-{scheme}-{width}.png"
                page.screenshot(path=str(file))
                assert file.stat().st_size > 10_000
