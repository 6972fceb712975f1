"""``/// trainer``: a note for trainers, hidden until the trainer view is switched on."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from .base import CourseBlock


class Trainer(CourseBlock):
    NAME = "trainer"
    ARGUMENT = False
    BODY = "required"

    def on_create(self, parent):
        aside = etree.SubElement(parent, "aside", {"class": "nk-trainer", "aria-label": "Trainersnotitie"})
        label = etree.SubElement(aside, "p", {"class": "nk-kicker"})
        label.text = "Voor trainers"
        self.body = etree.SubElement(aside, "div", {"class": "nk-body"})
        return aside

    def on_add(self, block):
        return self.body
