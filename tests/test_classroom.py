"""What a trainer takes into a room, built from the fixture course: slide decks, the ``/// dia``
block, hand-outs, trainer maps, the course reader and the print page.

The PDFs are read back with pypdf (text, page size, page count) and pdftotext (text per page, for
page numbers and running headers).
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import article, build, copy_fixture, edit
from netwerkkracht.blocks.zelftest import _without_verdict, parse_selftest
from netwerkkracht.classroom.build import generate, settings_from
from netwerkkracht.classroom.printable import NOT_FOR_LEARNERS, strip_blocks
from netwerkkracht.classroom.schedule import parse_start, timeline
from netwerkkracht.classroom.slides import check_slide_blocks, module_slides
from netwerkkracht.course import load_course
from netwerkkracht.errors import ContentError
from netwerkkracht.scan import check_page

A4 = (595.28, 841.89)  # points
ORGANISATION = "Proef & Co <b>vzw</b>"
DIA = """
/// dia | Waarom deze module?
    vorm: vraag
Wie belde jij het laatst toen je met iets zat?
///

/// trainer
Start met een rondje: iedereen één zin.
///
"""
GLOSSARY = """# Woordenlijst

Casus
:   Een fictief verhaal, zoals in [de proefmodule](modules/01-proef/lezen.md#een-casus).
"""


# ---------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def classroom_project(tmp_path_factory) -> Path:
    """The fixture course with a slide block, a glossary, a start time and an organisation to escape."""
    project = copy_fixture(tmp_path_factory.mktemp("classroom"))
    (project / "modules" / "01-proef" / "index.md").write_text(
        (project / "modules" / "01-proef" / "index.md").read_text(encoding="utf-8") + DIA, encoding="utf-8")
    (project / "docs" / "woordenlijst.md").write_text(GLOSSARY, encoding="utf-8")
    edit(project / "mkdocs.yml", "organisation: {name: Proeforganisatie,", f'workshop_start: "13:15"\n  organisation: {{name: "{ORGANISATION}",')
    edit(project / "mkdocs.yml", "  - Start: index.md\n", "  - Start: index.md\n  - Woordenlijst: woordenlijst.md\n")
    return project


@pytest.fixture(scope="session")
def classroom_site(classroom_project) -> Path:
    result = build(classroom_project)
    assert result.returncode == 0, f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return classroom_project / "site"


def pdf_pages(path: Path) -> list[str]:
    """Text of every page, by pdftotext (keeps the reading order of running headers)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return flat(" ".join(page.extract_text() or "" for page in reader.pages))


def assert_a4(path: Path) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) >= 1, path
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1, f"{path.name} page {number} is {size}, not A4"
    return len(reader.pages)


def selftests(course, module):
    for src in module.pages:
        source = (course.root / src).read_text(encoding="utf-8")
        for block in re.findall(r"^/// zelftest \| \S+\n(.*?)^///$", source, re.M | re.S):
            yield from parse_selftest(block)


# ---------------------------------------------------------------------------- slides

def test_deck_follows_the_module_with_notes_on_the_right_slides(classroom_project):
    course = load_course(classroom_project)
    slides = module_slides(course, course.modules[0], "Org")
    kinds = [s.kind for s in slides]
    assert kinds[:4] == ["titel", "doelen", "dia", "pagina"]
    assert {"casus", "oefening", "stilstaan", "video", "gesprek", "bespreekvraag", "quiz", "kernpunten", "bronnen"} <= set(kinds)
    # Order of the page: case, exercise, inline reflection, videos, dialogue.
    order = [k for k in kinds if k in ("casus", "oefening", "stilstaan", "video", "gesprek")]
    assert order == ["casus", "oefening", "stilstaan", "video", "video", "gesprek"]
    # The author's slide replaces the overview slide of its own page only, in its shape.
    dia = slides[2]
    assert (dia.title, dia.shape, dia.kicker) == ("Waarom deze module?", "vraag", "Vraag aan de groep")
    assert dia.notes == ["Start met een rondje: iedereen één zin."]
    # A trainer note follows the slide of the block before it (here the second video).
    videos = [s for s in slides if s.kind == "video"]
    assert videos[1].notes[-1] == "Laat eerst schrijven." and videos[0].notes[0].startswith("**Kijkwijzer.**")
    # The professional's notes of a dialogue are the presenter notes of its slide.
    talk = next(s for s in slides if s.kind == "gesprek")
    assert "**Sofie:** Ze vraagt naar mensen, niet naar hulp." in talk.notes
    assert "Sofie:</strong> Wie helpt je soms?" in talk.body
    # A quiz slide shows the question, its notes hold the answer.
    quiz = next(s for s in slides if s.kind == "quiz")
    assert "Wat is juist?" in quiz.body and "Dit wel." in quiz.body
    assert quiz.notes[0] == "**Juist: B (Dit wel.).**"
    assert all("Juist" not in s.body for s in slides)
    # Discussion questions, then key points and sources close the deck.
    assert [s.title for s in slides if s.kind == "bespreekvraag"] == ["Wat valt op?", "Wat neem je mee?"]
    assert kinds[-2:] == ["kernpunten", "bronnen"]


def test_links_copied_onto_a_deck_still_point_at_the_same_files():
    from netwerkkracht.classroom.slides import relink

    src, deck = "modules/05-x/gbo.md", "presentaties/05-x.md"
    cases = {
        "Zie [het kader](../../juridisch-kader.md#gdpr).": "Zie [het kader](../juridisch-kader.md#gdpr).",
        "[verder](visie.md)": "[verder](../modules/05-x/visie.md)",
        "[hier](#kop)": "[hier](../modules/05-x/gbo.md#kop)",
        '![kaart](../../assets/kaart.svg "De kaart")': '![kaart](../assets/kaart.svg "De kaart")',
        '<a href="toestemming.md#x">y</a>': '<a href="../modules/05-x/toestemming.md#x">y</a>',
        "[site](https://example.org/a) en [mail](mailto:a@b.be)": "[site](https://example.org/a) en [mail](mailto:a@b.be)",
    }
    for before, after in cases.items():
        assert relink(before, src, deck) == after


def test_long_text_is_spread_over_slides():
    from netwerkkracht.classroom.slides import WORDS_PER_SLIDE, chunks

    paragraph = " ".join(["woord"] * 60)
    groups = chunks([paragraph] * 5)
    assert len(groups) == 3 and all(sum(len(p.split()) for p in g) <= WORDS_PER_SLIDE for g in groups)
    assert chunks(["kort"]) == [["kort"]]


def test_deck_page_is_built_standalone_and_kept_out_of_search_and_nav(classroom_site):
    html = (classroom_site / "presentaties" / "01-proef" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="nk-dia ') == html.count("data-nk-dia=") >= 15
    assert 'href="../../assets/presentatie.css"' in html and 'src="../../assets/presentatie.js"' in html
    assert "assets/javascripts/bundle" not in html, "the Material bundle has no place in a deck"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script (a strict CSP refuses it)"
    assert not re.search(r"<[a-z]+[^>]*\sstyle=", html), "inline style attribute (a strict CSP refuses it)"
    assert "Proef &amp; Co &lt;b&gt;vzw&lt;/b&gt;" in html  # the organisation, escaped, on the title slide
    assert 'data-minuten="10">Opwarmer</li>' in html  # the session plan, for the presenter window
    assert 'class="nk-video__laad' in html  # the platform video is the same click-to-load card as on a page
    assert 'src="../../assets/netwerkkracht.js"' in html  # ... with the same script behind it
    index = (classroom_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "presentaties/" not in index, "slides would show up twice in search"
    home = (classroom_site / "index.html").read_text(encoding="utf-8")
    assert "presentaties/" not in home[home.find('<nav class="md-nav md-nav--primary"'):]


def test_dia_block_shows_a_preview_in_the_trainer_view_only(classroom_site):
    html = article((classroom_site / "modules" / "01-proef" / "index.html").read_text(encoding="utf-8"))
    preview = re.search(r'<aside aria-label="Dia voor de presentatie" class="nk-trainer nk-dia-voorbeeld">(.*?)</aside>', html, re.S)
    assert preview, html[-2000:]
    assert "Dia in de presentatie (vraag aan de groep)" in preview.group(1)
    assert "Wie belde jij het laatst toen je met iets zat?" in preview.group(1)


DIA_CASES = {
    "unknown shape": ("/// dia | Titel\n    vorm: grafiek\nTekst.\n///\n", ["option 'vorm' is 'grafiek'", "tekst, stelling, vraag"]),
    "too many words": ("/// dia | Titel\n" + "woord " * 71 + "\n///\n", ["has 71 words", "at most 70", "split it"]),
    "statement too long": ("/// dia | Titel\n    vorm: stelling\n" + "woord " * 31 + "\n///\n", ["has 31 words", "at most 30"]),
    "heading inside": ("/// dia | Titel\n## Kop\nTekst.\n///\n", ["line 1 of the block", "no headings"]),
    "no title": ("/// dia\nTekst.\n///\n", ["'/// dia' needs an argument"]),
    "no content": ("/// dia | Titel\n///\n", ["'/// dia' needs content"]),
    "unknown option": ("/// dia | Titel\n    stijl: groot\nTekst.\n///\n", ["has no option 'stijl'", "vorm"]),
}


@pytest.mark.parametrize("case", sorted(DIA_CASES))
def test_bad_slide_blocks_are_refused_with_file_and_line(case, fixture_root):
    course = load_course(fixture_root)
    source, expected = DIA_CASES[case]
    with pytest.raises(ContentError) as caught:
        check_page("# Pagina\n\nTekst.\n\n" + source, "modules/01-proef/lezen.md", course)
    message = str(caught.value)
    assert "modules/01-proef/lezen.md:5" in message, message
    for piece in expected:
        assert piece in message, f"{case}: {message}"


def test_good_slide_block_passes(fixture_root):
    course = load_course(fixture_root)
    uses = check_page("# P\n\n/// dia | Drie vragen\n- Wie?\n- Wat?\n- Waarom?\n///\n", "modules/01-proef/lezen.md", course)
    assert [u.name for u in uses] == ["dia"]


def test_slide_block_outside_module_pages_is_refused(fixture_root):
    course = load_course(fixture_root)
    with pytest.raises(ContentError) as caught:
        check_slide_blocks(course, {"modules/01-proef/trainer.md": "# T\n\nTekst.\n\n/// dia | X\nY.\n///\n"})
    assert "modules/01-proef/trainer.md:5" in str(caught.value) and "only works on a module's pages" in str(caught.value)
    with pytest.raises(ContentError) as caught:
        check_slide_blocks(course, {"modules/01-proef/lezen.md": "# L\n\n/// dia | X\nTekst.\n//// video | v\n////\n///\n"})
    assert "modules/01-proef/lezen.md:3" in str(caught.value) and "no other component inside a slide (line 5)" in str(caught.value)
    check_slide_blocks(course, {"docs/index.md": "# Start\n\nGeen dia hier.\n",
                                "modules/01-proef/lezen.md": "# L\n\n/// dia | X\nTekst.\n///\n"})  # nothing to say


@pytest.mark.parametrize("where, text, expected", [
    ("modules/01-proef/trainer.md", "\n/// dia | Op de verkeerde plek\nTekst.\n///\n",
     ["modules/01-proef/trainer.md:", "'/// dia' only works on a module's pages"]),
    ("mkdocs.yml", None, ["mkdocs.yml", "extra.workshop_start", "'25:00' is not a time of day", "HH:MM"]),
])
def test_misplaced_slide_or_bad_start_time_fails_the_build(where, text, expected, course_copy):
    if text:
        with (course_copy / where).open("a", encoding="utf-8") as f:
            f.write(text)
    else:
        edit(course_copy / "mkdocs.yml", "extra:\n", 'extra:\n  workshop_start: "25:00"\n')
    result = build(course_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    for piece in expected:
        assert piece in output, f"message lacks {piece!r}:\n{output[-3000:]}"
    assert "Traceback" not in output


# ---------------------------------------------------------------------------- print sources and times

def test_learner_sources_lose_answers_and_trainer_material_whatever_the_nesting():
    source = (
        "# P\n\nTekst.\n\n/// details | Meer\n/// zelftest | x\n? V\n+ Geheim juist\n  : Uitleg.\n///\n///\n\n"
        "```markdown\n/// zelftest | voorbeeld\n```\n\n/// trainer\nNotitie.\n///\n\n/// casus | C\nVerhaal.\n///\n"
    )
    out = strip_blocks(source, NOT_FOR_LEARNERS)
    assert "Geheim juist" not in out and "Notitie." not in out
    assert "/// details | Meer" in out and "Verhaal." in out
    assert "/// zelftest | voorbeeld" in out, "a code sample that shows the syntax is text, not a block"


def test_session_plan_clock_times():
    from netwerkkracht.schema import TrainerPlan

    plan = TrainerPlan.model_validate({
        "workshop_duration": 95,
        "session_plan": [{"minutes": 50, "activity": "A", "method": "M"}, {"minutes": 45, "activity": "B", "method": "M"}],
        "discussion_questions": ["?", "?"]})
    slots, end = timeline(plan, "23:30")
    assert [(s.offset, s.start) for s in slots] == [(0, "23:30"), (50, "00:20")] and end == "01:05"
    assert parse_start("9.05") == 545 and parse_start("9u05") == 545
    for bad in ("25:00", "9", "negen uur", ""):
        with pytest.raises(ValueError, match="HH:MM"):
            parse_start(bad)
    with pytest.raises(ContentError, match="extra.workshop_start"):
        settings_from("Site", {"workshop_start": "7 uur"})


# ---------------------------------------------------------------------------- PDFs

def test_every_printed_file_is_a4(classroom_site):
    files = sorted((classroom_site / "afdrukken").glob("*.pdf"))
    assert [f.name for f in files] == ["01-proef-hand-out.pdf", "01-proef-trainersmap.pdf", "cursusreader.pdf"]
    for file in files:
        assert_a4(file)


def test_learner_handout_has_the_module_and_no_answers(classroom_project, classroom_site):
    course = load_course(classroom_project)
    module = course.modules[0]
    text = pdf_text(classroom_site / "afdrukken" / "01-proef-hand-out.pdf")
    for piece in ("Proefmodule", "Je kan een casus lezen.",  # title and goals
                  "Karim (41) komt naar het OCMW",  # the case
                  "Proefoefening", "Wie hielp die persoon?", "Wat valt je op?", "Wie belde jij het laatst?",  # exercise questions
                  "Niets verlaat de browser.",  # key points
                  "The Social Network Map"):  # sources
        assert piece in text, f"hand-out lacks {piece!r}"
    assert text.count("Jouw antwoord") == 1
    questions = list(selftests(course, module))
    assert questions
    for question in questions:
        assert flat(question.text) not in text
        for option in question.options:
            for form in (option.feedback, _without_verdict(option.feedback)):
                assert flat(form) not in text, f"self-test explanation on a learner's paper: {option.feedback}"
    for secret in ("Laat eerst schrijven.", "Start met een rondje", "Wie belde jij het laatst toen je met iets zat?"):
        assert secret not in text, f"trainer material on a learner's paper: {secret}"


def test_handout_keeps_room_to_write_under_each_question(classroom_site):
    page = next(p for p in pdf_pages(classroom_site / "afdrukken" / "01-proef-hand-out.pdf") if "Wat valt je op?" in p)
    assert page, "the exercise question is on no page"
    render = classroom_site.parent / "hand-out.png"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-singlefile", "-f", "1", "-l", "1",
                    str(classroom_site / "afdrukken" / "01-proef-hand-out.pdf"), str(render.with_suffix(""))], check=True)
    assert render.stat().st_size > 5_000


def test_trainer_map_has_every_answer_the_plan_and_the_notes(classroom_project, classroom_site):
    course = load_course(classroom_project)
    module = course.modules[0]
    text = pdf_text(classroom_site / "afdrukken" / "01-proef-trainersmap.pdf")
    for question in selftests(course, module):
        assert flat(question.text) in text
        for option in question.options:
            assert flat(option.text) in text
            shown = flat(_without_verdict(option.feedback))  # the site prints "Juist."/"Niet juist." itself
            assert shown in text, f"explanation missing from the trainer map: {option.feedback}"
    # The session plan from the configured start (13:15), with a total.
    assert re.search(r"13:15 10' Opwarmer", text) and re.search(r"13:25 20' Casus bespreken", text), text[:1500]
    assert "13:15–13:45 30' Totaal: 30 min" in text
    for piece in ("Wat valt op?", "Wat neem je mee?",  # discussion questions
                  "Laat eerst schrijven.", "Start met een rondje",  # trainer notes from the pages
                  "Verdeel de groep in drietallen.",  # the trainer page's own material
                  "Werkblad", "afdrukken/01-proef-hand-out.pdf"):  # what to print
        assert piece in text, f"trainer map lacks {piece!r}"


def test_reader_has_cover_contents_with_page_numbers_headers_and_page_references(classroom_site):
    path = classroom_site / "afdrukken" / "cursusreader.pdf"
    pages = pdf_pages(path)
    assert "Cursusreader" in pages[0] and ORGANISATION in flat(pages[0]), "cover with the organisation (as text)"
    contents = flat(pages[1])
    assert contents.startswith("Inhoud")

    def page_of(title: str) -> int:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)", contents)
        assert match, f"{title} not in the contents: {contents}"
        return int(match.group(1))

    module_page, glossary_page = page_of("Module 1. Proefmodule"), page_of("Woordenlijst")
    assert "Proefmodule" in pages[module_page - 1] and "Wat je leert" in pages[module_page - 1]
    assert "Woordenlijst" in pages[glossary_page - 1] and "Een fictief verhaal" in pages[glossary_page - 1]
    # Running header (module title) and page number on a content page.
    head = pages[module_page - 1].strip().splitlines()[0]
    assert "Proefmodule" in head
    assert f"pagina {module_page} van {len(pages)}" in pages[module_page - 1]
    # The glossary's link to the module page became a page reference to where the case stands.
    case_page = next(i for i, p in enumerate(pages, start=1) if "Karim (41) komt naar het OCMW" in p)
    assert f"de proefmodule (p. {case_page})" in flat(pages[glossary_page - 1])
    assert "Alle bronnen" in flat(pages[-1]) and "Tracy" in flat(pages[-1])
    text = pdf_text(path)
    assert "Wat is juist?" not in text and "Laat eerst schrijven." not in text


def test_print_page_lists_every_file(classroom_site):
    html = article((classroom_site / "afdrukken" / "index.html").read_text(encoding="utf-8"))
    for href in ("cursusreader.pdf", "01-proef-hand-out.pdf", "01-proef-trainersmap.pdf", "../presentaties/01-proef/"):
        assert f'href="{href}"' in html, href
    assert re.search(r"Hand-out voor deelnemers</a> \(PDF, A4, \d+ pagina", html)


def test_pdfs_come_from_the_cache_until_their_content_changes(tmp_path):
    cache = tmp_path / "cache"
    first = generate("afdrukken/x-hand-out.pdf", "<p>Een</p>", cache, tmp_path)
    again = generate("afdrukken/x-hand-out.pdf", "<p>Een</p>", cache, tmp_path)
    assert (first.cached, again.cached) == (False, True) and again.pdf == first.pdf and again.pages == 1
    changed = generate("afdrukken/x-hand-out.pdf", "<p>Twee</p>" * 400, cache, tmp_path)
    assert not changed.cached and changed.pdf != first.pdf
    assert len(list(cache.glob("x-hand-out-*.pdf"))) == 1, "the outdated PDF stays behind"
    stale = generate("afdrukken/x-hand-out.pdf", "<p>Drie</p>", cache, tmp_path, allow_stale=True)
    assert stale.stale and stale.pdf == changed.pdf, "under mkdocs serve the last PDF is kept"


def test_unchanged_inputs_skip_the_html_and_an_edit_does_not(tmp_path):
    """A second build reads every PDF from the cache without making its HTML (the inputs hash is one
    it has seen); after an edit to a module page that page's hand-out shows the new text."""
    project = copy_fixture(tmp_path)
    first, second = build(project), build(project)
    assert first.returncode == 0 and second.returncode == 0, second.stderr[-3000:]
    assert "inputs unchanged" not in first.stderr
    assert re.search(r"Classroom: .*\(0 rendered, (\d+) from cache, \1 without making their HTML: inputs unchanged\)",
                     second.stderr), second.stderr[-2000:]

    page = project / "modules" / "01-proef" / "lezen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin die pas na de tweede build verschijnt.\n", encoding="utf-8")
    third = build(project)
    assert third.returncode == 0, third.stderr[-3000:]
    assert "inputs unchanged" not in third.stderr
    assert "pas na de tweede build" in flat(pdf_text(project / "site" / "afdrukken" / "01-proef-hand-out.pdf"))
