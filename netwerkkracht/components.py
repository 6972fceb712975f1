"""Python-Markdown extension that registers the course components.

Use it in any Python-Markdown pipeline: ``markdown.Markdown(extensions=[CourseExtension(root=...)])``.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension

from .blocks import COMPONENTS

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class ComponentHeadings(Treeprocessor):
    """Give each component heading the level that follows the page's last heading (h2 at least).

    A component can stand under an h1 or deep in an h3 section; a fixed level would break the
    outline that screen-reader users navigate by.
    """

    def run(self, root: etree.Element) -> None:
        last = 1
        for el in root.iter():
            if el.tag not in HEADINGS:
                continue
            if "nk-heading" in (el.get("class") or "").split():
                el.tag = f"h{min(max(last + 1, 2), 6)}"
            else:
                last = int(el.tag[1])


class CourseExtension(BlocksExtension):
    def __init__(self, *args, **kwargs):
        self.config = {
            "root": [".", "Folder that holds modules/, exercises/ and catalog/"],
            "organisation": ["", "Name of the organisation that offers the course (on the certificate)"],
            "platform_videos": [False, "Offer YouTube/Vimeo players after a click (needs frame-src in the CSP)"],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        for component in COMPONENTS.values():
            block_mgr.register(component, self.getConfigs())
        # After the blocks are built, before the table of contents (priority 5) reads headings.
        md.treeprocessors.register(ComponentHeadings(md), "nk-component-headings", 6)


def makeExtension(*args, **kwargs):
    return CourseExtension(*args, **kwargs)
