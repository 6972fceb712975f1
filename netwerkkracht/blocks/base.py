"""Shared base for the course components: course access, id look-up and source checks."""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import ClassVar

from pymdownx.blocks.block import Block

from ..course import Course, course_for
from ..page_context import current


class CourseBlock(Block):
    """A course component. Subclasses declare how their body and argument are used.

    ``check`` is called by the source scanner (``netwerkkracht.scan``) before rendering, with
    the page's file name at hand, so that a mistake stops the build with file and line instead
    of being left as plain text, which is what ``pymdownx.blocks`` does on its own.
    """

    BODY: ClassVar[str] = "optional"  # "required", "optional" or "forbidden"
    LABEL: ClassVar[str] = ""  # Dutch name shown in the component
    # For blocks whose argument is an id in a catalogue: (Course attribute, kind, file to add it to).
    CATALOG: ClassVar[tuple[str, str, str] | None] = None
    # Page-specific assets (paths under the theme): the build loads them only on pages that use the block.
    SCRIPTS: ClassVar[tuple[str, ...]] = ()
    STYLES: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def id_scope(cls, argument: str | None, body: str) -> str | None:
        """Where this use's argument must be unique, as it becomes an HTML id (and maybe a storage key):
        "course" for an id the block defines, "page" for an id it refers to, None if it is no id."""
        return "page" if cls.CATALOG else None

    @property
    def course(self) -> Course:
        return course_for(self.config["root"])

    @classmethod
    def check(cls, argument: str | None, body: str, course: Course) -> list[str]:
        """Problems with this use of the block, as sentences for the author."""
        if cls.CATALOG:
            attr, kind, where = cls.CATALOG
            known = getattr(course, attr)
            if argument not in known:
                return [unknown_id(kind, argument, list(known), where)]
        return []

    @classmethod
    def check_use(cls, use, course: Course) -> list[str]:
        """Problems with one use (``scan.Use``): blocks whose options matter override this."""
        return cls.check(use.argument, use.body, course)

    # -- helpers for subclasses ---------------------------------------------------

    @staticmethod
    def heading(parent: etree.Element, kicker: str, title: str | None = None) -> etree.Element:
        """A component heading; its level is set later to fit the page's outline."""
        h = etree.SubElement(parent, "h3", {"class": "nk-heading"})
        span = etree.SubElement(h, "span", {"class": "nk-kicker"})
        span.text = kicker
        if title:
            span.tail = " " + title
        return h

    @staticmethod
    def bullet_list(parent: etree.Element, items: list[str], cls: str = "") -> etree.Element:
        ul = etree.SubElement(parent, "ul", {"class": cls} if cls else {})
        for item in items:
            etree.SubElement(ul, "li").text = item
        return ul

    def markdown_into(self, parent: etree.Element, text: str) -> None:
        """Parse Markdown text (e.g. a prompt from a data file) into ``parent``."""
        self.md.parser.parseChunk(parent, text)

    @staticmethod
    def page():
        return current()


class SectionBlock(CourseBlock):
    """A titled section whose body is the block's own Markdown (goals, key points)."""

    ARGUMENT = False
    BODY = "required"
    CLASS: ClassVar[str] = ""
    INTRO: ClassVar[str | None] = None

    def on_create(self, parent):
        section = etree.SubElement(parent, "section", {"class": self.CLASS})
        self.heading(section, self.LABEL)
        if self.INTRO:
            etree.SubElement(section, "p", {"class": "nk-intro"}).text = self.INTRO
        self.body = etree.SubElement(section, "div", {"class": "nk-body"})
        return section

    def on_add(self, block):
        return self.body


def invalid_id(kind: str, ident: str | None) -> list[str]:
    """A problem sentence when ``ident`` is not a valid id, else nothing."""
    import re

    from ..schema import ID_PATTERN

    if re.fullmatch(ID_PATTERN, ident or ""):
        return []
    return [f"'{ident}' is not a valid {kind} id (lower-case letters, digits, hyphens)"]


def unknown_id(kind: str, ident: str, known: list[str], where: str) -> str:
    hint = ", ".join(sorted(known)) if known else "none yet"
    return f"unknown {kind} id '{ident}': add it to {where} or use one of: {hint}"
