"""Practice and assessment engine: simulation schema and graph checks, the eindtoets bank, the
question figures, the three blocks and where their scripts load. Content-free: fixture course only."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree

import markdown
import pytest

from helpers import article, build, edit
from netwerkkracht.components import CourseExtension
from netwerkkracht.course import load_course
from netwerkkracht.errors import ContentError
from netwerkkracht.page_context import set_page
from netwerkkracht.question_stats import Item, figures, is_scenario, right_is_longest
from netwerkkracht.scenarios import longest_path

SIM = "scenarios/proef-gesprek.yml"
BANK = "assessment/eindtoets.yml"


def _problems(course_dir) -> str:
    with pytest.raises(ContentError) as info:
        load_course(course_dir)
    return str(info.value)


# ---------------------------------------------------------------------------- simulation graph: one case per rule

GRAPH_CASES = {
    "choice to a missing step": (
        lambda c: edit(c / SIM, "        next: deur-dicht\n", "        next: deur-dich\n"),
        ["field 'steps.dicht.choices.0.next'", "'deur-dich' is neither a step nor an ending"],
    ),
    "unreachable step": (
        lambda c: edit(c / SIM, "        next: buurvrouw\n", "        next: dicht\n"),
        ["field 'steps.buurvrouw'", "can never be reached from the start step 'begin'"],
    ),
    "loop with no way out": (
        # 'dicht' now leads only to itself: once there, no ending can be reached.
        lambda c: (edit(c / SIM, "        next: deur-dicht\n", "        next: dicht\n"),
                   edit(c / SIM, "        next: begin\n", "        next: dicht\n")),
        ["field 'steps.dicht'", "a loop with no way out", "only lead to dicht, never to an ending"],
    ),
    "no ending reachable": (
        lambda c: (edit(c / SIM, "        next: deur-dicht\n", "        next: begin\n"),
                   edit(c / SIM, "        next: deur-open\n", "        next: dicht\n"),
                   edit(c / SIM, "        next: te-snel\n", "        next: begin\n")),
        ["field 'endings'", "no ending can be reached from the start step 'begin'"],
    ),
    "step and ending share an id": (
        lambda c: edit(c / SIM, "  te-snel:\n    title:", "  dicht:\n    title:"),
        ["field 'endings.dicht'", "'dicht' is also a step id"],
    ),
}


@pytest.mark.parametrize("case", sorted(GRAPH_CASES))
def test_simulation_graph_rule(case, course_copy):
    break_it, expected = GRAPH_CASES[case]
    break_it(course_copy)
    message = _problems(course_copy)
    assert SIM in message
    for piece in expected:
        assert piece in message, f"{case}: {piece!r} not in\n{message}"


def test_loop_with_a_way_out_is_fine(course_copy):
    """Control for the loop rule: the fixture's 'dicht' leads back to 'begin' and still has an exit."""
    course = load_course(course_copy)
    assert "begin" in [c.next for c in course.scenarios["proef-gesprek"].steps["dicht"].choices]


@pytest.mark.parametrize("old, new, expected", [
    ("duration: 5\n", "duration: vijf\n", ["field 'duration'", "expected a whole number"]),
    ("    speaker: Karim\n    text: \"Mijn", "    spreker: Karim\n    text: \"Mijn", ["field 'steps.buurvrouw.spreker'", "not a known field"]),
    ("    outcome: mixed\n", "    outcome: matig\n", ["field 'endings.te-snel.outcome'", "'good', 'mixed' or 'poor'"]),
    ("module: 01-proef\n", "module: 05-bestaat-niet\n", ["field 'module'", "'05-bestaat-niet' is not a module folder"]),
    ("      - text: \"Dan heb je dus niemand nodig.\"\n        feedback: \"Je neemt zijn woorden over en sluit het gesprek af.\"\n        next: dicht\n",
     "", ["field 'steps.begin.choices'", "at least 2"]),
])
def test_simulation_schema_names_file_and_field(course_copy, old, new, expected):
    edit(course_copy / SIM, old, new)
    message = _problems(course_copy)
    assert SIM in message
    for piece in expected:
        assert piece in message, message


def test_broken_simulation_fails_the_real_build_with_file_and_field(course_copy):
    edit(course_copy / SIM, "        next: deur-dicht\n", "        next: deur-dich\n")
    result = build(course_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{SIM}: field 'steps.dicht.choices.0.next': 'deur-dich' is neither a step nor an ending" in output, output[-2000:]
    assert "Traceback" not in output


def test_unknown_simulation_id_in_a_page_names_the_line(course_copy):
    page = course_copy / "modules/01-proef/lezen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// gesprekssimulatie | proef-gespre\n///\n", encoding="utf-8")
    result = build(course_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"modules/01-proef/lezen\.md:\d+: unknown simulation id 'proef-gespre'.*scenarios/proef-gespre\.yml.*proef-gesprek", output), output[-2000:]


def test_longest_path_counts_decision_points_without_repeating_a_step(fixture_root):
    scenario = load_course(fixture_root).scenarios["proef-gesprek"]
    assert longest_path(scenario) == 2  # begin -> buurvrouw, or begin -> dicht; never begin twice
    assert scenario.step_order() == ["begin", "buurvrouw", "dicht"]


# ---------------------------------------------------------------------------- eindtoets bank

@pytest.mark.parametrize("old, new, expected", [
    ("      - text: Je belt de buurman.\n", "      - text: Je belt de buurman.\n        correct: true\n",
     ["field 'questions.0'", "exactly one option needs 'correct: true', found 2"]),
    ("  - id: p-zus\n", "  - id: p-factuur\n", ["field 'questions.2.id'", "'p-factuur' is used twice"]),
    ("draw: 3\n", "draw: 9\n", ["draw is 9, but the bank has only 5 questions"]),
    ("pass_mark: 60\n", "pass_mark: 160\n", ["field 'pass_mark'", "less than or equal to 100"]),
    ("  - id: p-weigert\n    module: 01-proef\n", "  - id: p-weigert\n    module: 09-geen\n", ["field 'questions.4.module'", "'09-geen' is not a module folder"]),
])
def test_bank_errors_name_file_and_field(course_copy, old, new, expected):
    edit(course_copy / BANK, old, new)
    message = _problems(course_copy)
    assert BANK in message
    for piece in expected:
        assert piece in message, message


def test_guessing_chance_in_words():
    from netwerkkracht.eindtoets import guess_chance

    assert guess_chance(0.24) == "in ongeveer 24 % van de pogingen"
    assert guess_chance(3e-7) == "in minder dan 1 op 1 000 000 pogingen"
    assert guess_chance(0.0) == "nooit"


def test_pass_mark_and_guessing_odds(fixture_root):
    bank = load_course(fixture_root).eindtoets
    assert bank.needed() == 2  # 60 % of 3, rounded up
    # Per question 1/3 (four questions) or 1/4 (one): p = 0.3167; P(X >= 2 of 3) = 3p²(1-p) + p³.
    p = (4 / 3 + 1 / 4) / 5
    assert bank.guess_odds() == pytest.approx(3 * p**2 * (1 - p) + p**3)


# ---------------------------------------------------------------------------- question figures

@pytest.mark.parametrize("text, expected", [
    ("Een cliënt vertelt over een behulpzame buurman. Wat doe je eerst?", True),
    ('Een collega zegt: "Waarom zou je dat vragen?" Wat antwoord je?', True),
    ("Joris (34) vertelt dat zijn zus hem elke week belt. Welke steun geeft zij vooral?", True),
    ("Wat is vraagverlegenheid?", False),
    ("Welke partners vormen minstens het samenwerkingsverband GBO?", False),
    ("Statistiek Vlaanderen meldt dat 13% van de Vlamingen in 2018 zwakke sociale steun had. Hoe lees je dat?", False),
    ("Een cliënt wil niet over zijn familie praten.", False),  # no question
])
def test_scenario_rule(text, expected):
    assert is_scenario(text) is expected


def test_positions_and_longest_option():
    items = [
        Item("a", (("kort", False), ("het langste antwoord", True), ("mid", False))),
        Item("b", (("gelijk lang!", True), ("gelijk lang?", False))),  # a tie is not "longest"
        Item("c", (("juist", True), ("fout maar langer", False))),
    ]
    assert [right_is_longest(i) for i in items] == [True, False, False]
    f = figures(items)
    assert dict(f.positions) == {2: 1, 1: 2}
    assert f.position_share() == pytest.approx(2 / 3) and f.longest_share() == pytest.approx(1 / 3)


# ---------------------------------------------------------------------------- blocks

@pytest.fixture
def render(fixture_root):
    def _render(text: str, page: str = "oefenen/x.md", url: str = "oefenen/x/", organisation: str = "") -> etree.Element:
        set_page(page, page, url)
        ext = CourseExtension(root=str(fixture_root), organisation=organisation)
        md = markdown.Markdown(extensions=["md_in_html", "attr_list", ext])
        return etree.fromstring(f"<root>{md.convert(text)}</root>")
    return _render


def test_simulation_block_writes_the_whole_tree_as_a_role_play_script(render):
    root = render("/// gesprekssimulatie | proef-gesprek\n///\n")
    section = root.find(".//section[@data-nk-simulatie='proef-gesprek']")
    assert section.get("data-nk-start") == "begin" and section.get("data-nk-rol") == "Sofie"
    assert section.find(".//div[@data-nk-speler]") is not None
    script = section.find(".//aside[@class='nk-trainer nk-rollenspel']")
    steps = script.findall(".//li[@data-nk-stap]")
    assert [s.get("data-nk-stap") for s in steps] == ["begin", "buurvrouw", "dicht"]
    assert [s.find("p/strong").text for s in steps] == ["Stap 1", "Stap 2", "Stap 3"]
    first = steps[0]
    assert first.find(".//em[@data-nk-regie]").text == "Karim kijkt naar de grond."
    assert [k.get("data-nk-naar") for k in first.findall(".//li[@data-nk-naar]")] == ["buurvrouw", "dicht"]
    links = ["".join(a.itertext()) for a in script.iter("a")]
    assert "Verder bij stap 2" in links and "Naar einde B: Te snel gevraagd" in links
    assert all(a.get("href").startswith("#sim-proef-gesprek-") for a in script.iter("a"))
    endings = script.findall(".//li[@data-nk-einde]")
    assert [(e.get("data-nk-einde"), e.get("data-nk-uitkomst")) for e in endings] == [
        ("deur-open", "good"), ("te-snel", "mixed"), ("deur-dicht", "poor")]
    assert "(gemengde afloop)" in "".join(endings[1].itertext())


def test_eindtoets_block_states_rules_and_carries_the_bank(render):
    root = render("/// eindtoets\n///\n")
    section = root.find(".//section[@data-nk-eindtoets]")
    text = " ".join("".join(li.itertext()) for li in section.iter("li"))
    assert "Elke poging telt 3 vragen" in text and "bank van 5 vragen over 1 module: 3 per module" in text
    assert "Je slaagt vanaf 2 van de 3 vragen juist: 60 %" in text
    assert "Waarom 60 %?" in "".join(section.find("p[@class='nk-eindtoets__waarom']").itertext())
    assert "slaagt in ongeveer 24 % van de pogingen" in text and "je mag 1 fout maken" in text
    data = json.loads(section.find("script[@type='application/json']").text)
    assert data["trekking"] == 3 and data["drempel"] == 60 and data["nodig"] == 2
    assert [q["id"] for q in data["vragen"]][:2] == ["p-buurman", "p-factuur"]
    assert sum(o["juist"] for o in data["vragen"][0]["opties"]) == 1
    module = section.find(".//ul[@class='nk-toets__modules']/li")
    assert module.get("data-nk-module") == "01-proef" and module.get("data-nk-minuten") == "20"
    assert module.find("a").get("href") == "../modules/01-proef/index.md"


def test_bank_text_cannot_close_the_data_island(render, fixture_root, monkeypatch):
    from netwerkkracht.course import course_for

    bank = course_for(fixture_root).eindtoets
    monkeypatch.setattr(bank.questions[0], "question", "Een cliënt typt </script><b>vet</b>. Wat doe je?")
    set_page("oefenen/x.md", "oefenen/x.md", "oefenen/x/")
    html = markdown.Markdown(extensions=[CourseExtension(root=str(fixture_root))]).convert("/// eindtoets\n///\n")
    island = re.search(r'<script class="nk-eindtoets__bank" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert "</script>" not in island and json.loads(island)["vragen"][0]["vraag"].startswith("Een cliënt typt </script>")


def test_certificate_block_escapes_the_organisation(render):
    root = render("/// deelnameattest\n///\n", organisation='OCMW <script>x</script> & "Co"')
    section = root.find(".//section[@data-nk-attest]")
    assert section.get("data-nk-organisatie") == 'OCMW <script>x</script> & "Co"'  # an attribute value, parsed back
    assert section.find(".//script") is None


def test_organisation_reaches_the_certificate_page_escaped(course_copy):
    edit(course_copy / "mkdocs.yml", "name: Proeforganisatie", "name: 'OCMW <b>Proef</b> & Co'")
    result = build(course_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    html = article((course_copy / "site" / "oefenen" / "deelnameattest" / "index.html").read_text(encoding="utf-8"))
    assert 'data-nk-organisatie="OCMW &lt;b&gt;Proef&lt;/b&gt; &amp; Co"' in html
    assert "<b>Proef</b>" not in html  # (the page footer is the branding stream's, not checked here)


# ---------------------------------------------------------------------------- pages and page-specific scripts

def _scripts(html: str) -> set[str]:
    return {re.sub(r"^(\.\./)+", "", s) for s in re.findall(r'<script src="([^"]+)"', html)}


def test_scripts_load_only_where_their_block_is(fixture_site):
    pages = {
        "modules/01-proef/lezen/index.html": {"assets/volgorde.js", "assets/zelftest.js"},
        "oefenen/proef-gesprek/index.html": {"assets/simulatie.js"},
        "oefenen/eindtoets/index.html": {"assets/volgorde.js", "assets/eindtoets.js"},
        "oefenen/deelnameattest/index.html": {"assets/oefenen.js", "assets/attest.js"},
        "index.html": set(),
        "modules/01-proef/index.html": set(),
    }
    own = {"assets/volgorde.js", "assets/zelftest.js", "assets/simulatie.js", "assets/eindtoets.js", "assets/oefenen.js", "assets/attest.js"}
    for page, expected in pages.items():
        html = (fixture_site / page).read_text(encoding="utf-8")
        assert _scripts(html) & own == expected, page
        assert ("assets/oefenen.css" in html) == bool(expected - {"assets/volgorde.js", "assets/zelftest.js"}), page
        assert ("assets/attest.css" in html) == ("assets/attest.js" in expected), page
    for asset in own | {"assets/oefenen.css", "assets/attest.css"}:
        assert (fixture_site / asset).is_file(), asset


def test_practice_overview_and_simulation_pages_are_generated(fixture_site):
    overview = article((fixture_site / "oefenen" / "index.html").read_text(encoding="utf-8"))
    assert 'href="../proef-gesprek/"' not in overview  # links are relative to oefenen/
    assert 'href="proef-gesprek/"' in overview and "5 minuten" in overview
    assert 'href="eindtoets/"' in overview and 'href="deelnameattest/"' in overview
    page = article((fixture_site / "oefenen" / "proef-gesprek" / "index.html").read_text(encoding="utf-8"))
    assert 'href="../../modules/01-proef/"' in page and 'data-nk-simulatie="proef-gesprek"' in page
    nav = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert "Een buur ter sprake brengen" in nav
