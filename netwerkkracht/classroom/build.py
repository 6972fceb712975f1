"""Every classroom file of the site: a deck per module, the printed documents, the print page.

``site_files`` yields ``(site path, content, in_nav)``; the MkDocs hook adds them to the site. The
PDFs are rendered by WeasyPrint and kept in ``.cache/afdrukken/`` under a hash of their HTML and of
the generator code, like the worksheets. Making that HTML costs a Markdown rendering of every page
(about a second for the course), so a second key skips it: a hash of everything the documents are
made from (the course's content folders, ``mkdocs.yml``, the engine's code and the settings). When
that hash is one the cache has seen, each PDF is read from the cache without making its HTML. While
``mkdocs serve`` rebuilds after an edit, the printed documents are not made again: the ones of the
first build stay until the next ``mkdocs build`` (the decks do follow every edit).
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..course import CATALOG_DIR, EXERCISES_DIR, MODULES_DIR, Course
from ..eindtoets import BANK_FILE
from ..errors import ContentError
from ..pages import minutes, rel
from . import documents
from .documents import Settings
from ..scenarios import SCENARIOS_DIR
from ..sitepaths import PRINT_PAGE, READER_PDF, deck_page, handout_pdf, tool_page, tool_pdf, trainer_map_pdf
from .printable import PrintRenderer
from .schedule import DEFAULT_START, parse_start
from .slides import check_slide_blocks, deck_markdown

log = logging.getLogger("mkdocs.plugins.netwerkkracht.classroom")

CODE_VERSION = "1"  # bump to force new PDFs without code changes
CACHE_DIR = Path(".cache") / "afdrukken"
_HERE = Path(__file__).resolve().parent
_GENERATOR_FILES = ("printable.py", "documents.py", "style.py", "schedule.py", "build.py")
SERVE = {"on": False}  # set by the MkDocs hook when the command is `mkdocs serve`
_SERVED: dict[str, "Printed"] = {}  # the PDFs of the first build under mkdocs serve, reused on rebuilds


@dataclass(frozen=True)
class Printed:
    uri: str
    pdf: bytes
    pages: int
    cached: bool
    stale: bool = False
    key: str = ""  # the content key of its HTML (empty for a stale PDF kept under mkdocs serve)


# ---------------------------------------------------------------------------- cache

@functools.lru_cache(maxsize=4)
def _code_hash(stamp: tuple) -> str:
    from importlib.metadata import version

    h = hashlib.sha256(CODE_VERSION.encode())
    for name, _ in stamp:
        h.update((_HERE / name).read_bytes())
    h.update(version("weasyprint").encode())
    return h.hexdigest()


def content_key(html: str) -> str:
    stamp = tuple((name, (_HERE / name).stat().st_mtime_ns) for name in _GENERATOR_FILES)
    return hashlib.sha256((_code_hash(stamp) + html).encode()).hexdigest()[:16]


def _stem(uri: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", Path(uri).stem.lower())


def _stored(pdf_path: Path) -> tuple[bytes, int] | None:
    """A cached PDF and its page count (kept beside it in a .json); None when either is missing or unreadable."""
    try:
        return pdf_path.read_bytes(), json.loads(pdf_path.with_suffix(".json").read_text())["pages"]
    except (OSError, ValueError, KeyError):
        return None


def cached(uri: str, key: str, cache_dir: Path) -> Printed | None:
    """The PDF stored under a content key, without making its HTML; None when it is not there."""
    stored = _stored(cache_dir / f"{_stem(uri)}-{key}.pdf")
    return Printed(uri, *stored, True, key=key) if stored else None


def render_pdf(html: str, base: Path) -> tuple[bytes, int]:
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(base)).render()
    return document.write_pdf(), len(document.pages)


def generate(uri: str, html: str, cache_dir: Path, base: Path, *, allow_stale: bool = False) -> Printed:
    """The PDF of ``html``, from the cache when neither the content nor the generator changed."""
    stem = _stem(uri)
    key = content_key(html)
    if hit := cached(uri, key, cache_dir):
        return hit
    older = sorted(cache_dir.glob(f"{stem}-*.pdf"), key=lambda p: p.stat().st_mtime) if cache_dir.is_dir() else []
    older = [p for p in older if re.fullmatch(rf"{re.escape(stem)}-[0-9a-f]{{16}}\.pdf", p.name)]
    if allow_stale and older and (kept := _stored(older[-1])):
        return Printed(uri, *kept, True, stale=True)
    pdf, pages = render_pdf(html, base)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in older:
        stale.unlink(missing_ok=True)
        stale.with_suffix(".json").unlink(missing_ok=True)
    pdf_path = cache_dir / f"{stem}-{key}.pdf"
    for path, content in ((pdf_path, pdf), (pdf_path.with_suffix(".json"), json.dumps({"pages": pages}).encode())):
        tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
        tmp.write_bytes(content)
        tmp.replace(path)  # atomic: a parallel build never reads half a file
    return Printed(uri, pdf, pages, False, key=key)


# What the printed documents are made from, below the project folder. Generated files are not among
# them: the decks, PDFs and pages the engine makes exist only inside the build.
INPUT_FOLDERS = (MODULES_DIR, EXERCISES_DIR, CATALOG_DIR, SCENARIOS_DIR, Path(BANK_FILE).parts[0], "overrides")
INPUT_FILES = ("mkdocs.yml",)


def inputs_key(root: Path, docs_dir: Path, settings: Settings) -> str:
    """A hash of everything the printed documents are made from: when it repeats, so do they.
    Files are named relative to their folder, so a copy of the project elsewhere has the same key."""
    engine = _HERE.parent
    groups = [(root, [p for folder in INPUT_FOLDERS for p in (root / folder).rglob("*")] + [root / n for n in INPUT_FILES]),
              (docs_dir, list(docs_dir.rglob("*"))),
              (engine, [p for p in engine.rglob("*") if "__pycache__" not in p.parts])]
    h = hashlib.sha256(repr(settings).encode())
    for base, paths in groups:
        for path in sorted(paths):
            if path.is_file():
                h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


# ---------------------------------------------------------------------------- settings

def settings_from(site_name: str, extra: dict, branding=None) -> Settings:
    """Settings from mkdocs.yml's ``extra`` and the site's branding (``netwerkkracht.branding``: the
    organisation's name and colour, validated); a wrong start time fails the build with the fix."""
    organisation = extra.get("organisation") or {}
    start = str(extra.get("workshop_start") or DEFAULT_START)
    try:
        parse_start(start)
    except ValueError as exc:
        raise ContentError("mkdocs.yml", str(exc), field="extra.workshop_start") from None
    name = branding.name if branding is not None else str(organisation.get("name") or "")
    colour = branding.primary if branding is not None else str(organisation.get("primary_color") or "#0b5e66")
    return Settings(site_name=site_name, organisation=name, start=start, colour=colour)


# ---------------------------------------------------------------------------- the print page

def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",") if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} kB"


def _facts(out: Printed) -> str:
    return f"PDF, A4, {out.pages} {'pagina' if out.pages == 1 else 'pagina’s'}, {_size(len(out.pdf))}"


def print_page(course: Course, printed: dict[str, Printed], reader: Printed | None) -> str:
    """Markdown of "Afdrukken en uitdelen": every printable file of the course on one page."""
    here = PRINT_PAGE
    lines = ["# Afdrukken en uitdelen", "",
             "Alles wat je op papier nodig hebt voor een workshop of om zelf te lezen, op één plek. "
             "De bestanden worden telkens opnieuw gemaakt uit de cursus wanneer de site gebouwd wordt, dus ze lopen gelijk "
             "met de pagina's.", ""]
    if reader:
        lines += ["## De hele cursus", "",
                  f"- [Cursusreader]({rel(here, READER_PDF)}){{ download }} ({_facts(reader)}): alle modules met "
                  "inhoudstafel, het juridisch kader, de woordenlijst en alle bronnen. Verwijzingen naar een "
                  "andere pagina worden paginanummers.", ""]
    lines += ["## Per module", "",
              "Een **hand-out** is voor deelnemers: de tekst, de casussen, de oefenvragen met ruimte om te "
              "schrijven, de kernpunten en de bronnen, zonder de antwoorden van de zelftest. De **trainersmap** "
              "is voor jou: het draaiboek met kloktijden, wat je klaarlegt en afdrukt, de bespreekvragen, de "
              "trainersnotities en de antwoorden van de zelftest met uitleg. De **presentatie** projecteer je "
              "in het lokaal.", ""]
    for module in course.modules:
        handout, trainer = printed.get(handout_pdf(module.slug)), printed.get(trainer_map_pdf(module.slug))
        lines += [f"### Module {module.meta.order}: {module.meta.title}", ""]
        if handout:
            lines.append(f"- [Hand-out voor deelnemers]({rel(here, handout.uri)}){{ download }} ({_facts(handout)})")
        if trainer:
            lines.append(f"- [Trainersmap]({rel(here, trainer.uri)}){{ download }} ({_facts(trainer)})")
        lines.append(f"- [Presentatie]({rel(here, deck_page(module.slug))}) (dia's om te projecteren, met een "
                     f"presentatorvenster) · [draaiboek]({rel(here, module.trainer_page)}) "
                     f"({minutes(module.meta.trainer.workshop_duration)})")
        lines.append("")
    if course.tools:
        lines += ["## Werkbladen", "",
                  "Elk werkblad is een A4-PDF om af te drukken; op de pagina van het werkblad vind je ook een "
                  "bewerkbare versie.", ""]
        for tool in course.tools.values():
            lines.append(f"- [{tool.title}]({rel(here, tool_pdf(tool.id))}){{ download }} "
                         f"(PDF) · [uitleg]({rel(here, tool_page(tool.id))})")
        lines.append("")
    lines += ["## Zelf een pagina afdrukken", "",
              "Elke pagina van de cursus kan je ook rechtstreeks uit je browser afdrukken. De menu's vallen dan "
              "weg, de uitleg bij de zelftest wordt niet mee afgedrukt, een vraag blijft op dezelfde bladzijde "
              "als de ruimte om te schrijven, en bij links naar andere websites staat het adres erbij.", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- the site

def site_files(course: Course, root: Path, settings: Settings, extensions: list, configs: dict,
               docs_dir: Path, *, serving: bool = False, cache_dir: Path | None = None,
               ) -> Iterator[tuple[str, str | bytes, bool]]:
    """Decks, PDFs and the print page as (site source path, content, listed in the navigation)."""
    started = time.perf_counter()
    sources = {src: (root / src).read_text(encoding="utf-8") for m in course.modules for src in (*m.pages, m.trainer_page)}
    sources.update({"docs/" + p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8")
                    for p in sorted(docs_dir.rglob("*.md")) if "includes" not in p.parts})
    check_slide_blocks(course, sources)
    for module in course.modules:
        yield deck_page(module.slug), deck_markdown(course, module, settings.organisation), False

    renderer = PrintRenderer(extensions, configs, docs_dir)
    cache = cache_dir or root / CACHE_DIR
    # Under mkdocs serve the documents of the first build are kept (_SERVED): no inputs key to make.
    index = None if serving else cache / f"inputs-{inputs_key(root, docs_dir, settings)}.json"
    try:
        known = json.loads(index.read_text()) if index else {}
    except (OSError, ValueError):
        known = {}
    skipped = 0
    printed: dict[str, Printed] = {}
    jobs = []
    for module in course.modules:
        jobs.append((handout_pdf(module.slug), lambda m=module: documents.handout_html(course, m, renderer, settings)))
        jobs.append((trainer_map_pdf(module.slug), lambda m=module: documents.trainer_map_html(course, m, renderer, settings)))
    jobs.append((READER_PDF, lambda: documents.reader_html(course, renderer, settings, docs_dir)))
    for uri, make in jobs:
        if serving and uri in _SERVED:
            out = Printed(uri, _SERVED[uri].pdf, _SERVED[uri].pages, True, stale=True)
        elif uri in known and (out := cached(uri, known[uri], cache)):
            skipped += 1
        else:
            out = generate(uri, make(), cache, docs_dir, allow_stale=serving)
        if serving:
            _SERVED[uri] = out
        printed[uri] = out
        yield uri, out.pdf, False
    yield PRINT_PAGE, print_page(course, printed, printed.get(READER_PDF)), True
    if index and all(p.key for p in printed.values()):
        for old in cache.glob("inputs-*.json"):
            old.unlink(missing_ok=True)
        index.write_text(json.dumps({uri: p.key for uri, p in printed.items()}))
    fresh = sum(not p.cached for p in printed.values())
    stale = sum(p.stale for p in printed.values())
    log.info("Classroom: %d decks, %d PDFs (%d rendered, %d from cache%s%s) in %.2f s", len(course.modules),
             len(printed), fresh, len(printed) - fresh,
             f", {skipped} without making their HTML: inputs unchanged" if skipped else "",
             f", {stale} kept from before until the next mkdocs build" if stale else "", time.perf_counter() - started)
