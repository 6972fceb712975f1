"""``/// leerdoelen``: what a learner can do after a module or page."""
from __future__ import annotations

from .base import SectionBlock


class Leerdoelen(SectionBlock):
    NAME = "leerdoelen"
    LABEL = "Leerdoelen"
    CLASS = "nk-leerdoelen"
    INTRO = "Na deze module:"
