"""A network map as data: the interactive map's JSON export format, read and checked in Python.

The format (written and read by ``overrides/assets/netwerkkaart*.js``, read by the analysis
notebook): ``{format: "netwerkkracht-netwerkkaart", version: 1, title, exported, people: [{id,
name, sector, ring, support: [...], reciprocity}]}``. The sectors, rings, kinds of support and
directions below are the interactive map's own lists (a test compares them with the script and
with the printed map in ``catalog/tools.yml``), so a worked example on a page and the same file
opened in the interactive map say the same thing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, raise_all

FORMAT = "netwerkkracht-netwerkkaart"
VERSION = 1
MAX_NAME = 20
EXAMPLES_DIR = "toolbox/voorbeelden"  # under docs/: where worked maps live, as <name>.json


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    short: str = ""
    formal: bool = False


SECTORS = (
    Option("huishouden", "Huishouden"),
    Option("familie", "Familie"),
    Option("vrienden", "Vrienden"),
    Option("buren", "Buren"),
    Option("kennissen-verenigingen", "Kennissen en verenigingen"),
    Option("school-werk", "School en werk", formal=True),
    Option("professionele-hulp", "Professionele hulp", formal=True),
)
RINGS = (Option("1", "Heel dichtbij"), Option("2", "Dichtbij"), Option("3", "Op afstand"))
SUPPORT = (
    Option("emotioneel", "Emotionele steun", "E"),
    Option("praktisch", "Praktische hulp", "P"),
    Option("informatie", "Informatie en advies", "I"),
    Option("gezelschap", "Gezelschap", "G"),
    Option("waardering", "Waardering", "W"),
)
RECIPROCITY = (
    Option("wederzijds", "Over en weer"),
    Option("krijgt", "De cliënt krijgt vooral"),
    Option("geeft", "De cliënt geeft vooral"),
    Option("onbekend", "Weet ik (nog) niet"),
)


def label(options: tuple[Option, ...], ident: object) -> str:
    return next(o.label for o in options if o.id == str(ident))


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    sector: str
    ring: int
    support: tuple[str, ...]
    reciprocity: str


@dataclass(frozen=True)
class NetworkMap:
    title: str
    people: tuple[Person, ...]

    def summary(self) -> str:
        """One sentence for a screen reader, in the same words as the interactive map's summary."""
        people = self.people
        who = f"Netwerkkaart{' van ' + self.title if self.title else ''}"
        if not people:
            return f"{who}: er staat nog niemand op."
        formal = sum(1 for p in people if next(s for s in SECTORS if s.id == p.sector).formal)
        rings = [sum(1 for p in people if p.ring == r) for r in (1, 2, 3)]
        mutual = sum(1 for p in people if p.reciprocity == "wederzijds")
        return (f"{who} met {len(people)} {'persoon' if len(people) == 1 else 'personen'}: {len(people) - formal} informeel, "
                f"{formal} formeel; {rings[0]} heel dichtbij, {rings[1]} dichtbij, {rings[2]} op afstand; "
                f"{mutual} met steun over en weer.")


def _ids(options: tuple[Option, ...]) -> str:
    return ", ".join(o.id for o in options)


def parse_map(data: object, path: str) -> NetworkMap:
    """Check ``data`` (a parsed JSON file) as the interactive map does; raise ContentError(s) naming the field."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ContentError(path, f"expected the network map's export format: an object with \"format\": \"{FORMAT}\"", field="format")
    if data.get("version") != VERSION:
        raise ContentError(path, f"expected version {VERSION}, got {data.get('version')!r}", field="version")
    title = data.get("title", "")
    errors: list[ContentError] = []
    if not isinstance(title, str) or len(title) > MAX_NAME:
        errors.append(ContentError(path, f"expected text of at most {MAX_NAME} characters", field="title"))
    people_data = data.get("people")
    if not isinstance(people_data, list):
        raise ContentError(path, "expected a list of people", field="people")
    people, seen = [], set()
    for index, item in enumerate(people_data):
        where = f"people[{index}]"
        problems = _person_problems(item)
        if not problems and item["id"] in seen:
            problems.append(("id", f"'{item['id']}' is used twice"))
        errors.extend(ContentError(path, text, field=f"{where}.{field}" if field else where) for field, text in problems)
        if problems:
            continue
        seen.add(item["id"])
        people.append(Person(item["id"], " ".join(item["name"].split()), item["sector"], item["ring"],
                             tuple(s.id for s in SUPPORT if s.id in item["support"]), item["reciprocity"]))
    raise_all(errors)
    return NetworkMap(" ".join(str(title).split()), tuple(people))


def _person_problems(item: object) -> list[tuple[str, str]]:
    if not isinstance(item, dict):
        return [("", "expected an object with id, name, sector, ring, support and reciprocity")]
    problems = []
    if not isinstance(item.get("id"), str) or not item["id"] or len(item["id"]) > 40:
        problems.append(("id", "expected a short text id"))
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(("name", "expected initials or a nickname"))
    elif len(name) > MAX_NAME:
        problems.append(("name", f"'{name}' is longer than {MAX_NAME} characters (the interactive map cuts it)"))
    if item.get("sector") not in {s.id for s in SECTORS}:
        problems.append(("sector", f"{item.get('sector')!r} is not one of: {_ids(SECTORS)}"))
    if item.get("ring") not in (1, 2, 3) or isinstance(item.get("ring"), bool):
        problems.append(("ring", f"expected 1, 2 or 3, got {item.get('ring')!r}"))
    support = item.get("support")
    if not isinstance(support, list) or any(s not in {o.id for o in SUPPORT} for s in support):
        problems.append(("support", f"expected a list of: {_ids(SUPPORT)}; got {support!r}"))
    if item.get("reciprocity") not in {r.id for r in RECIPROCITY}:
        problems.append(("reciprocity", f"{item.get('reciprocity')!r} is not one of: {_ids(RECIPROCITY)}"))
    return problems


def load_map(path: Path, shown: str) -> NetworkMap:
    """Read and check one map file; ``shown`` is the path used in messages."""
    if not path.is_file():
        raise ContentError(shown, "file is missing")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ContentError(shown, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    return parse_map(data, shown)
