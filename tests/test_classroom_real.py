"""The printed documents of the real course: A4, page counts, every self-test answer in the trainer
map and none on a learner's paper; and which module pages still lack a trainer note.
"""
from __future__ import annotations

import io
import re

import pytest

from helpers import ROOT
from netwerkkracht.blocks.zelftest import _without_verdict, parse_selftest
from netwerkkracht.classroom.notes import pages_without_trainer_note
from netwerkkracht.sitepaths import READER_PDF, handout_pdf, trainer_map_pdf
from netwerkkracht.course import load_course
from netwerkkracht.scan import find_components

COURSE = load_course(ROOT)
A4 = (595.28, 841.89)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def read_pdf(path):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1, f"{path.name} page {number} is {size}, not A4"
    return len(reader.pages), flat(" ".join(p.extract_text() or "" for p in reader.pages))


def learner_text(sources) -> str:
    """What learners may read anyway: the pages without self-tests and trainer material (an
    explanation that repeats a sentence of the text, or of the legal frame, is not an answer)."""
    from netwerkkracht.classroom.printable import NOT_FOR_LEARNERS, strip_blocks

    return flat(" ".join(strip_blocks(path.read_text(encoding="utf-8"), NOT_FOR_LEARNERS) for path in sources))


def answers(module, public: str):
    """Every explanation of the module's self-tests that the learner text does not hold as well."""
    for question in questions(module):
        for option in question.options:
            explanation = flat(_without_verdict(option.feedback))
            if explanation not in public:
                yield explanation


def questions(module):
    for src in module.pages:
        for use, _ in find_components((ROOT / src).read_text(encoding="utf-8")):
            if use.name == "zelftest":
                yield from parse_selftest(use.body)


@pytest.mark.parametrize("module", COURSE.modules, ids=lambda m: m.slug)
def test_handout_and_trainer_map_of_every_module(module, real_site):
    pages, handout = read_pdf(real_site / handout_pdf(module.slug))
    assert pages >= 3, f"{module.slug}: a hand-out of {pages} page(s)"
    map_pages, trainer = read_pdf(real_site / trainer_map_pdf(module.slug))
    assert map_pages >= 2
    assert flat(module.meta.title) in handout and flat(module.meta.key_points[0]) in handout
    assert flat(module.meta.sources[0].title) in handout
    found = list(questions(module))
    assert found, f"{module.slug}: no self-test to check"
    for question in found:
        assert flat(question.text) in trainer, f"{module.slug}: question missing from the trainer map: {question.text}"
        for option in question.options:
            assert flat(_without_verdict(option.feedback)) in trainer, f"{module.slug}: explanation missing: {option.feedback}"
            assert flat(option.text) in trainer
    secret = list(answers(module, learner_text(ROOT / src for src in module.pages)))
    assert len(secret) >= len(found), f"{module.slug}: too few explanations left to check"
    for explanation in secret:
        assert explanation not in handout, f"{module.slug}: self-test explanation on a learner's paper: {explanation}"
    for step in module.meta.trainer.session_plan:
        assert flat(step.activity) in trainer
    for question in module.meta.trainer.discussion_questions:
        assert flat(question) in trainer


def test_reader_holds_the_whole_course(real_site):
    pages, text = read_pdf(real_site / READER_PDF)
    assert pages > 10 * len(COURSE.modules) // 2
    public = learner_text([ROOT / src for m in COURSE.modules for src in m.pages]
                          + [ROOT / "docs" / name for name in ("juridisch-kader.md", "woordenlijst.md")])
    for module in COURSE.modules:
        assert flat(module.meta.title) in text
        for explanation in answers(module, public):
            assert explanation not in text, f"{module.slug}: self-test explanation in the reader: {explanation}"
    assert "Woordenlijst" in text and "Alle bronnen" in text and "Juridisch kader" in text
    assert re.search(r"\(p\. \d+\)", text), "no internal link became a page reference"


def test_pages_without_trainer_note_are_found():
    """The check itself: a page without a `/// trainer` block is reported, one with a block is not."""
    import shutil
    import tempfile
    from pathlib import Path

    from helpers import FIXTURE

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        shutil.copytree(FIXTURE, root)
        course = load_course(root)
        assert pages_without_trainer_note(course) == ["modules/01-proef/index.md"]
        with (root / "modules" / "01-proef" / "index.md").open("a", encoding="utf-8") as f:
            f.write("\n/// trainer\nReken op tien minuten.\n///\n")
        assert pages_without_trainer_note(load_course(root)) == []


def test_every_module_page_has_a_trainer_note():
    """Issue 13: a trainer note on every module page. The module authors write them; until every page
    has one, this reports which pages still lack one (XFAIL with the list) instead of failing."""
    missing = pages_without_trainer_note(COURSE)
    if missing:
        pytest.xfail(f"{len(missing)} module page(s) without a trainer note: {', '.join(missing)}")
    assert missing == []
