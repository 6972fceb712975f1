"""The notebook plugin (netwerkkracht/notebooks.py): mkdocs-jupyter, whose converter is imported
only when a notebook must be converted (issue 12: build time against bare Material)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "notebooks" / "netwerkkaart-analyseren.ipynb"

CONFIG = """
site_name: Proef
plugins:
  - netwerkkracht-jupyter:
      execute: false
      include: ["*.ipynb"]
      ignore: ["*.md"]
      custom_mathjax_url: "data:text/javascript,"
"""

# Build in a fresh interpreter and report which of the heavy modules that build imported.
BUILD = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config("mkdocs.yml"))
loaded = {name: name in sys.modules and type(sys.modules[name]).__name__ != "OnFirstUse"
          for name in ("nbconvert", "jupytext")}
print(json.dumps(loaded))
"""


def _build(project: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", BUILD], cwd=project, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_converter_is_imported_only_when_a_notebook_changes(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    shutil.copy(NOTEBOOK, tmp_path / "docs" / "analyse.ipynb")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    page = tmp_path / "site" / "analyse" / "index.html"

    assert _build(tmp_path)["nbconvert"] is True, "an empty cache must convert the notebook"
    first = page.read_text(encoding="utf-8")
    assert 'class="jupyter-wrapper"' in first

    assert _build(tmp_path) == {"nbconvert": False, "jupytext": False}, "a cached notebook needs no converter"
    assert page.read_text(encoding="utf-8") == first

    notebook = json.loads((tmp_path / "docs" / "analyse.ipynb").read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "source": ["Een nieuwe proefcel."]})
    (tmp_path / "docs" / "analyse.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    assert _build(tmp_path)["nbconvert"] is True
    assert "Een nieuwe proefcel." in page.read_text(encoding="utf-8")
