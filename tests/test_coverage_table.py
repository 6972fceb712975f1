"""The maintainers' coverage table names real module pages and sections.

docs/onderhoud/dekking.md maps every theme of SAM's page to places in the course by page title and
section heading. When a title or heading changes, this test says which row points nowhere.
"""
from __future__ import annotations

import re

from helpers import ROOT
from netwerkkracht.course import load_course

TABLE = ROOT / "docs" / "onderhoud" / "dekking.md"
PLACE = re.compile(r'[Mm]odule (\d+), pagina "([^"]+)"(?:, secties? ((?:"[^"]+"(?:,? (?:en )?)?)+))?')


def _outline():
    """module order -> {page title: set of section headings}."""
    outline = {}
    for module in load_course(ROOT).modules:
        pages = {}
        for src in module.pages:
            text = (ROOT / src).read_text(encoding="utf-8")
            title = re.search(r"^#\s+(.+?)\s*$", text, re.M).group(1)
            pages[title] = {h.strip() for h in re.findall(r"^#{2,4}\s+(.+?)\s*(?:\{.*\})?$", text, re.M)}
        outline[module.meta.order] = pages
    return outline


def test_every_place_in_the_coverage_table_exists():
    outline = _outline()
    places = list(PLACE.finditer(TABLE.read_text(encoding="utf-8")))
    assert len(places) >= 20, "the coverage table names too few places"
    missing = []
    for match in places:
        order, page, sections = int(match.group(1)), match.group(2), match.group(3) or ""
        pages = outline.get(order, {})
        if page not in pages:
            missing.append(f"module {order}: no page titled {page!r}")
            continue
        for section in re.findall(r'"([^"]+)"', sections):
            if section not in pages[page]:
                missing.append(f"module {order}, page {page!r}: no section {section!r}")
    assert not missing, "\n".join(missing)


def test_every_module_appears_in_the_table():
    text = TABLE.read_text(encoding="utf-8")
    for module in load_course(ROOT).modules:
        assert re.search(rf"[Mm]odule {module.meta.order}\b", text), f"module {module.meta.order} is not in the table"
