"""Each gate can fail: small pages with one planted problem each, and a clean twin that passes."""
from __future__ import annotations

import pytest

from netwerkkracht.quality import accessibility, lighthouse, privacy, validity
from netwerkkracht.quality.browser import in_browser, scan_pages
from netwerkkracht.quality.printing import check_print

pytestmark = [pytest.mark.gates, pytest.mark.browser]

PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="Een kleine testpagina voor de kwaliteitspoorten.">
<title>Testpagina</title>{head}</head>
<body data-md-color-scheme="default"><main><h1>Testpagina</h1>{body}</main></body></html>
"""


def page(body: str = "<p>Gewone tekst in voldoende contrast.</p>", head: str = "") -> str:
    return PAGE.format(body=body, head=head)


def scan(served, pages: dict[str, str], axe: bool = True):
    root, server = served(pages)
    return in_browser(lambda browser: scan_pages(browser, root, server.base, sorted(pages), "light", axe=axe))


def test_axe_finds_a_contrast_error(served):
    scans = scan(served, {
        "goed.html": page(),
        "slecht.html": page('<p style="color:#bbb;background:#fff">Lichtgrijze tekst op wit.</p>'),
    })
    by_page = {s.page: s for s in scans}
    assert by_page["goed.html"].violations == []
    assert [v["id"] for v in by_page["slecht.html"].violations] == ["color-contrast"]
    result = accessibility.gate(scans)
    assert not result.passed and "color-contrast" in "\n".join(result.lines)
    assert accessibility.gate([by_page["goed.html"]]).passed


def test_trainer_view_walk_sees_what_only_trainers_see(served):
    """A problem inside a trainer note that is hidden for learners is caught in the trainer view."""
    toggle = "<script>if (location.search.includes('trainer=1')) document.documentElement.dataset.nkTrainer = 'aan';</script>"
    note = ('<style>.nk-trainer{display:none}html[data-nk-trainer="aan"] .nk-trainer{display:block}</style>'
            '<aside class="nk-trainer"><p style="color:#ccc;background:#fff">Bleke notitie.</p></aside>')
    root, server = served({"index.html": page(note, head=toggle)})
    learner, trainer = in_browser(lambda b: (
        scan_pages(b, root, server.base, ["index.html"], "light", check_scheme=False),
        scan_pages(b, root, server.base, ["index.html"], "light", check_scheme=False, view="trainer")))
    assert learner[0].violations == []
    assert [v["id"] for v in trainer[0].violations] == ["color-contrast"]
    result = accessibility.gate(learner + trainer)
    assert not result.passed and "light, trainer view" in "\n".join(result.lines)


def test_axe_gate_fails_when_the_scheme_did_not_switch(served):
    root, server = served({"index.html": page()})
    scans = in_browser(lambda b: scan_pages(b, root, server.base, ["index.html"], "dark", axe=False))
    assert scans[0].body_scheme == "default"  # no palette script: it stays light
    assert not accessibility.gate(scans).passed


def test_vnu_finds_an_invalid_page(tmp_path):
    (tmp_path / "goed.html").write_text(page(), encoding="utf-8")
    (tmp_path / "slecht.html").write_text(
        page('<input type="checkbox" id="x" autocomplete="off"><label for="nergens">x</label><p><div>blok</div>'),
        encoding="utf-8")
    good = validity.gate(tmp_path, ["goed.html"])
    assert good.passed, good.lines
    bad = validity.gate(tmp_path, ["goed.html", "slecht.html"])
    assert not bad.passed and bad.data["errors"] >= 2
    assert "autocomplete" in "\n".join(bad.lines)


def test_privacy_gate_blocks_and_reports_a_third_party_script(served):
    scans = scan(served, {"index.html": page(head='<script src="https://example.com/x.js"></script>')},
                 axe=False)
    assert scans[0].outside == ["https://example.com/x.js"]
    result = privacy.gate(scans)
    assert not result.passed and "example.com" in "\n".join(result.lines)


def test_console_gate_catches_errors_exceptions_and_cookies(served):
    scans = scan(served, {
        "fout.html": page('<script>console.error("iets mis")</script>'),
        "gooit.html": page('<script>throw new Error("kapot")</script>'),
        "koekje.html": page('<script>document.cookie = "spoor=1; path=/"</script>'),
        "schoon.html": page(),
    }, axe=False)
    by_page = {s.page: s for s in scans}
    assert any("iets mis" in m for m in by_page["fout.html"].console_errors)
    assert any("kapot" in m for m in by_page["gooit.html"].page_errors)
    assert "spoor=1" in by_page["koekje.html"].document_cookie and by_page["koekje.html"].cookies
    for name in ("fout.html", "gooit.html", "koekje.html"):
        assert not privacy.gate([by_page[name]]).passed, name
    assert privacy.gate([by_page["schoon.html"]]).passed, privacy.gate([by_page["schoon.html"]]).lines


PRINT_BODY = """<nav class="md-sidebar"><span class="md-nav__title">Zijbalkmenu</span>
<a class="md-nav__link" href="#">Hoofdstuk elders</a></nav>
<article><p>Een alinea die in de afgedrukte versie volledig moet blijven staan, woord voor woord.</p>
<div class="nk-veld"><textarea aria-label="Antwoord"></textarea></div></article>"""
PRINT_CSS = "<style>@media print { .md-sidebar { display: none } textarea { min-height: 6cm } }</style>"


def test_print_gate_catches_navigation_and_a_small_field(served):
    root, server = served({"kaal.html": page(PRINT_BODY), "print.html": page(PRINT_BODY, head=PRINT_CSS)})
    problems, facts = in_browser(lambda b: check_print(b, server.base, "kaal.html"))
    assert any("Zijbalkmenu" in p for p in problems), problems
    assert any("px high in print" in p for p in problems), problems
    problems, facts = in_browser(lambda b: check_print(b, server.base, "print.html"))
    assert problems == [], problems
    assert facts["paragraphs"] == 1 and facts["field_height"] >= 150


def test_lighthouse_scores_a_poor_page_below_90(served):
    root, server = served({"index.html": "<!doctype html><html><head><title></title></head><body>"
                                         "<div style='color:#ccc'>grijs</div><img src='x.png'>"
                                         "<a href='#'></a><input></body></html>"})
    lhr = lighthouse.run_lighthouse(server.url("/"), "mobile")
    assert lhr["categories"]["accessibility"]["score"] * 100 < lighthouse.MINIMUM
    assert lhr["categories"]["seo"]["score"] * 100 < lighthouse.MINIMUM
