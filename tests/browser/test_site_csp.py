"""The real site under the strict Content-Security-Policy of issue 14, served as an HTTP header.

Every page is loaded once; then what a learner does (search, switch the colour scheme, write a
reflection and reload, export the network map as PNG, turn the trainer view on) is done on the
same policy. Any ``securitypolicyviolation`` event, console error or exception fails the test.
"""
from __future__ import annotations

import pytest

from netwerkkracht.hosting.csp import POLICY, policy
from netwerkkracht.hosting.cspcheck import LISTEN, CspScan, collect, walk, watch
from netwerkkracht.quality.browser import new_context
from netwerkkracht.quality.site import SiteServer, html_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def csp_base(real_site):
    with SiteServer(real_site, headers={"Content-Security-Policy": policy()}) as server:
        yield server.base


def test_the_policy_is_the_one_in_the_issue():
    assert POLICY == ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                      "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'")
    assert policy(platform_videos=True) == POLICY + "; frame-src https://www.youtube-nocookie.com https://player.vimeo.com"


def test_every_page_loads_without_a_violation(browser, real_site, csp_base):
    pages = html_pages(real_site)
    assert len(pages) > 40 and "404.html" in pages
    scans = walk(browser, real_site, csp_base, pages)
    problems = [f"{s.page}: {p}" for s in scans for p in s.problems]
    assert not problems, f"{len(problems)} problem(s) under the strict CSP:\n" + "\n".join(problems[:40])


def test_what_a_learner_does_works_under_the_policy(browser, real_site, csp_base):
    context = new_context(browser, csp_base, accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_default_timeout(15_000)
    scans = [CspScan("interactions")]
    watch(page, scans)
    try:
        # search: the index and the worker load on the first use, same origin only
        page.goto(csp_base + "/")
        page.click("input.md-search__input")
        page.keyboard.type("netwerkkaart")
        page.locator(".md-search-result__item").first.wait_for()
        assert page.locator(".md-search-result__item").count() >= 3
        collect(page, scans[0])
        # colour scheme: the switch works and the choice is applied again after a reload (head.js)
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        page.keyboard.press("Escape")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        page.reload()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        collect(page, scans[0])
        # a reflection: type, reload, read back
        module = next(p for p in html_pages(real_site)
                      if p.startswith("modules/") and "<textarea" in (real_site / p).read_text(encoding="utf-8"))
        page.goto(csp_base + "/" + module.removesuffix("index.html"))
        field = page.locator("textarea[data-nk-veld]").first
        field.fill("Onder een strikte CSP bewaard.")
        field.blur()
        page.reload()
        assert page.locator("textarea[data-nk-veld]").first.input_value() == "Onder een strikte CSP bewaard."
        # the trainer view toggle
        page.locator("[data-nk-trainerknop]").click()
        assert page.get_attribute("html", "data-nk-trainer") == "aan"
        collect(page, scans[0])
        # the network map: add a person, export as PNG (canvas from a blob: image)
        page.goto(csp_base + "/toolbox/netwerkkaart-interactief/")
        page.wait_for_function("window.nkNetwerkkaart !== undefined")
        page.get_by_label("Initialen of bijnaam").fill("MJ")
        page.get_by_role("button", name="Toevoegen", exact=True).click()
        with page.expect_download() as download:
            page.get_by_role("button", name="Exporteren als PNG").click()
        assert download.value.suggested_filename.endswith(".png")
        collect(page, scans[0])
    finally:
        context.close()
    assert not scans[0].problems, "\n".join(scans[0].problems)
