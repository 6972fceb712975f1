"""The worked network map: its data format, its static SVG and the ``/// netwerkkaart`` block."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import pytest
import yaml

from helpers import ROOT
from netwerkkracht.components import CourseExtension
from netwerkkracht.errors import ContentError, ContentErrors
from netwerkkracht.page_context import set_page
from netwerkkracht.toolbox.geometry import geometry_for
from netwerkkracht.toolbox.mapdata import FORMAT, RECIPROCITY, RINGS, SECTORS, SUPPORT, VERSION, load_map, parse_map
from netwerkkracht.toolbox.workedmap import fixed_boxes, layout, overlaps, place_names, worked_map_svg

EXAMPLES = sorted((ROOT / "docs" / "toolbox" / "voorbeelden").glob("*.json"))
SVG = "{http://www.w3.org/2000/svg}"


def _map_script() -> str:
    """The interactive map's code, as one file today or as ES modules under netwerkkaart/ later."""
    assets = ROOT / "overrides" / "assets"
    files = sorted(assets.glob("netwerkkaart*.js")) + sorted((assets / "netwerkkaart").glob("*.js"))
    assert files, "the interactive map's script is missing"
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def test_the_lists_are_the_interactive_maps_own():
    script = _map_script()
    pairs = re.findall(r'\{\s*id:\s*"?([\w-]+)"?,\s*label:\s*"([^"]+)"', script)
    for options in (SECTORS, RINGS, SUPPORT, RECIPROCITY):
        for option in options:
            assert (option.id, option.label) in pairs, f"{option} is not in the interactive map's script"
    order = [pairs.index((s.id, s.label)) for s in SECTORS]
    assert order == sorted(order), "the sectors are in another order than on the interactive map"
    assert f'"{FORMAT}"' in script and re.search(rf"VERSION\s*=\s*{VERSION}\b", script)
    formal = set(re.findall(r'id:\s*"([\w-]+)",\s*label:\s*"[^"]+",\s*formal:\s*true', script))
    assert formal == {s.id for s in SECTORS if s.formal}


def test_the_lists_are_the_printed_maps_too():
    tools = yaml.safe_load((ROOT / "catalog" / "tools.yml").read_text(encoding="utf-8"))
    printed = next(t for t in tools if t["id"] == "netwerkkaart")["map"]
    assert printed["sectors"] == [s.label for s in SECTORS]
    assert printed["rings"] == [r.label for r in RINGS]
    assert printed["formal"] == [s.label for s in SECTORS if s.formal]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_a_valid_export_with_readable_names(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"format", "version", "title", "exported", "people"}
    m = load_map(path, path.name)
    assert len(m.people) >= 5
    svg = worked_map_svg(m, path.stem)
    root = etree.fromstring(svg)
    assert root.get("role") == "img"
    labelled = root.get("aria-labelledby").split()
    assert {el.get("id") for el in root.iter() if el.get("id")} >= set(labelled)
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for person in m.people:
        assert person.name in texts, f"{person.name} is not written in full on the map"
    # every name stands clear of the other names, the circles, the centre and the sector labels
    g = geometry_for(3)
    pos = layout(g, m.people)
    names = place_names(g, m.people, pos)
    boxes = [n[3] for n in names.values()]
    for i, box in enumerate(boxes):
        assert 0 <= box[0] and box[2] <= g.size, f"a name leaves the map: {box}"
        for other in boxes[i + 1:] + fixed_boxes(g):
            assert not overlaps(box, other, margin=0), f"name box {box} overlaps {other}"
        for pid, (x, y) in pos.items():
            circle = (x - 3.6, y - 3.6, x + 3.6, y + 3.6)
            assert not overlaps(box, circle, margin=0), f"a name covers the circle of {pid}"


@pytest.mark.parametrize("data, field, words", [
    ({"people": []}, "format", "export format"),
    ({"format": FORMAT, "version": 2, "people": []}, "version", "expected version 1"),
    ({"format": FORMAT, "version": 1, "people": [{"id": "a", "name": "A", "sector": "maan", "ring": 1,
                                                   "support": [], "reciprocity": "wederzijds"}]},
     "people[0].sector", "'maan' is not one of"),
    ({"format": FORMAT, "version": 1, "people": [{"id": "a", "name": "Een veel te lange naam hier", "sector": "buren",
                                                   "ring": 4, "support": ["geld"], "reciprocity": "x"}]},
     "people[0].name", "longer than 20"),
])
def test_a_broken_map_names_the_field(data, field, words):
    with pytest.raises(ContentError) as caught:
        parse_map(data, "docs/toolbox/voorbeelden/x.json")
    text = str(caught.value)
    assert f"docs/toolbox/voorbeelden/x.json: field '{field}'" in text and words in text
    if isinstance(caught.value, ContentErrors):  # every problem of a person is listed, not only the first
        assert {"people[0].ring", "people[0].support", "people[0].reciprocity"} <= {e.field for e in caught.value.errors}


def test_the_block_renders_map_table_and_links():
    page = "modules/06-netwerk-in-kaart/uitgewerkt-voorbeeld.md"
    set_page(page, page, "modules/06-netwerk-in-kaart/uitgewerkt-voorbeeld/")
    md = markdown.Markdown(extensions=["md_in_html", "attr_list", CourseExtension(root=str(ROOT))])
    html = md.convert("/// netwerkkaart | linda-bij-de-start\nDe kaart *bij de start*.\n///\n")
    root = etree.fromstring(f"<root>{html}</root>")
    section = root.find("div[@id='netwerkkaart-linda-bij-de-start']")
    assert section is not None
    assert section.find("figure/div/{http://www.w3.org/2000/svg}svg") is not None
    assert "".join(section.find("figure/figcaption").itertext()).strip() == "De kaart bij de start."
    m = load_map(EXAMPLES_DIR / "linda-bij-de-start.json", "x")
    rows = section.findall(".//tbody/tr")
    assert sorted("".join(r.find("th").itertext()) for r in rows) == sorted(p.name for p in m.people)
    assert [th.get("scope") for th in section.findall(".//thead/tr/th")] == ["col"] * 5
    hrefs = {a.text: a.get("href") for a in section.iter("a")}
    assert hrefs["Open dit voorbeeld in de interactieve netwerkkaart"] == \
        "../../toolbox/netwerkkaart-interactief.md?voorbeeld=linda-bij-de-start"
    assert hrefs["Download de kaart als bestand (JSON)"] == "../../toolbox/voorbeelden/linda-bij-de-start.json"


EXAMPLES_DIR = ROOT / "docs" / "toolbox" / "voorbeelden"


def test_the_module_6_page_shows_both_maps_and_links_the_legal_frame():
    text = (ROOT / "modules" / "06-netwerk-in-kaart" / "uitgewerkt-voorbeeld.md").read_text(encoding="utf-8")
    assert "/// netwerkkaart | linda-bij-de-start" in text and "/// netwerkkaart | linda-na-drie-maanden" in text
    assert "../../juridisch-kader.md#gdpr" in text and "../../juridisch-kader.md#dossier-en-inzage" in text
    start = load_map(EXAMPLES_DIR / "linda-bij-de-start.json", "a")
    later = load_map(EXAMPLES_DIR / "linda-na-drie-maanden.json", "b")
    assert start.title == later.title
    changed = {p.name for p in later.people} ^ {p.name for p in start.people}
    assert changed, "the second map must differ from the first"
