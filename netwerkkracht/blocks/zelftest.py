"""``/// zelftest | id``: a short multiple-choice self-test with feedback on every option.

Body format (one question after another)::

    ? Question text
    - Wrong option
      : Feedback on why it is wrong.
    + Right option
      : Feedback on why it is right.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from ..course import Course
from .base import CourseBlock, invalid_id


@dataclass
class Option:
    text: str
    correct: bool
    feedback: str = ""


@dataclass
class Question:
    text: str
    options: list[Option] = field(default_factory=list)


class SelfTestSyntaxError(ValueError):
    pass


# The component says "Juist." or "Niet juist." itself; an author's own verdict word would double it.
VERDICT = re.compile(r"^(?:juist|correct|klopt|fout|niet juist|nee|ja|helaas|inderdaad)\s*[.:!,]\s*", re.I)


def _without_verdict(text: str) -> str:
    stripped = VERDICT.sub("", text, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped else text


def parse_selftest(body: str) -> list[Question]:
    """Parse the body; raise SelfTestSyntaxError naming the line (relative to the body) and the fix."""
    questions: list[Question] = []
    for number, raw in enumerate(body.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        marker, text = line[0], line[1:].strip()
        if marker == "?":
            questions.append(Question(text))
        elif marker in "+-" and text:
            if not questions:
                raise SelfTestSyntaxError(f"line {number}: an option comes before the first question ('? ...')")
            questions[-1].options.append(Option(text, marker == "+"))
        elif marker == ":" and text:
            if not questions or not questions[-1].options:
                raise SelfTestSyntaxError(f"line {number}: feedback (':') must follow an option ('+' or '-')")
            option = questions[-1].options[-1]
            option.feedback = (option.feedback + " " + text).strip()
        else:
            raise SelfTestSyntaxError(
                f"line {number}: '{line[:40]}' does not start with '?' (question), '+' (right option), "
                f"'-' (wrong option) or ':' (feedback)"
            )
    if not questions:
        raise SelfTestSyntaxError("no questions: start each question with '? '")
    for index, question in enumerate(questions, start=1):
        if not question.text:
            raise SelfTestSyntaxError(f"question {index} has no text after '?'")
        if len(question.options) < 2:
            raise SelfTestSyntaxError(f"question {index} needs at least two options")
        if not any(o.correct for o in question.options):
            raise SelfTestSyntaxError(f"question {index} has no right option: mark one with '+'")
        for option in question.options:
            if not option.feedback:
                raise SelfTestSyntaxError(
                    f"question {index}, option '{option.text[:40]}' has no feedback: add a line ': ...' under it"
                )
    return questions


class Zelftest(CourseBlock):
    NAME = "zelftest"
    ARGUMENT = True
    BODY = "required"
    SCRIPTS = ("assets/volgorde.js", "assets/zelftest.js")

    @classmethod
    def check(cls, argument, body, course: Course):
        if invalid_id("self-test", argument):
            return invalid_id("self-test", argument)
        try:
            parse_selftest(body)
        except SelfTestSyntaxError as exc:
            return [f"self-test '{argument}': {exc}"]
        return []

    @classmethod
    def id_scope(cls, argument, body):
        return "course"  # its answers are stored under this id

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        self.section = etree.SubElement(parent, "section", {
            "class": "nk-zelftest", "id": f"zelftest-{self.argument}", "data-nk-zelftest": self.argument,
        })
        self.heading(self.section, "Zelftest")
        self.holder = etree.SubElement(self.section, "div")
        return self.section

    def on_add(self, block):
        return self.holder

    def on_end(self, block):
        body = self.holder.text or ""
        self.section.remove(self.holder)
        questions = parse_selftest(body)
        ident = self.argument
        intro = etree.SubElement(self.section, "p", {"class": "nk-intro"})
        intro.text = "Kies per vraag een antwoord en klik dan op Controleer: pas dan zie je de uitleg bij elk antwoord."
        for qn, question in enumerate(questions, start=1):
            fieldset = etree.SubElement(self.section, "fieldset", {"class": "nk-vraag", "data-nk-vraag": str(qn)})
            legend = etree.SubElement(fieldset, "legend")
            legend.text = f"{qn}. {question.text}"
            for on, option in enumerate(question.options, start=1):
                oid = f"nk-{ident}-{qn}-{on}"
                wrap = etree.SubElement(fieldset, "div", {"class": "nk-optie"})
                etree.SubElement(wrap, "input", {
                    "type": "radio", "name": f"nk-{ident}-{qn}", "id": oid, "value": str(on),
                    "data-juist": "ja" if option.correct else "nee",
                })
                label = etree.SubElement(wrap, "label", {"for": oid})
                label.text = option.text
                feedback = etree.SubElement(wrap, "details", {"class": "nk-feedback", "data-juist": "ja" if option.correct else "nee"})
                summary = etree.SubElement(feedback, "summary")
                summary.text = "Uitleg bij dit antwoord"
                verdict = etree.SubElement(feedback, "p")
                strong = etree.SubElement(verdict, "strong")
                strong.text = "Juist. " if option.correct else "Niet juist. "
                strong.tail = _without_verdict(option.feedback)
        status = etree.SubElement(self.section, "p", {"class": "nk-status", "role": "status", "aria-live": "polite"})
        status.text = ""
