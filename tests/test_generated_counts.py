"""Counts and listings the engine derives from the pages, so that no author types them."""
from __future__ import annotations

import re

from helpers import article


def read(site, page):
    return article((site / page).read_text(encoding="utf-8"))


def test_all_exercises_lists_inline_reflections_with_a_link_back(fixture_site):
    html = read(fixture_site, "oefeningen/index.html")
    section = html[html.index('id="korte-reflecties-01-proef"'):]
    item = re.search(r"<li>(.*?)</li>", section, re.S).group(1)
    assert "Wie belde jij het laatst?" in item
    assert 'href="../modules/01-proef/lezen/#reflectie-m1-inline"' in item
    target = (fixture_site / "modules/01-proef/lezen/index.html").read_text(encoding="utf-8")
    assert 'id="reflectie-m1-inline"' in target


def test_module_header_and_course_card_count_from_the_pages(fixture_site):
    header = read(fixture_site, "modules/01-proef/index.html")
    facts = re.search(r'<div class="nk-modulefeiten">(.*?)</div>', header, re.S).group(1)
    assert "Oefenen:</strong> 1 reflectie-oefening, 1 korte reflectie, 1 voorbeeldgesprek en 2 zelftests met samen 3 vragen" in facts, facts
    card = read(fixture_site, "cursus/index.html")
    assert "2 pagina's · 2 oefeningen ·" in card
