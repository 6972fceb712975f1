"""What a reader sees of a Markdown or YAML source, with every line kept in its place.

The citation and study-time checks read sources, not built pages, so that a problem is named by
file and line. Markup that a reader never sees (front matter, code, HTML tags, link targets, URLs,
attribute lists, block fences) is blanked with spaces: offsets and line numbers stay the same.
"""
from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]*(```+|~~~+).*?^[ \t]*\1[ \t]*$", re.S | re.M)
_MASKS = [
    re.compile(r"<!--.*?-->", re.S),  # HTML comments
    re.compile(r'<div[^>]*\bclass="[^"]*\bnk-bronnen(?:lijst)?\b[^"]*"[^>]*>.*?</div>', re.S),  # a reference list
    re.compile(r"`+[^`\n]*`+"),  # inline code
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link targets: ](url "title")
    re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.M),  # reference link definitions
    re.compile(r"</?[A-Za-z][^<>]*>"),  # HTML tags and autolinks <https://...>
    re.compile(r"\bhttps?://\S+"),  # bare URLs
    re.compile(r"\{[ \t]*[#.:][^}\n]*\}"),  # attribute lists { #id .class }
    re.compile(r"^[ \t]*/{3,}[ \t]*[A-Za-z][\w-]*[ \t]*\|?", re.M),  # block openings "/// name |"
    re.compile(r"^[ \t]*/{3,}[ \t]*$", re.M),  # block closings
    re.compile(r"[*\[\]]"),  # emphasis and link brackets
]


def blank(text: str) -> str:
    """Spaces for every character except line breaks."""
    return re.sub(r"[^\n]", " ", text)


def mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: blank(m.group(0)), text)


def front_matter_span(text: str) -> int:
    """Length of the YAML front matter at the start of ``text`` (0 if there is none)."""
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0


def visible_markdown(text: str) -> str:
    """The reader's text of a Markdown page, same length and line structure as ``text``."""
    end = front_matter_span(text)
    out = blank(text[:end]) + text[end:]
    out = mask(out, _FENCE)
    for pattern in _MASKS:
        out = mask(out, pattern)
    return out


def visible_yaml(text: str, keys: set[str] | None = None) -> str:
    """The text of a YAML file, optionally only under the given top-level keys, URLs blanked."""
    if keys is not None:
        lines, current = [], None
        for line in text.split("\n"):
            top = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
            if top:
                current = top.group(1)
            lines.append(line if current in keys else blank(line))
        text = "\n".join(lines)
    return mask(text, re.compile(r"\bhttps?://\S+"))


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’-]*")


def count_words(text: str) -> int:
    return len(WORD.findall(text))
