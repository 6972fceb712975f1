"""``/// eindtoets``: the final assessment, drawn in the browser from ``assessment/eindtoets.yml``.

The block states the rules with figures computed from the bank (never typed by hand), lists the
modules (for "modules to revisit") and carries the bank as a JSON data island that
``assets/eindtoets.js`` draws from.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from ..course import Course
from ..eindtoets import guess_chance
from .base import CourseBlock

NO_SCRIPT = ("De eindtoets werkt alleen met JavaScript: het script trekt je vragen, telt je score en bewaart je "
             "resultaat in je eigen browser. Zet JavaScript aan om de eindtoets te maken.")

NO_BANK = "De eindtoets is er nog niet: de vragen worden nog geschreven."


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def module_list(parent: etree.Element, course: Course, page) -> etree.Element:
    """A hidden list of the modules (slug, order, minutes, link) for the browser scripts to read."""
    ul = etree.SubElement(parent, "ul", {"class": "nk-toets__modules", "hidden": ""})
    for module in course.modules:
        li = etree.SubElement(ul, "li", {
            "data-nk-module": module.slug, "data-nk-volgorde": str(module.meta.order),
            "data-nk-minuten": str(module.meta.duration),
        })
        a = etree.SubElement(li, "a", {"href": page.link_to_source(module.overview)})
        a.text = module.meta.title
    return ul


class Eindtoets(CourseBlock):
    NAME = "eindtoets"
    ARGUMENT = False
    BODY = "forbidden"
    SCRIPTS = ("assets/volgorde.js", "assets/eindtoets.js")
    STYLES = ("assets/oefenen.css",)

    def on_create(self, parent):
        bank = self.course.eindtoets
        if bank is None:  # a course without a bank yet (tests/test_assessment_content.py requires one)
            section = etree.SubElement(parent, "section", {"class": "nk-eindtoets", "id": "eindtoets"})
            self.heading(section, "Eindtoets")
            etree.SubElement(section, "p").text = NO_BANK
            return section
        section = etree.SubElement(parent, "section", {
            "class": "nk-eindtoets", "id": "eindtoets", "data-nk-eindtoets": "",
            "data-nk-trekking": str(bank.draw), "data-nk-drempel": str(bank.pass_mark),
        })
        self.heading(section, "Eindtoets", f"{bank.draw} vragen over de hele cursus")
        modules = {q.module for q in bank.questions}
        low, high = bank.draw // len(modules), -(-bank.draw // len(modules))
        per_module = f"{low}" if low == high else f"{low} of {high}"
        facts = [
            f"Elke poging telt {bank.draw} vragen, willekeurig getrokken uit een bank van {len(bank.questions)} vragen "
            f"over {_count(len(modules), 'module', 'modules')}: {per_module} per module. Een nieuwe poging geeft "
            "zoveel mogelijk andere vragen.",
            f"Je slaagt vanaf {bank.needed()} van de {bank.draw} vragen juist: {bank.pass_mark} %.",
            "Na het inleveren zie je je score, de uitleg bij elke vraag en de modules die je best nog eens bekijkt.",
        ]
        self.bullet_list(section, facts, "nk-eindtoets__feiten")
        why = etree.SubElement(section, "p", {"class": "nk-eindtoets__waarom"})
        etree.SubElement(why, "strong").text = f"Waarom {bank.pass_mark} %?"
        self.bullet_list(section, [
            f"Gokken volstaat niet: wie blind gokt, heeft gemiddeld {round(bank.guess_mean())} van de {bank.draw} vragen "
            f"juist en slaagt {guess_chance(bank.guess_odds())}.",
            f"Er blijft ruimte voor twijfel: je mag {_count(bank.draw - bank.needed(), 'fout', 'fouten')} maken. In echte gesprekken zijn "
            "soms twee reacties verdedigbaar, en de vragen toetsen afwegingen, geen weetjes.",
            "Wie de kern van de modules begrijpt, haalt het; wie geregeld naast die kern grijpt, niet. Elke module "
            "komt aan bod, dus een module die nog niet zit, zie je terug bij de modules om te herhalen.",
        ], "nk-eindtoets__feiten")
        etree.SubElement(section, "div", {"class": "nk-eindtoets__speler", "data-nk-speler": ""}).text = ""
        noscript = etree.SubElement(section, "noscript")
        etree.SubElement(noscript, "p", {"class": "nk-nojs"}).text = NO_SCRIPT
        module_list(section, self.course, self.page())
        data = {
            "trekking": bank.draw, "drempel": bank.pass_mark, "nodig": bank.needed(),
            "vragen": [{
                "id": q.id, "module": q.module, "vraag": q.question,
                "opties": [{"tekst": o.text, "juist": o.correct, "feedback": o.feedback} for o in q.options],
            } for q in bank.questions],
        }
        island = etree.SubElement(section, "script", {"type": "application/json", "class": "nk-eindtoets__bank"})
        island.text = AtomicString(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
        return section
