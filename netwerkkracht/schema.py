"""Schemas for every content data file, declared once with pydantic.

The field names here are the authoring format documented in CONTRIBUTING.md; a mismatch becomes
a ContentError that names the file, the field and what was expected.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from .errors import ContentError

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
Minutes = Annotated[int, Field(ge=1, le=600, strict=False)]


class Strict(BaseModel):
    """Base: unknown fields are mistakes (a typo must not pass silently)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# ---------------------------------------------------------------------------- modules

class Source(Strict):
    author: Text
    cite_as: Text | None = None  # short name for in-text citations of an organisation, e.g. "SAM"
    year: int | Annotated[str, StringConstraints(pattern=r"^(\d{4}[a-z]?|z\.d\.(-[a-z])?)$")]  # 2017, 2017a, z.d., z.d.-b
    title: Text
    publisher: Text | None = None
    url: Url | None = None
    note: Text | None = None
    cite_as: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^,;()]+$")] | None = None  # name in the text, e.g. SAM

    def key(self) -> tuple[str, str, str]:
        """Identity for de-duplication on the 'Verder lezen' page."""
        norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
        return (norm(self.author), str(self.year), norm(self.title))


class SessionStep(Strict):
    minutes: Minutes
    activity: Text
    method: Text
    materials: Text | None = None


class TrainerPlan(Strict):
    workshop_duration: Minutes
    session_plan: Annotated[list[SessionStep], Field(min_length=2)]
    discussion_questions: Annotated[list[Text], Field(min_length=2)]

    @model_validator(mode="after")
    def _plan_fills_workshop(self) -> "TrainerPlan":
        total = sum(step.minutes for step in self.session_plan)
        if total != self.workshop_duration:
            raise ValueError(
                f"the session_plan minutes add up to {total}, but workshop_duration is "
                f"{self.workshop_duration}: make them equal"
            )
        return self


class ModuleMeta(Strict):
    title: Text
    description: Text
    order: Annotated[int, Field(ge=1)]
    duration: Minutes
    audience: Annotated[list[Text], Field(min_length=1)]
    goals: Annotated[list[Text], Field(min_length=3, max_length=5)]
    key_points: Annotated[list[Text], Field(min_length=3, max_length=7)]
    pages: Annotated[list[Text], Field(min_length=1)]
    sources: Annotated[list[Source], Field(min_length=1)]
    trainer: TrainerPlan

    @field_validator("pages")
    @classmethod
    def _pages_are_markdown(cls, pages: list[str]) -> list[str]:
        if pages[0] != "index.md":
            raise ValueError("the first page must be index.md (the module's overview page)")
        for page in pages:
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.md", page):
                raise ValueError(f"'{page}' is not a page file name like 'mijn-pagina.md'")
        if len(set(pages)) != len(pages):
            raise ValueError("a page is listed twice")
        return pages


# ---------------------------------------------------------------------------- exercises

class AnswerField(Strict):
    label: Text
    hint: Text | None = None


class Exercise(Strict):
    title: Text
    module: Text
    duration: Minutes
    prompt: Text
    fields: Annotated[list[AnswerField], Field(min_length=1)]


# ---------------------------------------------------------------------------- catalogues

class Video(Strict):
    id: Id
    title: Text
    source_page: Url
    provider: Literal["link", "youtube", "vimeo", "file"]
    video_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{4,40}$")] | None = None
    file: Text | None = None
    captions: Text | None = None
    duration: Annotated[str, StringConstraints(pattern=r"^\d{1,3}:[0-5]\d$")] | None = None
    theme: Text
    description: Text
    watch_for: Annotated[list[Text], Field(min_length=1)]
    reflection_question: Text
    transcript: Text | None = None

    @model_validator(mode="after")
    def _provider_needs(self) -> "Video":
        if self.provider in ("youtube", "vimeo") and not self.video_id:
            raise ValueError(f"provider '{self.provider}' needs a real video_id from that platform")
        if self.provider == "file" and not (self.file and self.captions):
            raise ValueError("provider 'file' needs 'file' (mp4 or webm under docs/) and 'captions' (a .vtt file)")
        if self.provider == "file" and not re.search(r"\.(mp4|webm)$", self.file or ""):
            raise ValueError("'file' must end in .mp4 or .webm")
        if self.captions and not self.captions.endswith(".vtt"):
            raise ValueError("'captions' must be a WebVTT file ending in .vtt")
        return self


# ---------------------------------------------------------------------------- tools

# One entry in catalog/tools.yml. A tool is a worksheet described as data: a few fixed fields
# (title, summary, when and how to use it) and a list of sections. Each section holds at most one
# kind of content (questions with room to write, a checklist, a rating scale or a table to fill
# in). The toolbox turns the same data into an A4 PDF, an editable DOCX and an explanation page.

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


# ---------------------------------------------------------------------------- errors

_EXPECTED = {
    "missing": "is required",
    "extra_forbidden": "is not a known field (check the spelling against CONTRIBUTING.md)",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number, not a fraction",
    "string_type": "expected text",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a mapping of fields",
    "model_type": "expected a mapping of fields",
    "literal_error": None,  # pydantic's own text lists the allowed values
}


def _describe(err: dict) -> str:
    kind = err["type"]
    if kind in ("too_short", "too_long"):
        ctx = err.get("ctx", {})
        if kind == "too_short":
            return f"expected at least {ctx.get('min_length')} item(s), got {ctx.get('actual_length')}"
        return f"expected at most {ctx.get('max_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "string_pattern_mismatch":
        return f"'{err.get('input')}' does not have the expected form ({err['ctx']['pattern']})"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{err['msg'].lower()}, got {err.get('input')!r}"
    text = _EXPECTED.get(kind)
    if text is None:
        text = err["msg"].removeprefix("Value error, ")
    if kind in ("int_parsing", "int_type", "string_type", "list_type"):
        text += f", got {err.get('input')!r}"
    return text


def parse(model: type[BaseModel], data: object, path: str, prefix: str = "") -> BaseModel:
    """Validate ``data`` against ``model``; raise one ContentError per problem otherwise."""
    from .errors import raise_all

    if not isinstance(data, dict):
        raise ContentError(path, f"expected a mapping of fields, got {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"])
            where = (prefix + loc) if loc else (prefix.rstrip(".") or "(whole file)")
            errors.append(ContentError(path, _describe(err), field=where))
        raise_all(errors)
        raise  # pragma: no cover
