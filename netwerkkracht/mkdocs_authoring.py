"""MkDocs glue for the author's edit loop: link errors at the source line, fast rebuilds.

Wired in mkdocs.yml under ``hooks:`` right after ``mkdocs_hooks.py`` (it sees each page's Markdown
after the engine's additions). Loaded by path, so absolute imports only.

- The link check of the built site runs after every build; each broken link, anchor, image or
  download is reported once, at the Markdown (or data) file and line it was written in
  (``netwerkkracht.sourcemap``). MkDocs' own link warnings, which name the page but not the line,
  are left out so that nothing is reported twice.
- Lighter pages (``netwerkkracht.compact``): whitespace runs in the HTML collapsed, the site's own
  scripts and styles minified, Material's palette stylesheet trimmed to what the site uses.
- Search ranking (``netwerkkracht.searchrank``): course pages first, trainer pages and notebooks
  lower, maintenance pages left out.
- ``mkdocs serve`` rebuilds the whole site on every save. A page whose Markdown, course data and
  file set did not change reuses the HTML it rendered before, so a one-page edit converts one
  page (set ``NK_NO_RENDER_CACHE=1`` to switch that off). Likewise a page whose content, menu,
  settings and theme did not change gets its last HTML and search entries back, and compiled
  templates are kept.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from netwerkkracht.course import course_for
from netwerkkracht.searchrank import search_setting
from netwerkkracht.sourcemap import PageSource, SourceMap

_state: dict = {}  # this build: root, page sources, cache keys
# Kept across the rebuilds of one `mkdocs serve` (MkDocs loads a hook module once per process):
_rendered: dict[str, tuple[str, tuple]] = {}  # site path -> (key, the page's rendered Markdown)
_outputs: dict[str, tuple[str, str]] = {}  # site path -> (key, the page's finished HTML)
_search_entries: dict[str, tuple[str, list]] = {}  # page URL -> (key, its search index entries)
_assets: dict[tuple[str, str], str] = {}  # (site path, hash of the source) -> lighter text
REUSED_TEMPLATE = "nk-reused-page.html"  # a page whose last HTML is reused goes through this one-line template
PALETTE = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
ES_MODULE = re.compile(r"^\s*(?:import|export)\b", re.M)  # left as written: the offline package joins them


LINK_WARNINGS = ("contains a link", "contains an unrecognized relative link", "contains an absolute link")


class _LinkWarningsFilter(logging.Filter):
    """Leaves out MkDocs' link warnings: the link check reports the same links with their line."""

    nk_links = True

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Doc file '") and any(part in message for part in LINK_WARNINGS))


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    pages_logger = logging.getLogger("mkdocs.structure.pages")
    if not any(getattr(f, "nk_links", False) for f in pages_logger.filters):
        pages_logger.addFilter(_LinkWarningsFilter())
    settings = repr((config["markdown_extensions"], sorted((k, repr(v)) for k, v in (config["mdx_configs"] or {}).items()),
                     config.use_directory_urls, _data_stamps(config)))
    _state.clear()
    _state.update(root=_root(config), sources={}, files_key=None, render_keys={}, output_keys={},
                  build_key=hashlib.sha256(settings.encode()).hexdigest())
    return config


def _data_stamps(config) -> list[tuple[str, int]]:
    """Modification times of what components and snippets read besides the page itself: every
    non-Markdown file in the watched content folders (course data) and the docs' includes."""
    folders = [Path(w) for w in config.watch if Path(w).is_dir()] + [Path(config.docs_dir) / "includes"]
    stamps = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and (path.suffix != ".md" or "includes" in path.parts):
                stamps.append((str(path), path.stat().st_mtime_ns))
    return stamps


def on_files(files, config):
    """Lighter assets (netwerkkracht.compact): the site's own scripts and styles minified, and
    Material's palette stylesheet trimmed to the dark scheme, as this site has its own colours."""
    from mkdocs.structure.files import File

    from netwerkkracht.compact import minify, trim_palette

    custom = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
    for file in list(files):
        src = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if src is None:
            continue
        if PALETTE.fullmatch(file.src_uri) and _custom_colours(config):
            make = trim_palette
        elif custom and src.is_relative_to(custom) and file.src_uri.endswith((".js", ".css")):
            make = lambda text, name=file.src_uri: minify(name, text)  # noqa: E731
        else:
            continue
        text = src.read_text(encoding="utf-8")
        if file.src_uri.endswith(".js") and ES_MODULE.search(text):
            continue
        key = (file.src_uri, hashlib.sha256(text.encode()).hexdigest())
        if key not in _assets:
            _assets[key] = make(text)
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=_assets[key]))
    return files


def _custom_colours(config) -> bool:
    palettes = config.theme.get("palette") or []
    palettes = [palettes] if isinstance(palettes, dict) else palettes
    return bool(palettes) and all(p.get("primary") == "custom" and p.get("accent") == "custom" for p in palettes)


def on_page_markdown(markdown: str, page, config, files):
    """Remember where the page comes from; reuse its last rendering when nothing it depends on changed."""
    root = _state["root"]
    abs_src = page.file.abs_src_path
    shown = None
    if abs_src and Path(abs_src).resolve().is_relative_to(root):
        shown = Path(abs_src).resolve().relative_to(root).as_posix()
    _state["sources"][page.file.dest_uri] = PageSource(shown, page.file.src_uri)
    setting = search_setting(page.file.src_uri, course_for(_state["root"]))
    if setting and "search" not in page.meta:  # read by Material's search plugin after this hook
        page.meta["search"] = setting
    _state["files"] = files
    if os.environ.get("NK_NO_RENDER_CACHE") or page.file.src_uri.endswith(".ipynb"):
        return markdown
    if _state["files_key"] is None:
        listing = "\n".join(sorted(f"{f.src_uri}\t{f.url}" for f in files))
        _state["files_key"] = hashlib.sha256(listing.encode()).hexdigest()
    key = hashlib.sha256("\0".join((_state["build_key"], _state["files_key"], page.file.src_uri, page.file.url,
                                    markdown)).encode()).hexdigest()
    _state["render_keys"][page.file.dest_uri] = key
    _cache_render(page, key)
    return markdown


def _cache_render(page, key: str) -> None:
    original = page.render
    dest = page.file.dest_uri

    def render(config, files):
        hit = _rendered.get(dest)
        if hit and hit[0] == key:
            (page.content, page.toc, page._title_from_render, page.present_anchor_ids, page.links_to_anchors) = hit[1]
            return
        counter = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(counter)
        try:
            original(config, files)
        finally:
            logging.getLogger("mkdocs").removeHandler(counter)
        if not counter.count:  # a page that warned renders again, so its warning comes back
            _rendered[dest] = (key, (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                                     page.links_to_anchors))

    page.render = render


class _WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def on_env(env, config, files):
    """Compiled theme templates are kept in .cache/jinja: MkDocs makes a new template environment
    for every build, which would compile Material's 45 templates again on every save. And a page
    whose content, menu, settings and theme are all as in the last build gets its last HTML back
    instead of going through the templates again (`mkdocs serve`)."""
    from jinja2 import ChoiceLoader, DictLoader, FileSystemBytecodeCache

    folder = _state["root"] / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    env.loader = ChoiceLoader([DictLoader({REUSED_TEMPLATE: "{{ page.nk_output }}"}), env.loader])
    site_key = _site_key(config, files)
    for file in files.documentation_pages():
        page, render_key = file.page, _state["render_keys"].get(file.dest_uri)
        if page is None or render_key is None or "template" in page.meta:
            continue
        key = hashlib.sha256("\0".join((site_key, render_key, file.url, str(page.title), repr(sorted(page.meta.items())),
                                        repr(page.toc and [(t.id, t.title) for t in page.toc]))).encode()).hexdigest()
        _state["output_keys"][file.dest_uri] = key
        last = _outputs.get(file.dest_uri)
        if last and last[0] == key:
            page.meta["template"] = REUSED_TEMPLATE
            page.nk_output = last[1]
    _cache_search_entries(config)
    return env


def _site_key(config, files) -> str:
    """What every page's HTML shows besides its own content: the menu (every page's title and
    place), the configuration and the theme's templates."""
    menu = [(f.dest_uri, f.page.title if f.page else "") for f in files.documentation_pages()]
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None  # the project's own templates
    theme = [(str(p), p.stat().st_mtime_ns) for p in sorted(custom.rglob("*.html"))] if custom else []
    config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    return hashlib.sha256(repr((menu, theme, config_text, _state["build_key"])).encode()).hexdigest()


def _cache_search_entries(config) -> None:
    """Material's search plugin parses every page's HTML on every build: a page whose HTML did not
    change gives the same index entries as last time."""
    if os.environ.get("NK_NO_RENDER_CACHE"):
        return
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is None or not hasattr(index, "add_entry_from_context"):
            continue
        original = index.add_entry_from_context

        def add(page, index=index, original=original):
            key = hashlib.sha256(repr((page.url, page.title, page.content, page.meta.get("search"),
                                       page.toc and [(t.url, t.title) for t in page.toc])).encode()).hexdigest()
            last = _search_entries.get(page.url)
            if last and last[0] == key:
                index.entries.extend(last[1])
                return
            before = len(index.entries)
            original(page)
            _search_entries[page.url] = (key, index.entries[before:])

        index.add_entry_from_context = add


@event_priority(-50)  # after the other hooks' HTML fixes
def on_post_page(output: str, page, config) -> str:
    from netwerkkracht.compact import collapse_whitespace

    dest = page.file.dest_uri
    if page.meta.get("template") == REUSED_TEMPLATE:
        return page.nk_output  # as it was written last time, after every hook
    output = collapse_whitespace(output)
    key = _state["output_keys"].get(dest)
    if key:
        _outputs[dest] = (key, output)
    return output


def on_post_build(config):
    from netwerkkracht.linkcheck import check_site

    report = check_site(Path(config.site_dir))
    logger = logging.getLogger("mkdocs.plugins.netwerkkracht")
    for url in report.external_urls:
        logger.debug("external link (not fetched): %s", url)
    if report.broken:
        files = _state.get("files")
        sources = sorted(f.src_uri for f in files) if files is not None else []
        smap = SourceMap(_state["root"], _state["sources"], sources, config.watch)
        messages = smap.messages(report.broken, report.ids)
        raise PluginError("Link check failed:\n" + "\n".join(str(m) for m in messages))
    logger.info("Link check: %d pages, %d internal links and anchors OK, %d external URLs listed (not fetched)",
                report.pages, report.internal_links, len(report.external_urls))
