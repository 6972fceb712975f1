"""``/// dialoog | titel``: an annotated example conversation, with a note on every professional turn.

Professionals learn this work by hearing how a conversation goes, so the component shows one as
real text (readable, printable, accessible): each turn of the professional carries a short note on
what they do and why. Body format::

    /// dialoog | Het netwerk ter sprake brengen
        professional: Sofie
        anderen: Karim, Fatma
        situatie: "Karim (52) komt voor het eerst naar het OCMW."
    Sofie: Wat de professional zegt.
    > Wat Sofie doet en waarom.
    Karim: Wat de cliënt zegt,
    en een regel die daar nog bij hoort.
    ///

A line that starts with a declared name and a colon starts a turn; a line that starts with ``> ``
is the note on the professional's turn above it; any other line continues the turn or note above.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator
from pymdownx.blocks.block import type_string

from ..course import Course
from .base import CourseBlock

FICTION_NOTE = "Fictief voorbeeld: samengesteld uit herkenbare situaties, geen echt gesprek."
MIN_TURNS = 4
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40, pattern=r"^[^:>,]+$")]


class DialogueSyntaxError(ValueError):
    pass


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    speaker: Name
    text: str
    note: str = ""
    line: int = 0  # line within the block body, for error messages


class Dialogue(BaseModel):
    """One example conversation: who takes part and what each says; notes on the professional's turns."""

    model_config = ConfigDict(extra="forbid")

    title: str
    professional: Name
    others: list[Name]
    situation: str = ""
    turns: list[Turn]

    @model_validator(mode="after")
    def _well_formed(self) -> "Dialogue":
        if self.professional in self.others:
            raise ValueError(f"'{self.professional}' is both the professional and one of 'anderen'")
        if len(self.turns) < MIN_TURNS:
            raise ValueError(f"a dialogue needs at least {MIN_TURNS} turns, got {len(self.turns)}")
        speakers = {t.speaker for t in self.turns}
        if self.professional not in speakers:
            raise ValueError(f"the professional '{self.professional}' never speaks")
        for turn in self.turns:
            if turn.speaker == self.professional and not turn.note:
                raise ValueError(
                    f"line {turn.line}: {turn.speaker}'s turn has no note: add a line '> what "
                    f"{turn.speaker} does here and why' under it"
                )
            if turn.speaker != self.professional and turn.note:
                raise ValueError(
                    f"line {turn.line}: only the professional's turns ({self.professional}) carry a note; "
                    f"move this note under a turn of {self.professional}"
                )
        return self


def names(value: str | None) -> list[str]:
    return [n.strip() for n in (value or "").split(",") if n.strip()]


def parse_dialogue(title: str, body: str, professional: str, others: str, situation: str = "") -> Dialogue:
    """Read the body into a Dialogue; raise DialogueSyntaxError naming the line and the fix."""
    if not professional:
        raise DialogueSyntaxError("option 'professional' is missing: name the professional, e.g. 'professional: Sofie'")
    other_names = names(others)
    if not other_names:
        raise DialogueSyntaxError("option 'anderen' is missing: list who else speaks, e.g. 'anderen: Karim'")
    speakers = [professional, *other_names]
    start = re.compile(r"^(" + "|".join(re.escape(n) for n in sorted(speakers, key=len, reverse=True)) + r")\s*:\s*(.*)$")
    turns: list[dict] = []
    in_note = False
    for number, raw in enumerate(body.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = start.match(line)
        if match:
            turns.append({"speaker": match.group(1), "text": match.group(2).strip(), "note": "", "line": number})
            in_note = False
        elif line.startswith(">"):
            if not turns:
                raise DialogueSyntaxError(f"line {number}: a note ('> ...') comes before the first turn")
            turns[-1]["note"] = (turns[-1]["note"] + " " + line[1:].strip()).strip()
            in_note = True
        elif not turns:
            raise DialogueSyntaxError(
                f"line {number}: '{line[:40]}' does not start with a speaker ({', '.join(speakers)}) and a colon"
            )
        else:
            key = "note" if in_note else "text"
            turns[-1][key] = (turns[-1][key] + " " + line).strip()
    for turn in turns:
        if not turn["text"]:
            raise DialogueSyntaxError(f"line {turn['line']}: {turn['speaker']} says nothing: write the words after the colon")
    from pydantic import ValidationError

    try:
        return Dialogue(title=title, professional=professional, others=other_names, situation=situation, turns=turns)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        raise DialogueSyntaxError(f"{where}: {message}" if where else message) from None


class Dialoog(CourseBlock):
    NAME = "dialoog"
    ARGUMENT = True
    BODY = "required"
    LABEL = "Voorbeeldgesprek"
    OPTIONS = {"professional": ["", type_string], "anderen": ["", type_string], "situatie": ["", type_string]}

    @classmethod
    def check_use(cls, use, course: Course):
        options = use.options
        try:
            parse_dialogue(use.argument or "", use.body, str(options.get("professional") or ""),
                           str(options.get("anderen") or ""), str(options.get("situatie") or ""))
        except DialogueSyntaxError as exc:
            # "line N" counts within the body: name the line in the file instead.
            message = re.sub(r"\bline (\d+)", lambda m: f"line {use.body_line + int(m.group(1)) - 1}", str(exc))
            return [f"dialogue '{use.argument}': {message}"]
        return []

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        self.section = etree.SubElement(parent, "section", {"class": "nk-gesprek"})
        self.holder = etree.SubElement(self.section, "div")
        return self.section

    def on_add(self, block):
        return self.holder

    def on_end(self, block):
        body = self.holder.text or ""
        self.section.remove(self.holder)
        dialogue = parse_dialogue(self.argument, body, self.options["professional"], self.options["anderen"],
                                  self.options["situatie"])
        self.heading(self.section, self.LABEL, dialogue.title)
        etree.SubElement(self.section, "p", {"class": "nk-fictief"}).text = FICTION_NOTE
        if dialogue.situation:
            situation = etree.SubElement(self.section, "p", {"class": "nk-gesprek__situatie"})
            etree.SubElement(situation, "strong").text = "Situatie."
            situation[-1].tail = " " + dialogue.situation
        intro = etree.SubElement(self.section, "p", {"class": "nk-intro"})
        intro.text = f"Bij elke beurt van {dialogue.professional} lees je wat {dialogue.professional} doet en waarom."
        turns = etree.SubElement(self.section, "ol", {"class": "nk-gesprek__beurten"})
        for turn in dialogue.turns:
            own = turn.speaker == dialogue.professional
            item = etree.SubElement(turns, "li", {"class": "nk-beurt " + ("nk-beurt--professional" if own else "nk-beurt--ander")})
            said = etree.SubElement(item, "p", {"class": "nk-beurt__tekst"})
            speaker = etree.SubElement(said, "strong", {"class": "nk-beurt__spreker"})
            speaker.text = turn.speaker + ":"
            speaker.tail = " " + turn.text
            if turn.note:
                note = etree.SubElement(item, "p", {"class": "nk-beurt__noot"})
                label = etree.SubElement(note, "span", {"class": "nk-beurt__label"})
                label.text = f"Wat {dialogue.professional} doet:"
                label.tail = " " + turn.note
