"""A small site with the toolbox, built from the fixture course, and a local web server for it.

Used by the toolbox tests (site build, interactive map in Chromium) and by
tests/benchmarks/netwerkkaart_bench.py. The fixture course gets the real tool catalogue, the
static toolbox pages and the notebooks, so the tests do not depend on the rest of the course.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from netwerkkracht.quality.common import CHROME_ARGS, CHROMIUM
from netwerkkracht.quality.site import SiteServer

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "course"

TOOLBOX_NAV = """
  - Mijn leerportfolio: portfolio.md
  - Privacy: privacy.md
  - Toolbox:
      - toolbox/index.md
      - toolbox/netwerkkaart-interactief.md
{tools}
      - notebooks/netwerkkaart-analyseren.ipynb
"""
PLUGINS = """
plugins:
  - search
  - mkdocs-jupyter:
      include_source: true
      execute: false
      include: ["notebooks/*.ipynb"]
      custom_mathjax_url: "data:text/javascript,"
"""


EXAMPLE_NAME = "proef-voorbeeld"
EXAMPLE = {
    "format": "netwerkkracht-netwerkkaart", "version": 1, "title": "Vb", "exported": "2024-01-01T00:00:00.000Z",
    "people": [
        {"id": "v1", "name": "zus Anna", "sector": "familie", "ring": 1, "support": ["emotioneel"], "reciprocity": "wederzijds"},
        {"id": "v2", "name": "buurman", "sector": "buren", "ring": 2, "support": ["praktisch"], "reciprocity": "geeft"},
    ],
}


def make_project(dest: Path) -> Path:
    """A copy of the fixture course with the toolbox added; theme and hooks point at the repo."""
    import yaml

    target = dest / "course"
    shutil.copytree(FIXTURE, target)
    (target / "catalog").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "catalog" / "tools.yml", target / "catalog" / "tools.yml")
    shutil.copytree(ROOT / "docs" / "toolbox", target / "docs" / "toolbox")
    shutil.copytree(ROOT / "docs" / "notebooks", target / "docs" / "notebooks")
    for page in ("portfolio.md", "privacy.md"):
        shutil.copy2(ROOT / "docs" / page, target / "docs" / page)
    examples = target / "docs" / "toolbox" / "voorbeelden"
    examples.mkdir(exist_ok=True)
    (examples / f"{EXAMPLE_NAME}.json").write_text(json.dumps(EXAMPLE, indent=2), encoding="utf-8")
    cache = ROOT / ".cache" / "toolbox"
    if cache.is_dir():  # warm start: same data and code give the same cache keys
        shutil.copytree(cache, target / ".cache" / "toolbox")
    tools = yaml.safe_load((ROOT / "catalog" / "tools.yml").read_text(encoding="utf-8"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    text = text.rstrip() + TOOLBOX_NAV.format(tools="\n".join(f"      - toolbox/{t['id']}.md" for t in tools)) + PLUGINS
    config.write_text(text, encoding="utf-8")
    return target


def build(project: Path) -> tuple[Path, subprocess.CompletedProcess]:
    site = project / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=project, timeout=600,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return site, result


@contextlib.contextmanager
def serve(site: Path):
    """Serve a built site on 127.0.0.1 (a real origin, so localStorage behaves as in production)."""
    with SiteServer(site) as server:
        yield server.base


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS, headless=True)
