"""``/// casus | titel``: a fictional case, always labelled as fiction."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from .base import CourseBlock

FICTION_NOTE = "Fictieve casus: samengesteld uit herkenbare situaties, geen echte persoon."


class Casus(CourseBlock):
    NAME = "casus"
    ARGUMENT = True
    BODY = "required"

    def on_create(self, parent):
        section = etree.SubElement(parent, "section", {"class": "nk-casus"})
        self.heading(section, "Casus", self.argument)
        note = etree.SubElement(section, "p", {"class": "nk-fictief"})
        note.text = FICTION_NOTE
        self.body = etree.SubElement(section, "div", {"class": "nk-body"})
        return section

    def on_add(self, block):
        return self.body
