"""Check every component in a page's Markdown source before it is rendered.

``pymdownx.blocks`` leaves a block with an unknown name, a bad option or a missing argument as
plain text, silently. This scanner reads the source with line numbers, so each mistake stops
the build as ``file:line: what to fix``. It also records where each exercise is used, for the
generated "Alle oefeningen" page.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import yaml

from .blocks import COMPONENTS, GENERIC
from .course import Course
from .errors import ContentError, raise_all

START = re.compile(r"^(?P<indent>\s*)(?P<slashes>/{3,})\s*(?P<name>[A-Za-z][\w-]*)\s*(?:\|\s*(?P<arg>.*?))?\s*$")
END = re.compile(r"^\s*(?P<slashes>/{3,})\s*$")
FENCE = re.compile(r"^\s*(```+|~~~+)")


@dataclass
class Use:
    """One component in a page."""

    name: str
    argument: str | None
    line: int
    options: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 0  # line in the file where the body's first non-blank line stands
    end: int = 0  # line of the closing '///'


@dataclass
class _Open:
    use: Use
    slashes: str
    lines: list[str] = field(default_factory=list)
    in_header: bool = True
    header: list[str] = field(default_factory=list)


def find_components(source: str) -> list[tuple[Use, list[str]]]:
    """Every block in ``source`` with the structural problems found while reading it."""
    found: list[tuple[Use, list[str]]] = []
    stack: list[_Open] = []
    fence: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        fence_match = FENCE.match(line)
        if fence_match and not stack:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker.startswith(fence[:3]):
                fence = None
            continue
        if fence is not None:
            continue
        end = END.match(line)
        if end and stack and end.group("slashes") == stack[-1].slashes:
            stack[-1].use.end = number
            _close(stack.pop(), found)
            continue
        start = START.match(line)
        if start:
            use = Use(start.group("name"), (start.group("arg") or "").strip() or None, number)
            stack.append(_Open(use, start.group("slashes")))
            continue
        if stack:
            top = stack[-1]
            if top.in_header and line.startswith("    ") and line.strip():
                top.header.append(line[4:])
                continue
            top.in_header = False
            if not top.use.body_line and line.strip():
                top.use.body_line = number
            top.lines.append(line)
    for still_open in stack:
        found.append((still_open.use, [f"'/// {still_open.use.name}' is never closed: add a line '{still_open.slashes}'"]))
    return found


def _close(block: _Open, found: list) -> None:
    problems = []
    if block.header:
        try:
            options = yaml.safe_load("\n".join(block.header))
        except yaml.YAMLError:
            options = None
        if not isinstance(options, dict):
            problems.append("the indented option lines under the block are not valid 'key: value' YAML")
        else:
            block.use.options = options
    block.use.body = "\n".join(block.lines).strip("\n")
    found.append((block.use, problems))


def check_page(source: str, path: str, course: Course) -> list[Use]:
    """Validate every component in one page; raise ContentError(s) with file and line.

    A page that passed is remembered with the course it was checked against: `mkdocs serve`
    checks every page on every save, and most pages did not change.
    """
    passed = course.__dict__.setdefault("_pages_checked", {})
    key = (path, hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest())
    if key not in passed:
        passed[key] = _check_page(source, path, course)
    return passed[key]


def _check_page(source: str, path: str, course: Course) -> list[Use]:
    errors: list[ContentError] = []
    uses = []
    for use, problems in find_components(source):
        errors.extend(ContentError(path, p, line=use.line) for p in problems)
        if use.name in GENERIC:
            continue
        component = COMPONENTS.get(use.name)
        if component is None:
            known = ", ".join(sorted(COMPONENTS))
            errors.append(ContentError(path, f"unknown component '/// {use.name}': use one of {known}", line=use.line))
            continue
        uses.append(use)
        for problem in _structure(component, use):
            errors.append(ContentError(path, problem, line=use.line))
        if use.argument or not component.ARGUMENT:
            for problem in component.check_use(use, course):
                errors.append(ContentError(path, problem, line=use.line))
    raise_all(errors)
    return uses


def _structure(component, use: Use) -> list[str]:
    problems = []
    name = use.name
    if component.ARGUMENT is True and not use.argument:
        problems.append(f"'/// {name}' needs an argument: '/// {name} | ...'")
    if component.ARGUMENT is False and use.argument:
        problems.append(f"'/// {name}' takes no argument, got '| {use.argument}'")
    if component.BODY == "required" and not use.body.strip():
        problems.append(f"'/// {name}' needs content between its opening and closing lines")
    if component.BODY == "forbidden" and use.body.strip():
        problems.append(f"'/// {name}' takes no content: close it on the next line with '///'")
    allowed = set(component.OPTIONS) | {"attrs"}
    for key in use.options:
        if key not in allowed:
            hint = ", ".join(sorted(allowed - {"attrs"})) or "none"
            problems.append(f"'/// {name}' has no option '{key}' (options: {hint})")
    return problems


def duplicate_ids(pages: dict[str, list[Use]]) -> list[ContentError]:
    """Ids used twice where they must be unique, each with both places.

    A block declares the scope of its argument (``CourseBlock.id_scope``): an id it defines
    (an inline reflection, a self-test) is unique in the whole course, because the learner's
    answers are stored under it; an id it refers to (an exercise, a video, a tool) appears at most
    once per page, because it becomes the HTML id of that part of the page.
    """
    errors: list[ContentError] = []
    seen: dict[tuple, tuple[str, Use]] = {}
    for path, uses in pages.items():
        for use in uses:
            component = COMPONENTS.get(use.name)
            scope = component.id_scope(use.argument, use.body) if component and use.argument else None
            if scope is None:
                continue
            key = ("course", use.argument) if scope == "course" else ("page", use.name, use.argument, path)
            first_path, first = seen.setdefault(key, (path, use))
            if first is use:
                continue
            if scope == "course":
                problem = (f"id '{use.argument}' is already used at {first_path}:{first.line} "
                           f"('/// {first.name} | {use.argument}'): answers are stored under this id, so it must be "
                           "unique in the course: give one of them another id")
            else:
                problem = (f"'/// {use.name} | {use.argument}' is already on this page at line {first.line} "
                           f"({first_path}:{first.line}): the same {use.name} can appear only once per page: remove one")
            errors.append(ContentError(path, problem, line=use.line))
    return errors
