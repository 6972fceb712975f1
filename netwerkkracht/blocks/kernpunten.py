"""``/// kernpunten``: the points to remember."""
from __future__ import annotations

from .base import SectionBlock


class Kernpunten(SectionBlock):
    NAME = "kernpunten"
    LABEL = "Kernpunten"
    CLASS = "nk-kernpunten"
