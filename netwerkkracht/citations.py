"""In-text citations, checked against the sources of the module or page that makes them.

What counts as a citation, on the text a reader sees (see ``sourcetext``):

- parenthetical: ``(Name, year)``; several joined with ``;`` (``(A, 2017; B, z.d.)``); one name
  with several years (``(SAM, 2021, z.d.-a)``); a locator after the year (``, p. 12``); words
  before the name (``(zie ook Nuyts, 2017)``);
- narrative: ``Name (year)`` or ``Name (year, year)``, where Name is the run of words right
  before the bracket (``Van Hootegem en De Boe (2017)``).

A year is ``2017``, ``2017a``, ``z.d.`` or ``z.d.-a``. A name is a source's ``cite_as`` or the
surnames from its ``author``: one (``Granovetter``), two joined with ``&`` (``Tracy & Whittaker``)
or the first followed by ``et al.`` (three or more). Matching ignores case and treats ``en`` as
``&`` and ``e.a.`` as ``et al.``. A bracketed year after a lower-case word (``in de periode
(2018)``) and a year without brackets (``in 2018 was``) are prose, not citations; ``z.d.`` or a
lettered year (``2017a``) outside a well-formed citation is reported as malformed.

Each citation must match exactly one source (name, year and letter); each source must be cited at
least once. Every problem is a ContentError with file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ContentError
from .schema import Source
from .sourcetext import line_of

YEAR = r"(?:\d{4}[a-z]?|z\.\s?d\.(?:-[a-z])?)"
YEARS = rf"{YEAR}(?:\s*,\s*{YEAR})*"
LOCATOR = r"(?:p|pp|blz|hfst|par|nr)\.\s*\w+(?:\s*[-–]\s*\w+)?"
_PAREN = re.compile(r"\(([^()]*)\)")
_NARRATIVE = re.compile(rf"^\s*(?P<years>{YEARS})(?:\s*,\s*{LOCATOR})?\s*$")
_PART = re.compile(rf"^\s*(?P<name>.*?[^\s,]),\s*(?P<years>{YEARS})(?:\s*,\s*{LOCATOR})?\s*$", re.S)
_NO_COMMA = re.compile(rf"(?:^|\s)[A-ZÀ-Ý][^\s,]*\s+{YEAR}\s*$")
_STRAY = re.compile(r"\bz\.\s?d\.(?:-[a-z])?|\b(?:1[5-9]|20)\d{2}[a-z]\b")

PARTICLES = {"van", "de", "der", "den", "het", "te", "ter", "ten", "von", "la", "le", "du", "da", "di", "del", "des", "'t"}
CONNECTORS = {"&", "en", "et", "al.", "al", "e.a.", "vzw"}
_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]?\.[\s-]*)+$")
_EDITOR = re.compile(r"\s*\((?:red|reds|ed|eds)\.\)\s*$", re.I)
_QUOTES = "\"'“”‘’„«»,:;!?"
MAX_CANDIDATES = 6


# ---------------------------------------------------------------------------- names and years

def default_name(author: str) -> str:
    """The name a source is cited by when it has no ``cite_as``: surnames, or the whole author."""
    text = _EDITOR.sub("", author).strip()
    surnames = _surnames(text)
    if not surnames:
        return text  # an organisation: cited by its full name unless it has a cite_as
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} & {surnames[1]}"
    return f"{surnames[0]} et al."


def _surnames(text: str) -> list[str]:
    """Surnames of 'Surname, I., Surname, I. & Surname, I.'; empty when it is not a list of people."""
    parts = [p.strip() for p in re.split(r"[,&]", text) if p.strip()]
    if len(parts) < 2 or len(parts) % 2:
        return []
    names = []
    for surname, initials in zip(parts[::2], parts[1::2]):
        if not _INITIALS.match(initials) or not surname[:1].isupper():
            return []
        names.append(surname)
    return names


def cite_name(source: Source) -> str:
    return getattr(source, "cite_as", None) or default_name(source.author)


def norm_name(name: str) -> str:
    text = name.replace("’", "'")
    text = re.sub(r"\be\.\s?a\.?(?=\s|$)", "et al.", text)
    text = re.sub(r"\s+en\s+", " & ", text)
    text = re.sub(r"\s*&\s*", " & ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    return text.casefold()


def norm_year(year: object) -> str:
    return re.sub(r"z\.\s?d\.", "z.d.", str(year).strip().lower())


def bare_year(year: str) -> str:
    """The year without its letter: 2017a -> 2017, z.d.-b -> z.d."""
    return re.sub(r"(?<=\d{4})[a-z]$|(?<=z\.d\.)-[a-z]$", "", year)


def letters_for(year: str) -> str:
    base = bare_year(year)
    return f"{base}-a, {base}-b" if base == "z.d." else f"{base}a, {base}b"


# ---------------------------------------------------------------------------- finding citations

@dataclass(frozen=True)
class Citation:
    path: str
    line: int
    name: str  # the name as written
    year: str  # normalised year as written
    text: str  # the whole citation as written, for messages
    known: str | None = None  # the normalised known name it was matched to, if any


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str


def _tokens(before: str) -> list[tuple[int, str]]:
    """The last words before a bracket, with their offsets, cleaned of quotes and commas."""
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", before)][-8:]
    return [(pos, word.strip(_QUOTES)) for pos, word in words]


def _name_like(word: str) -> bool:
    low = word.casefold()
    return bool(word) and (word[:1].isupper() or low in PARTICLES or low in CONNECTORS)


def _match_name(words: list[tuple[int, str]], known: set[str]) -> tuple[int, str, str | None] | None:
    """(offset, name as written, known name) for the longest run of final words that is a known
    name; else the final run of name-like words (known name None); None if the last word is prose."""
    for k in range(len(words), 0, -1):
        tail = words[-k:]
        written = " ".join(w for _, w in tail)
        if norm_name(written) in known:
            return tail[0][0], written, norm_name(written)
    run: list[tuple[int, str]] = []
    for pos, word in reversed(words):
        if not _name_like(word):
            break
        run.insert(0, (pos, word))
    while run and (run[0][1].casefold() in CONNECTORS or run[0][1] in PARTICLES):  # "de Vlaamse ..." starts at "Vlaamse"
        run.pop(0)
    if not run or not (run[-1][1][:1].isupper() or run[-1][1].casefold() in {"al.", "e.a.", "vzw"}):
        return None
    if not any(w[:1].isupper() for _, w in run):
        return None
    return run[0][0], " ".join(w for _, w in run), None


def _years(text: str) -> list[str]:
    return [norm_year(y) for y in re.findall(YEAR, text)]


def find_citations(visible: str, path: str, known: set[str]) -> tuple[list[Citation], list[Problem]]:
    """Every citation in a reader's text, plus citation-like text that is not well formed."""
    found: list[Citation] = []
    problems: list[Problem] = []
    spans: list[tuple[int, int]] = []
    for paren in _PAREN.finditer(visible):
        inner = paren.group(1)
        if _NARRATIVE.match(inner):
            start = max(0, paren.start() - 240)
            words = [(start + pos, w) for pos, w in _tokens(visible[start:paren.start()])]
            hit = _match_name(words, known)
            if hit is None:
                continue
            pos, written, matched = hit
            text = " ".join(visible[pos:paren.end()].split())
            for year in _years(_NARRATIVE.match(inner).group("years")):
                found.append(Citation(path, line_of(visible, pos), written, year, text, matched))
            spans.append((pos, paren.end()))
            continue
        offset = paren.start(1)
        for part in inner.split(";"):
            match = _PART.match(part)
            if match and re.search(r"[A-Za-zÀ-ÿ]", match.group("name")):
                name_start = offset + match.start("name")
                words = [(name_start + m.start(), m.group(0).strip(_QUOTES))
                         for m in re.finditer(r"\S+", match.group("name"))]
                hit = _match_name(words, known)
                if hit is not None:
                    pos, written, matched = hit
                    text = "(" + " ".join(part.split()) + ")"
                    for year in _years(match.group("years")):
                        found.append(Citation(path, line_of(visible, pos), written, year, text, matched))
                    spans.append((offset, offset + len(part)))
            elif _NO_COMMA.search(part):
                problems.append(Problem(path, line_of(visible, offset), (
                    f"'({' '.join(part.split())})' looks like a citation without a comma: write it as (Name, year)")))
                spans.append((offset, offset + len(part)))
            offset += len(part) + 1
    for stray in _STRAY.finditer(visible):
        if not any(a <= stray.start() < b for a, b in spans):
            around = " ".join(visible[max(0, stray.start() - 30):stray.end() + 5].split())
            problems.append(Problem(path, line_of(visible, stray.start()), (
                f"'{stray.group(0)}' in '…{around}…' is not part of a well-formed citation: "
                "write (Name, year) or Name (year)")))
    return found, problems


# ---------------------------------------------------------------------------- checking a set of pages

@dataclass(frozen=True)
class SourceEntry:
    index: int
    source: Source
    name: str
    year: str
    line: int | None

    @property
    def label(self) -> str:
        title = self.source.title if len(self.source.title) <= 60 else self.source.title[:57] + "…"
        return f"{self.name} ({self.year}) “{title}”"


def source_lines(text: str, key: str = "sources") -> list[int]:
    """Line numbers of the list items under a top-level ``key`` of a YAML text (module.yml or front matter)."""
    lines = text.split("\n")
    numbers, inside, indent = [], False, None
    for number, line in enumerate(lines, start=1):
        if re.match(r"^[A-Za-z_][\w-]*\s*:", line):
            inside = line.split(":", 1)[0].strip() == key
            continue
        if not inside:
            continue
        item = re.match(r"^(\s*)-(\s|$)", line)
        if item and (indent is None or len(item.group(1)) == indent):
            indent = len(item.group(1))
            numbers.append(number)
    return numbers


def check_citations(sources_path: str, sources: list[Source], lines: list[int],
                    texts: list[tuple[str, str]], scope: str) -> list[ContentError]:
    """Match every citation in ``texts`` ((path, visible text) pairs) to ``sources``.

    ``scope`` names the pages in messages ("the module's pages"). Errors: unresolvable and
    ambiguous citations, malformed citation-like text, sources cited by the same name and year,
    and sources never cited.
    """
    entries = [SourceEntry(i, s, cite_name(s), norm_year(s.year), lines[i] if i < len(lines) else None)
               for i, s in enumerate(sources)]
    known = {norm_name(e.name) for e in entries}
    errors: list[ContentError] = []
    seen: dict[tuple[str, str], SourceEntry] = {}
    for entry in entries:
        key = (norm_name(entry.name), entry.year)
        if key in seen:
            errors.append(ContentError(sources_path, (
                f"sources[{seen[key].index}] and sources[{entry.index}] are both cited as '{entry.name} ({entry.year})': "
                f"give them letters ({letters_for(entry.year)}) in 'year' and in the text, or a distinct 'cite_as'"),
                field=f"sources[{entry.index}]", line=entry.line))
        seen.setdefault(key, entry)
    used: set[int] = set()
    for path, visible in texts:
        citations, problems = find_citations(visible, path, known)
        errors.extend(ContentError(p.path, p.message, line=p.line) for p in problems)
        for citation in citations:
            errors.extend(_resolve(citation, entries, used, sources_path))
    for entry in entries:
        if entry.index not in used:
            errors.append(ContentError(sources_path, (
                f"source {entry.label} is never cited on {scope}: cite it as ({entry.name}, {entry.year}) "
                f"or {entry.name} ({entry.year}), or remove it"
                + ("; an organisation gets a short 'cite_as' (e.g. its abbreviation)"
                   if not getattr(entry.source, "cite_as", None) and not _surnames(_EDITOR.sub("", entry.source.author))
                   and ("," in entry.name or "(" in entry.name or len(entry.name.split()) > 3) else "")),
                field=f"sources[{entry.index}]", line=entry.line))
    return errors


def _resolve(citation: Citation, entries: list[SourceEntry], used: set[int], sources_path: str) -> list[ContentError]:
    name = citation.known or norm_name(citation.name)
    exact = [e for e in entries if norm_name(e.name) == name and e.year == citation.year]
    if len(exact) == 1:
        used.add(exact[0].index)
        return []
    where = citation.path
    if len(exact) > 1:
        used.update(e.index for e in exact)
        return [ContentError(where, (
            f"citation '{citation.text}' is ambiguous: {len(exact)} sources in {sources_path} are "
            f"'{exact[0].name} ({citation.year})': {'; '.join(e.label for e in exact)}; "
            f"give them letters ({letters_for(citation.year)})"), line=citation.line)]
    lettered = [e for e in entries if norm_name(e.name) == name and bare_year(e.year) == bare_year(citation.year)]
    if len(lettered) > 1 and citation.year == bare_year(citation.year):
        used.update(e.index for e in lettered)
        return [ContentError(where, (
            f"citation '{citation.text}' is ambiguous: it fits {'; '.join(e.label for e in lettered)} "
            f"in {sources_path}: write the letter ({', '.join(e.year for e in lettered)})"), line=citation.line)]
    candidates = lettered or [e for e in entries if norm_name(e.name) == name] \
        or [e for e in entries if e.year == citation.year] or entries
    hint = ""
    named = [e for e in entries if not getattr(e.source, "cite_as", None)
             and re.match(re.escape(name) + r"\b", norm_name(e.source.author))]
    cited_words = set(name.split())
    if named and not citation.known:
        hint = f" (to cite {named[0].label} as '{citation.name}', give it 'cite_as: {citation.name}')"
    elif not citation.known and not citation.text.startswith("(") \
            and not any(cited_words & set(norm_name(e.name).split()) for e in candidates):
        hint = " (if this is not a citation, write the year without brackets)"
    if len(candidates) > MAX_CANDIDATES:
        candidates = candidates[:MAX_CANDIDATES]
        hint = "; …" + hint
    return [ContentError(where, (
        f"citation '{citation.text}' matches no source in {sources_path}; "
        f"candidates: {'; '.join(e.label for e in candidates)}{hint}"), line=citation.line)]
