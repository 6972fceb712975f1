"""No English interface text in the built site (issue 11): the theme, the notebook template and
the search index are all Dutch. Scans every HTML page of the real site and the search index for
known English theme strings, in text and in the attributes a reader or screen reader meets."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# Strings Material, mkdocs-jupyter and the search plugin write when a translation is missing.
ENGLISH = [
    "Copied!", "Copy to clipboard", "Copy to Clipboard", "404 - Not found", "Not found", "Skip to content",
    "Back to top", "Type to start searching", "Initializing search", "No matching documents",
    "matching document", "Table of contents", "Previous", "Next", "Made with", "Last update", "Edit this page",
    "View source of this page", "Go to repository", "Share", "Clear", "Search", "Header", "Footer",
    "Navigation", "Tabs", "Authors", "Contributors", "Created", "Select language", "Select version",
]
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "value")
_SKIP = {"script", "style", "code", "pre"}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        for name, value in attrs:
            if name in ATTRIBUTES and value:
                self.found.append(value.strip())

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.found.append(data.strip())


def _hits(strings) -> set[str]:
    hits = set()
    for s in strings:
        for word in ENGLISH:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", s):
                hits.add(word)
    return hits


def _translations(html: str) -> list[str]:
    match = re.search(r'"translations":\s*(\{.*?\})', html)
    return list(json.loads(match.group(1)).values()) if match else []


def test_no_english_theme_strings_in_the_built_site(real_site):
    problems = []
    for path in sorted(real_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        reader = _Reader()
        reader.feed(html)
        hits = _hits(reader.found) | _hits(_translations(html))
        if hits:
            problems.append(f"{path.relative_to(real_site)}: {sorted(hits)}")
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        hits = _hits([doc["title"], doc["text"]]) & {"Copied!", "Copy to clipboard", "Copy to Clipboard"}
        if hits:
            problems.append(f"search index, {doc['location']}: {sorted(hits)}")
    assert not problems, "English interface text:\n" + "\n".join(problems[:40])


def test_the_scan_finds_english_text():
    reader = _Reader()
    reader.feed('<nav aria-label="Header"><p>Copied!</p><script>var x = "Search";</script></nav>')
    assert _hits(reader.found) == {"Header", "Copied!"}
