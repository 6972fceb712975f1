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
from netwerkkracht import practice_pages as practice
from netwerkkracht.blocks import COMPONENTS
from netwerkkracht.branding import load_branding
from netwerkkracht.course import Course, course_for, pin_course
from netwerkkracht.errors import SAVE_AS_UTF8, ContentError, read_text
from netwerkkracht.page_context import set_page
from netwerkkracht.scan import check_page, duplicate_ids
from netwerkkracht.sitepaths import PRINT_PAGE, tool_page

log = logging.getLogger("mkdocs.plugins.netwerkkracht")

NAV_MODULES = "@modules"  # nav marker: one section per module, in order
NAV_TRAINER = "@draaiboeken"  # nav marker: every module's trainer page
NAV_TOOLS = "@tools"  # nav marker: every tool's page, in catalogue order
NAV_SIMULATIONS = "@simulaties"  # nav marker: every conversation simulation's page
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

def on_startup(command, dirty):
    from netwerkkracht.classroom.build import SERVE

    SERVE["on"] = command == "serve"  # kept in a plain module: MkDocs loads this file anew for every rebuild


def on_config(config):
    course = _course(config)
    config.mdx_configs.setdefault(EXTENSION, {})["root"] = str(_root(config))
    config.mdx_configs[EXTENSION]["platform_videos"] = _platform_videos(config)
    if "pymdownx.snippets" in config.mdx_configs:  # snippet paths are relative to mkdocs.yml, not the cwd
        config.mdx_configs["pymdownx.snippets"].setdefault("base_path", [str(_root(config))])
    config.watch.extend(str(_root(config) / d) for d in ("modules", "exercises", "catalog", "scenarios", "assessment") if (_root(config) / d).is_dir())
    if config.nav:
        config.nav = _expand_nav(config.nav, course)
    _state.clear()
    _state.update(site_dir=config.site_dir, course=course)  # one load per build, read by the page hooks
    _brand(config)
    config.mdx_configs[EXTENSION]["organisation"] = _state["branding"].name  # the certificate names it
    return config


def _platform_videos(config) -> bool:
    """extra.platform_videos: YouTube/Vimeo players after a click (off by default: strict CSP, no frame-src)."""
    from netwerkkracht.hosting.csp import platform_videos

    try:
        return platform_videos(config.extra)
    except ValueError as exc:
        raise PluginError(str(exc)) from None


def _brand(config) -> None:
    """extra.organisation becomes one validated branding (netwerkkracht/branding.py): the templates
    read its plain-text values (and escape them), the favicon and the colour variables follow it."""
    try:
        branding = load_branding(config.extra, config.docs_dir)
    except ContentError as exc:
        raise PluginError(f"Branding error(s):\n{exc}") from None
    config.extra["organisation"] = branding.template()
    if branding.favicon_href():
        config.theme["favicon"] = branding.favicon_href()  # an SVG becomes a data URI: one request fewer
    config.extra_css.append(branding.css_file())
    _state["branding"] = branding


def _expand_nav(items, course: Course):
    out = []
    for item in items:
        if item == NAV_MODULES:
            out.extend(_grouped([{f"{m.meta.order}. {m.meta.title}": list(m.pages)} for m in course.modules],
                                course, "Modules"))
        elif item == NAV_TRAINER:
            out.append({"Afdrukken en uitdelen": PRINT_PAGE})
            out.extend(_grouped([{f"Draaiboek {m.meta.order} · {m.meta.title}": m.trainer_page} for m in course.modules],
                                course, "Draaiboeken"))
        elif item == NAV_TOOLS:
            out.extend(tool_page(ident) for ident in course.tools)
        elif item == NAV_SIMULATIONS:
            out.extend({s.title: practice.scenario_page(ident)} for ident, s in course.scenarios.items())
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


def on_files(files: Files, config):
    course = _state["course"]
    root = _root(config)
    branding = _state["branding"]
    files.append(File.generated(config, branding.css_file(), content=branding.css()))
    for path in {branding.logo, branding.favicon} - {""}:
        svg = branding.served_svg(path)
        if svg:  # the organisation's SVG as served: cleaned (branding.sanitise_svg)
            old = files.get_file_from_path(path)
            if old is not None:
                files.remove(old)
            files.append(File.generated(config, path, content=svg))
    for module in course.modules:
        for src in (*module.pages, module.trainer_page):
            files.append(File.generated(config, src, abs_src_path=str(root / src)))
    usage: dict[str, list[tuple[str, str]]] = {}
    inline: list[tuple[str, str, str, str]] = []  # inline reflections: id, question, page, page title
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
        _state.setdefault("assets", {})[file.src_uri] = _page_assets(uses)
        for use in uses:
            if use.name == "reflectie" and use.argument in course.exercises:
                usage.setdefault(use.argument, []).append((file.src_uri, titles[file.src_uri]))
            elif use.name == "reflectie" and use.body.strip():
                inline.append((use.argument, use.body, file.src_uri, titles[file.src_uri]))
    errors.extend(str(e) for e in duplicate_ids(page_uses))
    try:
        errors.extend(_course_checks(course, config))
    except UnicodeDecodeError as exc:  # the course checks read the pages again: that file is named above
        if not errors:
            errors.append(f"a content file is not UTF-8 text ({exc}): {SAVE_AS_UTF8}")
    if errors:
        raise PluginError("Content error(s):\n" + "\n".join(errors))
    _state.update(titles=titles)
    toets, attest, portfolio = (bool(files.get_file_from_path(p)) for p in (practice.EINDTOETS_PAGE, practice.ATTEST_PAGE, practice.PORTFOLIO))
    generated = [(practice.scenario_page(i), practice.simulation_markdown(course, i, practice.PORTFOLIO if portfolio else None))
                 for i in course.scenarios]
    if course.scenarios or toets or attest:
        generated.append((practice.OVERVIEW, practice.overview_markdown(course, toets, attest)))
    for uri, content in generated:  # generated pages with components: scanned like any page
        _state.setdefault("assets", {})[uri] = _page_assets(check_page(content, uri, course))
        files.append(File.generated(config, uri, content=content))
    for uri, content in (
        (gen.COURSE_OVERVIEW, gen.course_overview(course)),
        (gen.KEY_POINTS_PAGE, gen.key_points_page(course)),
        (gen.EXERCISES_PAGE, gen.exercises_page(course, usage, inline)),
    ):
        files.append(File.generated(config, uri, content=content))
    from netwerkkracht.toolbox.build import site_files  # toolbox: PDF, DOCX, preview and page per tool

    for uri, content in site_files(course, root, branding):
        files.append(File.generated(config, uri, content=content))
    _classroom_files(files, config, course, root)
    return files


def _classroom_files(files: Files, config, course: Course, root: Path) -> None:
    """Slide decks, hand-outs, trainer maps, the course reader and the print page (netwerkkracht.classroom)."""
    from mkdocs.structure.files import InclusionLevel

    from netwerkkracht.classroom.build import SERVE, settings_from, site_files as classroom_files

    try:
        settings = settings_from(config.site_name, dict(config.extra), _state.get("branding"))
        _state["workshop_start"] = settings.start
        generated = list(classroom_files(course, root, settings, config.markdown_extensions, config.mdx_configs,
                                         Path(config.docs_dir), serving=SERVE["on"]))
    except ContentError as exc:
        raise PluginError(f"Content error(s):\n{exc}") from None
    for uri, content, in_nav in generated:
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))


def _course_checks(course: Course, config) -> list[str]:
    """Citations, study time, key points and counts (``coursechecks``); with ``extra.content_checks:
    warn`` the content problems are listed in the log instead of stopping the build."""
    from netwerkkracht import coursechecks

    try:
        mode = coursechecks.mode_of(config.extra)
    except ContentError as exc:
        return [str(exc)]
    found = coursechecks.run(course)
    if mode == "warn" and found.problems:
        log.info("Content checks in warn mode (extra.%s: warn): %d problem(s) that strict mode would stop on:\n%s",
                 coursechecks.MODE_KEY, len(found.problems), "\n".join(str(p) for p in found.problems))
        return [str(e) for e in found.invalid]
    return [str(e) for e in (*found.invalid, *found.problems)]


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
        markdown = gen.insert_after_title(markdown, gen.trainer_header(course, module, _state["workshop_start"]))
    return markdown


def _page_assets(uses) -> tuple[list[str], list[str]]:
    """The page-specific scripts and styles the components on a page declare (see CourseBlock.SCRIPTS)."""
    scripts, styles = [], []
    for use in uses:
        component = COMPONENTS[use.name]
        scripts += [s for s in component.SCRIPTS if s not in scripts]
        styles += [s for s in component.STYLES if s not in styles]
    return scripts, styles


def on_page_context(context, page, config, nav):
    """Tell the templates which module a page belongs to (progress marks, trainer view)."""
    scripts, styles = _state.get("assets", {}).get(page.file.src_uri, ([], []))
    for key, extra in (("scripts", scripts), ("styles", styles)):
        if extra:
            page.meta[key] = list(page.meta.get(key) or []) + [x for x in extra if x not in (page.meta.get(key) or [])]
    module = _state["course"].module_of_page(page.file.src_uri)
    page.meta.setdefault("nk_module", module.slug if module else "")
    page.meta.setdefault("nk_trainer", bool(module and page.file.src_uri == module.trainer_page))
    if page.meta["nk_trainer"]:  # the start-time picker of the session plan
        page.meta["scripts"] = list(page.meta.get("scripts") or []) + ["assets/draaiboek.js"]
    return context


def on_build_error(error):
    """A failed build leaves no half-built site behind that could be mistaken for a good one."""
    site = _state.get("site_dir")
    if site and (Path(site) / "index.html").exists():
        from mkdocs.utils import clean_directory

        clean_directory(site)
