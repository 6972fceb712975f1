"""The prose a reader sees on a built page: for spelling checks and readability figures.

Code, URLs, citations (English titles, author names) and the navigation are left out.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

SKIP_TAGS = {"code", "pre", "script", "style", "cite", "svg", "noscript", "kbd", "samp"}
SKIP_CLASSES = {"nk-bronnen", "nk-bronnenlijst", "headerlink", "nk-no-spell", "md-source", "jp-OutputArea"}
INLINE = {"a", "abbr", "b", "em", "i", "strong", "span", "sub", "sup", "small", "mark", "q", "s", "u", "del", "ins", "time", "dfn"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")


class _Article(HTMLParser):
    """Collects text inside <article>, skipping code, citations and marked containers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article> when > 0
        self.stack: list[bool] = []  # per open element: does it start a skipped region?
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag not in INLINE:
            self.parts.append(" ")  # a block boundary separates words; inline tags do not
        if tag in VOID or not self.depth:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self.stack.append(skip)
        self.skipping += skip

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.parts.append(" ")
        if tag == "article":
            self.depth = max(0, self.depth - 1)
            return
        if tag in VOID or not self.depth or not self.stack:
            return
        self.skipping -= self.stack.pop()

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = _Article()
    parser.feed(html)
    text = "".join(parser.parts)
    text = URL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def course_pages(site: Path) -> dict[str, str]:
    """Text of every content page of a built site (generated search/404 pages excluded)."""
    pages = {}
    for path in sorted(Path(site).rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("search/", "assets/")):
            continue
        text = article_text(path.read_text(encoding="utf-8"))
        if text:
            pages[rel] = text
    return pages
