"""Layering (issue 12, part 6): the loader, the schemas and the path helpers sit below everything
that generates pages or files, so loading a course never pulls in a generator or MkDocs."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "netwerkkracht"
LOWER = ["course.py", "schema.py", "sitepaths.py", "errors.py"]
UPPER = ("toolbox", "classroom", "blocks", "quality", "hosting", "mkdocs", "components", "pages", "mkdocs_hooks")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in a file, relative imports written as `.name`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
    return found


@pytest.mark.parametrize("name", LOWER)
def test_lower_layer_imports_no_generator(name):
    bad = []
    for line, module in _imports(PACKAGE / name):
        parts = module.lstrip(".").replace("netwerkkracht.", "", 1).split(".")
        if parts[0] in UPPER and (module.startswith(".") or module.startswith("netwerkkracht") or parts[0] == "mkdocs"):
            bad.append(f"netwerkkracht/{name}:{line}: imports {module}")
    assert not bad, "\n".join(bad)


def test_download_block_takes_tool_paths_from_sitepaths():
    modules = [m for _, m in _imports(PACKAGE / "blocks" / "download.py")]
    assert not any("toolbox" in m for m in modules), modules


def test_loading_a_course_imports_no_generator():
    code = (
        "import sys; from netwerkkracht.course import load_course; load_course(sys.argv[1]);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs' or"
        " m.startswith(('netwerkkracht.toolbox', 'netwerkkracht.classroom', 'netwerkkracht.blocks'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(PACKAGE.parent)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]", f"loading the course imported: {proc.stdout.strip()}"
