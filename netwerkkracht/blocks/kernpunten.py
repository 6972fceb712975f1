"""``/// kernpunten``: the points to remember."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from .base import CourseBlock


def render_key_points(parent: etree.Element, points: list[str] | None = None) -> tuple[etree.Element, etree.Element]:
    section = etree.SubElement(parent, "section", {"class": "nk-kernpunten"})
    CourseBlock.heading(section, "Kernpunten")
    body = etree.SubElement(section, "div", {"class": "nk-body"})
    if points:
        CourseBlock.bullet_list(body, points)
    return section, body


class Kernpunten(CourseBlock):
    NAME = "kernpunten"
    ARGUMENT = False
    BODY = "required"

    def on_create(self, parent):
        self.section, self.body = render_key_points(parent)
        return self.section

    def on_add(self, block):
        return self.body
