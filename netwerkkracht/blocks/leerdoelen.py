"""``/// leerdoelen``: what a learner can do after a module or page."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from .base import CourseBlock


def render_goals(parent: etree.Element, goals: list[str] | None = None) -> tuple[etree.Element, etree.Element]:
    """The goals section; returns (section, list container) so a block can fill it from Markdown."""
    section = etree.SubElement(parent, "section", {"class": "nk-leerdoelen"})
    CourseBlock.heading(section, "Leerdoelen")
    intro = etree.SubElement(section, "p", {"class": "nk-intro"})
    intro.text = "Na deze module:"
    body = etree.SubElement(section, "div", {"class": "nk-body"})
    if goals:
        CourseBlock.bullet_list(body, goals)
    return section, body


class Leerdoelen(CourseBlock):
    NAME = "leerdoelen"
    ARGUMENT = False
    BODY = "required"

    def on_create(self, parent):
        self.section, self.body = render_goals(parent)
        return self.section

    def on_add(self, block):
        return self.body
