"""``netwerkkracht check``: everything the build checks, without building the site.

It runs MkDocs' own steps up to the rendered content of each page (configuration, the engine's
hooks with every content and component check, navigation, Markdown to HTML), then checks the links,
anchors, images and downloads of that content in memory. Skipped, because they are slow and not
authored here: the theme templates, the search index, the notebook page and the rendering of
worksheet PDFs (their links are still checked). Messages are the build's, at the source line.
"""
from __future__ import annotations

import logging
import os
import posixpath
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .linkcheck import check_documents
from .sourcemap import PageSource, SourceMap

CHECK_ONLY = "NK_CHECK_ONLY"  # read by the toolbox: no PDF or DOCX is rendered during a check


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    pages: int = 0
    links: int = 0


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextmanager
def _check_mode():
    old = os.environ.get(CHECK_ONLY)
    os.environ[CHECK_ONLY] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(CHECK_ONLY, None)
        else:
            os.environ[CHECK_ONLY] = old


def check_project(config_file: Path) -> CheckResult:
    from mkdocs.commands.build import _populate_page
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    result = CheckResult()
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    root = Path(config_file).resolve().parent
    try:
        with _check_mode():
            config = load_config(config_file=str(config_file))
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            nav = get_navigation(files, config)
            config.plugins.on_nav(nav, config=config, files=files)
            documents, sources = {}, {}
            for file in files.documentation_pages():
                if file.src_uri.endswith(".ipynb"):
                    continue
                page = file.page or Page(None, file, config)
                _populate_page(page, config, files)
                documents[file.dest_uri] = page.content or ""
                shown = None
                if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(root):
                    shown = Path(file.abs_src_path).resolve().relative_to(root).as_posix()
                sources[file.dest_uri] = PageSource(shown, file.src_uri)
                result.problems += _page_assets(page, files, shown or file.src_uri)
    except MkDocsException as exc:  # the engine's content errors (PluginError) and MkDocs' own
        result.problems = collect.messages + str(exc).removeprefix("Content error(s):\n").splitlines()
        return result
    finally:
        logger.removeHandler(collect)
    result.problems[:0] = collect.messages
    targets = {f.dest_uri for f in files}
    folders = {posixpath.dirname(t) for t in targets}
    folders |= {"/".join(f.split("/")[:i]) for f in folders for i in range(1, f.count("/") + 1)}
    report = check_documents({rel: (lambda html=html: html) for rel, html in documents.items()},
                             targets.__contains__, folders.__contains__)
    result.pages, result.links = report.pages, report.internal_links
    smap = SourceMap(root, sources, sorted(f.src_uri for f in files), config.watch)
    result.problems += [str(m) for m in smap.messages(report.broken, report.ids)]
    return result


def _page_assets(page, files, shown: str) -> list[str]:
    """Styles and scripts a page asks for in its front matter (the theme links them, not the Markdown)."""
    problems = []
    for key in ("styles", "scripts"):
        for asset in page.meta.get(key) or []:
            if files.get_file_from_path(str(asset)) is None:
                problems.append(f"{shown}: front matter '{key}' names '{asset}', which is not a file of the site "
                                f"(paths are relative to docs/ or the theme, e.g. 'assets/x.css')")
    return problems
