"""Figures that tell whether multiple-choice questions can be guessed without understanding.

Used by the content tests over the self-tests and the eindtoets bank; plain functions over
(question text, options) so that any question source fits.

Rules, as documented in CONTRIBUTING.md:

- **Answer position**: the 1-based place of each right option as the author wrote it (the browser
  shuffles, but print and pages without JavaScript show the written order).
- **Longest option**: the right option is longer (in characters) than every other option; a tie
  for longest does not count, because then length gives nothing away.
- **Scenario question**: the text describes a situation before it asks. That means: the text ends
  in a question, and what comes before that question has at least :data:`MIN_SITUATION_WORDS` words in which a
  person or role acts (a role word such as "cliënt" or "collega", or a personal pronoun such as
  "zijn", "haar" or "je"), followed by a question. "Wat is vraagverlegenheid?" is recall;
  "Een cliënt vertelt over een behulpzame buurman. Wat doe je eerst?" is a scenario.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MIN_SITUATION_WORDS = 6

# A person who acts in the situation: roles, relations and personal pronouns (Dutch).
_PEOPLE = re.compile(
    r"\b(?:cliënt(?:e|en)?|client|klant|bewoner|aanvrager|jongere|oudere|gezin|koppel|"
    r"collega(?:'s)?|hulpverlener|maatschappelijk werker|onthaalmedewerker|begeleider|trainer|"
    r"buurman|buurvrouw|buren|buur|vriend(?:in)?|zus|broer|moeder|vader|ouders|dochter|zoon|"
    r"kinderen|kind|partner|man|vrouw|mevrouw|meneer|familie|buddy|vrijwilliger|"
    r"hij|zij|ze|hem|haar|zijn|je|jij|jou|jouw|u|uw)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’)]*|$)")


@dataclass(frozen=True)
class Item:
    """One multiple-choice question: its text and its options as (text, correct)."""

    text: str
    options: tuple[tuple[str, bool], ...]
    module: str = ""


def sentences(text: str) -> list[str]:
    """Split on sentence ends; abbreviations like "D." may split too, which only adds a short piece."""
    return [s.strip() for s in _SENTENCE.findall(" ".join(text.split())) if s.strip()]


def is_scenario(text: str) -> bool:
    """True when the question describes a situation with a person in it, then asks (see module docs)."""
    parts = sentences(text)
    if len(parts) < 2 or not parts[-1].rstrip("\"”’) ").endswith("?"):
        return False
    situation = " ".join(parts[:-1])
    words = re.findall(r"\w[\w'’-]*", situation)
    return len(words) >= MIN_SITUATION_WORDS and bool(_PEOPLE.search(situation))


def right_positions(item: Item) -> list[int]:
    return [n for n, (_, correct) in enumerate(item.options, start=1) if correct]


def right_is_longest(item: Item) -> bool:
    lengths = [len(" ".join(text.split())) for text, _ in item.options]
    longest = max(lengths)
    if lengths.count(longest) > 1:
        return False
    return item.options[lengths.index(longest)][1]


@dataclass
class Figures:
    questions: int
    positions: Counter  # position -> number of right answers there
    longest: int  # questions whose right option is the longest
    scenarios: Counter  # module -> scenario questions
    per_module: Counter  # module -> questions

    @property
    def right_answers(self) -> int:
        return sum(self.positions.values())

    def position_share(self) -> float:
        """The largest share of right answers held by one position (0 when there are none)."""
        return max(self.positions.values()) / self.right_answers if self.positions else 0.0

    def longest_share(self) -> float:
        return self.longest / self.questions if self.questions else 0.0

    def describe(self) -> str:
        spots = ", ".join(f"position {p}: {n}" for p, n in sorted(self.positions.items()))
        modules = ", ".join(f"{m or '?'} {self.scenarios[m]}/{n}" for m, n in sorted(self.per_module.items()))
        return (f"{self.questions} questions; right answers by position: {spots}; right option longest in "
                f"{self.longest}/{self.questions}; scenario questions per module: {modules}")


def figures(items: list[Item]) -> Figures:
    positions: Counter = Counter()
    scenarios: Counter = Counter()
    per_module: Counter = Counter()
    longest = 0
    for item in items:
        positions.update(right_positions(item))
        longest += right_is_longest(item)
        per_module[item.module] += 1
        scenarios[item.module] += is_scenario(item.text)
    return Figures(len(items), positions, longest, scenarios, per_module)
