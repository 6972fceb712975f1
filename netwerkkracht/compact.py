"""Lighter pages: what the browser downloads on every page, without the bytes it does not need.

Measured with ``dev.sh benchmark`` against bare Material (issue 12): Material's templates indent
every menu item, so a third of a page's HTML was whitespace; the palette stylesheet carries the
colours of all 19 named palettes while this site uses its own; and the site's own scripts and
styles were shipped with their comments. Each function here is a pure text transformation.
"""
from __future__ import annotations

import re

# Elements whose whitespace is content (or CSS keeps it: Material sets `white-space: pre-wrap` on code).
_KEEP = re.compile(r"<(pre|textarea|script|style|code)\b.*?</\1\s*>", re.S | re.I)
_RUN = re.compile(r"[ \t\r]*\n\s*")


def collapse_whitespace(html: str) -> str:
    """Every run of whitespace that holds a line break becomes one line break, outside the elements
    where whitespace matters. A browser renders both the same way (one space between words)."""
    out, last = [], 0
    for match in _KEEP.finditer(html):
        out.append(_RUN.sub("\n", html[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_RUN.sub("\n", html[last:]))
    return "".join(out)


def _rules(css: str) -> list[str]:
    """Top-level rules and at-rules of a stylesheet, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start:index + 1].strip())
                start = index + 1
    return rules


_NAMED_COLOUR = re.compile(r"\[data-md-color-(?:primary|accent)=(?!custom\])[\w-]+\]")


def trim_palette(css: str) -> str:
    """Material's palette stylesheet without the rules for named primary and accent colours.

    With ``primary: custom`` and ``accent: custom`` the site defines its colours itself; what stays
    is the dark scheme (slate) and the rules that do not depend on a named colour.
    """
    kept = []
    for rule in _rules(css):
        head, _, body = rule.partition("{")
        if head.lstrip().startswith("@"):
            inner = [r for r in _rules(body[:-1]) if not _only_named(r)]
            if inner:
                kept.append(head.strip() + "{" + "".join(inner) + "}")
        elif not _only_named(rule):
            kept.append(rule)
    return "".join(kept) + "\n"


def _only_named(rule: str) -> bool:
    """True when every selector of the rule applies only under a named colour palette."""
    selectors = rule.partition("{")[0].split(",")
    return all(_NAMED_COLOUR.search(s) for s in selectors)


def minify(name: str, text: str) -> str:
    """A script or stylesheet without comments and needless whitespace (rjsmin, rcssmin)."""
    if name.endswith((".js", ".mjs")):
        from rjsmin import jsmin

        return jsmin(text) + "\n"
    if name.endswith(".css"):
        from rcssmin import cssmin

        return cssmin(text) + "\n"
    return text
