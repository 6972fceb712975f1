"""A module's slide deck, derived at build time from the module itself.

Nothing is typed twice: the title, goals, key ideas (each page's section headings), cases,
example conversations, exercises, videos, discussion questions, self-test questions and key points
of a module become slides, in the order of its pages. Authors add or replace slides with the
``/// dia`` block. Trainer notes (``/// trainer``) become the presenter notes of the slide they
follow, a dialogue's notes on the professional's turns those of its slides, and a self-test
question's right answer and explanation those of its quiz slide.

The deck is one Markdown page with one ``<section class="nk-dia">`` per slide, rendered with the
site's own components (a video is the same click-to-play card or local player as on a page) and
shown by ``overrides/presentatie.html`` with ``assets/presentatie.js``. Plain Python: no MkDocs.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass, field

from ..blocks.dia import SHAPES
from ..blocks.dialoog import parse_dialogue
from ..blocks.zelftest import _without_verdict, parse_selftest
from ..course import Course, Module
from ..errors import ContentError, raise_all
from ..pages import format_source, minutes, page_title, rel
from ..scan import Use, find_components
from ..sitepaths import deck_page

DECK_TEMPLATE = "presentatie.html"
DECK_SCRIPT = "assets/presentatie.js"
PLATFORM_VIDEO_SCRIPT = "assets/netwerkkracht.js"  # the click-to-play cards, as on the pages
WORDS_PER_SLIDE = 140  # running text; a 1920x1080 slide with 34 px text holds about 220 words
TURNS_PER_SLIDE = 5
ITEMS_PER_SLIDE = 6
SOURCES_PER_SLIDE = 4
SLIDE_BLOCKS = {"casus", "dialoog", "reflectie", "video", "download", "kernpunten", "dia", "zelftest"}
_HEADING = re.compile(r"^(#{2})\s+(.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```+|~~~+)")


@dataclass
class Slide:
    kind: str  # titel, doelen, pagina, casus, gesprek, oefening, stilstaan, video, werkblad, dia, bespreekvraag, quiz, kernpunten, bronnen
    title: str  # plain text; empty when a component brings its own heading
    body: str = ""  # Markdown (or HTML that Markdown passes through)
    kicker: str = ""
    notes: list[str] = field(default_factory=list)  # Markdown, for the presenter window
    shape: str = ""  # for author slides: tekst, stelling, vraag
    video: str = ""  # the video id of a video slide


def words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------------------- splitting

def paragraphs(markdown: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n\s*\n", markdown.strip()) if p.strip()]


def chunks(parts: list[str], budget: int = WORDS_PER_SLIDE) -> list[list[str]]:
    """Group parts (paragraphs, turns) in order so that each group stays within the word budget."""
    groups: list[list[str]] = [[]]
    used = 0
    for part in parts:
        n = words(part)
        if groups[-1] and used + n > budget:
            groups.append([])
            used = 0
        groups[-1].append(part)
        used += n
    return [g for g in groups if g]


def numbered(title: str, index: int, total: int) -> str:
    return title if total == 1 else f"{title} ({index}/{total})"


def bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


# ---------------------------------------------------------------------------- page events

@dataclass
class _Event:
    line: int
    use: Use | None = None
    heading: str | None = None


def _headings(source: str) -> list[tuple[int, str]]:
    """Level-2 headings outside code fences and components, with their line numbers."""
    found, fence, depth = [], None, 0
    for number, line in enumerate(source.splitlines(), start=1):
        match = _FENCE.match(line)
        if match:
            fence = None if fence and match.group(1).startswith(fence[:3]) else (fence or match.group(1))
            continue
        if fence:
            continue
        if re.match(r"^\s*/{3,}\s*[A-Za-z]", line):
            depth += 1
            continue
        if re.match(r"^\s*/{3,}\s*$", line):
            depth = max(0, depth - 1)
            continue
        heading = _HEADING.match(line)
        if heading and not depth:
            found.append((number, heading.group(2).strip()))
    return found


_LINK = re.compile(r"(\]\(\s*<?)([^)\s>]+)(>?(?:\s+\"[^\"]*\")?\s*\))|(\bhref=\")([^\"]+)(\")")


def relink(markdown: str, src: str, deck: str) -> str:
    """Markdown copied from page ``src`` onto the deck ``deck``, with relative links still pointing
    at the same files (a link to ../../juridisch-kader.md means something else one folder up)."""
    def target(path: str) -> str:
        if not path or re.match(r"^[a-z][a-z0-9+.-]*:", path, re.I) or path.startswith("/"):
            return path
        page, _, fragment = path.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), page)) if page else src
        return rel(deck, resolved) + (f"#{fragment}" if fragment else "")

    def fix(match: re.Match) -> str:
        if match.group(1) is not None:
            return match.group(1) + target(match.group(2)) + match.group(3)
        return match.group(4) + target(match.group(5)) + match.group(6)

    return _LINK.sub(fix, markdown)


def _strip_title_and_meta(source: str) -> str:
    source = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)
    return re.sub(r"^#\s+.+$", "", source, count=1, flags=re.M)


# ---------------------------------------------------------------------------- slides per block

def _case_slides(use: Use) -> list[Slide]:
    groups = chunks(paragraphs(use.body))
    return [Slide("casus", numbered(use.argument or "Casus", i, len(groups)), "\n\n".join(g),
                  kicker="Casus · fictief") for i, g in enumerate(groups, start=1)]


def _dialogue_slides(use: Use) -> list[Slide]:
    opts = use.options
    dialogue = parse_dialogue(use.argument or "", use.body, str(opts.get("professional") or ""),
                              str(opts.get("anderen") or ""), str(opts.get("situatie") or ""))
    turns = dialogue.turns
    groups: list[list] = [[]]
    used = words(dialogue.situation)
    for turn in turns:
        n = words(turn.text)
        if groups[-1] and (used + n > WORDS_PER_SLIDE or len(groups[-1]) >= TURNS_PER_SLIDE):
            groups.append([])
            used = 0
        groups[-1].append(turn)
        used += n
    slides = []
    for index, group in enumerate(groups, start=1):
        items = []
        for turn in group:
            own = turn.speaker == dialogue.professional
            items.append(f'<li class="nk-dia__beurt nk-dia__beurt--{"professional" if own else "ander"}">'
                         f"<strong>{esc(turn.speaker)}:</strong> {esc(turn.text)}</li>")
        body = ""
        if index == 1 and dialogue.situation:
            body += f'<p class="nk-dia__situatie">{esc(dialogue.situation)}</p>\n\n'
        body += '<ol class="nk-dia__beurten">\n' + "\n".join(items) + "\n</ol>"
        notes = [f"**{turn.speaker}:** {turn.note}" for turn in group if turn.note]
        slides.append(Slide("gesprek", numbered(dialogue.title, index, len(groups)), body,
                            kicker="Voorbeeldgesprek · fictief", notes=notes))
    return slides


def _exercise_slides(use: Use, course: Course) -> list[Slide]:
    exercise = course.exercises.get(use.argument or "")
    if exercise is None or use.body.strip():
        return [Slide("stilstaan", "Even stilstaan", use.body.strip(), kicker="Reflectie")]
    kicker = f"Oefening · ongeveer {minutes(exercise.duration)}"
    questions = [f.label for f in exercise.fields]
    prompt = paragraphs(exercise.prompt)
    groups = chunks(prompt + ["\n".join(f"1. {q}" for q in questions)])
    slides = []
    for index, group in enumerate(groups, start=1):
        slides.append(Slide("oefening", numbered(exercise.title, index, len(groups)), "\n\n".join(group), kicker=kicker))
    hints = [f"**{f.label}** {f.hint}" for f in exercise.fields if f.hint]
    slides[0].notes.append(f"Reken op ongeveer {minutes(exercise.duration)}. Deelnemers schrijven voor zichzelf "
                           "(op papier of in hun eigen browser), daarna bespreek je wat ze willen delen.")
    slides[0].notes.extend(hints)
    return slides


def _video_slide(use: Use, course: Course) -> Slide:
    video = course.videos[use.argument]
    notes = ["**Kijkwijzer.**\n\n" + bullets(video.watch_for), f"**Reflectievraag:** {video.reflection_question}"]
    return Slide("video", "", f"/// video | {video.id}\n///", notes=notes, video=video.id)


def _tool_slide(use: Use, course: Course) -> Slide:
    tool = course.tools[use.argument]
    return Slide("werkblad", tool.title, tool.summary, kicker="Werkblad",
                 notes=[f"Druk het werkblad vooraf af (PDF in de toolbox). Reken op ongeveer {minutes(tool.duration)}."])


def _quiz_slides(use: Use) -> list[Slide]:
    questions = parse_selftest(use.body)
    slides = []
    for number, question in enumerate(questions, start=1):
        letters = "ABCDEFGHIJ"
        options = "\n".join(f'<li><span class="nk-dia__letter">{letters[i]}</span> {esc(o.text)}</li>'
                            for i, o in enumerate(question.options))
        right = [f"{letters[i]} ({o.text})" for i, o in enumerate(question.options) if o.correct]
        notes = [f"**Juist: {', '.join(right)}.**"]
        notes += [f"**{letters[i]}.** {esc(_without_verdict(o.feedback))}" for i, o in enumerate(question.options)]
        body = f'<p class="nk-dia__vraag">{esc(question.text)}</p>\n\n<ol class="nk-dia__opties">\n{options}\n</ol>'
        slides.append(Slide("quiz", f"Quiz: vraag {number} van {len(questions)}", body, kicker="Zelftest", notes=notes))
    return slides


def _page_slide(title: str, headings: list[str], source: str) -> Slide:
    if headings:
        return Slide("pagina", title, bullets(headings[:ITEMS_PER_SLIDE]), kicker="Kernideeën")
    text = _strip_title_and_meta(source)
    first = next((p for p in paragraphs(text) if not p.lstrip().startswith(("/", "<", "|", "-", "*", ">"))), "")
    return Slide("pagina", title, first if words(first) <= WORDS_PER_SLIDE else "", kicker="Kernideeën")


def _author_slide(use: Use) -> Slide:
    shape = str(use.options.get("vorm") or "tekst")
    label = SHAPES.get(shape, ("",))[0]
    return Slide("dia", use.argument or "", use.body.strip(), kicker=label, shape=shape)


# ---------------------------------------------------------------------------- the deck

def page_slides(src: str, source: str, course: Course, *, overview: bool, deck: str) -> tuple[list[Slide], list[str]]:
    """The slides of one module page and the trainer notes that come before its first slide.

    Text from the page keeps its links working on the deck (``relink``); text from a data file (an
    exercise's prompt, a video's or a tool's description) is shown as on every other page: its
    links are relative to the page that shows it, which the link check reports as such."""
    source = relink(source, src, deck)
    blocks = [use for use, _ in find_components(source)]
    authored = [u for u in blocks if u.name == "dia"]
    events = sorted([_Event(u.line, use=u) for u in blocks if u.name in SLIDE_BLOCKS | {"trainer"}],
                    key=lambda e: e.line)
    slides: list[Slide] = []
    leading: list[str] = []
    pending: list[str] = []  # notes under a new section heading: they belong to what comes next
    headings = [line for line, _ in _headings(source)]
    if overview and not authored:
        title = page_title(source, src)
        slides.append(_page_slide(title, [h for _, h in _headings(source)], source))
    seen_videos: set[str] = set()
    last_line = 0
    for event in events:
        use = event.use
        if use.name == "trainer":
            new_section = any(last_line < h < use.line for h in headings)
            kept = [s for s in slides if s.kind != "quiz"]
            if new_section or not kept:
                pending.append(use.body.strip())
            else:
                kept[-1].notes.append(use.body.strip())
            continue
        before = len(slides)
        if use.name == "casus":
            slides += _case_slides(use)
        elif use.name == "dialoog":
            slides += _dialogue_slides(use)
        elif use.name == "reflectie":
            slides += _exercise_slides(use, course)
        elif use.name == "video" and use.argument in course.videos and use.argument not in seen_videos:
            seen_videos.add(use.argument)
            slides.append(_video_slide(use, course))
        elif use.name == "download" and use.argument in course.tools:
            slides.append(_tool_slide(use, course))
        elif use.name == "kernpunten":
            slides.append(Slide("kernpunten", "Kernpunten", use.body.strip()))
        elif use.name == "dia":
            slides.append(_author_slide(use))
        elif use.name == "zelftest":
            slides += _quiz_slides(use)
        if len(slides) > before and use.name != "zelftest":  # quiz slides move to the end of the deck
            last_line = use.line
            if pending:
                slides[before].notes[:0] = pending
                pending = []
    if pending:
        kept = [s for s in slides if s.kind != "quiz"]
        (kept[-1].notes if kept else leading).extend(pending)
    return slides, leading


def module_slides(course: Course, module: Module, organisation: str = "") -> list[Slide]:
    """Every slide of a module's deck, in order."""
    meta = module.meta
    root = course.root
    title = Slide("titel", meta.title, meta.description, kicker=f"Module {meta.order}")
    title.notes.append(f"Workshop van {minutes(meta.trainer.workshop_duration)}: het draaiboek loopt mee in dit "
                       "venster. Start de klok wanneer je begint.")
    slides = [title, Slide("doelen", "Wat je leert", bullets(meta.goals), kicker=f"Module {meta.order}")]
    quiz: list[Slide] = []
    for src in module.pages:
        source = (root / src).read_text(encoding="utf-8")
        own, leading = page_slides(src, source, course, overview=src != module.overview, deck=deck_page(module.slug))
        if src == module.overview:
            title.notes.extend(leading)
        else:
            (own[0].notes if own else slides[-1].notes).extend(leading)
        quiz += [s for s in own if s.kind == "quiz"]
        slides += [s for s in own if s.kind != "quiz"]
    questions = meta.trainer.discussion_questions
    for number, question in enumerate(questions, start=1):
        slides.append(Slide("bespreekvraag", question, "", kicker=f"Bespreekvraag {number} van {len(questions)}"))
    slides += quiz
    points = chunks(list(meta.key_points), budget=110)
    for index, group in enumerate(points, start=1):
        slides.append(Slide("kernpunten", numbered("Kernpunten", index, len(points)), bullets(group)))
    sources = [format_source(s) for s in meta.sources]
    groups = [sources[i:i + SOURCES_PER_SLIDE] for i in range(0, len(sources), SOURCES_PER_SLIDE)]
    for index, group in enumerate(groups, start=1):
        slides.append(Slide("bronnen", numbered("Bronnen", index, len(groups)),
                            '<div class="nk-bronnen" markdown>\n\n' + bullets(group) + "\n\n</div>"))
    if organisation:
        slides[0].body += f'\n\n<p class="nk-dia__organisatie">{esc(organisation)}</p>'
    return slides


def _nested(source: str, use: Use) -> list[int]:
    """Lines where another component opens inside the block that opens on ``use.line``."""
    lines = source.splitlines()
    opening = re.match(r"^\s*(/{3,})", lines[use.line - 1])
    slashes = opening.group(1) if opening else "///"
    found = []
    for number in range(use.line + 1, len(lines) + 1):
        line = lines[number - 1]
        if re.fullmatch(r"\s*" + slashes + r"\s*", line):
            break
        if re.match(r"^\s*/{3,}\s*[A-Za-z]", line):
            found.append(number)
    return found


def check_slide_blocks(course: Course, sources: dict[str, str]) -> None:
    """A ``/// dia`` stands on a module's learner pages and holds no other component: say so otherwise."""
    pages = {p for m in course.modules for p in m.pages}
    errors = []
    for src, source in sources.items():
        if "/// dia" not in source:
            continue
        for use, _ in find_components(source):
            if use.name != "dia":
                continue
            if src not in pages:
                errors.append(ContentError(src, "'/// dia' only works on a module's pages (listed under 'pages' "
                                                "in module.yml): this page has no presentation", line=use.line))
            for line in _nested(source, use):
                errors.append(ContentError(src, f"slide '{use.argument}': no other component inside a slide "
                                                f"(line {line}); put it on the page before or after the slide",
                                           line=use.line))
    raise_all(errors)


def _slide_markdown(slide: Slide, number: int, total: int) -> str:
    classes = f"nk-dia nk-dia--{slide.kind}" + (f" nk-dia--{slide.shape}" if slide.shape else "")
    parts = [f'<section class="{classes}" id="dia-{number}" data-nk-dia="{number}" '
             f'aria-label="Dia {number} van {total}" markdown="1">', ""]
    if slide.kicker:
        parts += [f'<p class="nk-dia__kicker">{esc(slide.kicker)}</p>', ""]
    if slide.title:
        parts += [f"{'#' if slide.kind == 'titel' else '##'} {slide.title}", ""]
    if slide.body:
        parts += [slide.body, ""]
    if slide.notes:
        parts += ['<aside class="nk-dia__notities" aria-label="Notities voor de trainer" markdown="1">', ""]
        for note in slide.notes:
            parts += [note, ""]
        parts += ["</aside>", ""]
    parts += ["</section>", ""]
    return "\n".join(parts)


def deck_markdown(course: Course, module: Module, organisation: str = "") -> str:
    """The deck page: front matter for the template, the session plan, one section per slide."""
    slides = module_slides(course, module, organisation)
    meta = module.meta
    scripts = [DECK_SCRIPT]
    if any(s.video and course.videos[s.video].provider in ("youtube", "vimeo") for s in slides):
        scripts.append(PLATFORM_VIDEO_SCRIPT)
    front = {
        "title": f"Presentatie · Module {meta.order}: {meta.title}",
        "template": DECK_TEMPLATE,
        "search": {"exclude": True},
        "nk_deck": module.slug,
        "scripts": scripts,
    }
    plan = "\n".join(f'<li data-minuten="{step.minutes}">{esc(step.activity)}</li>'
                     for step in meta.trainer.session_plan)
    back = f"[Terug naar het draaiboek]({rel(deck_page(module.slug), module.trainer_page)})"
    body = "".join(_slide_markdown(s, i, len(slides)) for i, s in enumerate(slides, start=1))
    return ("---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()) + "\n---\n\n"
            + f'<ol class="nk-draaiboek" data-nk-draaiboek hidden>\n{plan}\n</ol>\n\n'
            + body
            + f'\n<p class="nk-deck__terug" markdown="1">{back}</p>\n')
