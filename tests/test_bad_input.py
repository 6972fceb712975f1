"""Malformed content must stop the build with the file, the place and what to fix.

Each case breaks a fresh copy of the fixture course in one way and runs a real strict build.
"""
from __future__ import annotations

import pytest

from helpers import assert_build_fails, build, edit

MODULE = "modules/01-proef/module.yml"
PAGE = "modules/01-proef/lezen.md"


def _remove_line(path, startswith):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(startswith)]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), encoding="utf-8")


def _second_module(course, order="1"):
    src = course / "modules" / "01-proef"
    dst = course / "modules" / "02-tweede"
    dst.mkdir()
    for name in ("module.yml", "index.md", "lezen.md", "trainer.md"):
        (dst / name).write_text((src / name).read_text(encoding="utf-8"), encoding="utf-8")
    edit(dst / "module.yml", "order: 1", f"order: {order}")
    (dst / "lezen.md").write_text("# Lezen\n\nTekst.\n", encoding="utf-8")


CASES = {
    "missing title": (
        lambda c: _remove_line(c / MODULE, "title:"),
        [MODULE, "field 'title'", "is required"],
    ),
    "unknown field (typo)": (
        lambda c: edit(c / MODULE, "title:", "titel: Proef\ntitle:"),
        [MODULE, "field 'titel'", "not a known field"],
    ),
    "duration not a number": (
        lambda c: edit(c / MODULE, "duration: 20", "duration: twintig"),
        [MODULE, "field 'duration'", "expected a whole number", "twintig"],
    ),
    "empty learning goals": (
        lambda c: edit(c / MODULE, "goals:\n  - Je kan een component herkennen.\n  - Je kan een reflectie invullen.\n  - Je kan een casus lezen.\n", "goals: []\n"),
        [MODULE, "field 'goals'", "at least 3"],
    ),
    "session plan does not fill the workshop": (
        lambda c: edit(c / MODULE, "workshop_duration: 30", "workshop_duration: 45"),
        [MODULE, "field 'trainer'", "add up to 30", "45"],
    ),
    "page listed but missing": (
        lambda c: edit(c / MODULE, "pages: [index.md, lezen.md]", "pages: [index.md, lezen.md, extra.md]"),
        [MODULE, "field 'pages'", "extra.md", "does not exist"],
    ),
    "duplicate module order": (
        lambda c: _second_module(c, order="1"),
        ["modules/02-tweede/module.yml", "field 'order'", "order 1 is also used by modules/01-proef/module.yml"],
    ),
    "invalid YAML": (
        lambda c: edit(c / MODULE, "order: 1", "order: [1"),
        [MODULE, "invalid YAML"],
    ),
    "unknown exercise id": (
        lambda c: edit(c / PAGE, "/// reflectie | m1-proef", "/// reflectie | m1-bestaat-niet"),
        [f"{PAGE}:9", "unknown exercise id 'm1-bestaat-niet'", "exercises/m1-bestaat-niet.yml", "m1-proef"],
    ),
    "missing exercise file": (
        lambda c: (c / "exercises" / "m1-proef.yml").unlink(),
        [f"{PAGE}:9", "unknown exercise id 'm1-proef'", "add it to exercises/m1-proef.yml"],
    ),
    "exercise names a module that does not exist": (
        lambda c: edit(c / "exercises" / "m1-proef.yml", "module: 01-proef", "module: 07-geen"),
        ["exercises/m1-proef.yml", "field 'module'", "'07-geen' is not a module folder"],
    ),
    "unknown video id": (
        lambda c: edit(c / PAGE, "/// video | proef-link", "/// video | proef-lnk"),
        [f"{PAGE}:16", "unknown video id 'proef-lnk'", "catalog/videos.yml", "proef-youtube"],
    ),
    "platform video without a real id": (
        lambda c: edit(c / "catalog" / "videos.yml", "  video_id: abcdEFGH123\n", ""),
        ["catalog/videos.yml", "field '[1]'", "needs a real video_id"],
    ),
    "unknown download id": (
        lambda c: edit(c / PAGE, "/// trainer", "/// download | geen-tool\n///\n\n/// trainer"),
        [f"{PAGE}:22", "unknown tool id 'geen-tool'", "catalog/tools.yml"],
    ),
    "misspelt component name": (
        lambda c: edit(c / PAGE, "/// casus | Karim", "/// cassus | Karim"),
        [f"{PAGE}:5", "unknown component '/// cassus'", "casus"],
    ),
    "component without its argument": (
        lambda c: edit(c / PAGE, "/// casus | Karim zoekt een huurwaarborg", "/// casus"),
        [f"{PAGE}:5", "'/// casus' needs an argument"],
    ),
    "block never closed": (
        lambda c: (c / PAGE).write_text((c / PAGE).read_text(encoding="utf-8") + "\n/// trainer\nOpen blok.\n", encoding="utf-8"),
        [PAGE, "is never closed"],
    ),
    "self-test option without feedback": (
        lambda c: edit(c / PAGE, "  : Nee, want zo.\n", ""),
        [PAGE, "self-test 'm1-zelftest'", "has no feedback"],
    ),
    "dialogue turn of the professional without a note": (
        lambda c: edit(c / PAGE, "> Ze vraagt door op wat er al is.\n", ""),
        [PAGE, "dialogue 'Karim vertelt over zijn buurman'", "Sofie's turn has no note", "add a line '> "],
    ),
    "broken internal link": (
        lambda c: edit(c / "docs" / "index.md", "Ga naar de", "Zie [de woordenlijst](woordenlijst.md). Ga naar de"),
        ["index.md", "woordenlijst.md"],
    ),
    "broken anchor": (
        lambda c: edit(c / "docs" / "index.md", "modules/01-proef/index.md", "modules/01-proef/index.md#bestaat-niet"),
        ["index.md", "#bestaat-niet"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_the_build_with_a_clear_message(case, course_copy):
    break_it, expected = CASES[case]
    break_it(course_copy)
    assert_build_fails(course_copy, case, expected)


def test_the_unbroken_fixture_builds(course_copy):
    """Control: the fixture itself is valid, so each failure above comes from its one change."""
    result = build(course_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (course_copy / "site" / "index.html").exists()
