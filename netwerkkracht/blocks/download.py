"""``/// download | id``: a tool from ``catalog/tools.yml`` with its PDF, DOCX and explanation page."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from ..sitepaths import tool_files
from .base import CourseBlock


class Download(CourseBlock):
    NAME = "download"
    ARGUMENT = True
    BODY = "forbidden"

    CATALOG = ("tools", "tool", "catalog/tools.yml")

    def on_create(self, parent):
        tool = self.course.tools[self.argument]
        page = self.page()
        section = etree.SubElement(parent, "section", {"class": "nk-download", "id": f"tool-{tool.id}"})
        self.heading(section, "Tool", tool.title)
        summary = etree.SubElement(section, "p")
        summary.text = tool.summary
        links = etree.SubElement(section, "ul", {"class": "nk-download__links"})
        for label, target, is_file in tool_files(tool.id):
            li = etree.SubElement(links, "li")
            attrs = {"href": page.link_to_source(target)}
            if is_file:
                attrs["download"] = ""
            a = etree.SubElement(li, "a", attrs)
            a.text = label
        return section
