"""HTML fixes that Material's templates need for the quality gates (Nu Html Checker, axe).

Wired in mkdocs.yml under ``hooks:``; loaded by path, so absolute imports only. Every fix is a
small, exact text substitution on Material's own markup, and does nothing when a Material release
stops emitting that markup.

1. ``autocomplete="off"`` on the header's checkbox toggles (``__drawer``, ``__search``): the
   attribute is not allowed on checkboxes (2 vnu errors a page).
2. ``<label class="md-nav__title" for="__toc">``: on a section index page (navigation.indexes)
   Material renders the table-of-contents title with ``for="__toc"`` but no ``__toc`` checkbox,
   so the label points nowhere (vnu error). The ``for`` goes when no ``id="__toc"`` exists.
3. The search dialog (``<div class="md-search" role="dialog">``) has no accessible name
   (Lighthouse/axe aria-dialog-name): it gets the search field's own label ("Zoeken").
4. Notebook pages (mkdocs-jupyter): the notebook template writes its stylesheets as ``<style>``
   elements in the body (not allowed there; its vendored CSS also trips the CSS checker, and it
   makes the page ~700 KB). They move, unchanged and in the same order, into one content-hashed
   file under assets/stylesheets/ linked from the head. Its copy
   buttons (``<clipboard-copy aria-label=...>``) get the role the element takes at run time
   (``button``), which makes the label valid, and a Dutch label; their "Copied!" notice is Dutch,
   also in the search index (``on_page_content`` runs before the search plugin reads the page).
5. Wide tables: Material wraps each table in ``.md-typeset__scrollwrap`` at run time, a scroll
   container that keyboard users cannot reach (axe scrollable-region-focusable, WCAG 2.1.1).
   A few lines of script, run on every ``document$`` emission, make an overflowing wrapper
   focusable.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')
_SEARCH_LABEL = re.compile(r'class="md-search__input"[^>]*?\baria-label="([^"]+)"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*\bclass="md-nav__title")\s+for="__toc"')
SCROLLWRAP_SCRIPT = (
    '<script>(function(){function f(){document.querySelectorAll(".md-typeset__scrollwrap")'
    '.forEach(function(e){if(e.scrollWidth>e.clientWidth+1){if(!e.hasAttribute("tabindex")){e.tabIndex=0;'
    'e.setAttribute("role","region");e.setAttribute("aria-label","Tabel (horizontaal scrollen)")}}'
    'else if(e.getAttribute("role")==="region"){e.removeAttribute("tabindex");e.removeAttribute("role");'
    'e.removeAttribute("aria-label")}})}'
    'if(window.document$){document$.subscribe(f)}else{addEventListener("load",f)}'
    'var t;addEventListener("resize",function(){clearTimeout(t);t=setTimeout(f,200)})})()</script>'
)


_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_CLIPBOARD = re.compile(r'<clipboard-copy\s+(?:,="")?\s*aria-label="Copy to Clipboard"')
_COPIED = re.compile(r'(<span class="notice"[^>]*>)Copied!(</span>)')
NOTEBOOK_CSS: dict[str, str] = {}  # file name under site_dir -> CSS, written in on_post_build


def hoist_notebook_styles(html: str, page_url: str) -> str:
    """Move the <style> elements of a notebook page's body into one linked stylesheet."""
    head_end = html.find("</head>")
    body_start = html.find("<body", head_end)
    if head_end < 0 or body_start < 0 or 'class="jupyter-wrapper"' not in html:
        return html
    body = html[body_start:]
    blocks = [m.group(1) for m in _STYLE_BLOCK.finditer(body)]
    if not blocks:
        return html
    css = "\n".join(blocks)
    name = f"assets/stylesheets/nk-notebook.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    NOTEBOOK_CSS[name] = css
    href = get_relative_url(name, page_url or "")
    body = _STYLE_BLOCK.sub("", body)
    body = _CLIPBOARD.sub('<clipboard-copy role="button" aria-label="Kopieer de code"', body)
    return html[:head_end] + f'<link rel="stylesheet" href="{href}">' + html[head_end:body_start] + body


def fix_html(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    label = _SEARCH_LABEL.search(html)
    if label:
        html = _SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{label.group(1)}"', html, count=1)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    if "<table" in html and "</body>" in html and SCROLLWRAP_SCRIPT not in html:
        head, sep, tail = html.rpartition("</body>")
        html = head + SCROLLWRAP_SCRIPT + sep + tail
    return html


def on_page_content(html: str, page, config, files) -> str:
    """The notebook template's "Copied!" notice, in Dutch before the search index takes the text."""
    return _COPIED.sub(r"\1Gekopieerd!\2", html)


def on_post_page(output: str, page, config) -> str:
    html = hoist_notebook_styles(fix_html(output), page.url)
    # Written now, not in on_post_build: the link check (mkdocs_hooks.on_post_build) runs first.
    for name, css in NOTEBOOK_CSS.items():
        path = Path(config.site_dir) / name
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(css, encoding="utf-8")
    return html


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Theme templates rendered on their own, such as 404.html, get the same fixes."""
    return fix_html(output_content) if template_name.endswith(".html") else output_content
