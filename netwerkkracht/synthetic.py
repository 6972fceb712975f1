"""A synthetic course of any size, made from the real one, for the growth benchmark.

Module ``k`` beyond the real ones is a copy of real module ``(k - 1) % real + 1`` with a new folder,
order and title, and every id renamed (``m1-x`` becomes ``mK-x`` in pages and exercise files), so
ids stay unique and the build checks pass exactly as for the real course. Links from a copy to
other modules still point at the real modules, which stay in the synthetic course.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from .course import CATALOG_DIR, DOCS_DIR, EXERCISES_DIR, MODULES_DIR, load_course
from .eindtoets import BANK_FILE
from .scenarios import SCENARIOS_DIR

# Shared read-only: the engine, the theme, the generated-files cache (worksheets, notebook, PDFs),
# and the data that module pages point at by id (simulations, the eindtoets bank).
LINKED = ("netwerkkracht", "overrides", ".cache", SCENARIOS_DIR, BANK_FILE.split("/")[0])


def _number(slug: str) -> int:
    match = re.match(r"(\d+)-", slug)
    return int(match.group(1)) if match else 0


def _rename_ids(text: str, old: int, new: int) -> str:
    """``m{old}-x`` ids (exercises, inline reflections, self-tests) become ``m{new}-x``."""
    return re.sub(rf"(?<![\w-])m{old}-(?=[a-z0-9])", f"m{new}-", text)


def make_course(root: Path, target: Path, modules: int) -> Path:
    """Write a course of ``modules`` modules to ``target``; return its mkdocs.yml."""
    root, target = Path(root).resolve(), Path(target)
    course = load_course(root)
    real = course.modules
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in (DOCS_DIR, CATALOG_DIR):
        if (root / name).is_dir():
            shutil.copytree(root / name, target / name)
    shutil.copy2(root / "mkdocs.yml", target / "mkdocs.yml")
    (root / ".cache").mkdir(exist_ok=True)
    for name in LINKED:
        if (root / name).exists():
            (target / name).symlink_to(root / name, target_is_directory=True)
    (target / MODULES_DIR).mkdir()
    (target / EXERCISES_DIR).mkdir()
    for number in range(1, modules + 1):
        module = real[(number - 1) % len(real)]
        old = _number(module.slug)
        src = root / MODULES_DIR / module.slug
        if number <= len(real):
            shutil.copytree(src, target / MODULES_DIR / module.slug)
            slug, new = module.slug, old
        else:
            new = number
            slug = f"{number:02d}-{module.slug.split('-', 1)[1]}-{number}"
            dest = target / MODULES_DIR / slug
            dest.mkdir()
            for path in src.iterdir():
                if path.suffix == ".md":
                    (dest / path.name).write_text(_rename_ids(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")
                elif path.name == "module.yml":
                    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
                    meta["order"] = number
                    meta["title"] = f"{meta['title']} ({number})"
                    (dest / path.name).write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
                elif path.is_file():
                    shutil.copy2(path, dest / path.name)
        for ident, exercise in course.exercises.items():
            if exercise.module != module.slug:
                continue
            text = (root / EXERCISES_DIR / f"{ident}.yml").read_text(encoding="utf-8")
            text = re.sub(rf"^module:\s*{re.escape(module.slug)}\s*$", f"module: {slug}", text, flags=re.M)
            (target / EXERCISES_DIR / f"{_rename_ids(ident, old, new)}.yml").write_text(text, encoding="utf-8")
    return target / "mkdocs.yml"
