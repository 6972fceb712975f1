"""Map a broken link in a rendered page back to the file and line an author edits.

The link check works on HTML; authors edit Markdown and YAML. For each rendered page the build
keeps a ``PageSource``: the Markdown file it came from (if any). A broken URL is looked up, as it
was written, first in that file, then in the course's data files (module.yml, exercises,
catalogues), whose text reaches pages through components and generated pages. It works for any
component and any generated page, because it only needs the URL text, not who produced it.
"""
from __future__ import annotations

import difflib
import posixpath
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from .course import CATALOG_DIR, EXERCISES_DIR, MODULES_DIR
from .errors import read_text
from .linkcheck import Broken

# Data files whose text reaches pages; plus every YAML file in the folders the build watches
# (a new kind of course data adds its folder there, and its links are found too).
DATA_GLOBS = (f"{MODULES_DIR}/*/module.yml", f"{EXERCISES_DIR}/*.yml", f"{CATALOG_DIR}/*.yml")


@dataclass(frozen=True)
class PageSource:
    """Where a rendered page comes from."""

    path: str | None  # repo-relative Markdown file, or None for a page the engine generates
    src_uri: str  # the page's path among the site sources, e.g. "modules/01-x/index.md"


@dataclass(frozen=True)
class Located:
    file: str
    line: int | None
    message: str
    pages: tuple[str, ...]

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        also = f" (on {len(self.pages)} pages)" if len(self.pages) > 1 else ""
        return f"{where}: {self.message}{also}"


def _needles(url: str) -> list[str]:
    """Spellings of ``url`` an author may have written, most specific first."""
    parts = urllib.parse.urlsplit(url)
    found = [url, urllib.parse.unquote(url)]
    if parts.fragment:
        found.append(f"#{parts.fragment}")
        found.append(f"#{urllib.parse.unquote(parts.fragment)}")
    elif parts.path:
        found.append(parts.path.rstrip("/"))
    return [n for n in dict.fromkeys(found) if n and n not in ("#", "/")]


def _find(text: str, needles: list[str]) -> tuple[int, str] | None:
    """Line (1-based) of the first needle in a link-like spot of ``text``, and the link as written there."""
    for needle in needles:
        before = "" if needle.startswith("#") else r"(?:\]\(|\]:\s*|<|=\s*[\"']?|\(|\s|^)"  # a fragment ends a path
        match = re.search(before + re.escape(needle) + r"(?=[\s)\"'>#{]|$)", text, re.M)
        if match:
            start = match.end() - len(needle)
            left = max(text.rfind(c, 0, start) for c in "(\"'<= \n\t") + 1
            right = re.compile(r"[\s)\"'>]|$", re.M).search(text, match.end())
            return text.count("\n", 0, start) + 1, text[left:right.start()]
    return None


class SourceMap:
    """Turns ``linkcheck.Broken`` items into messages at the author's file and line."""

    def __init__(self, root: Path, pages: dict[str, PageSource], site_sources: list[str], data_dirs=()):
        self.root = Path(root)
        self.pages = pages  # built page (site-relative HTML path) -> source
        self.site_sources = site_sources  # src_uri of every file in the site, for suggestions
        self.data_dirs = [Path(d) for d in data_dirs]  # more folders of data files (the build's watched folders)
        self._data: list[tuple[str, str]] | None = None
        self._texts: dict[str, str] = {}

    def _text(self, rel: str) -> str:
        if rel not in self._texts:
            self._texts[rel] = read_text(self.root / rel, self.root)
        return self._texts[rel]

    def _data_files(self) -> list[tuple[str, str]]:
        if self._data is None:
            paths = {p for pattern in DATA_GLOBS for p in self.root.glob(pattern)}
            paths |= {p for d in self.data_dirs if d.is_dir() and d.resolve().is_relative_to(self.root.resolve())
                      for p in d.rglob("*") if p.suffix in (".yml", ".yaml")}
            paths = sorted(p.resolve() for p in paths)
            base = self.root.resolve()
            self._data = [(p.relative_to(base).as_posix(), self._text(p.relative_to(base).as_posix())) for p in paths]
        return self._data

    def locate(self, broken: Broken) -> tuple[str, int | None, str]:
        """(file, line, the link as written there) of a broken link."""
        source = self.pages.get(broken.page)
        needles = _needles(broken.url)
        if source and source.path:
            found = _find(self._text(source.path), needles)
            if found:
                return source.path, *found
        for rel, text in self._data_files():
            found = _find(text, needles)
            if found:
                return rel, *found
        if source and source.path:
            return source.path, None, broken.url
        return broken.page, broken.line, broken.url

    def hint(self, broken: Broken, ids: dict[str, set[str]], file: str) -> str:
        """What to do, in one clause. ``file`` is where the link was found."""
        source = self.pages.get(broken.page)
        if broken.kind == "anchor":
            close = difflib.get_close_matches(broken.fragment, sorted(ids.get(broken.target, ())), n=1, cutoff=0.6)
            target = self.pages.get(broken.target)
            where = f"'{target.src_uri}'" if target else f"the page {broken.target}"
            text = (f"{where} has no heading or id '{broken.fragment}': link to a heading by its id "
                    "(shown by the # after the heading on the page) or give it one with '{ #id }'")
            return text + (f"; did you mean '#{close[0]}'?" if close else "")
        if broken.kind == "link" and source and file != source.path:
            return (f"no page or file there: this text is shown on {source.src_uri}, and a link in it is relative to "
                    "the page that shows it (text from a data file can appear on several pages: link to a site "
                    "page from a Markdown page instead)")
        if broken.kind == "link":
            text = "no page or file there: a link is relative to the Markdown file it is in"
            if source:
                wanted = posixpath.normpath(posixpath.join(posixpath.dirname(source.src_uri),
                                                           urllib.parse.unquote(urllib.parse.urlsplit(broken.url).path)))
                candidates = [s for s in self.site_sources if posixpath.basename(s) == posixpath.basename(wanted)]
                candidates = candidates or difflib.get_close_matches(wanted, self.site_sources, n=1, cutoff=0.75)
                if candidates:
                    text += f"; did you mean '{posixpath.relpath(candidates[0], posixpath.dirname(source.src_uri) or '.')}'?"
            return text
        return ""

    def messages(self, broken: list[Broken], ids: dict[str, set[str]]) -> list[Located]:
        """One message per (file, line, URL), however many pages show that link."""
        grouped: dict[tuple[str, int | None, str], list[Broken]] = {}
        for item in broken:
            grouped.setdefault(self.locate(item), []).append(item)
        out = []
        for (file, line, url), items in grouped.items():
            first = items[0]
            kind = {"anchor": "broken anchor", "link": "broken link"}.get(first.kind)
            message = f"{kind} '{url}'" if kind else first.problem
            hint = self.hint(first, ids, file)
            if hint:
                message += f": {hint}"
            if line is None and file != first.page:
                message += f" (the engine wrote this link into the built page {first.page}, line {first.line})"
            out.append(Located(file, line, message, tuple(dict.fromkeys(b.page for b in items))))
        return sorted(out, key=lambda m: (m.file, m.line or 0))
