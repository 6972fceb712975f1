"""The printed documents as HTML for WeasyPrint: a learner hand-out and a trainer map per module, and
the whole course as one reader.

Each function returns a complete HTML document; ``netwerkkracht.classroom.pdf`` turns it into an
A4 PDF. What goes on paper comes from the course sources, never from the screen markup:
- the hand-out and the reader leave out self-tests, trainer notes, slides and other screen-only
  components (``printable.NOT_FOR_LEARNERS``), so no self-test answer can reach a learner's paper;
- the trainer map reads the self-tests' source and prints every option with its explanation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from ..blocks.bronnenlijst import collect_sources
from ..blocks.zelftest import _without_verdict, parse_selftest
from ..course import Course, Module
from ..pages import format_source, minutes, page_title
from ..scan import find_components
from ..schema import Source
from .printable import NOT_FOR_LEARNERS, PrintRenderer, page_key, strip_blocks, strip_front_matter
from .schedule import timeline
from .style import css

GLOSSARY = "woordenlijst.md"
LEGAL = "juridisch-kader.md"
APPENDICES = (LEGAL, GLOSSARY)  # docs pages that the reader carries after the modules, in this order


@dataclass(frozen=True)
class Settings:
    """What the documents need from the site's configuration."""

    site_name: str
    organisation: str = ""
    start: str = "09:30"
    colour: str = "#0b5e66"


# ---------------------------------------------------------------------------- helpers

def _drop_first_h1(source: str) -> str:
    return re.sub(r"^#\s+.+$", "", strip_front_matter(source), count=1, flags=re.M)


def _list(items, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def source_html(source: Source) -> str:
    """One reference in the course's citation style, escaped."""
    return format_source(source, title=lambda t: f"<cite>{t}</cite>",
                         link=lambda u: f'<a class="extern kaal" href="{u}">{u}</a>', text=escape)


def _sources_section(sources, title: str = "Bronnen", key: str = "") -> str:
    ident = f' id="{key}"' if key else ""
    items = "".join(f"<li>{source_html(s)}</li>" for s in sources)
    return f'<section class="bronnen"{ident}><h2>{escape(title)}</h2><ul>{items}</ul></section>'


def _document(title: str, body: str, settings: Settings, kind: str) -> str:
    author = escape(settings.organisation or settings.site_name)
    html = (f'<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="author" content="{author}"><meta name="generator" content="Netwerkkracht">'
            f"<style>{css(kind, settings.colour)}</style></head><body class=\"{kind}\">{body}</body></html>")
    return finish(html)


_A_INTERNAL = re.compile(r'<a\b([^>]*?)\shref="#([^"]*)"([^>]*)>')


def finish(html: str) -> str:
    """Links to places that are not in this document lose their target (the words stay)."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))

    def fix(match: re.Match) -> str:
        before, target, after = match.groups()
        if target in ids:
            return match.group(0)
        rest = re.sub(r'\sclass="[^"]*"', "", before + after)
        return f"<a{rest}>"

    return _A_INTERNAL.sub(fix, html)


def _module_head(module: Module, settings: Settings, label: str, with_goals: bool = True) -> str:
    meta = module.meta
    goals = f'<section class="leerdoelen"><h2>Wat je leert</h2>{_list(meta.goals)}</section>' if with_goals else ""
    return (f'<header class="module-kop" id="{page_key(module.overview)}">'
            f'<p class="merk">{escape(settings.site_name)} · {escape(label)}</p>'
            f'<h1><span class="nummer">Module {meta.order}</span> {escape(meta.title)}</h1>'
            f'<p class="lead">{escape(meta.description)}</p>'
            f'<p class="feiten">Ongeveer {minutes(meta.duration)} zelfstudie'
            + (f" · {escape(settings.organisation)}" if settings.organisation else "") + "</p>"
            + goals + "</header>")


def _learner_pages(course: Course, module: Module, renderer: PrintRenderer, lines: int) -> str:
    """The module's pages as learners read them, without answers or trainer material."""
    parts = []
    for src in module.pages:
        source = (course.root / src).read_text(encoding="utf-8")
        text = strip_blocks(source, NOT_FOR_LEARNERS)
        if src == module.overview:
            body = renderer.render(src, _drop_first_h1(text), shift=1, lines=lines)
            parts.append(f'<section class="pagina inleiding">{body}</section>')
        else:
            body = renderer.render(src, text, shift=1, lines=lines)
            parts.append(f'<section class="pagina" id="{page_key(src)}">{body}</section>')
    return "".join(parts)


def _key_points(module: Module) -> str:
    return f'<section class="kernpunten"><h2>Kernpunten</h2>{_list(module.meta.key_points)}</section>'


# ---------------------------------------------------------------------------- learner hand-out

def handout_html(course: Course, module: Module, renderer: PrintRenderer, settings: Settings) -> str:
    """A4 hand-out: text, cases, exercise questions with room to write, key points, sources."""
    body = (_module_head(module, settings, "hand-out")
            + _learner_pages(course, module, renderer, lines=5)
            + _key_points(module)
            + _sources_section(module.meta.sources))
    return _document(f"Module {module.meta.order}: {module.meta.title} · hand-out", body, settings, "handout")


# ---------------------------------------------------------------------------- trainer map

def _plan_table(module: Module, settings: Settings) -> str:
    plan = module.meta.trainer
    slots, end = timeline(plan, settings.start)
    rows = "".join(
        f"<tr><td>{s.start}</td><td>{s.step.minutes}'</td><td>{escape(s.step.activity)}</td>"
        f"<td>{escape(s.step.method)}</td><td>{escape(s.step.materials or '–')}</td><td class=\"leeg\"></td></tr>"
        for s in slots)
    total = (f'<tr class="totaal"><td>{slots[0].start}–{end}</td><td>{plan.workshop_duration}\'</td>'
             f'<td colspan="4">Totaal: {minutes(plan.workshop_duration)}</td></tr>')
    return ('<table class="draaiboek"><thead><tr><th>Tijd</th><th>Duur</th><th>Activiteit</th><th>Werkvorm</th>'
            f'<th>Materiaal</th><th>Werkelijk</th></tr></thead><tbody>{rows}{total}</tbody></table>')


def _uses(course: Course, module: Module, name: str) -> list[tuple[str, object]]:
    found = []
    for src in (*module.pages, module.trainer_page):
        source = (course.root / src).read_text(encoding="utf-8")
        found += [(src, use) for use, _ in find_components(source) if use.name == name]
    return found


def _materials(course: Course, module: Module) -> str:
    plan = module.meta.trainer
    items = [f"{escape(s.materials)} <span class=\"bij\">({escape(s.activity)})</span>"
             for s in plan.session_plan if s.materials]
    tools = []
    for _, use in _uses(course, module, "download"):
        tool = course.tools.get(use.argument or "")
        if tool and tool not in tools:
            tools.append(tool)
    sheets = [f"Werkblad <b>{escape(t.title)}</b>: toolbox, <span class=\"bestand\">downloads/{escape(t.id)}.pdf</span>"
              for t in tools]
    from ..sitepaths import handout_pdf

    sheets.append(f"Hand-out voor de deelnemers: <span class=\"bestand\">{escape(handout_pdf(module.slug))}</span>")
    return ('<section class="materiaal"><h2>Klaarleggen en afdrukken</h2>'
            + (f"<h3>Materiaal uit het draaiboek</h3><ul class=\"vinkjes\">{''.join(f'<li>{i}</li>' for i in items)}</ul>" if items else "")
            + f"<h3>Om af te drukken</h3><ul class=\"vinkjes\">{''.join(f'<li>{s}</li>' for s in sheets)}</ul></section>")


def _trainer_notes(course: Course, module: Module, renderer: PrintRenderer) -> str:
    parts = []
    for src in module.pages:
        source = (course.root / src).read_text(encoding="utf-8")
        notes = [use.body for use, _ in find_components(source) if use.name == "trainer" and use.body.strip()]
        if not notes:
            continue
        title = page_title(source, src)
        rendered = "".join(f'<div class="notitie">{renderer.render(src, note)}</div>' for note in notes)
        parts.append(f'<section class="notities-pagina"><h3>Bij “{escape(title)}”</h3>{rendered}</section>')
    if not parts:
        return ""
    return '<section class="notities"><h2>Trainersnotities bij de pagina\'s</h2>' + "".join(parts) + "</section>"


def _answers(course: Course, module: Module) -> str:
    parts = []
    for src, use in _uses(course, module, "zelftest"):
        questions = parse_selftest(use.body)
        for number, question in enumerate(questions, start=1):
            options = []
            for option in question.options:
                mark = "juist" if option.correct else "fout"
                sign = "✓" if option.correct else "✗"
                options.append(f'<li class="{mark}"><span class="teken">{sign}</span> <b>{escape(option.text)}</b>'
                               f'<br><span class="uitleg">{escape(_without_verdict(option.feedback))}</span></li>')
            parts.append(f'<div class="antwoord"><p class="vraag">{number}. {escape(question.text)}</p>'
                         f'<ul class="opties">{"".join(options)}</ul></div>')
    if not parts:
        return ""
    return '<section class="antwoorden"><h2>Zelftest: antwoorden en uitleg</h2>' + "".join(parts) + "</section>"


def trainer_map_html(course: Course, module: Module, renderer: PrintRenderer, settings: Settings) -> str:
    """A4 trainer map: timed session plan, materials, discussion questions, notes, self-test answers."""
    plan = module.meta.trainer
    slots, end = timeline(plan, settings.start)
    trainer_source = (course.root / module.trainer_page).read_text(encoding="utf-8")
    material = renderer.render(module.trainer_page, strip_blocks(_drop_first_h1(trainer_source), {"dia"}), shift=1)
    body = (
        _module_head(module, settings, "trainersmap", with_goals=False)
        + f'<section class="draaiboek-sectie"><h2>Draaiboek: {slots[0].start} tot {end}</h2>'
          f'<p>Een workshop van {minutes(plan.workshop_duration)} met start om {slots[0].start}. '
          "In de laatste kolom noteer je hoe laat je werkelijk aan elk onderdeel begint.</p>"
        + _plan_table(module, settings) + "</section>"
        + f'<section class="leerdoelen"><h2>Leerdoelen</h2>{_list(module.meta.goals)}</section>'
        + _materials(course, module)
        + f'<section class="bespreekvragen"><h2>Bespreekvragen</h2>{_list(plan.discussion_questions)}</section>'
        + f'<section class="trainersmateriaal" id="{page_key(module.trainer_page)}"><h2>Groepsoefeningen en tips</h2>{material}</section>'
        + _trainer_notes(course, module, renderer)
        + _answers(course, module)
        + _key_points(module)
    )
    return _document(f"Module {module.meta.order}: {module.meta.title} · trainersmap", body, settings, "trainersmap")


# ---------------------------------------------------------------------------- reader

def _docs_sources(docs: Path, names) -> list[Source]:
    found = []
    for name in names:
        path = docs / name
        if not path.is_file():
            continue
        match = re.match(r"\A---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
        data = yaml.safe_load(match.group(1)) if match else None
        entries = data.get("sources") if isinstance(data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            try:
                found.append(Source.model_validate(entry))
            except Exception:  # the citation check reports a bad entry; the reader just leaves it out
                continue
    return found


def all_sources(course: Course, docs: Path) -> list[Source]:
    """Every source of the modules and of the pages in the reader, once, by author and year."""
    seen = {s.key(): s for s, _ in collect_sources(course)}
    for source in _docs_sources(docs, APPENDICES):
        seen.setdefault(source.key(), source)
    return sorted(seen.values(), key=lambda s: (s.author.lower(), str(s.year)))


def reader_html(course: Course, renderer: PrintRenderer, settings: Settings, docs: Path) -> str:
    """The whole course as one A4 reader: cover, contents, modules, legal frame, glossary, sources."""
    modules, toc = [], []
    for module in course.modules:
        key = page_key(module.overview)
        toc.append(f'<li class="module"><a href="#{key}">Module {module.meta.order}. {escape(module.meta.title)}</a></li>')
        for src in module.pages[1:]:
            title = page_title((course.root / src).read_text(encoding="utf-8"), src)
            toc.append(f'<li class="pagina"><a href="#{page_key(src)}">{escape(title)}</a></li>')
        modules.append(f'<article class="module">{_module_head(module, settings, "cursusreader")}'
                       f'{_learner_pages(course, module, renderer, lines=3)}{_key_points(module)}</article>')
    appendices = []
    for name in APPENDICES:
        path = docs / name
        if not path.is_file():
            continue
        source = path.read_text(encoding="utf-8")
        title = page_title(strip_front_matter(source), name)
        key = page_key(name)
        body = renderer.render(name, strip_blocks(_drop_first_h1(source), NOT_FOR_LEARNERS), shift=0)
        appendices.append(f'<article class="bijlage" id="{key}"><h1>{escape(title)}</h1>{body}</article>')
        toc.append(f'<li class="module"><a href="#{key}">{escape(title)}</a></li>')
    sources = all_sources(course, docs)
    toc.append('<li class="module"><a href="#alle-bronnen">Alle bronnen</a></li>')
    organisation = (f'<p class="aanbieder">Aangeboden door<br><span class="organisatie">{escape(settings.organisation)}</span></p>'
                    if settings.organisation else "")
    total = sum(m.meta.duration for m in course.modules)
    cover = (f'<section class="omslag"><p class="merk">{escape(settings.site_name)}</p>'
             f'<h1 class="titel">Cursusreader</h1>'
             f'<p class="ondertitel">{len(course.modules)} modules, samen ongeveer {minutes(total)} zelfstudie</p>'
             f"{organisation}"
             '<p class="licentie">Tekst CC BY-SA 4.0. Je mag deze reader delen en aanpassen; vermeld de bron.</p></section>')
    contents = f'<nav class="inhoud"><h1 class="geen-kop">Inhoud</h1><ol>{"".join(toc)}</ol></nav>'
    sources_part = ('<article class="bijlage" id="alle-bronnen"><h1>Alle bronnen</h1>'
                    + "<ul>" + "".join(f"<li>{source_html(s)}</li>" for s in sources) + "</ul></article>")
    body = cover + contents + "".join(modules) + "".join(appendices) + sources_part
    return _document(f"{settings.site_name}: cursusreader", body, settings, "reader")
