"""Measure a built site page by page: bytes of HTML, CSS, JS, fonts and images each page loads.

Shared by the benchmark script and the page-budget gate so both count the same way.
"""
from __future__ import annotations

import posixpath
import statistics
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

KINDS = ("html", "css", "js", "fonts", "images")
_EXT = {
    ".css": "css", ".js": "js", ".mjs": "js",
    ".woff": "fonts", ".woff2": "fonts", ".ttf": "fonts", ".otf": "fonts",
    ".png": "images", ".jpg": "images", ".jpeg": "images", ".svg": "images", ".gif": "images", ".webp": "images",
}


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "img" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and "icon" in (a.get("rel") or "") and a.get("href"):
            self.urls.append(a["href"])


@dataclass
class PageWeight:
    page: str
    bytes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    external: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.bytes.values())


def measure_site(site: Path) -> list[PageWeight]:
    """Weight of every HTML page (404 excluded) with the local assets it references."""
    site = Path(site)
    weights = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        weight = PageWeight(rel)
        weight.bytes["html"] = path.stat().st_size
        parser = _Assets()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        for url in dict.fromkeys(parser.urls):
            parts = urllib.parse.urlsplit(url)
            if parts.scheme or url.startswith("//"):
                if parts.scheme in ("http", "https") or url.startswith("//"):
                    weight.external.append(url)
                continue
            target = site / posixpath.normpath(posixpath.join(posixpath.dirname(rel), urllib.parse.unquote(parts.path)))
            if target.is_file():
                kind = _EXT.get(target.suffix.lower())
                if kind:
                    weight.bytes[kind] += target.stat().st_size
        weights.append(weight)
    return weights


def summary(weights: list[PageWeight]) -> dict[str, dict[str, float]]:
    """Median and largest bytes per page for each kind and in total."""
    out = {}
    for kind in (*KINDS, "total"):
        values = [w.total if kind == "total" else w.bytes[kind] for w in weights] or [0]
        out[kind] = {"median": statistics.median(values), "max": max(values)}
    return out


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"
