"""``/// gesprekssimulatie | id``: a branching conversation from ``scenarios/ID.yml``.

The block writes the whole tree once, as the trainer's role-play script (shown in the trainer view,
printable). The browser script (``assets/simulatie.js``) reads that same markup to run the
conversation step by step for the learner, so the content exists in the page only once.
"""
from __future__ import annotations

import string
import xml.etree.ElementTree as etree

from ..course import Course
from ..scenarios import OUTCOMES, Scenario
from .base import CourseBlock, invalid_id, unknown_id

FICTION_NOTE = "Fictieve situatie: samengesteld uit herkenbare gesprekken, geen echte personen."
NO_SCRIPT = ("Deze simulatie werkt alleen met JavaScript: het script toont telkens één stap en bewaart je keuzes "
             "in je eigen browser. Zet JavaScript aan om te oefenen.")


def short_name(professional: str) -> str:
    """'Sofie, maatschappelijk werker bij het OCMW' -> 'Sofie' (the name in the script's turns)."""
    return professional.split(",")[0].strip()


class Gesprekssimulatie(CourseBlock):
    NAME = "gesprekssimulatie"
    ARGUMENT = True
    BODY = "forbidden"
    SCRIPTS = ("assets/simulatie.js",)
    STYLES = ("assets/oefenen.css",)

    @classmethod
    def check(cls, argument, body, course: Course):
        if invalid_id("simulation", argument):
            return invalid_id("simulation", argument)
        if argument not in course.scenarios:
            return [unknown_id("simulation", argument, list(course.scenarios), f"scenarios/{argument}.yml")]
        return []

    def on_create(self, parent):
        ident = self.argument
        scenario: Scenario = self.course.scenarios[ident]
        section = etree.SubElement(parent, "section", {
            "class": "nk-simulatie", "id": f"simulatie-{ident}", "data-nk-simulatie": ident,
            "data-nk-module": scenario.module, "data-nk-start": scenario.start,
            "data-nk-rol": short_name(scenario.professional),
        })
        self.heading(section, "Gesprekssimulatie", scenario.title)
        meta = etree.SubElement(section, "p", {"class": "nk-meta"})
        meta.text = f"Ongeveer {scenario.duration} minuten · Jij speelt {scenario.professional}."
        etree.SubElement(section, "p", {"class": "nk-fictief"}).text = FICTION_NOTE
        situation = etree.SubElement(section, "div", {"class": "nk-simulatie__situatie"})
        self.markdown_into(situation, scenario.situation)
        etree.SubElement(section, "div", {"class": "nk-simulatie__speler", "data-nk-speler": ""}).text = ""
        noscript = etree.SubElement(section, "noscript")
        etree.SubElement(noscript, "p", {"class": "nk-nojs"}).text = NO_SCRIPT
        self.role_play(section, ident, scenario)
        return section

    @staticmethod
    def role_play(section: etree.Element, ident: str, scenario: Scenario) -> None:
        """The whole tree as a script: every step with its choices, their feedback and where they lead."""
        order = scenario.step_order()
        number = {sid: n for n, sid in enumerate(order, start=1)}
        letter = dict(zip(scenario.endings, string.ascii_uppercase))
        me = short_name(scenario.professional)

        def target(next_id: str) -> str:
            if next_id in number:
                return f"Verder bij stap {number[next_id]}"
            return f"Naar einde {letter[next_id]}: {scenario.endings[next_id].title}"

        aside = etree.SubElement(section, "aside", {"class": "nk-trainer nk-rollenspel", "aria-label": "Rollenspelscript voor trainers"})
        etree.SubElement(aside, "p", {"class": "nk-kicker"}).text = "Voor trainers: rollenspelscript"
        others = ", ".join(s for s in scenario.speakers())
        intro = etree.SubElement(aside, "p")
        intro.text = (f"Rollen: een deelnemer speelt {scenario.professional}; jij of een tweede deelnemer speelt {others}. "
                      f"Lees per stap de beurt voor, laat de groep kiezen wat {me} zegt, bespreek de feedback en ga "
                      "verder waar de keuze naartoe leidt.")
        steps = etree.SubElement(aside, "ol", {"class": "nk-rollenspel__stappen"})
        for sid in order:
            step = scenario.steps[sid]
            li = etree.SubElement(steps, "li", {"class": "nk-rollenspel__stap", "id": f"sim-{ident}-{sid}", "data-nk-stap": sid})
            kop = etree.SubElement(li, "p", {"class": "nk-rollenspel__kop"})
            etree.SubElement(kop, "strong").text = f"Stap {number[sid]}"
            if step.narration:
                regie = etree.SubElement(li, "p", {"class": "nk-rollenspel__regie"})
                etree.SubElement(regie, "em", {"data-nk-regie": ""}).text = step.narration
            beurt = etree.SubElement(li, "p", {"class": "nk-rollenspel__beurt"})
            spreker = etree.SubElement(beurt, "strong", {"data-nk-spreker": ""})
            spreker.text = step.speaker
            spreker.tail = ": "
            etree.SubElement(beurt, "span", {"data-nk-tekst": ""}).text = step.text
            choices = etree.SubElement(li, "ol", {"class": "nk-rollenspel__keuzes", "type": "A"})
            for choice in step.choices:
                item = etree.SubElement(choices, "li", {"data-nk-naar": choice.next})
                said = etree.SubElement(item, "p")
                who = etree.SubElement(said, "strong")
                who.text = me
                who.tail = ": "
                etree.SubElement(said, "span", {"data-nk-keuze": ""}).text = choice.text
                feedback = etree.SubElement(item, "p", {"class": "nk-rollenspel__feedback"})
                etree.SubElement(feedback, "span", {"class": "nk-rollenspel__label"}).text = "Nabespreking: "
                etree.SubElement(feedback, "span", {"data-nk-feedback": ""}).text = choice.feedback
                naar = etree.SubElement(item, "p", {"class": "nk-rollenspel__naar"})
                etree.SubElement(naar, "a", {"href": f"#sim-{ident}-{choice.next}"}).text = target(choice.next)
        kop = etree.SubElement(aside, "p", {"class": "nk-rollenspel__kop"})
        etree.SubElement(kop, "strong").text = "Eindes"
        endings = etree.SubElement(aside, "ul", {"class": "nk-rollenspel__eindes"})
        for eid, ending in scenario.endings.items():
            li = etree.SubElement(endings, "li", {"id": f"sim-{ident}-{eid}", "data-nk-einde": eid, "data-nk-uitkomst": ending.outcome})
            title = etree.SubElement(li, "p")
            strong = etree.SubElement(title, "strong")
            strong.text = f"Einde {letter[eid]}: "
            etree.SubElement(strong, "span", {"data-nk-eindtitel": ""}).text = ending.title
            strong.tail = f" ({OUTCOMES[ending.outcome]})"
            etree.SubElement(li, "p", {"data-nk-samenvatting": ""}).text = ending.summary
