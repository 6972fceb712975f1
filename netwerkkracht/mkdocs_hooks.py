"""MkDocs glue: the only module that knows MkDocs. Wired in mkdocs.yml under ``hooks:``.

It loads the course, adds the module pages and the generated pages to the site, checks every
component before rendering, and runs the link check on the finished site. The course logic
itself lives in plain modules (course, scan, pages, components) that another generator could reuse.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from netwerkkracht import pages as gen
from netwerkkracht.course import Course, course_for
from netwerkkracht.errors import ContentError
from netwerkkracht.page_context import set_page
from netwerkkracht.scan import check_page
from netwerkkracht.toolbox.paths import tool_page

log = logging.getLogger("mkdocs.plugins.netwerkkracht")

NAV_MODULES = "@modules"  # nav marker: one section per module, in order
NAV_TRAINER = "@draaiboeken"  # nav marker: every module's trainer page
NAV_TOOLS = "@tools"  # nav marker: every tool's page, in catalogue order
EXTENSION = "netwerkkracht.components"

_state: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _course(config) -> Course:
    try:
        return course_for(_root(config))
    except ContentError as exc:
        raise PluginError(f"Content error(s):\n{exc}") from None


# ---------------------------------------------------------------------------- hooks

def on_config(config):
    course = _course(config)
    config.mdx_configs.setdefault(EXTENSION, {})["root"] = str(_root(config))
    if "pymdownx.snippets" in config.mdx_configs:  # snippet paths are relative to mkdocs.yml, not the cwd
        config.mdx_configs["pymdownx.snippets"].setdefault("base_path", [str(_root(config))])
    config.watch.extend(str(_root(config) / d) for d in ("modules", "exercises", "catalog") if (_root(config) / d).is_dir())
    if config.nav:
        config.nav = _expand_nav(config.nav, course)
    _inline_favicon(config)
    _state.clear()
    _state.update(site_dir=config.site_dir, course=course)  # one load per build, read by the page hooks
    return config


def _inline_favicon(config) -> None:
    """An SVG favicon becomes a data URI in every page: one request fewer per page view."""
    favicon = config.theme.get("favicon") or ""
    path = Path(config.docs_dir) / favicon
    if favicon.endswith(".svg") and path.is_file():
        import urllib.parse

        svg = " ".join(path.read_text(encoding="utf-8").split()).replace('"', "'")  # the template quotes with "
        config.theme["favicon"] = "data:image/svg+xml," + urllib.parse.quote(svg, safe="=:/'")


def _expand_nav(items, course: Course):
    out = []
    for item in items:
        if item == NAV_MODULES:
            for m in course.modules:
                out.append({f"{m.meta.order}. {m.meta.title}": list(m.pages)})
        elif item == NAV_TRAINER:
            for m in course.modules:
                out.append({f"Draaiboek module {m.meta.order}": m.trainer_page})
        elif item == NAV_TOOLS:
            out.extend(tool_page(ident) for ident in course.tools)
        elif isinstance(item, dict):
            out.append({k: _expand_nav(v, course) if isinstance(v, list) else v for k, v in item.items()})
        else:
            out.append(item)
    return out


def on_env(env, config, files):
    """Template filter: the markup of an SVG under docs/, for inlining (one request fewer per page)."""
    docs = Path(config.docs_dir)

    def inline_svg(path: str) -> str:
        file = docs / path
        if file.suffix.lower() != ".svg" or not file.is_file():
            return ""
        from markupsafe import Markup

        svg = file.read_text(encoding="utf-8")
        return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))

    env.filters["nk_inline_svg"] = inline_svg
    return env


def on_files(files: Files, config):
    course = _state["course"]
    root = _root(config)
    for module in course.modules:
        for src in (*module.pages, module.trainer_page):
            files.append(File.generated(config, src, abs_src_path=str(root / src)))
    usage: dict[str, list[tuple[str, str]]] = {}
    titles: dict[str, str] = {}
    errors: list[str] = []
    for file in list(files):
        if not file.src_uri.endswith(".md"):
            continue
        source = Path(file.abs_src_path).read_text(encoding="utf-8")
        titles[file.src_uri] = gen.page_title(source, file.name)
        shown = os.path.relpath(file.abs_src_path, root)
        try:
            uses = check_page(source, shown, course)
        except ContentError as exc:
            errors.append(str(exc))
            continue
        for use in uses:
            if use.name == "reflectie" and use.argument in course.exercises:
                usage.setdefault(use.argument, []).append((file.src_uri, titles[file.src_uri]))
    if errors:
        raise PluginError("Content error(s):\n" + "\n".join(errors))
    _state.update(titles=titles)
    for uri, content in (
        (gen.COURSE_OVERVIEW, gen.course_overview(course)),
        (gen.KEY_POINTS_PAGE, gen.key_points_page(course)),
        (gen.EXERCISES_PAGE, gen.exercises_page(course, usage)),
    ):
        files.append(File.generated(config, uri, content=content))
    from netwerkkracht.toolbox.build import site_files  # toolbox: PDF, DOCX, preview and page per tool

    for uri, content in site_files(course, root):
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown: str, page, config, files):
    course = _state["course"]
    src = page.file.src_uri
    set_page(os.path.relpath(page.file.abs_src_path or src, _root(config)) if page.file.abs_src_path else src, src, page.url)
    module = course.module_of_page(src)
    if src == "index.md":
        markdown = gen.home_page(markdown, course)
    if module is None:
        return markdown
    if src == module.overview:
        markdown = gen.insert_after_title(markdown, gen.module_header(course, module, _state.get("titles", {})))
    if src in module.pages:
        markdown = gen.insert_after_title(markdown, gen.position_line(course, module, src))
    if src == module.pages[-1]:
        markdown = markdown.rstrip() + gen.module_footer(course, module)
    if src == module.trainer_page:
        markdown = gen.insert_after_title(markdown, gen.trainer_header(course, module))
    return markdown


def on_page_context(context, page, config, nav):
    """Tell the templates which module a page belongs to (progress marks, trainer view)."""
    module = _state["course"].module_of_page(page.file.src_uri)
    page.meta.setdefault("nk_module", module.slug if module else "")
    page.meta.setdefault("nk_trainer", bool(module and page.file.src_uri == module.trainer_page))
    return context


def on_build_error(error):
    """A failed build leaves no half-built site behind that could be mistaken for a good one."""
    site = _state.get("site_dir")
    if site and (Path(site) / "index.html").exists():
        from mkdocs.utils import clean_directory

        clean_directory(site)


def on_post_build(config):
    from netwerkkracht.linkcheck import check_site

    report = check_site(Path(config.site_dir))
    for url in report.external_urls:
        log.debug("external link (not fetched): %s", url)
    if report.errors:
        raise PluginError("Link check failed:\n" + "\n".join(report.errors))
    log.info("Link check: %d pages, %d internal links and anchors OK, %d external URLs listed (not fetched)",
             report.pages, report.internal_links, len(report.external_urls))
