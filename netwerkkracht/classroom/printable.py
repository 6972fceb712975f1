"""Course pages as HTML for paper: the same Markdown and components as the site, made for print.

A page is rendered with the site's own Markdown extensions, then a tree pass makes it printable:
ids get a per-page prefix so that many pages fit in one document, links between pages become
in-document links (the PDF style turns them into page references), answer fields become writing
space, and what only works on a screen (players, progress, download buttons) goes. Which
components stay out is decided on the Markdown source, before rendering, so that a change in how
a component is drawn on screen (a self-test, say) can never leak its answers onto paper.
"""
from __future__ import annotations

import copy
import posixpath
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
from markdown.treeprocessors import Treeprocessor

from ..page_context import current, set_page
from ..scan import END, FENCE, START

# Components that never go on paper for learners: answers, trainer material, screen-only parts.
NOT_FOR_LEARNERS = frozenset({"zelftest", "trainer", "dia", "gesprekssimulatie", "eindtoets", "deelnameattest"})
WRITING_LINES = 5
_SCREEN_ONLY = ("nk-afronden", "nk-status", "nk-video__speler", "nk-download__links", "nk-voortgang",
                "nk-voortgang-module", "nk-voortgang-cursus", "headerlink")


def strip_front_matter(source: str) -> str:
    return re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)


def strip_blocks(source: str, names: frozenset[str] | set[str]) -> str:
    """The Markdown without the named components (and everything inside them)."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (slashes, dropped)
    fence = None
    for line in source.splitlines():
        dropping = any(dropped for _, dropped in stack)
        fence_match = FENCE.match(line)
        if fence_match and not stack:
            marker = fence_match.group(1)
            fence = None if fence and marker.startswith(fence[:3]) else (fence or marker)
            out.append(line)
            continue
        if fence is not None:
            out.append(line)
            continue
        end = END.match(line)
        if end and stack and end.group("slashes") == stack[-1][0]:
            _, dropped = stack.pop()
            if not dropped:
                out.append(line)
            continue
        start = START.match(line)
        if start:
            drop = dropping or start.group("name") in names
            stack.append((start.group("slashes"), drop))
            if not drop:
                out.append(line)
            continue
        if not dropping:
            out.append(line)
    return "\n".join(out) + "\n"


def page_key(src_uri: str) -> str:
    """A short id for a page inside a printed document: 'modules/01-x/visie.md' -> 'p-01-x-visie'."""
    stem = re.sub(r"\.md$", "", src_uri)
    stem = re.sub(r"^modules/", "", stem)
    return "p-" + re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def _classes(el: etree.Element) -> set[str]:
    return set((el.get("class") or "").split())


class _PrintTree(Treeprocessor):
    """Make one rendered page printable (see the module docstring)."""

    def __init__(self, md, renderer: "PrintRenderer"):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        page = self.renderer.current
        key = page_key(page)
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in list(root.iter()):
            if _classes(el) & set(_SCREEN_ONLY) or el.tag in ("noscript", "script", "button"):
                parent = parents.get(el)
                if parent is not None:
                    _remove_keep_tail(parent, el)
        for el in root.iter():
            if el.get("id"):
                el.set("id", f"{key}--{el.get('id')}")
            if el.tag in ("h1", "h2", "h3", "h4", "h5") and self.renderer.shift:
                el.tag = f"h{min(6, int(el.tag[1]) + self.renderer.shift)}"
            if el.tag == "a" and el.get("href") is not None:
                self._link(el, page, key)
            if el.tag == "img" and el.get("src"):
                self._image(el, page)
        for el in list(root.iter()):
            if el.tag == "textarea":
                el.tag = "div"
                for attr in list(el.attrib):
                    del el.attrib[attr]
                el.set("class", "schrijfruimte")
                el.text = None
                for _ in range(int(self.renderer.lines)):
                    etree.SubElement(el, "div", {"class": "lijn"})
            elif el.tag == "details":
                el.tag = "div"
                el.set("class", ((el.get("class") or "") + " uitgeklapt").strip())
                el.attrib.pop("open", None)
            elif el.tag == "summary":
                el.tag = "p"
                el.set("class", "samenvatting")
        for el in list(root.iter()):
            if el.tag == "div" and "nk-transcript" in _classes(el) and not any("nk-body" in _classes(c) for c in el):
                parent = parents.get(el)
                if parent is not None:
                    _remove_keep_tail(parent, el)

    def _link(self, el: etree.Element, page: str, key: str) -> None:
        href = el.get("href") or ""
        if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
            if href.startswith(("http://", "https://")):
                el.set("class", ((el.get("class") or "") + " extern").strip())
            return
        path, _, fragment = href.partition("#")
        if not path:
            target_key = key
        elif path.endswith((".md", "/")):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path + ("index.md" if path.endswith("/") else "")))
            target_key = page_key(target)
        else:  # a file (a worksheet PDF, say): its relative address means nothing on paper
            del el.attrib["href"]
            return
        el.set("href", f"#{target_key}--{fragment}" if fragment else f"#{target_key}")
        el.set("class", ((el.get("class") or "") + " intern").strip())

    def _image(self, el: etree.Element, page: str) -> None:
        src = el.get("src") or ""
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I):
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), src))
        file = self.renderer.docs / target
        if file.is_file():
            el.set("src", file.resolve().as_uri())
        else:  # a generated image: keep the words, drop the picture
            el.tag = "span"
            el.text = el.get("alt") or ""
            for attr in list(el.attrib):
                del el.attrib[attr]


def _remove_keep_tail(parent: etree.Element, el: etree.Element) -> None:
    """Remove ``el`` but keep the text that follows it."""
    if el.tail and el.tail.strip():
        index = list(parent).index(el)
        if index:
            prev = parent[index - 1]
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


class PrintRenderer:
    """Render course Markdown for print with the site's own extensions.

    ``extensions`` and ``configs`` are the site's Markdown configuration (mkdocs.yml); permalinks are
    switched off because paper has no use for them.
    """

    def __init__(self, extensions: list, configs: dict, docs_dir: Path):
        configs = copy.deepcopy(configs)
        if "toc" in configs:
            configs["toc"]["permalink"] = False
        self.md = markdown.Markdown(extensions=list(extensions), extension_configs=configs)
        self.md.treeprocessors.register(_PrintTree(self.md, self), "nk-print", 1)
        self.docs = Path(docs_dir)
        self.current = ""
        self.shift = 0
        self.lines = WRITING_LINES

    def render(self, src_uri: str, text: str, *, shift: int = 0, lines: int = WRITING_LINES) -> str:
        """HTML of one page's Markdown; ``src_uri`` is its path in the site's sources."""
        before = current()
        self.current, self.shift, self.lines = src_uri, shift, lines
        set_page(src_uri, src_uri, re.sub(r"(index)?\.md$", "", src_uri))
        try:
            self.md.reset()
            return self.md.convert(strip_front_matter(text))
        finally:
            set_page(before.src_path, before.src_uri, before.url)
