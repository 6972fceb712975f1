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
5. Wide tables: a scroll container keyboard users can reach is made by ``overrides/assets/head.js``
   (no inline script: the site runs under a strict Content-Security-Policy).
6. Notebook pages: the notebook template's inline scripts (the ``<clipboard-copy>`` element and
   its notice) move, in order, into one content-hashed file under assets/javascripts/; its
   MathJax loader (an empty ``data:`` script, see mkdocs.yml) and its Mermaid loader (an inline
   module that imports from cdnjs, only for Mermaid cells, which the course does not use) go.
7. Notebook pages in a build without directory URLs (the offline copy): links in the notebook's
   own cells are written for directory URLs (``../../toolbox/x/``) and are rewritten for the file
   layout (``../toolbox/x/index.html``); MkDocs does not touch them.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')
_SEARCH_LABEL = re.compile(r'class="md-search__input"[^>]*?\baria-label="([^"]+)"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*\bclass="md-nav__title")\s+for="__toc"')


_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_CLIPBOARD = re.compile(r'<clipboard-copy\s+(?:,="")?\s*aria-label="Copy to Clipboard"')
_COPIED = re.compile(r'(<span class="notice"[^>]*>)Copied!(</span>)')
NOTEBOOK_CSS: dict[str, str] = {}  # file name under site_dir -> CSS, written in on_post_build
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
_CLASSIC = re.compile(r'\btype="(?:text/javascript|application/javascript)?"')
NOTEBOOK_JS: dict[str, str] = {}  # file name under site_dir -> JavaScript, written with the CSS


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


def hoist_notebook_scripts(html: str, page_url: str) -> str:
    """Move the inline scripts of a notebook page's body into one file (strict CSP: no inline script)."""
    body_start = html.find("<body")
    if body_start < 0 or 'class="jupyter-wrapper"' not in html:
        return html
    code: list[str] = []

    def take(match: re.Match) -> str:
        attrs, text = match.group(1), match.group(2)
        if "src=" in attrs:
            return "" if 'src="data:' in attrs else match.group(0)
        if 'type="module"' in attrs:
            return ""  # the Mermaid loader: imports from a CDN, only needed for Mermaid cells
        if "type=" in attrs and not _CLASSIC.search(attrs):
            return match.group(0)  # data, not code (JSON, MathJax configuration): never executed
        code.append(text.strip())
        return "\0nk-script\0" if len(code) == 1 else ""

    body = _SCRIPT.sub(take, html[body_start:])
    if not code:
        return html[:body_start] + body
    js = ";\n".join(code) + "\n"
    name = f"assets/javascripts/nk-notebook.{hashlib.sha256(js.encode()).hexdigest()[:8]}.js"
    NOTEBOOK_JS[name] = js
    tag = f'<script src="{get_relative_url(name, page_url or "")}"></script>'
    return html[:body_start] + body.replace("\0nk-script\0", tag)


_RELATIVE_LINK = re.compile(r'(\b(?:href|src)=")(?![a-z][a-z0-9+.-]*:|#|/)([^"#?]+)([^"]*")', re.I)


def relink_notebook(html: str, page_url: str, site_files: set[str]) -> str:
    """Links of a notebook's cells, written for ``x/`` page URLs, for a page at ``x.html``."""
    start = html.find('class="jupyter-wrapper"')
    end = html.find("</article>", start)
    if start < 0 or end < 0 or not page_url.endswith(".html"):
        return html
    as_dir = page_url[: -len(".html")] + "/" if not page_url.endswith("index.html") else posixpath.dirname(page_url) + "/"
    here = posixpath.dirname(page_url)

    def fix(m: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(as_dir, m.group(2)))
        if m.group(2).endswith("/") or target not in site_files:  # a page URL: x/ is x/index.html or x.html
            target = next((t for t in (posixpath.join(target, "index.html"), target + ".html") if t in site_files), target)
        if target not in site_files:
            return m.group(0)  # already right for this layout (the .ipynb download, say), or the link check says so
        return m.group(1) + posixpath.relpath(target, here or ".") + m.group(3)

    return html[:start] + _RELATIVE_LINK.sub(fix, html[start:end]) + html[end:]


def fix_html(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    label = _SEARCH_LABEL.search(html)
    if label:
        html = _SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{label.group(1)}"', html, count=1)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html


def on_page_content(html: str, page, config, files) -> str:
    """The notebook template's "Copied!" notice, in Dutch before the search index takes the text."""
    return _COPIED.sub(r"\1Gekopieerd!\2", html)


def on_post_page(output: str, page, config) -> str:
    html = hoist_notebook_scripts(hoist_notebook_styles(fix_html(output), page.url), page.url)
    if not config.use_directory_urls and 'class="jupyter-wrapper"' in html:
        html = relink_notebook(html, page.url, _SITE_FILES.get("urls", set()))
    # Written now, not in on_post_build: the link check (mkdocs_hooks.on_post_build) runs first.
    for name, css in {**NOTEBOOK_CSS, **NOTEBOOK_JS}.items():
        path = Path(config.site_dir) / name
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(css, encoding="utf-8")
    return html


_SITE_FILES: dict[str, set[str]] = {}


def on_files(files, config):
    """Remember every output path, so that a notebook's links can be matched to real files."""
    _SITE_FILES["urls"] = {f.dest_uri for f in files}
    return files


def on_post_template(output_content: str, template_name: str, config) -> str:
    """Theme templates rendered on their own, such as 404.html, get the same fixes."""
    return fix_html(output_content) if template_name.endswith(".html") else output_content
