"""Load the whole course (modules, exercises, catalogues) from disk into validated objects.

Plain Python with no MkDocs import: the same loader serves the build, the tests and the
``netwerkkracht check`` command, and would serve another generator.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError, explain_yaml, raise_all, read_text
from .schema import Exercise, ModuleMeta, Tool, Video, parse

MODULES_DIR = "modules"
EXERCISES_DIR = "exercises"
CATALOG_DIR = "catalog"
DOCS_DIR = "docs"


@dataclass(frozen=True)
class Module:
    """One module folder: its metadata and the paths of its pages, relative to the repo root."""

    slug: str
    meta: ModuleMeta
    pages: tuple[str, ...]  # e.g. ("modules/01-x/index.md", ...)
    trainer_page: str  # "modules/01-x/trainer.md"

    @property
    def overview(self) -> str:
        return self.pages[0]


@dataclass
class Course:
    root: Path
    modules: list[Module] = field(default_factory=list)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    videos: dict[str, Video] = field(default_factory=dict)
    tools: dict[str, Tool] = field(default_factory=dict)
    scenarios: dict = field(default_factory=dict)  # id -> scenarios.Scenario
    eindtoets: object = None  # eindtoets.Bank, or None when the course has no assessment/eindtoets.yml

    def module(self, slug: str) -> Module:
        for module in self.modules:
            if module.slug == slug:
                return module
        raise KeyError(slug)

    def module_of_page(self, src_path: str) -> Module | None:
        """The module a page (repo-relative path) belongs to, if any."""
        for module in self.modules:
            if src_path in module.pages or src_path == module.trainer_page:
                return module
        return None


# ---------------------------------------------------------------------------- helpers

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster when PyYAML has it


def read_yaml(path: Path, root: Path) -> object:
    """Parse one YAML file; a syntax error names the file and line and says what to do."""
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        raise ContentError(rel, "file is missing")
    text = read_text(path, root)
    try:
        return yaml.load(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        pass
    try:  # libyaml's messages are terse: the pure-Python parser names the problem for the explanation
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line, message = explain_yaml(exc, text)
        raise ContentError(rel, message, line=line) from None


def _collect(errors: list[ContentError], func, *args):
    """Run ``func``; keep its ContentErrors instead of stopping at the first."""
    from .errors import ContentErrors

    try:
        return func(*args)
    except ContentErrors as exc:
        errors.extend(exc.errors)
    except ContentError as exc:
        errors.append(exc)
    return None


def _load_module(folder: Path, root: Path) -> Module:
    rel = folder.relative_to(root).as_posix()
    meta = parse(ModuleMeta, read_yaml(folder / "module.yml", root), f"{rel}/module.yml")
    errors = []
    for page in meta.pages:
        if not (folder / page).is_file():
            errors.append(ContentError(f"{rel}/module.yml", f"lists '{page}', but {rel}/{page} does not exist", field="pages"))
    if not (folder / "trainer.md").is_file():
        errors.append(ContentError(f"{rel}/trainer.md", "file is missing: every module has trainer material"))
    for extra in sorted(p.name for p in folder.glob("*.md")):
        if extra not in meta.pages and extra != "trainer.md":
            errors.append(ContentError(f"{rel}/{extra}", "page is not listed under 'pages' in module.yml, so no one would find it"))
    raise_all(errors)
    return Module(
        slug=folder.name,
        meta=meta,
        pages=tuple(f"{rel}/{p}" for p in meta.pages),
        trainer_page=f"{rel}/trainer.md",
    )


def _load_catalog(path: Path, root: Path, model, label: str) -> dict:
    rel = path.relative_to(root).as_posix()
    if not path.exists():
        return {}
    data = read_yaml(path, root)
    if data is None:
        return {}
    if not isinstance(data, list):
        raise ContentError(rel, f"expected a list of {label} (lines starting with '- id: ...')")
    items, errors = {}, []
    for index, entry in enumerate(data):
        item = _collect(errors, parse, model, entry, rel, f"[{index}].")
        if item is None:
            continue
        if item.id in items:
            errors.append(ContentError(rel, f"id '{item.id}' is used twice", field=f"[{index}].id"))
        items[item.id] = item
    raise_all(errors)
    return items


# ---------------------------------------------------------------------------- loading

def load_course(root: str | os.PathLike) -> Course:
    """Read and validate every content file; raise ContentError(s) listing every problem."""
    root = Path(root).resolve()
    course = Course(root=root)
    errors: list[ContentError] = []

    modules_dir = root / MODULES_DIR
    for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir()) if modules_dir.is_dir() else []:
        module = _collect(errors, _load_module, folder, root)
        if module:
            course.modules.append(module)
    orders: dict[int, str] = {}
    for module in course.modules:
        other = orders.get(module.meta.order)
        if other:
            errors.append(ContentError(
                f"{MODULES_DIR}/{module.slug}/module.yml",
                f"order {module.meta.order} is also used by {MODULES_DIR}/{other}/module.yml: every module needs its own number",
                field="order",
            ))
        orders[module.meta.order] = module.slug
    course.modules.sort(key=lambda m: m.meta.order)

    slugs = {p.name for p in modules_dir.iterdir() if p.is_dir()} if modules_dir.is_dir() else set()
    for path in sorted((root / EXERCISES_DIR).glob("*")) if (root / EXERCISES_DIR).is_dir() else []:
        rel = path.relative_to(root).as_posix()
        if path.suffix != ".yml":
            errors.append(ContentError(rel, "exercises are YAML files ending in .yml"))
            continue
        ident = path.stem
        if _collect(errors, _check_id, ident, rel) is False:
            continue
        exercise = _collect(errors, lambda: parse(Exercise, read_yaml(path, root), rel))
        if exercise is None:
            continue
        if exercise.module not in slugs:
            errors.append(ContentError(rel, f"'{exercise.module}' is not a module folder (known: {', '.join(sorted(slugs)) or 'none'})", field="module"))
        course.exercises[ident] = exercise

    from .eindtoets import load_bank
    from .scenarios import load_scenarios

    course.scenarios = _collect(errors, load_scenarios, root, slugs) or {}
    course.eindtoets = _collect(errors, load_bank, root, slugs)
    course.videos = _collect(errors, _load_catalog, root / CATALOG_DIR / "videos.yml", root, Video, "videos") or {}
    course.tools = _collect(errors, _load_catalog, root / CATALOG_DIR / "tools.yml", root, Tool, "tools") or {}
    for video in course.videos.values():
        for attr in ("file", "captions"):
            value = getattr(video, attr)
            if value and not (root / DOCS_DIR / value).is_file():
                errors.append(ContentError(f"{CATALOG_DIR}/videos.yml", f"video '{video.id}': {DOCS_DIR}/{value} does not exist", field=attr))
    raise_all(errors)
    return course


def _check_id(ident: str, rel: str) -> bool:
    import re

    from .schema import ID_PATTERN

    if not re.fullmatch(ID_PATTERN, ident):
        raise ContentError(rel, f"file name '{ident}' is not a valid id: use lower-case letters, digits and hyphens")
    return True


def fingerprint(root: Path) -> tuple:
    """Modification times of every content data file, and the names of the pages: a cheap key to
    know when to reload (the loader reads no page, so editing one does not reload the course)."""
    stamps = []
    for sub in (MODULES_DIR, EXERCISES_DIR, CATALOG_DIR, "scenarios", "assessment"):
        base = root / sub
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file():
                    stamps.append((str(path), 0 if path.suffix == ".md" else path.stat().st_mtime_ns))
    return tuple(stamps)


@functools.lru_cache(maxsize=4)
def _cached(root: Path, stamp: tuple) -> Course:
    return load_course(root)


_pinned: dict[Path, Course] = {}


def course_for(root: str | os.PathLike) -> Course:
    """The course at ``root``, loaded once and reloaded only when a content file changed.

    While a build pins it (``pin_course``), every component gets that course without looking at
    the files again: the check of modification times would otherwise run once per component.
    """
    root = Path(root).resolve()
    return _pinned.get(root) or _cached(root, fingerprint(root))


def pin_course(root: str | os.PathLike, course: Course | None) -> None:
    """Use ``course`` for ``root`` until the next call (None: look at the files again)."""
    root = Path(root).resolve()
    if course is None:
        _pinned.pop(root, None)
    else:
        _pinned[root] = course
