"""Citations, study time, key points, typed counts and worked maps stop a real build with file and line.

Each case breaks a fresh copy of the fixture course in one way and runs a strict build, as
tests/test_bad_input.py does for the data files; the last tests show the ``warn`` switch and the
``netwerkkracht check`` command.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import FIXTURE, ROOT, assert_build_fails, build, edit

MODULE = "modules/01-proef/module.yml"
INDEX = "modules/01-proef/index.md"
LAST = "modules/01-proef/lezen.md"
CITED = "Een korte inleiding over de netwerkkaart van Tracy en Whittaker (1990)."
APPENDED = len((FIXTURE / LAST).read_text(encoding="utf-8").splitlines()) + 2  # line of a block appended after a blank line


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _second_source(course, year="1990", title="Een tweede tekst"):
    edit(course / MODULE, "trainer:\n", f"  - author: Tracy, E. M. & Whittaker, J. K.\n    year: {year}\n    title: {title}\ntrainer:\n")


def _map(course, data):
    folder = course / "docs" / "toolbox" / "voorbeelden"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "proef.json").write_text(json.dumps(data), encoding="utf-8")
    _append(course / INDEX, "\n/// netwerkkaart | proef\n///\n")


PERSON = {"id": "p1", "name": "buurvrouw M", "sector": "buren", "ring": 2, "support": ["praktisch"], "reciprocity": "wederzijds"}
MAP = {"format": "netwerkkracht-netwerkkaart", "version": 1, "title": "K", "people": [PERSON]}

CASES = {
    "citation with a year no source has": (
        lambda c: edit(c / INDEX, "Whittaker (1990)", "Whittaker (1991)"),
        [f"{INDEX}:3: citation 'Tracy en Whittaker (1991)' matches no source in {MODULE}",
         "candidates: Tracy & Whittaker (1990)",
         f"{MODULE}:16: field 'sources[0]'", "is never cited"],
    ),
    "citation of a name no source has": (
        lambda c: edit(c / INDEX, CITED, CITED + " Zo schreef ook Stichting Gerrit Kreveld (2017)."),
        [f"{INDEX}:3: citation 'Stichting Gerrit Kreveld (2017)' matches no source", "Tracy & Whittaker (1990)"],
    ),
    "ambiguous citation: two sources by the same name and year": (
        lambda c: _second_source(c),
        [f"{MODULE}:21: field 'sources[1]': sources[0] and sources[1] are both cited as 'Tracy & Whittaker (1990)'",
         f"{INDEX}:3: citation 'Tracy en Whittaker (1990)' is ambiguous", "Een tweede tekst", "The Social Network Map"],
    ),
    "citation without the letter of its source": (
        lambda c: (edit(c / MODULE, "    year: 1990\n", "    year: 1990a\n"), _second_source(c, "1990b")),
        [f"{INDEX}:3: citation 'Tracy en Whittaker (1990)' is ambiguous", "write the letter (1990a, 1990b)"],
    ),
    "citation without a comma": (
        lambda c: edit(c / LAST, "Karim (41) komt", "Karim (41) komt (Tracy & Whittaker 1990)"),
        [f"{LAST}:6: '(Tracy & Whittaker 1990)' looks like a citation without a comma"],
    ),
    "unused source on a docs page with sources in its front matter": (
        lambda c: (c / "docs" / "index.md").write_text(
            "---\nsources:\n  - author: Granovetter, M. S.\n    year: 1973\n    title: The strength of weak ties\n---\n"
            + (c / "docs" / "index.md").read_text(encoding="utf-8"), encoding="utf-8"),
        ["docs/index.md:3: field 'sources[0]': source Granovetter (1973)", "never cited on this page"],
    ),
    "malformed source in a docs page's front matter": (
        lambda c: (c / "docs" / "index.md").write_text(
            "---\nsources:\n  - author: Granovetter, M. S.\n    year: 1973\n---\nGranovetter (1973).\n"
            + (c / "docs" / "index.md").read_text(encoding="utf-8"), encoding="utf-8"),
        ["docs/index.md: field 'sources[0].title': is required"],
    ),
    "stated duration far from the estimate": (
        lambda c: edit(c / MODULE, "duration: 20", "duration: 60"),
        [f"{MODULE}:4: field 'duration': states 60 min, but the engine estimates", "more than 30% away: set a duration from"],
    ),
    "key points twice on the last page": (
        lambda c: _append(c / LAST, "\n/// kernpunten\n- Nog eens.\n///\n"),
        [f"{LAST}:{APPENDED}: this is the module's last page", "shows them twice"],
    ),
    "count typed by hand": (
        lambda c: edit(c / INDEX, CITED, CITED + " Je maakt twee reflectie-oefeningen."),
        [f"{INDEX}:3: 'twee reflectie-oefeningen' is a count typed by hand"],
    ),
    "two inline reflections with one id": (
        lambda c: _append(c / INDEX, "\n/// reflectie | m1-inline\nNog een vraag?\n///\n"),
        [f"{LAST}:12: inline reflection id 'm1-inline' is also used at {INDEX}:5"],
    ),
    "worked map whose file is missing": (
        lambda c: _append(c / INDEX, "\n/// netwerkkaart | bestaat-niet\n///\n"),
        [f"{INDEX}:5: docs/toolbox/voorbeelden/bestaat-niet.json: file is missing"],
    ),
    "worked map with a person in an unknown sector": (
        lambda c: _map(c, {**MAP, "people": [{**PERSON, "sector": "straat"}]}),
        [f"{INDEX}:5: docs/toolbox/voorbeelden/proef.json: field 'people[0].sector': 'straat' is not one of"],
    ),
    "worked map in another format": (
        lambda c: _map(c, {"people": []}),
        [f"{INDEX}:5: docs/toolbox/voorbeelden/proef.json: field 'format'"],
    ),
    "unknown content_checks mode": (
        lambda c: edit(c / "mkdocs.yml", "extra:\n", "extra:\n  content_checks: loose\n"),
        ["mkdocs.yml: field 'extra.content_checks': 'loose' is not a mode: use strict or warn"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_course_check_fails_the_build_with_file_and_line(case, course_copy):
    break_it, expected = CASES[case]
    break_it(course_copy)
    assert_build_fails(course_copy, case, expected)


def test_warn_mode_lists_content_problems_and_builds(course_copy):
    edit(course_copy / "mkdocs.yml", "extra:\n", "extra:\n  content_checks: warn\n")
    edit(course_copy / INDEX, "Whittaker (1990)", "Whittaker (1991)")
    edit(course_copy / MODULE, "duration: 20", "duration: 60")
    result = build(course_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Content checks in warn mode (extra.content_checks: warn): 3 problem(s)" in output
    assert f"{INDEX}:3: citation 'Tracy en Whittaker (1991)' matches no source" in output
    assert f"{MODULE}:4: field 'duration': states 60 min" in output


def test_warn_mode_still_stops_on_malformed_data(course_copy):
    edit(course_copy / "mkdocs.yml", "extra:\n", "extra:\n  content_checks: warn\n")
    _append(course_copy / INDEX, "\n/// netwerkkaart | bestaat-niet\n///\n")
    result = build(course_copy)
    assert result.returncode != 0
    assert "file is missing" in result.stdout + result.stderr


def _check(course):
    return subprocess.run([sys.executable, "-m", "netwerkkracht.cli", "check", str(course)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_check_command_runs_the_course_checks(course_copy):
    edit(course_copy / INDEX, "Whittaker (1990)", "Whittaker (1991)")
    result = _check(course_copy)
    assert result.returncode == 1
    assert f"{INDEX}:3: citation 'Tracy en Whittaker (1991)' matches no source" in result.stderr
    edit(course_copy / "mkdocs.yml", "extra:\n", "extra:\n  content_checks: warn\n")
    result = _check(course_copy)
    assert result.returncode == 0, result.stderr
    assert "listed but not counted (mkdocs.yml extra.content_checks: warn)" in result.stderr
    assert f"{INDEX}:3: citation 'Tracy en Whittaker (1991)'" in result.stderr
