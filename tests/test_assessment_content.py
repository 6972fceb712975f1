"""The course's questions and simulations meet the standard of issue 10: answers that cannot be
guessed from their place or length, scenario questions, a large enough eindtoets bank and rich
enough conversation simulations. The rules behind the figures are in netwerkkracht/question_stats.py
and CONTRIBUTING.md."""
from __future__ import annotations

import math

import pytest

from helpers import ROOT
from netwerkkracht.blocks.zelftest import parse_selftest
from netwerkkracht.course import load_course
from netwerkkracht.question_stats import Item, figures, is_scenario
from netwerkkracht.scan import find_components
from netwerkkracht.scenarios import longest_path

COURSE = load_course(ROOT)
MAX_SHARE = 0.40


def selftest_items() -> list[Item]:
    items = []
    for module in COURSE.modules:
        for page in module.pages:
            for use, _ in find_components((ROOT / page).read_text(encoding="utf-8")):
                if use.name == "zelftest":
                    items += [Item(q.text, tuple((o.text, o.correct) for o in q.options), module.slug)
                              for q in parse_selftest(use.body)]
    return items


def bank_items() -> list[Item]:
    bank = COURSE.eindtoets
    return [Item(q.question, tuple((o.text, o.correct) for o in q.options), q.module) for q in bank.questions] if bank else []


SELFTESTS = selftest_items()


# ---------------------------------------------------------------------------- self-tests

def test_selftest_right_answers_are_spread_over_positions():
    f = figures(SELFTESTS)
    assert f.questions, "no self-test questions found"
    assert f.position_share() <= MAX_SHARE, f"one position holds {f.position_share():.0%} of the right answers: {f.describe()}"


def test_selftest_right_answer_is_seldom_the_longest():
    f = figures(SELFTESTS)
    assert f.longest_share() <= MAX_SHARE, f"the right option is the longest in {f.longest_share():.0%}: {f.describe()}"


@pytest.mark.parametrize("module", [m.slug for m in COURSE.modules])
def test_half_of_a_modules_selftest_questions_are_scenarios(module):
    items = [i for i in SELFTESTS if i.module == module]
    assert items, f"{module} has no self-test"
    recall = [i.text for i in items if not is_scenario(i.text)]
    assert len(items) - len(recall) >= len(items) / 2, (
        f"{module}: {len(items) - len(recall)} of {len(items)} questions are scenarios; not scenarios: {recall}")


# ---------------------------------------------------------------------------- eindtoets bank

def test_eindtoets_bank_is_large_and_draws_enough():
    bank = COURSE.eindtoets
    assert bank is not None, "assessment/eindtoets.yml is missing"
    assert len(bank.questions) >= 40 and bank.draw >= 24 and len(bank.questions) > bank.draw


def test_eindtoets_questions_are_scenarios_from_every_module():
    items = bank_items()
    assert items, "assessment/eindtoets.yml is missing"
    recall = [i.text for i in items if not is_scenario(i.text)]
    assert not recall, f"{len(recall)} bank questions are no scenario: {recall[:5]}"
    per_module = {m.slug: sum(i.module == m.slug for i in items) for m in COURSE.modules}
    assert all(n >= 2 for n in per_module.values()), f"every module needs at least 2 bank questions: {per_module}"


def test_eindtoets_answers_cannot_be_guessed_from_place_or_length():
    f = figures(bank_items())
    assert f.questions, "assessment/eindtoets.yml is missing"
    assert f.position_share() <= MAX_SHARE and f.longest_share() <= MAX_SHARE, f.describe()


def test_pass_mark_cannot_be_reached_by_guessing():
    bank = COURSE.eindtoets
    assert bank is not None, "assessment/eindtoets.yml is missing"
    assert bank.guess_odds() < 1e-4, f"{bank.guess_odds():.2g} chance to pass by guessing"
    assert bank.draw - bank.needed() >= math.ceil(bank.draw / 8), "too few mistakes allowed for honest doubt"


# ---------------------------------------------------------------------------- simulations

def test_at_least_five_simulations():
    assert len(COURSE.scenarios) >= 5, f"{len(COURSE.scenarios)} simulations in scenarios/"


@pytest.mark.parametrize("ident", sorted(COURSE.scenarios) or ["(none)"])
def test_simulation_has_depth_and_several_endings(ident):
    assert ident in COURSE.scenarios, "no simulations in scenarios/"
    scenario = COURSE.scenarios[ident]
    assert longest_path(scenario) >= 6, f"{ident}: {longest_path(scenario)} decision points on the longest path"
    assert len(scenario.endings) >= 3, f"{ident}: {len(scenario.endings)} endings"
