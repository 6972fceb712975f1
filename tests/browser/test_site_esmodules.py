"""Joining an ES module graph into one classic script (netwerkkracht/hosting/esmodules.py).

A small graph of our own (tests/fixtures/esmodules: named, renamed, namespace and side-effect
imports, export lists, re-exports, export *, classes, async functions) runs as native modules
over HTTP; joined, the same page opened from disk must give the same result in the same order.
Chromium refuses the module version from disk, which is why the joiner exists.
"""
from __future__ import annotations

import shutil

import pytest

from helpers import ROOT
from netwerkkracht.errors import ContentError
from netwerkkracht.hosting.esmodules import join
from netwerkkracht.hosting.package import join_module_scripts
from netwerkkracht.quality.site import SiteServer

GRAPH = ROOT / "tests" / "fixtures" / "esmodules"
RESULT = "() => ({ resultaat: window.nkResultaat || null, volgorde: window.nkVolgorde || null })"


@pytest.fixture
def graph(tmp_path):
    target = tmp_path / "site"
    shutil.copytree(GRAPH, target)
    return target


@pytest.mark.browser
def test_joined_script_runs_from_disk_like_the_modules_over_http(browser, graph, tmp_path):
    context = browser.new_context()
    try:
        with SiteServer(graph) as server:
            page = context.new_page()
            page.goto(server.base + "/modules.html")
            page.wait_for_function("window.nkResultaat !== undefined")
            native = page.evaluate(RESULT)
        page.goto((graph / "modules.html").as_uri())  # from disk, the module is refused
        page.wait_for_timeout(300)
        assert page.evaluate(RESULT)["resultaat"] is None

        joined = join_module_scripts(graph)
        assert joined == {"main.js": "main.offline.js"}
        html = (graph / "modules.html").read_text(encoding="utf-8")
        assert 'type="module"' not in html and '<script src="main.offline.js" defer></script>' in html
        page.goto((graph / "modules.html").as_uri())
        page.wait_for_function("window.nkResultaat !== undefined")
        offline = page.evaluate(RESULT)
    finally:
        context.close()
    assert offline == native
    assert native["resultaat"] == {"totaal": 6, "versie": 3, "groet": 'dag Karim, export { niets } import "./geen.js"',
                                   "een": 1, "dubbel": 42, "eerste": "a", "teller": 1, "strikt": True,
                                   "sleutels": ["een", "groet"]}
    assert native["volgorde"] == ["lijst", "rekenen", "tekst", "zijeffect", "main"]


@pytest.mark.browser
def test_an_inline_module_script_is_joined_too(browser, graph):
    (graph / "inline.html").write_text(
        '<!doctype html><title>x</title><script type="module">import { dubbel } from "./basis/maal.js";\n'
        "window.nkResultaat = dubbel(4);</script>", encoding="utf-8")
    join_module_scripts(graph)
    assert 'type="module"' not in (graph / "inline.html").read_text(encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((graph / "inline.html").as_uri())
        page.wait_for_function("window.nkResultaat !== undefined")
        assert page.evaluate("window.nkResultaat") == 8
    finally:
        context.close()


@pytest.mark.parametrize("source, problem", [
    ("export default function f() {}\n", "default export"),
    ("const m = await import('./b.js');\n", "dynamic import()"),
    ("import { a } from 'lodash';\n", "only relative imports"),
    ("import { a } from './ontbreekt.js';\n", "does not exist"),
    ("import a from './b.js';\n", "default import"),
    ("export const { a, b } = obj;\n", "destructuring"),
    ("console.log(import.meta.url);\n", "import.meta"),
])
def test_what_cannot_be_joined_stops_with_file_and_reason(tmp_path, source, problem):
    (tmp_path / "b.js").write_text("export const a = 1;\n", encoding="utf-8")
    entry = tmp_path / "a.js"
    entry.write_text("// module\n" + source, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        join(entry, tmp_path)
    assert problem in str(info.value) and "a.js:2" in str(info.value)


def test_an_import_cycle_is_named(tmp_path):
    (tmp_path / "a.js").write_text('import { b } from "./b.js";\nexport const a = 1;\n', encoding="utf-8")
    (tmp_path / "b.js").write_text('import { a } from "./a.js";\nexport const b = 2;\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"import cycle \(a\.js -> b\.js -> a\.js\)"):
        join(tmp_path / "a.js", tmp_path)
