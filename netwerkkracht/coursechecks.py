"""Checks that need a whole module or the whole course, run by the build and by ``netwerkkracht check``.

- citations: every citation on a module's pages matches one of its sources, every source is cited
  (``citations``); the same for a docs page that declares ``sources:`` in its front matter;
- study time: the stated ``duration`` is within 30% of the estimate (``studytime``);
- key points once: a module's last page, which gets the key points from ``module.yml``, holds no
  ``/// kernpunten`` of its own;
- counts from data: no typed counts of exercises, pages or modules ("twee reflectie-oefeningen");
- inline reflection ids are unique, so two questions never share a learner's saved answer.

What a module's pages are, for citations: its pages, ``trainer.md``, the exercises in
``exercises/`` that belong to it (prompt, labels, hints) and the text fields of ``module.yml``
that the site shows (description, goals, key points, trainer plan). Every block on those pages
counts (cases, dialogues, trainer notes, inline reflections, self-tests).

Findings come in two kinds: ``invalid`` data (a malformed ``sources:`` front matter) always stops
the build; ``problems`` (content that breaks a course rule) stop it too, unless the site's
``extra.content_checks`` is ``warn``, which only lists them: a switch for content in transition.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .citations import check_citations, source_lines
from .course import DOCS_DIR, EXERCISES_DIR, Course, Module
from .errors import ContentError, ContentErrors
from .scan import find_components
from .schema import Source, parse
from .sourcetext import front_matter_span, line_of, visible_markdown, visible_yaml
from .studytime import duration_problem, estimate, module_inventory

MODE_KEY = "content_checks"
MODES = ("strict", "warn")
SHOWN_META = {"title", "description", "audience", "goals", "key_points", "trainer"}
NUMBER = r"(?:één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\d+)"
TYPED_COUNT = re.compile(
    rf"\b{NUMBER}\s+(?:korte\s+)?(?:reflectie-?oefeningen|oefeningen|reflecties|zelftestvragen|toetsvragen|pagina's|modules)\b",
    re.I)


@dataclass
class Findings:
    invalid: list[ContentError] = field(default_factory=list)
    problems: list[ContentError] = field(default_factory=list)


def run(course: Course) -> Findings:
    """Every course-wide finding, in a stable order (module by module, then the docs pages)."""
    found = Findings()
    for module in course.modules:
        found.problems.extend(module_citations(course, module))
        found.problems.extend(module_duration(course, module))
        found.problems.extend(key_points_once(course, module))
        for page in module.pages:
            found.problems.extend(typed_counts(course.root, page))
    for path in docs_pages(course.root):
        rel = path.relative_to(course.root).as_posix()
        try:
            found.problems.extend(page_citations(course.root, rel))
        except ContentErrors as exc:
            found.invalid.extend(exc.errors)
        except ContentError as exc:
            found.invalid.append(exc)
        found.problems.extend(typed_counts(course.root, rel))
    found.invalid.extend(unique_inline_ids(course))
    return found


def docs_pages(root: Path) -> list[Path]:
    docs = root / DOCS_DIR
    return [p for p in sorted(docs.rglob("*.md")) if "includes" not in p.relative_to(docs).parts] if docs.is_dir() else []


# ---------------------------------------------------------------------------- citations

def module_citations(course: Course, module: Module) -> list[ContentError]:
    root = course.root
    meta_path = f"{Path(module.overview).parent.as_posix()}/module.yml"
    meta_text = (root / meta_path).read_text(encoding="utf-8")
    texts = [(page, visible_markdown((root / page).read_text(encoding="utf-8")))
             for page in (*module.pages, module.trainer_page)]
    texts.append((meta_path, visible_yaml(meta_text, SHOWN_META)))
    for ident, exercise in sorted(course.exercises.items()):
        if exercise.module == module.slug:
            path = f"{EXERCISES_DIR}/{ident}.yml"
            texts.append((path, visible_yaml((root / path).read_text(encoding="utf-8"))))
    return check_citations(meta_path, list(module.meta.sources), source_lines(meta_text), texts,
                           "the module's pages (its pages, trainer.md, its exercises and module.yml)")


def front_matter(text: str, rel: str) -> dict:
    match = re.match(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.S)
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(rel, f"invalid YAML in the front matter: {getattr(exc, 'problem', exc)}",
                           line=mark.line + 2 if mark is not None else None) from None
    return data if isinstance(data, dict) else {}


def page_sources(text: str, rel: str) -> list[Source] | None:
    """The ``sources:`` a docs page declares in its front matter (None when it declares none)."""
    data = front_matter(text, rel)
    if "sources" not in data:
        return None
    items = data["sources"]
    if not isinstance(items, list) or not items:
        raise ContentError(rel, "expected a list of sources (lines starting with '- author: ...')", field="sources")
    errors, sources = [], []
    for index, item in enumerate(items):
        try:
            sources.append(parse(Source, item, rel, f"sources[{index}]."))
        except ContentErrors as exc:
            errors.extend(exc.errors)
        except ContentError as exc:
            errors.append(exc)
    if errors:
        raise ContentErrors(errors) if len(errors) > 1 else errors[0]
    return sources


def page_citations(root: Path, rel: str) -> list[ContentError]:
    text = (root / rel).read_text(encoding="utf-8")
    sources = page_sources(text, rel)
    if sources is None:
        return []
    head = text[:front_matter_span(text)]
    return check_citations(rel, sources, source_lines(head), [(rel, visible_markdown(text))],
                           "this page")


# ---------------------------------------------------------------------------- study time, key points, counts

def module_duration(course: Course, module: Module) -> list[ContentError]:
    inv = module_inventory(course, module)
    problem = duration_problem(module.meta.duration, estimate(course, inv), inv)
    if problem is None:
        return []
    meta_path = f"{Path(module.overview).parent.as_posix()}/module.yml"
    text = (course.root / meta_path).read_text(encoding="utf-8")
    match = re.search(r"^duration\s*:", text, re.M)
    return [ContentError(meta_path, problem, field="duration", line=line_of(text, match.start()) if match else None)]


def key_points_once(course: Course, module: Module) -> list[ContentError]:
    last = module.pages[-1]
    source = (course.root / last).read_text(encoding="utf-8")
    return [ContentError(last, (
        "this is the module's last page, where the build adds the key points from module.yml; a "
        "'/// kernpunten' of its own shows them twice: remove it and keep the points in 'key_points'"), line=use.line)
        for use, _ in find_components(source) if use.name == "kernpunten"]


def typed_counts(root: Path, rel: str) -> list[ContentError]:
    visible = visible_markdown((root / rel).read_text(encoding="utf-8"))
    return [ContentError(rel, (
        f"'{match.group(0)}' is a count typed by hand: the module header and the course overview show "
        "counts from the data, so leave it out (it goes stale when content changes)"), line=line_of(visible, match.start()))
        for match in TYPED_COUNT.finditer(visible)]


def unique_inline_ids(course: Course) -> list[ContentError]:
    """An inline reflection's id is where its answer is saved: two questions must not share one."""
    seen: dict[str, str] = {}
    errors = []
    pages = [course.root / p for m in course.modules for p in m.pages] + docs_pages(course.root)
    for path in pages:
        rel = path.relative_to(course.root).as_posix()
        for use, _ in find_components(path.read_text(encoding="utf-8")):
            if use.name == "reflectie" and use.body.strip() and use.argument:
                where = f"{rel}:{use.line}"
                if use.argument in seen:
                    errors.append(ContentError(rel, (
                        f"inline reflection id '{use.argument}' is also used at {seen[use.argument]}: "
                        "give each question its own id, or the two share the learner's saved answer"), line=use.line))
                seen.setdefault(use.argument, where)
    return errors


# ---------------------------------------------------------------------------- the switch

def mode_of(extra: dict | None) -> str:
    """``strict`` or ``warn`` from the site's ``extra`` settings; an unknown value is an error."""
    value = (extra or {}).get(MODE_KEY, "strict")
    if value not in MODES:
        raise ContentError("mkdocs.yml", f"'{value}' is not a mode: use {' or '.join(MODES)}", field=f"extra.{MODE_KEY}")
    return value


def mode_from_config(root: Path) -> str:
    """The mode in ``mkdocs.yml``, read without MkDocs (its ``!!python`` tags are ignored)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    path = root / "mkdocs.yml"
    if not path.is_file():
        return "strict"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}
    return mode_of(config.get("extra"))
