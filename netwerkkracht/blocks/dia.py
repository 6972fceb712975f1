"""``/// dia | titel``: a slide an author adds to the module's presentation.

The deck of a module is generated from the module itself (see ``netwerkkracht.slides``); this
block adds a slide at its place in the page, or sums the page up in the author's own words::

    /// dia | Vangnet of trampoline?
        vorm: vraag
    Welke steun in jouw netwerk helpt je vooruit?
    ///

On the page the block shows only in the trainer view, as a preview of the slide. A slide is read
from the back of a room, so the build keeps it short: a word limit per shape, no headings (the
argument is the title); netwerkkracht.classroom.slides refuses other components inside.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from pymdownx.blocks.block import type_string

from ..course import Course
from .base import CourseBlock

SHAPES = {  # shape -> (label shown on the slide, most words in the body)
    "tekst": ("", 70),
    "stelling": ("Stelling", 30),
    "vraag": ("Vraag aan de groep", 30),
}
MAX_TITLE = 80  # characters


def words(markdown: str) -> int:
    return len(re.findall(r"[\w'’-]+", markdown))


def problems(title: str, body: str, shape: str) -> list[str]:
    """Why this slide would not work in a room, as sentences for the author."""
    found = []
    if shape not in SHAPES:
        found.append(f"'/// dia' option 'vorm' is '{shape}': use one of {', '.join(SHAPES)}")
        return found
    if len(title) > MAX_TITLE:
        found.append(f"slide title is {len(title)} characters long: keep it under {MAX_TITLE}")
    limit = SHAPES[shape][1]
    count = words(body)
    if count > limit:
        found.append(f"slide '{title}' has {count} words; a slide of shape '{shape}' holds at most {limit}: "
                     "shorten it or split it over two '/// dia' blocks")
    for number, line in enumerate(body.splitlines(), start=1):
        if re.match(r"^\s{0,3}#{1,6}\s", line):
            found.append(f"slide '{title}', line {number} of the block: no headings in a slide, the title after "
                         "'/// dia |' is its heading")
    return found


class Dia(CourseBlock):
    NAME = "dia"
    ARGUMENT = True
    BODY = "required"
    OPTIONS = {"vorm": ["tekst", type_string]}

    @classmethod
    def check_use(cls, use, course: Course):
        return problems(use.argument or "", use.body, str(use.options.get("vorm") or "tekst"))

    def on_create(self, parent):
        aside = etree.SubElement(parent, "aside", {"class": "nk-trainer nk-dia-voorbeeld", "aria-label": "Dia voor de presentatie"})
        label = etree.SubElement(aside, "p", {"class": "nk-kicker"})
        label.text = "Dia in de presentatie" + (f" ({SHAPES[self.options['vorm']][0].lower()})"
                                                 if SHAPES.get(self.options["vorm"], ("",))[0] else "")
        title = etree.SubElement(aside, "p", {"class": "nk-dia-voorbeeld__titel"})
        etree.SubElement(title, "strong").text = self.argument
        self.body = etree.SubElement(aside, "div", {"class": "nk-body"})
        return aside

    def on_add(self, block):
        return self.body
