"""Markdown the engine writes itself: overviews, module headers and footers, trainer schedules.

Everything here is derived from the validated course data, never typed twice by an author.
"""
from __future__ import annotations

import html
import posixpath
import re

from .sitepaths import PRINT_PAGE, deck_page, handout_pdf, trainer_map_pdf
from .classroom.schedule import DEFAULT_START, timeline
from .course import Course, Module
from .scan import Use
from .studytime import Inventory, module_inventory

COURSE_OVERVIEW = "cursus/index.md"
KEY_POINTS_PAGE = "cursus/kernpunten.md"
EXERCISES_PAGE = "oefeningen/index.md"


def rel(from_uri: str, to_uri: str) -> str:
    """Relative Markdown link between two site source paths."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def minutes(n: int) -> str:
    if n < 60:
        return f"{n} min"
    hours, rest = divmod(n, 60)
    return f"{hours} u" + (f" {rest:02d}" if rest else "")


def page_title(source: str, fallback: str) -> str:
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", source, re.MULTILINE)
    return match.group(1).strip() if match else fallback


def _bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def dutch_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def practice_summary(inv: Inventory) -> str:
    """What a learner does in a module, counted from its pages (never typed by an author)."""
    parts = []
    if inv.exercises:
        parts.append(count(len(inv.exercises), "reflectie-oefening", "reflectie-oefeningen"))
    if inv.inline:
        parts.append(count(len(inv.inline), "korte reflectie", "korte reflecties"))
    if inv.dialogues:
        parts.append(count(inv.dialogues, "voorbeeldgesprek", "voorbeeldgesprekken"))
    if inv.simulations:
        parts.append(count(len(inv.simulations), "gesprekssimulatie", "gesprekssimulaties"))
    if inv.maps:
        parts.append(count(inv.maps, "uitgewerkte netwerkkaart", "uitgewerkte netwerkkaarten"))
    if inv.selftests:
        parts.append(f"een zelftest met {count(inv.questions, 'vraag', 'vragen')}" if inv.selftests == 1
                     else f"{inv.selftests} zelftests met samen {count(inv.questions, 'vraag', 'vragen')}")
    return dutch_list(parts) if parts else ""


# ---------------------------------------------------------------------------- course overview

def course_overview(course: Course) -> str:
    total = sum(m.meta.duration for m in course.modules)
    cards = []
    for module in course.modules:
        meta = module.meta
        link = rel(COURSE_OVERVIEW, module.overview)
        goals = "\n".join(f"    - {g}" for g in meta.goals)
        cards.append(
            f'-   <span class="nk-kaart__nummer">Module {meta.order}</span> '
            f"**[{meta.title}]({link})**\n\n"
            f"    {meta.description}\n\n"
            f'    <span class="nk-kaart__feiten">:material-clock-outline: {minutes(meta.duration)} · '
            f'{len(meta.pages)} pagina\'s · '
            + _exercise_count(course, module) +
            f'<span class="nk-voortgang-module" data-nk-module="{module.slug}" hidden></span></span>\n\n'
            f"    Je leert:\n\n{goals}\n"
        )
    return (
        "# Cursusoverzicht\n\n"
        f"De cursus telt {len(course.modules)} modules, samen ongeveer {minutes(total)} zelfstudie. "
        "Je kiest zelf de volgorde, maar de modules bouwen op elkaar voort. "
        "Elke module start met leerdoelen en eindigt met kernpunten en een korte zelftest.\n\n"
        '<p class="nk-voortgang-cursus" data-nk-totaal="%d" hidden></p>\n\n' % len(course.modules)
        + '<div class="grid cards nk-kaarten" markdown>\n\n' + "\n".join(cards) + "\n</div>\n\n"
        f"Liever alles op een rij? Bekijk de [kernpunten van alle modules]({rel(COURSE_OVERVIEW, KEY_POINTS_PAGE)}) "
        f"of [alle oefeningen]({rel(COURSE_OVERVIEW, EXERCISES_PAGE)}).\n"
    )


def _exercise_count(course: Course, module: Module) -> str:
    inv = module_inventory(course, module)
    n = len(inv.exercises) + len(inv.inline)
    return f"{count(n, 'oefening', 'oefeningen')} · " if n else ""


def key_points_page(course: Course) -> str:
    parts = ["# Kernpunten van alle modules\n",
             "Deze pagina zet de kernpunten van elke module onder elkaar: handig om af te drukken of om te herhalen.\n"]
    for module in course.modules:
        parts.append(f"## Module {module.meta.order}: [{module.meta.title}]({rel(KEY_POINTS_PAGE, module.overview)})\n")
        parts.append(_bullets(module.meta.key_points) + "\n")
    return "\n".join(parts)


# ---------------------------------------------------------------------------- module pages

def module_header(course: Course, module: Module, titles: dict[str, str]) -> str:
    """Inserted under the H1 of a module's overview page."""
    meta = module.meta
    here = module.overview
    contents = "\n".join(
        f"1. [{titles.get(page, page)}]({rel(here, page)})" for page in module.pages[1:]
    )
    practice = practice_summary(module_inventory(course, module))
    return (
        f'<p class="nk-lead">{esc(meta.description)}</p>\n\n'
        '<div class="nk-modulefeiten" markdown>\n\n'
        f"- **Duur:** ongeveer {minutes(meta.duration)} zelfstudie\n"
        + (f"- **Oefenen:** {practice}\n" if practice else "") +
        f"- **Voor wie:** {'; '.join(meta.audience)}\n"
        f"- **Trainers:** [draaiboek voor een workshop van {minutes(meta.trainer.workshop_duration)}]"
        f"({rel(here, module.trainer_page)})\n"
        f"- **Afdrukken:** [hand-out van deze module (PDF, A4)]({rel(here, handout_pdf(module.slug))}){{ download }}\n\n"
        "</div>\n\n"
        "/// leerdoelen\n" + _bullets(meta.goals) + "\n///\n\n"
        + (f"## In deze module\n\n{contents}\n\n" if contents else "")
    )


def module_footer(course: Course, module: Module) -> str:
    """Appended to a module's last page: key points, sources, progress, next module."""
    meta = module.meta
    here = module.pages[-1]
    nxt = next((m for m in course.modules if m.meta.order > meta.order), None)
    after = (f"Verder met [module {nxt.meta.order}: {nxt.meta.title}]({rel(here, nxt.overview)})."
             if nxt else f"Dit was de laatste module. Terug naar het [cursusoverzicht]({rel(here, COURSE_OVERVIEW)}).")
    return (
        "\n\n/// kernpunten\n" + _bullets(meta.key_points) + "\n///\n\n"
        f'<div class="nk-afronden" data-nk-module="{module.slug}" hidden></div>\n\n'
        "## Bronnen bij deze module\n\n" + sources_markdown(meta.sources) + "\n"
        f"{after}\n"
    )


def sources_markdown(sources) -> str:
    """A reference list, marked so that spelling checks skip titles and names in other languages."""
    items = "\n".join(f"- {format_source(s)}" for s in sources)
    return f'<div class="nk-bronnen" markdown>\n\n{items}\n\n</div>\n'


def format_source(source, *, title=lambda t: f"*{t}*", link=lambda u: f"<{u}>", text=str) -> str:
    """One reference in the course's citation style: Markdown by default; the printed documents pass
    HTML for the title and the link, and an escape for the text (classroom.documents.source_html)."""
    out = f"{text(source.author)} ({text(str(source.year))}). {title(text(source.title))}."
    if source.publisher:
        out += f" {text(source.publisher)}."
    if source.url:
        out += f" {link(text(source.url))}"
    return out


def trainer_header(course: Course, module: Module, start: str = DEFAULT_START) -> str:
    plan = module.meta.trainer
    slots, end = timeline(plan, start)
    rows = [f'| <span data-nk-offset="{slot.offset}">{slot.start}</span> | {slot.step.minutes}\' | {slot.step.activity} '
            f"| {slot.step.method} | {slot.step.materials or '–'} |" for slot in slots]
    rows.append(f'| **<span data-nk-offset="0">{slots[0].start}</span>–<span data-nk-offset="{plan.workshop_duration}">'
                f"{end}</span>** | **{plan.workshop_duration}'** | **Totaal: {minutes(plan.workshop_duration)}** | | |")
    here = module.trainer_page
    return (
        f'<p class="nk-lead" markdown>Draaiboek voor een workshop van {minutes(plan.workshop_duration)} bij '
        f'[module {module.meta.order}: {esc(module.meta.title)}]({rel(here, module.overview)}).</p>\n\n'
        '<div class="nk-trainerlinks" markdown>\n\n'
        f"- **Presenteren:** [dia's van deze module]({rel(here, deck_page(module.slug))}) "
        "(met een presentatorvenster voor je notities en de klok)\n"
        f"- **Afdrukken:** [trainersmap (PDF)]({rel(here, trainer_map_pdf(module.slug))}){{ download }} · "
        f"[hand-out voor deelnemers (PDF)]({rel(here, handout_pdf(module.slug))}){{ download }} · "
        f"[alles om af te drukken]({rel(here, PRINT_PAGE)})\n\n"
        "</div>\n\n"
        "## Draaiboek\n\n"
        f'<p class="nk-starttijd" data-nk-starttijd="{slots[0].start}" hidden></p>\n\n'
        "| Start | Duur | Activiteit | Werkvorm | Materiaal |\n|---|---|---|---|---|\n"
        + "\n".join(rows) + "\n\n"
        "## Bespreekvragen\n\n" + _bullets(plan.discussion_questions) + "\n\n"
    )


def insert_after_title(source: str, block: str) -> str:
    """Put ``block`` right after the page's first H1 (or at the top if there is none)."""
    match = re.search(r"^#\s+.+$", source, re.MULTILINE)
    if not match:
        return block + "\n" + source
    end = match.end()
    return source[:end] + "\n\n" + block + source[end:]


# ---------------------------------------------------------------------------- exercises

def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + " …"


def _inline_list(here_slug: str, items: list[tuple[str, str, str, str]]) -> str:
    """Inline reflections ("Even stilstaan") as a list, each with a link to its place."""
    lines = [f"### Korte reflecties {{ #korte-reflecties-{here_slug} }}\n",
             "Korte vragen om even bij stil te staan, met één antwoordveld op de pagina zelf.\n"]
    for ident, question, uri, title in items:
        question = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", question)  # links are relative to the other page
        lines.append(f"- {_short(question)} Staat op: [{title}]({rel(EXERCISES_PAGE, uri)}#reflectie-{ident}).")
    return "\n".join(lines) + "\n"


def exercises_page(course: Course, usage: dict[str, list[tuple[str, str]]],
                   inline: list[tuple[str, str, str, str]] = ()) -> str:
    """All exercises per module, each with links back to every page that uses it.

    ``usage`` maps an exercise id to (page source uri, page title) pairs; ``inline`` lists the
    inline reflections as (id, question, page source uri, page title), in page order.
    """
    parts = ["# Alle oefeningen\n",
             "Hier vind je alle reflectie-oefeningen en korte reflecties van de cursus, per module. "
             "Je antwoorden bewaar je op de pagina waar de oefening staat; ze blijven in je eigen browser. "
             "Alles samen lezen, afdrukken of downloaden doe je in je leerportfolio.\n"]
    by_module: dict[str, list[str]] = {}
    for ident, exercise in course.exercises.items():
        by_module.setdefault(exercise.module, []).append(ident)
    inline_by_module: dict[str, list] = {}
    for item in inline:
        owner = course.module_of_page(item[2])
        inline_by_module.setdefault(owner.slug if owner else "", []).append(item)
    for module in course.modules:
        idents = sorted(by_module.get(module.slug, []))
        if not idents and not inline_by_module.get(module.slug):
            continue
        parts.append(f"## Module {module.meta.order}: {module.meta.title}\n")
        for ident in idents:
            exercise = course.exercises[ident]
            places = usage.get(ident, [])
            links = ", ".join(f"[{title}]({rel(EXERCISES_PAGE, uri)}#reflectie-{ident})" for uri, title in places)
            prompt = _short(exercise.prompt)
            parts.append(
                f'### {exercise.title} {{ #oefening-{ident} }}\n\n'
                f"{prompt}\n\n"
                f"*Ongeveer {exercise.duration} minuten · {len(exercise.fields)} "
                f"{'vraag' if len(exercise.fields) == 1 else 'vragen'}.* "
                + (f"Staat op: {links}." if links else "Wordt (nog) op geen enkele pagina gebruikt.") + "\n"
            )
        if inline_by_module.get(module.slug):
            parts.append(_inline_list(module.slug, inline_by_module[module.slug]))
    if inline_by_module.get(""):
        parts.append("## Andere pagina's\n")
        parts.append(_inline_list("andere", inline_by_module[""]))
    return "\n".join(parts)


# ---------------------------------------------------------------------------- where am I, and the way in

def _reading_words(course: Course, src: str) -> int:
    """Words a learner reads on a page (trainer notes and component markers left out): weighs time left."""
    text = (course.root / src).read_text(encoding="utf-8")
    text = re.sub(r"^/// trainer\b.*?^///\s*$", "", text, flags=re.MULTILINE | re.DOTALL)
    return max(1, len(re.findall(r"\w+", text)))


def position_line(course: Course, module: Module, src: str) -> str:
    """Under a module page's H1: the module, "pagina 2 van 4" and the time left in the module.

    The time left is the module's duration, shared over its pages by the words on each, from this
    page to the last. ``data-nk-pagina`` lets the browser script keep answers in course order.
    """
    pages = list(module.pages)
    here = pages.index(src)
    words = [_reading_words(course, p) for p in pages]
    left = max(1, round(module.meta.duration * sum(words[here:]) / sum(words)))
    return (f'<p class="nk-positie" data-nk-pagina="{here + 1}">Module {module.meta.order}: {esc(module.meta.title)}'
            f" · pagina {here + 1} van {len(pages)} · nog ongeveer {minutes(left)}</p>\n\n")


HOME_START = "<!-- nk:start -->"
HOME_MODULES = "<!-- nk:modules -->"


def home_page(source: str, course: Course, src: str = "index.md") -> str:
    """Fill the home page's markers: the start button (plus the learner's way back, filled in by the
    browser script when there is progress) and the linked list of modules with their count."""
    if not course.modules:
        return source
    first = course.modules[0]
    start = (f"[Begin met module {first.meta.order}]({rel(src, first.overview)}){{ .md-button .md-button--primary }}\n\n"
             '<p class="nk-verder" hidden></p>\n')
    items = "\n".join(f"{m.meta.order}. [{m.meta.title}]({rel(src, m.overview)})" for m in course.modules)
    modules = (f"De cursus telt {len(course.modules)} modules. Samen vormen ze een weg van inzicht naar praktijk:\n\n"
               f'<div class="nk-modulelijst" markdown>\n\n{items}\n\n</div>\n')
    return source.replace(HOME_START, start).replace(HOME_MODULES, modules)
