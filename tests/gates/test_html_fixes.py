"""The HTML fixes hook (netwerkkracht/html_fixes.py) on Material's own markup. Fast: no browser."""
from __future__ import annotations

import importlib.util

from netwerkkracht.quality.common import ROOT

_spec = importlib.util.spec_from_file_location("html_fixes", ROOT / "netwerkkracht" / "html_fixes.py")
html_fixes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(html_fixes)

HEADER = """<html><head><title>x</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<div class="md-search" data-md-component="search" role="dialog">
<input type="text" class="md-search__input" name="query" aria-label="Zoeken" placeholder="Zoeken" autocomplete="off">
</div>
{extra}
</body></html>"""


def test_checkbox_autocomplete_goes_but_the_search_field_keeps_it():
    out = html_fixes.fix_html(HEADER.format(extra=""))
    assert 'id="__drawer">' in out and 'id="__search">' in out
    assert 'placeholder="Zoeken" autocomplete="off"' in out


def test_search_dialog_gets_the_search_label():
    out = html_fixes.fix_html(HEADER.format(extra=""))
    assert 'role="dialog" aria-label="Zoeken"' in out
    assert html_fixes.fix_html(out) == out  # idempotent


def test_toc_label_loses_for_only_without_the_toc_checkbox():
    label = '<label class="md-nav__title" for="__toc">Inhoud</label>'
    assert 'for="__toc"' not in html_fixes.fix_html(HEADER.format(extra=label))
    with_toc = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + label
    assert 'for="__toc"' in html_fixes.fix_html(HEADER.format(extra=with_toc))


def test_no_fix_adds_an_inline_script():
    """Strict CSP: the scroll-region script for wide tables lives in assets/head.js, not inline."""
    out = html_fixes.fix_html(HEADER.format(extra="<table><tr><td>1</td></tr></table>"))
    assert "<script" not in out


def test_notebook_scripts_move_to_one_file_and_remote_loaders_go():
    page = HEADER.format(extra='<div class="jupyter-wrapper"><script>var a = 1</script>'
                               '<script src="data:text/javascript,"></script>'
                               '<script type="text/x-mathjax-config">init()</script>'
                               '<script type="module">import("https://cdn.example/m.mjs")</script>'
                               '<script>var b = 2</script></div>'
                               '<script id="__config" type="application/json">{}</script>')
    out = html_fixes.hoist_notebook_scripts(page, "notebooks/x/")
    assert "var a" not in out and "data:text" not in out and "cdn.example" not in out
    assert 'type="text/x-mathjax-config"' in out and 'id="__config"' in out  # data, never executed
    name = next(n for n in html_fixes.NOTEBOOK_JS if n in out)
    assert out.count(f'<script src="../../{name}"></script>') == 1
    assert html_fixes.NOTEBOOK_JS[name] == "var a = 1;\nvar b = 2\n"


def test_notebook_styles_move_to_one_linked_file():
    page = HEADER.format(extra='<div class="jupyter-wrapper"><style type="text/css">.a{color:red}</style>'
                               '<clipboard-copy ,="" aria-label="Copy to Clipboard" for="cell-1"></clipboard-copy>'
                               '<style>.b{color:blue}</style></div>')
    out = html_fixes.hoist_notebook_styles(page, "notebooks/x/")
    assert "<style" not in out
    assert '<link rel="stylesheet" href="../../assets/stylesheets/nk-notebook.' in out.split("</head>")[0]
    name = next(n for n in html_fixes.NOTEBOOK_CSS if n in out)
    assert html_fixes.NOTEBOOK_CSS[name] == ".a{color:red}\n.b{color:blue}"
    assert '<clipboard-copy role="button" aria-label="Kopieer de code" for="cell-1">' in out
