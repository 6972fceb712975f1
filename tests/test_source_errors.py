"""Every content error names the file and line an author edits, and what to do (issue 12).

Each case breaks a fresh copy of the fixture course in one way, then runs a real strict build and
``netwerkkracht check`` (no build): both must fail with the same file:line and hint, without a
traceback, and a broken link is reported once.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT, build, edit
from test_bad_input import CASES as BUILD_CASES
from test_bad_input import _second_module

PAGE = "modules/01-proef/lezen.md"
MODULE = "modules/01-proef/module.yml"
EXERCISE = "exercises/m1-proef.yml"


def check(project):
    return subprocess.run([sys.executable, "-m", "netwerkkracht.cli", "check", str(project)],
                          capture_output=True, text=True, timeout=300)


def line_of(path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def _add_to_page(course, text):
    edit(course / PAGE, "## Een casus\n", f"## Een casus\n\n{text}\n")
    return PAGE, text.split("](")[-1].rstrip(").") if "](" in text else text


def _non_utf8(course, rel, old, new):
    path = course / rel
    path.write_bytes(path.read_bytes().replace(old.encode(), new.encode("cp1252"), 1))
    return rel, old[:16]


def _inline_in_second_module(course):
    _second_module(course, order="2")
    (course / "modules/02-tweede/lezen.md").write_text(
        "# Lezen\n\n/// reflectie | m1-inline\nWie hielp jou deze week?\n///\n", encoding="utf-8")
    return "modules/02-tweede/lezen.md", "/// reflectie | m1-inline"


def _exercise_twice(course):
    path = course / PAGE
    path.write_text(path.read_text(encoding="utf-8") + "\n/// reflectie | m1-proef\n///\n", encoding="utf-8")
    return PAGE, None  # the second use: the last line that names it


# name -> (break the copy and return (file, text on the reported line)), pieces the message must hold,
#          extra (file, text) places the message must name as file:line)
CASES = {
    "broken link in a page": (
        lambda c: _add_to_page(c, "Lees ook [de woordenlijst](../woordenlijst.md)."),
        ["broken link '../woordenlijst.md'", "a link is relative to the Markdown file it is in"], []),
    "broken anchor with a suggestion": (
        lambda c: (edit(c / "docs" / "index.md", "modules/01-proef/index.md", "modules/01-proef/lezen.md#een-casu"),
                   ("docs/index.md", "#een-casu"))[1],
        ["broken anchor", "has no heading or id 'een-casu'", "did you mean '#een-casus'?"], []),
    "missing image": (
        lambda c: _add_to_page(c, "![Schema van een netwerk](img/schema.png)"),
        ["broken link 'img/schema.png'", "a link is relative to the Markdown file it is in"], []),
    "missing download": (
        lambda c: _add_to_page(c, "[Werkblad afdrukken](../../downloads/geen-werkblad.pdf)"),
        ["broken link '../../downloads/geen-werkblad.pdf'", "a link is relative"], []),
    "broken link in an exercise (a data file)": (
        lambda c: (edit(c / EXERCISE, "van deze week.", "van deze week, zie [uitleg](uitleg.md)."), (EXERCISE, "uitleg.md"))[1],
        ["broken link 'uitleg.md'", "this text is shown on", "relative to the page that shows it"], []),
    "broken link in a key point (generated pages)": (
        lambda c: (edit(c / MODULE, "  - Niets verlaat de browser.", "  - Niets verlaat de browser ([privacy](privacy.md))."),
                   (MODULE, "privacy.md"))[1],
        ["broken link 'privacy.md'", "(on 2 pages)"], []),
    "Markdown page in Windows-1252": (
        lambda c: _non_utf8(c, PAGE, "Laat eerst schrijven.", "Laat eerst schrijven \u2019s ochtends."),
        ["byte 0x92", "Windows-1252", "save the file as UTF-8"], []),
    "exercise file in Windows-1252": (
        lambda c: _non_utf8(c, EXERCISE, "Alleen initialen.", "Alleen initialen, caf\u00e9."),
        ["byte 0xE9", "save the file as UTF-8"], []),
    "inline reflection id used in two modules": (
        _inline_in_second_module,
        ["id 'm1-inline' is already used at", "must be unique in the course", "give one of them another id"],
        [(PAGE, "/// reflectie | m1-inline")]),
    "same exercise twice on one page": (
        _exercise_twice,
        ["'/// reflectie | m1-proef' is already on this page", "can appear only once per page"],
        [(PAGE, "/// reflectie | m1-proef")]),
    "YAML: a tab": (
        lambda c: (edit(c / MODULE, "duration: 20", "\tduration: 20"), (MODULE, "duration: 20"))[1],
        ["invalid YAML", "tab character", "spaces only", "YAML parser: found character '\\t'"], []),
    "YAML: unquoted colon": (
        lambda c: (edit(c / MODULE, "title: Proefmodule", "title: Proefmodule: alles testen"), (MODULE, "title: Proefmodule"))[1],
        ["invalid YAML", "a colon followed by a space inside a text", "double quotes", "YAML parser: mapping values"], []),
    "YAML: bad indent": (
        lambda c: (edit(c / MODULE, "  - Je kan een reflectie invullen.", " - Je kan een reflectie invullen."),
                   (MODULE, " - Je kan een reflectie invullen."))[1],
        ["invalid YAML", "indented differently", "same column", "YAML parser:"], []),
}


def _last_line_of(path, text):
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(n for n, line in enumerate(lines, start=1) if text in line)


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_names_source_line_and_hint_in_build_and_check(case, course_copy):
    break_it, pieces, also = CASES[case]
    rel, marker = break_it(course_copy)
    if marker is None:
        marker_line = _last_line_of(course_copy / rel, "/// reflectie | m1-proef")
    else:
        marker_line = line_of(course_copy / rel, marker)
    expected = [f"{rel}:{marker_line}: ", *pieces, *(f"{f}:{line_of(course_copy / f, t)}" for f, t in also)]
    for label, result in (("build", build(course_copy)), ("check", check(course_copy))):
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"{case}: {label} passed\n{output[-2000:]}"
        assert "Traceback" not in output, f"{case}: {label} gave a traceback:\n{output[-3000:]}"
        for piece in expected:
            assert piece in output, f"{case}: {label} message lacks {piece!r}:\n{output[-3000:]}"
        if pieces[0].startswith("broken"):
            reports = [line for line in output.splitlines() if marker in line]
            assert len(reports) == 1, f"{case}: {label} reports the link {len(reports)} times:\n" + "\n".join(reports)
            assert "Doc file" not in output, f"{case}: MkDocs' own link warning is shown too:\n{output[-3000:]}"
    assert not (course_copy / "site" / "index.html").exists()


@pytest.mark.parametrize("case", sorted(BUILD_CASES))
def test_check_catches_what_the_build_catches(case, course_copy):
    """Every bad-input case of the build fails `netwerkkracht check` too, with the same message."""
    break_it, expected = BUILD_CASES[case]
    break_it(course_copy)
    result = check(course_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"check passed despite: {case}\n{output[-2000:]}"
    for piece in expected:
        assert piece in output, f"{case}: check message lacks {piece!r}:\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    assert not (course_copy / "site").exists(), "check must not build the site"


def test_check_passes_on_the_unbroken_fixture_and_the_real_course(course_copy):
    for project in (course_copy, ROOT):
        result = check(project)
        assert result.returncode == 0, result.stdout + result.stderr[-3000:]
        assert "0 problem(s)" in result.stdout
        assert " internal links checked" in result.stdout


def test_a_link_from_any_watched_data_folder_is_found_at_its_line(tmp_path):
    """New kinds of course data (e.g. scenarios/) are found without changing the source map."""
    from netwerkkracht.linkcheck import Broken
    from netwerkkracht.sourcemap import PageSource, SourceMap

    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "gesprek.yml").write_text("id: gesprek\nstappen:\n  - tekst: Lees [dit](../uitleg.md) eerst.\n",
                                                         encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "oefen.md").write_text("# Oefen\n\n/// gesprekssimulatie | gesprek\n///\n", encoding="utf-8")
    broken = Broken("oefen/index.html", 40, "../uitleg.md", "link", "broken link", target="uitleg.md")
    pages = {"oefen/index.html": PageSource("docs/oefen.md", "oefen.md")}
    plain = SourceMap(tmp_path, pages, ["oefen.md"])
    assert plain.locate(broken)[:2] == ("docs/oefen.md", None)  # not in the page: no line to give
    watched = SourceMap(tmp_path, pages, ["oefen.md"], [tmp_path / "scenarios"])
    assert watched.locate(broken) == ("scenarios/gesprek.yml", 3, "../uitleg.md")
    (message,) = watched.messages([broken], {})
    assert str(message).startswith("scenarios/gesprek.yml:3: broken link '../uitleg.md': no page or file there: "
                                   "this text is shown on oefen.md")
