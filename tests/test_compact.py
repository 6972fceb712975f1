"""Lighter pages (issue 12): whitespace collapsed where it does not matter, the site's own
scripts and styles minified (and still valid), Material's palette trimmed to what the site uses."""
from __future__ import annotations

import glob
import re
import shutil
import subprocess

import pytest

from helpers import ROOT
from netwerkkracht.compact import collapse_whitespace, minify, trim_palette

ASSETS = ROOT / "overrides" / "assets"


def test_collapse_keeps_whitespace_that_matters():
    html = ("<ul>\n      <li>\n        <a href='x'>Een</a>\n      </li>\n    </ul>\n<p><b>vet</b>\n   <i>schuin</i></p>\n"
            "<pre><code>a\n    b\n</code></pre>\n<textarea>\n  regel\n</textarea>\n<p><code>x\n   y</code></p>\n"
            "<script>\n  var a = 1;\n  // c\n</script>")
    out = collapse_whitespace(html)
    assert "<ul>\n<li>\n<a href='x'>Een</a>\n</li>\n</ul>" in out
    assert "<b>vet</b>\n<i>schuin</i>" in out  # words stay apart
    assert "<pre><code>a\n    b\n</code></pre>" in out
    assert "<textarea>\n  regel\n</textarea>" in out
    assert "<code>x\n   y</code>" in out
    assert "<script>\n  var a = 1;\n  // c\n</script>" in out


def test_palette_keeps_the_dark_scheme_and_drops_named_colours():
    path = glob.glob(str(ROOT / ".venv/lib/python*/site-packages/material/templates/assets/stylesheets/palette.*.min.css"))
    if not path:
        import material

        path = glob.glob(str(material.__path__[0] + "/templates/assets/stylesheets/palette.*.min.css"))
    css = open(path[0], encoding="utf-8").read()
    trimmed = trim_palette(css)
    assert "[data-md-color-scheme=slate]" in trimmed and "--md-default-bg-color" in trimmed
    assert "data-md-color-primary=indigo" in css and "data-md-color-primary=indigo" not in trimmed
    assert trimmed.count("{") == trimmed.count("}")
    assert len(trimmed) < len(css) * 0.3


@pytest.mark.skipif(not shutil.which("node"), reason="node is installed by scripts/setup.sh")
@pytest.mark.parametrize("source", sorted(p.relative_to(ASSETS).as_posix() for p in ASSETS.rglob("*.js")))
def test_minified_scripts_are_still_valid_javascript(source, tmp_path):
    text = (ASSETS / source).read_text(encoding="utf-8")
    small = minify(source, text)
    assert len(small) < len(text)
    module = re.search(r"^\s*(import|export)\b", text, re.M)
    target = tmp_path / ("x.mjs" if module else "x.js")
    target.write_text(small, encoding="utf-8")
    result = subprocess.run(["node", "--check", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_built_site_ships_the_lighter_assets(fixture_site):
    js = (fixture_site / "assets" / "netwerkkracht.js").read_text(encoding="utf-8")
    assert len(js) < len((ASSETS / "netwerkkracht.js").read_text(encoding="utf-8"))
    assert not re.search(r"^\s*//", js, re.M)
    css = (fixture_site / "assets" / "netwerkkracht.css").read_text(encoding="utf-8")
    assert "/*" not in css
    page = (fixture_site / "modules" / "01-proef" / "lezen" / "index.html").read_text(encoding="utf-8")
    assert "\n  " not in page.split("<pre", 1)[0], "indentation left in the page"


def test_loader_and_download_block_do_not_depend_on_the_toolbox():
    """The Tool schema lives in schema.py and the site paths in sitepaths.py, below the toolbox."""
    import ast

    code = ("import sys, netwerkkracht.course, netwerkkracht.schema, netwerkkracht.sitepaths; "
            "print(sorted(m for m in sys.modules if m.startswith('netwerkkracht.toolbox')))")
    out = subprocess.run([__import__("sys").executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]", f"the loader pulls in the toolbox: {out.stdout}"
    for module in ("course.py", "schema.py", "sitepaths.py", "blocks/download.py"):
        tree = ast.parse((ROOT / "netwerkkracht" / module).read_text(encoding="utf-8"))
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [m for m in imported if "toolbox" in m], f"{module} imports from the toolbox: {imported}"
