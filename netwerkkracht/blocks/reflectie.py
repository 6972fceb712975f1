"""``/// reflectie | id``: a reflection exercise with answer fields saved in the learner's browser.

Without a body the exercise comes from ``exercises/ID.yml``; with a body the body is the question
of a short inline reflection with one answer field.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from ..course import Course
from .base import CourseBlock, invalid_id, unknown_id

NO_SCRIPT = (
    "Je kan hier schrijven, maar je antwoord bewaren in je browser lukt alleen met JavaScript. "
    "Kopieer je tekst als je hem wil houden."
)
INLINE_LABEL = "Jouw antwoord"


def render_fields(section: etree.Element, ident: str, fields: list[tuple[str, str | None]]) -> None:
    """Labelled text fields plus a live status line; the browser script finds them by data attributes."""
    answers = etree.SubElement(section, "div", {"class": "nk-antwoorden"})
    for number, (label, hint) in enumerate(fields, start=1):
        field_id = f"nk-{ident}-{number}"
        wrap = etree.SubElement(answers, "div", {"class": "nk-veld"})
        lab = etree.SubElement(wrap, "label", {"for": field_id})
        lab.text = label
        attrs = {
            "id": field_id,
            "name": field_id,
            "rows": "4",
            "data-nk-veld": f"{ident}/{number}",
        }
        if hint:
            hint_el = etree.SubElement(wrap, "p", {"class": "nk-hint", "id": f"{field_id}-hint"})
            hint_el.text = hint
            attrs["aria-describedby"] = f"{field_id}-hint"
        area = etree.SubElement(wrap, "textarea", attrs)
        area.text = ""
    status = etree.SubElement(section, "p", {"class": "nk-status", "role": "status", "aria-live": "polite"})
    status.text = ""
    noscript = etree.SubElement(section, "noscript")
    p = etree.SubElement(noscript, "p", {"class": "nk-nojs"})
    p.text = NO_SCRIPT


class Reflectie(CourseBlock):
    NAME = "reflectie"
    ARGUMENT = True
    BODY = "optional"

    @classmethod
    def check(cls, argument, body, course: Course):
        if invalid_id("exercise", argument):
            return invalid_id("exercise", argument)
        if body.strip():
            if argument in course.exercises:
                return [f"inline reflection '{argument}' has the same id as exercises/{argument}.yml: pick another id"]
            return []
        if argument not in course.exercises:
            return [unknown_id("exercise", argument, list(course.exercises), f"exercises/{argument}.yml")]
        return []

    @classmethod
    def id_scope(cls, argument, body):
        return "course" if body.strip() else "page"  # an inline reflection defines its id; an exercise is shared

    def on_create(self, parent):
        ident = self.argument
        exercise = self.course.exercises.get(ident)
        module = exercise.module if exercise else (self.course.module_of_page(self.page().src_path) or None)
        attrs = {"class": "nk-reflectie", "id": f"reflectie-{ident}", "data-nk-reflectie": ident}
        if exercise:
            attrs["data-nk-module"] = exercise.module
        elif module:
            attrs["data-nk-module"] = module.slug
        section = etree.SubElement(parent, "section", attrs)
        self.section = section
        if exercise:
            self.heading(section, "Reflectie", exercise.title)
            meta = etree.SubElement(section, "p", {"class": "nk-meta"})
            meta.text = f"Ongeveer {exercise.duration} minuten"
            self.prompt = etree.SubElement(section, "div", {"class": "nk-prompt"})
            self.markdown_into(self.prompt, exercise.prompt)
            render_fields(section, ident, [(f.label, f.hint) for f in exercise.fields])
        else:
            self.heading(section, "Even stilstaan")
            self.prompt = etree.SubElement(section, "div", {"class": "nk-prompt"})
        return section

    def on_add(self, block):
        return self.prompt

    def on_end(self, block):
        if self.argument not in self.course.exercises:
            render_fields(self.section, self.argument, [(INLINE_LABEL, None)])
