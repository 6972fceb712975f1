"""Which page is being rendered: the one piece of state the Markdown components need.

Python-Markdown knows nothing of pages, yet a component must link to a tool's page relative
to the current one and name the page in its errors. The build glue calls ``set_page`` before
each page is converted; any other generator can do the same.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class PageContext:
    src_path: str = ""  # repo-relative source, e.g. "modules/01-x/index.md"
    src_uri: str = ""  # the page's path inside the site's sources, e.g. "modules/01-x/index.md"
    url: str = ""  # the page's URL relative to the site root, e.g. "modules/01-x/"

    def link_to_source(self, target_uri: str) -> str:
        """A link to another source file (``.md`` or asset), relative to this page's source."""
        base = posixpath.dirname(self.src_uri)
        return posixpath.relpath(target_uri, base or ".")

    def link_to_output(self, target: str) -> str:
        """A URL for an output file (e.g. a video) relative to this page's URL, for tags MkDocs does not rewrite."""
        base = self.url if self.url.endswith("/") or not self.url else posixpath.dirname(self.url) + "/"
        return posixpath.relpath(target, base.rstrip("/") or ".")


_current = PageContext()


def set_page(src_path: str, src_uri: str, url: str) -> None:
    global _current
    _current = PageContext(src_path, src_uri, url)


def current() -> PageContext:
    return _current
