"""What the engine adds to the built fixture: overview, module header and footer, trainer plan, exercises index."""
from __future__ import annotations

import re

from helpers import article


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def test_course_overview_has_a_card_per_module_with_duration_and_goals(fixture_site):
    html = article(read(fixture_site, "cursus/index.html"))
    assert "1 modules" in html
    assert 'href="../modules/01-proef/"' in html
    assert "Proefmodule" in html and "20 min" in html
    assert "Je kan een reflectie invullen." in html
    assert 'data-nk-module="01-proef"' in html


def test_module_overview_shows_goals_duration_and_contents(fixture_site):
    html = article(read(fixture_site, "modules/01-proef/index.html"))
    assert "Een module die elke component een keer gebruikt." in html
    assert "ongeveer 20 min" in html
    assert re.search(r'<section class="nk-leerdoelen">.*Je kan een casus lezen\.', html, re.S)
    assert 'href="lezen/"' in html and "Lezen en doen" in html
    assert 'href="trainer/"' in html


def test_last_page_gets_key_points_sources_and_progress_slot(fixture_site):
    html = article(read(fixture_site, "modules/01-proef/lezen/index.html"))
    assert re.search(r'<section class="nk-kernpunten">.*Niets verlaat de browser\.', html, re.S)
    assert "Bronnen bij deze module" in html and "Tracy" in html
    assert '<div class="nk-afronden" data-nk-module="01-proef" hidden>' in html


def test_trainer_page_has_timed_session_plan(fixture_site):
    html = article(read(fixture_site, "modules/01-proef/trainer/index.html"))
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html, re.S)
    text = [tuple(re.sub(r"<[^>]+>", "", cell).strip() for cell in row) for row in rows]
    # Clock times from the default start (09:30), then a total row with the end time.
    assert text == [("09:30", "10'", "Opwarmer"), ("09:40", "20'", "Casus bespreken"),
                    ("09:30–10:00", "30'", "Totaal: 30 min")]
    assert 'data-nk-offset="10"' in html  # the start-time picker recomputes these cells
    assert "Wat neem je mee?" in html
    assert 'href="../"' in html  # back to the module
    assert 'href="../../../presentaties/01-proef/"' in html  # the deck
    assert 'href="../../../afdrukken/01-proef-trainersmap.pdf"' in html
    assert 'href="../../../afdrukken/01-proef-hand-out.pdf"' in html


def test_module_overview_links_its_handout(fixture_site):
    html = article(read(fixture_site, "modules/01-proef/index.html"))
    assert 'href="../../afdrukken/01-proef-hand-out.pdf"' in html


def test_exercises_page_links_back_to_every_use(fixture_site):
    html = article(read(fixture_site, "oefeningen/index.html"))
    assert 'id="oefening-m1-proef"' in html
    assert 'href="../modules/01-proef/lezen/#reflectie-m1-proef"' in html
    target = read(fixture_site, "modules/01-proef/lezen/index.html")
    assert 'id="reflectie-m1-proef"' in target


def test_nav_lists_modules_in_order_and_trainer_pages(fixture_site):
    html = read(fixture_site, "index.html")
    nav = html[html.find('<nav class="md-nav md-nav--primary"'):]
    assert nav.find("1. Proefmodule") != -1
    assert "Draaiboek 1 · Proefmodule" in nav
    assert "Draaiboek module" not in nav
    assert "Afdrukken en uitdelen" in nav


def test_abbreviation_tooltips_apply_to_module_pages(fixture_site):
    html = read(fixture_site, "modules/01-proef/lezen/index.html")
    assert '<abbr title="Geïntegreerd Breed Onthaal">GBO</abbr>' in read(fixture_site, "index.html")
    assert '<abbr title="Geïntegreerd Breed Onthaal">GBO</abbr>' in article(html)
