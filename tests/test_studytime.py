"""The study-time estimate and the counts the module header shows, from a page's source."""
from __future__ import annotations

from netwerkkracht.course import load_course
from netwerkkracht.pages import practice_summary
from netwerkkracht.studytime import Inventory, allowed_range, duration_problem, estimate, module_inventory, page_inventory

PAGE = """# Een pagina

{prose}

/// trainer
{hidden}
///

/// reflectie | m1-proef
///

/// reflectie | m1-kort
Wie belde jij het laatst?
///

/// zelftest | m1-zelftest
? Vraag een?
+ Ja.
  : Goed.
- Nee.
  : Fout.

? Vraag twee?
+ Ja.
  : Goed.
- Nee.
  : Fout.
///
"""


def test_prose_counts_and_trainer_notes_and_self_tests_do_not(fixture_root):
    course = load_course(fixture_root)
    prose = " ".join(["woord"] * 400)
    inv = page_inventory(PAGE.format(prose=prose, hidden=" ".join(["trainer"] * 300)))
    assert inv.words == 400 + 3  # the prose plus the title "Een pagina"
    assert inv.exercises == ["m1-proef"] and inv.inline == ["m1-kort"]
    assert inv.questions == 2 and inv.selftests == 1
    est = estimate(course, inv)
    # 403 words / 200 + exercise m1-proef (10 min) + 2 for the inline reflection + 1 per question
    assert round(est.minutes, 3) == round(403 / 200 + 10 + 2 + 2, 3)


def test_the_tolerance_is_thirty_percent_either_way(fixture_root):
    course = load_course(fixture_root)
    inv = Inventory(words=2000, questions=10)  # 10 + 10 = 20 minutes
    est = estimate(course, inv)
    assert est.minutes == 20
    assert allowed_range(20) == (14, 26)
    assert duration_problem(26, est, inv) is None and duration_problem(14, est, inv) is None
    problem = duration_problem(27, est, inv)
    assert problem.startswith("states 27 min, but the engine estimates 20 min (2000 words ≈ 10 min reading + 10 self-test question(s) 10 min)")
    assert "set a duration from 14 to 26" in problem
    assert duration_problem(13, est, inv) is not None


def test_the_fixture_module_is_counted_from_its_pages(fixture_root):
    course = load_course(fixture_root)
    inv = module_inventory(course, course.modules[0])
    assert (inv.exercises, inv.inline, inv.questions, inv.selftests, inv.dialogues) == (["m1-proef"], ["m1-inline"], 3, 2, 1)
    assert inv.videos == ["proef-link", "proef-youtube"]
    est = estimate(course, inv)
    assert est.videos == 4  # proef-youtube is catalogued as 3:20; the link card has no length
    assert practice_summary(inv) == "1 reflectie-oefening, 1 korte reflectie, 1 voorbeeldgesprek en 2 zelftests met samen 3 vragen"


def test_a_simulation_counts_its_scenarios_duration(fixture_root):
    from types import SimpleNamespace

    course = load_course(fixture_root)
    course.scenarios = {"lang-gesprek": SimpleNamespace(duration=12)}
    inv = page_inventory("# P\n\n/// gesprekssimulatie | lang-gesprek\n///\n\n/// gesprekssimulatie | onbekend\n///\n")
    assert inv.simulations == ["lang-gesprek", "onbekend"]
    assert estimate(course, inv).simulations == 12 + 5  # an unknown scenario counts 5 minutes
