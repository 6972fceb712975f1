"""``/// deelnameattest``: the certificate of participation, made in the learner's browser.

The block gives ``assets/attest.js`` what the site knows: the modules with their study time and
the organisation that offers the course (from ``extra.organisation.name`` in mkdocs.yml, passed in
as the extension's ``organisation`` option and written as escaped text). The learner's name, the
conditions (every module done, eindtoets passed) and the printing are handled in the browser.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from .base import CourseBlock
from .eindtoets import module_list

NO_SCRIPT = ("Je deelnameattest maakt je browser zelf, uit wat je in deze browser bewaarde: daarvoor is "
             "JavaScript nodig.")


class Deelnameattest(CourseBlock):
    NAME = "deelnameattest"
    ARGUMENT = False
    BODY = "forbidden"
    SCRIPTS = ("assets/oefenen.js", "assets/attest.js")
    STYLES = ("assets/oefenen.css", "assets/attest.css")

    def on_create(self, parent):
        organisation = str(self.config.get("organisation") or "").strip()
        section = etree.SubElement(parent, "section", {
            "class": "nk-attestblok", "id": "deelnameattest", "data-nk-attest": "", "data-nk-organisatie": organisation,
        })
        self.heading(section, "Deelnameattest", "Jouw attest")
        etree.SubElement(section, "div", {"class": "nk-attestblok__speler", "data-nk-speler": ""}).text = ""
        noscript = etree.SubElement(section, "noscript")
        etree.SubElement(noscript, "p", {"class": "nk-nojs"}).text = NO_SCRIPT
        module_list(section, self.course, self.page())
        return section
