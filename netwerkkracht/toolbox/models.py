"""Schema of one entry in catalog/tools.yml.

A tool is a worksheet described as data: a few fixed fields (title, summary, when and how to use
it) and a list of sections. Each section holds at most one kind of content (questions with room
to write, a checklist, a rating scale or a table to fill in). The build turns the same data into a
print-ready A4 PDF, an editable DOCX and an explanation page, so a change in the catalogue changes
all three.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..schema import Id, Source, Strict, Text

Lines = Annotated[int, Field(ge=0, le=20)]


class Scale(Strict):
    """A rating grid: one row per statement, one tick box per option."""

    options: Annotated[list[Text], Field(min_length=2, max_length=6)]
    items: Annotated[list[Text], Field(min_length=1)]


class Table(Strict):
    """A table to fill in: column headings, optional pre-filled first cells, empty rows."""

    columns: Annotated[list[Text], Field(min_length=2, max_length=6)]
    rows: list[Text] = []  # first-column text of pre-filled rows; the other cells stay empty
    empty_rows: Annotated[int, Field(ge=0, le=30)] = 0

    @model_validator(mode="after")
    def _has_rows(self) -> "Table":
        if not self.rows and not self.empty_rows:
            raise ValueError("a table needs 'rows' (pre-filled first cells) or 'empty_rows' (a number)")
        return self


class Section(Strict):
    heading: Text
    intro: Text | None = None
    questions: Annotated[list[Text], Field(min_length=1)] | None = None
    lines: Lines = 3  # writing lines under each question, or under the section when it has none
    checklist: Annotated[list[Text], Field(min_length=1)] | None = None
    scale: Scale | None = None
    table: Table | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Section":
        kinds = [k for k in ("questions", "checklist", "scale", "table") if getattr(self, k) is not None]
        if len(kinds) > 1:
            raise ValueError(f"a section holds one kind of content, this one has {' and '.join(kinds)}: split it")
        return self

    @property
    def kind(self) -> str:
        for k in ("questions", "checklist", "scale", "table"):
            if getattr(self, k) is not None:
                return k
        return "notes" if self.lines else "text"


class NetworkMap(Strict):
    """The printed network map: rings from close to far, sectors around the person."""

    rings: Annotated[list[Text], Field(min_length=2, max_length=4)]
    sectors: Annotated[list[Text], Field(min_length=3, max_length=10)]
    centre: Text = "ik"
    formal: list[Text] = []  # which sectors belong to the formal sphere (shaded on the map)

    @model_validator(mode="after")
    def _formal_known(self) -> "NetworkMap":
        unknown = [s for s in self.formal if s not in self.sectors]
        if unknown:
            raise ValueError(f"'formal' names {unknown}, which are not in 'sectors'")
        return self


class Tool(Strict):
    id: Id
    title: Text
    summary: Text
    when: Text
    how: Annotated[list[Text], Field(min_length=1)]
    duration: Annotated[int, Field(ge=1, le=480)] = 20  # minutes with a client or a group
    audience: Annotated[list[Text], Field(min_length=1)] = ["Sociale professionals in het GBO"]
    layout: Literal["werkblad", "netwerkkaart"] = "werkblad"
    map: NetworkMap | None = None
    sections: Annotated[list[Section], Field(min_length=1)]
    privacy: Text | None = None  # a note printed on the sheet about what (not) to write down
    preview_alt: Text  # alt text of the preview image on the tool's page
    sources: list[Source] = []

    @model_validator(mode="after")
    def _map_for_netwerkkaart(self) -> "Tool":
        if self.layout == "netwerkkaart" and self.map is None:
            raise ValueError("layout 'netwerkkaart' needs a 'map' with 'rings' and 'sectors'")
        if self.layout != "netwerkkaart" and self.map is not None:
            raise ValueError("'map' is only used with layout: netwerkkaart")
        headings = [s.heading for s in self.sections]
        if len(set(headings)) != len(headings):
            raise ValueError("two sections have the same heading")
        return self
