"""The eindtoets question bank (``assessment/eindtoets.yml``): schema, loading and its pass mark.

The browser draws ``draw`` questions per attempt from the bank, spread over the modules; a learner
passes at ``pass_mark`` percent. The odds of passing by blind guessing are computed here, so the
page can state them instead of an author typing a number.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from .errors import ContentError, raise_all
from .schema import Id, Strict, Text, parse

BANK_FILE = "assessment/eindtoets.yml"


class BankOption(Strict):
    text: Text
    correct: bool = False
    feedback: Text


class BankQuestion(Strict):
    id: Id
    module: Text
    question: Text
    options: Annotated[list[BankOption], Field(min_length=3, max_length=4)]

    @model_validator(mode="after")
    def _one_right_answer(self) -> "BankQuestion":
        right = sum(o.correct for o in self.options)
        if right != 1:
            raise ValueError(f"exactly one option needs 'correct: true', found {right}")
        return self


class Bank(Strict):
    draw: Annotated[int, Field(ge=1)]
    pass_mark: Annotated[int, Field(ge=1, le=100)]
    questions: Annotated[list[BankQuestion], Field(min_length=1)]

    @model_validator(mode="after")
    def _enough_questions(self) -> "Bank":
        if self.draw > len(self.questions):
            raise ValueError(f"draw is {self.draw}, but the bank has only {len(self.questions)} questions")
        return self

    def needed(self) -> int:
        """Right answers needed to pass one attempt."""
        return math.ceil(self.pass_mark * self.draw / 100)

    def guess_odds(self) -> float:
        """Chance to pass by blind guessing: binomial, at the bank's average chance per question."""
        p = sum(1 / len(q.options) for q in self.questions) / len(self.questions)
        n, k = self.draw, self.needed()
        return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))

    def guess_mean(self) -> float:
        return self.draw * sum(1 / len(q.options) for q in self.questions) / len(self.questions)


def load_bank(root: Path, modules: set[str]) -> Bank | None:
    """The bank, validated, or None when the course has none."""
    from .course import read_yaml

    path = root / BANK_FILE
    if not path.exists():
        return None
    bank = parse(Bank, read_yaml(path, root), BANK_FILE)
    errors: list[ContentError] = []
    seen: set[str] = set()
    for n, question in enumerate(bank.questions):
        if question.id in seen:
            errors.append(ContentError(BANK_FILE, f"id '{question.id}' is used twice", field=f"questions.{n}.id"))
        seen.add(question.id)
        if question.module not in modules:
            errors.append(ContentError(BANK_FILE, f"'{question.module}' is not a module folder (known: {', '.join(sorted(modules))})",
                                       field=f"questions.{n}.module"))
    raise_all(errors)
    return bank


def guess_chance(odds: float) -> str:
    """The chance to pass by guessing in words: 'in minder dan 1 op 10 000 pogingen' or 'in ongeveer 24 % van de pogingen'."""
    if odds <= 0:
        return "nooit"
    exponent = math.floor(math.log10(1 / odds))
    if exponent < 1:
        return f"in ongeveer {round(odds * 100)} % van de pogingen"
    return "in minder dan 1 op " + f"{10 ** exponent:,}".replace(",", " ") + " pogingen"
