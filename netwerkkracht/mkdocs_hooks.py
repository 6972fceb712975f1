"""MkDocs glue: the only module that knows MkDocs. Wired in mkdocs.yml under ``hooks:``.

It loads the course, adds the module pages and the generated pages to the site and checks every
component before rendering (``mkdocs_authoring.py`` runs the link check). The course logic
itself lives in plain modules (course, scan, pages, components) that another generator could reuse.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from netwerkkracht import pages as gen
from netwerkkracht.course import Course, course_for, pin_course
from netwerkkracht.errors import ContentError, read_text
from netwerkkracht.page_context import set_page
from netwerkkracht.scan import check_page, duplicate_ids
from netwerkkracht.sitepaths import tool_page

log = logging.getLogger("mkdocs.plugins.netwerkkracht")

NAV_MODULES = "@modules"  # nav marker: one section per module, in order
NAV_TRAINER = "@draaiboeken"  # nav marker: every module's trainer page
NAV_TOOLS = "@tools"  # nav marker: every tool's page, in catalogue order
EXTENSION = "netwerkkracht.components"

_state: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _course(config) -> Course:
    pin_course(_root(config), None)
    try:
        course = course_for(_root(config))
    except ContentError as exc:
        raise PluginError(f"Content error(s):\n{exc}") from None
    pin_course(_root(config), course)  # one look at the files per build, not one per component
    return course


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
            out.extend(_grouped([{f"{m.meta.order}. {m.meta.title}": list(m.pages)} for m in course.modules],
                                course, "Modules"))
        elif item == NAV_TRAINER:
            out.extend(_grouped([{f"Draaiboek module {m.meta.order}": m.trainer_page} for m in course.modules],
                                course, "Draaiboeken"))
        elif item == NAV_TOOLS:
            out.extend(tool_page(ident) for ident in course.tools)
        elif isinstance(item, dict):
            out.append({k: _expand_nav(v, course) if isinstance(v, list) else v for k, v in item.items()})
        else:
            out.append(item)
    return out


NAV_GROUP = 10  # a long course shows its modules in groups of ten, so that every page's menu stays short
NAV_GROUP_ABOVE = 12


def _grouped(entries: list, course: Course, label: str) -> list:
    """One menu entry per module, or, above NAV_GROUP_ABOVE modules, one section per ten modules
    ("Modules 11–20"): with navigation.prune a page then carries a dozen links, not one per module."""
    if len(entries) <= NAV_GROUP_ABOVE:
        return entries
    groups = []
    for start in range(0, len(entries), NAV_GROUP):
        orders = [m.meta.order for m in course.modules[start:start + NAV_GROUP]]
        groups.append({f"{label} {orders[0]}–{orders[-1]}": entries[start:start + NAV_GROUP]})
    return groups


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
    page_uses: dict[str, list] = {}
    for file in list(files):
        if not file.src_uri.endswith(".md"):
            continue
        shown = os.path.relpath(file.abs_src_path, root)
        try:
            source = read_text(file.abs_src_path, root)
            titles[file.src_uri] = gen.page_title(source, file.name)
            uses = page_uses[shown] = check_page(source, shown, course)
        except ContentError as exc:
            errors.append(str(exc))
            continue
        for use in uses:
            if use.name == "reflectie" and use.argument in course.exercises:
                usage.setdefault(use.argument, []).append((file.src_uri, titles[file.src_uri]))
    errors.extend(str(e) for e in duplicate_ids(page_uses))
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
    if module is None:
        return markdown
    if src == module.overview:
        markdown = gen.insert_after_title(markdown, gen.module_header(course, module, _state.get("titles", {})))
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
