"""Helpers shared by the engine tests: copy the fixture course, build a project, read pages."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "course"


def copy_fixture(dest: Path) -> Path:
    """A private copy of the fixture course whose theme and hook paths still point at the repo."""
    target = dest / "course"
    shutil.copytree(FIXTURE, target)
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    config.write_text(text, encoding="utf-8")
    return target


def build(project: Path, site: Path | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` on a project in a child process, as a user would."""
    site = site or project / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=project, timeout=600)


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of text in a file; fail loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def article(html: str) -> str:
    """The page's main content (what the author wrote plus the engine's additions)."""
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    assert match, "page has no <article>"
    return match.group(1)


def assert_build_fails(project: Path, case: str, expected: list[str]) -> None:
    """A strict build of ``project`` stops with every expected piece of message, no traceback, no site left."""
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build succeeded despite: {case}\n{output[-2000:]}"
    for piece in expected:
        assert piece in output, f"{case}: message lacks {piece!r}:\n{output[-3000:]}"
    assert "Traceback" not in output, f"{case}: a traceback instead of a message:\n{output[-3000:]}"
    assert not (project / "site" / "index.html").exists(), f"{case}: a half-built site was left behind"
