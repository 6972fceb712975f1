"""``/// bronnenlijst``: every source cited in the modules, de-duplicated, for "Verder lezen"."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from ..course import Course
from ..schema import Source
from .base import CourseBlock


def collect_sources(course: Course) -> list[tuple[Source, list[str]]]:
    """Unique sources sorted by author and year, each with the titles of the modules citing it."""
    seen: dict[tuple, tuple[Source, list[str]]] = {}
    for module in course.modules:
        for source in module.meta.sources:
            entry = seen.setdefault(source.key(), (source, []))
            if module.meta.title not in entry[1]:
                entry[1].append(module.meta.title)
    return sorted(seen.values(), key=lambda e: (e[0].author.lower(), str(e[0].year)))


def render_source(parent: etree.Element, source: Source) -> etree.Element:
    """One reference in the course's citation style: Author (year). Title. Publisher. link."""
    li = etree.SubElement(parent, "li", {"class": "nk-bron"})
    li.text = f"{source.author} ({source.year}). "
    title = etree.SubElement(li, "cite")
    title.text = source.title
    title.tail = "." + (f" {source.publisher}." if source.publisher else "")
    if source.url:
        title.tail += " "
        link = etree.SubElement(li, "a", {"href": source.url})
        link.text = source.url
    if source.note:
        note = etree.SubElement(li, "span", {"class": "nk-bron__noot"})
        note.text = " " + source.note
    return li


class Bronnenlijst(CourseBlock):
    NAME = "bronnenlijst"
    ARGUMENT = False
    BODY = "forbidden"

    def on_create(self, parent):
        section = etree.SubElement(parent, "div", {"class": "nk-bronnenlijst"})
        ol = etree.SubElement(section, "ul")
        for source, modules in collect_sources(self.course):
            li = render_source(ol, source)
            used = etree.SubElement(li, "span", {"class": "nk-bron__modules"})
            used.text = " Gebruikt in: " + "; ".join(modules) + "."
        return section
