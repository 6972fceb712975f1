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
