"""``/// netwerkkaart | name``: a worked network map from ``docs/toolbox/voorbeelden/<name>.json``.

The map is drawn at build time as a static SVG (``toolbox.workedmap``) with a table of every person
as its text alternative, a link that opens the same file in the interactive map
(``?voorbeeld=<name>``) and a link to download it. An optional body is the caption (Markdown).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown.util import AtomicString

from ..course import DOCS_DIR, Course
from ..errors import ContentError, ContentErrors
from ..toolbox.mapdata import EXAMPLES_DIR, RECIPROCITY, RINGS, SECTORS, SUPPORT, NetworkMap, label, load_map
from ..sitepaths import INTERACTIVE_MAP_PAGE
from ..toolbox.workedmap import worked_map_svg
from .base import CourseBlock, invalid_id

OPEN_LABEL = "Open dit voorbeeld in de interactieve netwerkkaart"
DOWNLOAD_LABEL = "Download de kaart als bestand (JSON)"


def map_file(name: str) -> str:
    """The map's path under docs/ (and in the site)."""
    return f"{EXAMPLES_DIR}/{name}.json"


def read_map(root: Path, name: str) -> NetworkMap:
    return load_map(root / DOCS_DIR / map_file(name), f"{DOCS_DIR}/{map_file(name)}")


class Netwerkkaart(CourseBlock):
    NAME = "netwerkkaart"
    ARGUMENT = True
    BODY = "optional"

    @classmethod
    def check(cls, argument, body, course: Course):
        if invalid_id("network map", argument):
            return invalid_id("network map", argument)
        try:
            read_map(course.root, argument)
        except ContentErrors as exc:
            return [str(e) for e in exc.errors]
        except ContentError as exc:
            hint = " (add the map there in the interactive map's JSON export format)" if exc.problem == "file is missing" else ""
            return [str(exc) + hint]
        return []

    def on_create(self, parent):
        name = self.argument
        data = read_map(self.course.root, name)
        section = etree.SubElement(parent, "div", {"class": "nk-kaartvoorbeeld", "id": f"netwerkkaart-{name}"})
        figure = etree.SubElement(section, "figure")
        picture = etree.SubElement(figure, "div", {"class": "nk-kaartvoorbeeld__kaart"})
        picture.text = self.md.htmlStash.store(worked_map_svg(data, name))
        self.caption = etree.SubElement(figure, "figcaption")
        self.caption.text = AtomicString(f"Netwerkkaart{' van ' + data.title if data.title else ''}")
        self.caption_default = True
        self._table(section, data)
        self._links(section, name)
        return section

    def on_add(self, block):
        if self.caption_default:
            self.caption.text = ""
            self.caption_default = False
        return self.caption

    @staticmethod
    def _table(section: etree.Element, data: NetworkMap) -> None:
        wrap = etree.SubElement(section, "div", {"class": "nk-kaartvoorbeeld__tabel"})
        table = etree.SubElement(wrap, "table")
        caption = etree.SubElement(table, "caption")
        caption.text = AtomicString(f"Wie staat op de kaart{' van ' + data.title if data.title else ''}")
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for title in ("Persoon", "Sector", "Nabijheid", "Steun (letters op de kaart)", "Richting van de steun"):
            etree.SubElement(head, "th", {"scope": "col"}).text = title
        body = etree.SubElement(table, "tbody")
        ring_order = {int(r.id): i for i, r in enumerate(RINGS)}
        sector_order = {s.id: i for i, s in enumerate(SECTORS)}
        for person in sorted(data.people, key=lambda p: (sector_order[p.sector], ring_order[p.ring])):
            row = etree.SubElement(body, "tr")
            etree.SubElement(row, "th", {"scope": "row"}).text = AtomicString(person.name)
            etree.SubElement(row, "td").text = label(SECTORS, person.sector)
            etree.SubElement(row, "td").text = f"{person.ring}. {label(RINGS, person.ring)}"
            support = [f"{s.label} ({s.short})" for s in SUPPORT if s.id in person.support]
            etree.SubElement(row, "td").text = ", ".join(support) if support else "–"
            etree.SubElement(row, "td").text = label(RECIPROCITY, person.reciprocity)

    def _links(self, section: etree.Element, name: str) -> None:
        page = self.page()
        links = etree.SubElement(section, "p", {"class": "nk-kaartvoorbeeld__links"})
        if (self.course.root / DOCS_DIR / INTERACTIVE_MAP_PAGE).is_file():
            opener = etree.SubElement(links, "a", {
                "href": f"{page.link_to_source(INTERACTIVE_MAP_PAGE)}?voorbeeld={name}",
                "class": "md-button nk-kaartvoorbeeld__open"})
            opener.text = OPEN_LABEL
            opener.tail = " "
        download = etree.SubElement(links, "a", {"href": page.link_to_source(map_file(name)), "download": f"{name}.json"})
        download.text = DOWNLOAD_LABEL
