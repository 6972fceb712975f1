"""One error type for every content mistake, so the build can name file, field and fix."""
from __future__ import annotations

import re


class ContentError(Exception):
    """A content file does not match what the course engine expects.

    The message always reads ``file[:line]: field: what was expected`` so that an author
    can go straight to the spot.
    """

    def __init__(self, path: str, problem: str, *, field: str | None = None, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.field = field
        self.line = line
        where = self.path if line is None else f"{self.path}:{line}"
        what = problem if field is None else f"field '{field}': {problem}"
        super().__init__(f"{where}: {what}")


class ContentErrors(ContentError):
    """Several content mistakes found in one pass, reported together."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        Exception.__init__(self, "\n".join(str(e) for e in errors))
        self.path = errors[0].path
        self.problem = errors[0].problem
        self.field = errors[0].field
        self.line = errors[0].line


def raise_all(errors: list[ContentError]) -> None:
    """Raise the collected errors, if any, as one exception."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrors(errors)


# ---------------------------------------------------------------------------- reading files

SAVE_AS_UTF8 = "save the file as UTF-8 (in your editor: 'Save as', encoding 'UTF-8')"


def read_text(path, root=None) -> str:
    """A content file's text; a file that is not UTF-8 fails with its line, byte and what to do."""
    from pathlib import Path

    path = Path(path)
    shown = path.relative_to(root).as_posix() if root is not None and path.is_relative_to(root) else str(path)
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        guess = data[exc.start:exc.start + 1].decode("cp1252", errors="replace")
        looks = f" ('{guess}' in Windows-1252)" if guess != "\ufffd" else ""
        raise ContentError(shown, f"is not UTF-8 text: byte 0x{byte:02X}{looks} at column {column}: {SAVE_AS_UTF8}",
                           line=line) from None


# ---------------------------------------------------------------------------- YAML mistakes

def explain_yaml(exc, text: str) -> tuple[int | None, str]:
    """(line, message) for a YAML syntax error: the common mistakes in one plain sentence, plus
    the parser's own words for whoever wants them."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return None, f"invalid YAML: {problem}"
    lines = text.splitlines()
    here = lines[mark.line] if mark.line < len(lines) else ""
    before = here[:mark.column]
    plain = None
    if "'\\t'" in problem or "\t" in here[:mark.column + 1]:
        plain = "there is a tab character here: YAML indents with spaces only, so replace the tab with spaces"
    elif problem.startswith("mapping values are not allowed"):
        if re.search(r":\s", before):
            plain = ("a colon followed by a space inside a text: put the whole text in double quotes, or write "
                     "'>-' after the field name and the text on the next line, indented")
        else:
            plain = ("this line is indented differently from the fields around it: fields at the same level start "
                     "in the same column (use spaces, two per level)")
    elif problem.startswith("expected <block end>") and ("block sequence start" in problem or "block mapping start" in problem):
        plain = ("this line is indented differently from the lines around it: items at the same level start in the "
                 "same column (list items with '- ', fields with 'name:')")
    elif problem.startswith("expected <block end>, but found '<scalar>'"):
        plain = ("text goes on after a closing quote: a text that starts with a quote must end with it; put the whole "
                 "text in double quotes, or use '>-' and write it on the next line")
    elif problem.startswith("could not find expected ':'"):
        plain = ("a line without 'field:': a text that goes on over several lines must be indented under its field "
                 "(or use '>-'), and every field name ends with a colon")
    elif "found unexpected end of stream" in problem and "quoted" in (getattr(exc, "context", "") or ""):
        mark = getattr(exc, "context_mark", None) or mark
        plain = "a quote opens here but is never closed: add the closing quote at the end of the text"
    elif problem.startswith("expected ',' or ']'") or problem.startswith("expected ',' or '}'"):
        plain = ("a list between square brackets breaks on this character: write the list as lines that start "
                 "with '- ', one item per line")
    elif problem.startswith("sequence entries are not allowed"):
        plain = "a list item '- ' cannot follow a field on the same line: put each item on its own line, indented under the field"
    elif re.match(r"found character '[@`%]' that cannot start any token", problem):
        plain = "a text cannot start with this character: put the whole text in double quotes"
    column = f"column {mark.column + 1}"
    if plain is None:
        return mark.line + 1, f"invalid YAML at {column}: {problem}"
    return mark.line + 1, f"invalid YAML at {column}: {plain} (YAML parser: {problem})"
