"""What a module holds and how long it takes a learner who studies alone, counted from its pages.

The estimate, in minutes:

    words of prose / 200
    + the ``duration`` of each exercise from ``exercises/`` used on the module's pages (once each)
    + 2 per inline reflection (``/// reflectie | id`` with a question as its body)
    + 1 per self-test question
    + the ``duration`` of each conversation simulation (``/// gesprekssimulatie``, from ``scenarios/``;
      5 when the scenario is unknown)
    + 3 per worked network map (``/// netwerkkaart``)
    + the catalogued length of each video (nothing when the catalogue has no length)

Prose is what a learner reads on the module's pages (not ``trainer.md``): running text, headings,
tables, cases and dialogues (a dialogue is read like prose). Not counted as prose: trainer notes
(hidden for learners), the bodies of self-tests, inline reflections and simulations (timed per
item above), code, link targets and block fences. The generated header and footer are not counted.
The same counts feed the module header, so no author types "twee oefeningen".
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .course import Course, Module
from .scan import find_components
from .sourcetext import blank, count_words, visible_markdown

WORDS_PER_MINUTE = 200
INLINE_REFLECTION = 2
PER_QUESTION = 1
PER_SIMULATION = 5
PER_MAP = 3
TOLERANCE = 0.30  # the stated duration may differ this much from the estimate
NOT_PROSE = {"zelftest", "trainer", "gesprekssimulatie"}  # timed per item, or not shown to learners


@dataclass
class Inventory:
    """What the learner pages of one module hold."""

    words: int = 0
    exercises: list[str] = field(default_factory=list)  # ids from exercises/, in order of use, once each
    inline: list[str] = field(default_factory=list)  # ids of inline reflections
    questions: int = 0  # self-test questions
    selftests: int = 0
    dialogues: int = 0
    simulations: list[str] = field(default_factory=list)  # scenario ids
    maps: int = 0
    videos: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Estimate:
    reading: float
    exercises: int
    inline: int
    questions: int
    simulations: int
    maps: int
    videos: int

    @property
    def minutes(self) -> float:
        return self.reading + self.exercises + self.inline + self.questions + self.simulations + self.maps + self.videos

    def explain(self, inv: Inventory) -> str:
        parts = [f"{inv.words} words ≈ {self.reading:.0f} min reading"]
        for count, minutes, label in (
            (len(inv.exercises), self.exercises, "exercise(s)"), (len(inv.inline), self.inline, "inline reflection(s)"),
            (inv.questions, self.questions, "self-test question(s)"), (len(inv.simulations), self.simulations, "simulation(s)"),
            (inv.maps, self.maps, "worked map(s)"), (len(inv.videos), self.videos, "video(s)"),
        ):
            if count and minutes:
                parts.append(f"{count} {label} {minutes} min")
        return " + ".join(parts)


def page_inventory(source: str, inv: Inventory | None = None) -> Inventory:
    """Add what one page holds to ``inv``."""
    inv = inv or Inventory()
    lines = visible_markdown(source).split("\n")
    for use, _problems in find_components(source):
        body = use.body.strip()
        if use.name == "reflectie" and body:
            inv.inline.append(use.argument or "")
        elif use.name == "reflectie" and use.argument and use.argument not in inv.exercises:
            inv.exercises.append(use.argument)
        elif use.name == "zelftest":
            inv.selftests += 1
            inv.questions += sum(1 for line in body.splitlines() if line.startswith("? "))
        elif use.name == "dialoog":
            inv.dialogues += 1
        elif use.name == "gesprekssimulatie":
            inv.simulations.append(use.argument or "")
        elif use.name == "netwerkkaart":
            inv.maps += 1
        elif use.name == "video" and use.argument:
            inv.videos.append(use.argument)
        if (use.name in NOT_PROSE or (use.name == "reflectie" and body)) and use.end:
            for number in range(use.line - 1, use.end):
                lines[number] = blank(lines[number])
    inv.words += count_words("\n".join(lines))
    return inv


def module_inventory(course: Course, module: Module) -> Inventory:
    inv = Inventory()
    for page in module.pages:
        page_inventory((course.root / page).read_text(encoding="utf-8"), inv)
    return inv


def _video_minutes(course: Course, ident: str) -> int:
    video = course.videos.get(ident)
    if not video or not video.duration:
        return 0
    mins, secs = (int(x) for x in video.duration.split(":"))
    return mins + math.ceil(secs / 60)


def estimate(course: Course, inv: Inventory) -> Estimate:
    return Estimate(
        reading=inv.words / WORDS_PER_MINUTE,
        exercises=sum(course.exercises[i].duration for i in inv.exercises if i in course.exercises),
        inline=INLINE_REFLECTION * len(inv.inline),
        questions=PER_QUESTION * inv.questions,
        simulations=sum(getattr(course.scenarios.get(s), "duration", PER_SIMULATION) for s in inv.simulations),
        maps=PER_MAP * inv.maps,
        videos=sum(_video_minutes(course, v) for v in inv.videos),
    )


def allowed_range(minutes: float) -> tuple[int, int]:
    """The whole numbers of minutes within the tolerance of an estimate."""
    return math.ceil(minutes * (1 - TOLERANCE)), math.floor(minutes * (1 + TOLERANCE))


def duration_problem(stated: int, est: Estimate, inv: Inventory) -> str | None:
    """A sentence for the author when ``stated`` is more than the tolerance away from the estimate."""
    minutes = est.minutes
    if abs(stated - minutes) <= TOLERANCE * minutes:
        return None
    low, high = allowed_range(minutes)
    return (f"states {stated} min, but the engine estimates {minutes:.0f} min ({est.explain(inv)}); "
            f"that is more than {TOLERANCE:.0%} away: set a duration from {low} to {high}, or change the content")
