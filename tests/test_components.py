"""Each course component, rendered by Python-Markdown alone (no MkDocs): portable and semantic."""
from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest

from netwerkkracht.components import CourseExtension
from netwerkkracht.page_context import set_page


@pytest.fixture
def render(fixture_root):
    def _render(text: str, page: str = "modules/01-proef/lezen.md", url: str = "modules/01-proef/lezen/") -> etree.Element:
        set_page(page, page, url)
        md = markdown.Markdown(extensions=["md_in_html", "attr_list", CourseExtension(root=str(fixture_root), platform_videos=True)])
        return etree.fromstring(f"<root>{md.convert(text)}</root>")
    return _render


def test_leerdoelen_is_a_section_with_heading_and_list(render):
    root = render("## Doelen\n\n/// leerdoelen\n- Je kan A.\n- Je kan B.\n///\n")
    section = root.find(".//section[@class='nk-leerdoelen']")
    assert section is not None
    assert section.find("h3").find("span").text == "Leerdoelen"  # one level under the h2
    assert [li.text for li in section.iter("li")] == ["Je kan A.", "Je kan B."]


def test_kernpunten_lists_its_points(render):
    root = render("/// kernpunten\n- Een.\n- Twee.\n///\n")
    section = root.find(".//section[@class='nk-kernpunten']")
    assert section.find("h2") is not None  # no heading before it: starts at h2
    assert [li.text for li in section.iter("li")] == ["Een.", "Twee."]


def test_casus_is_labelled_fictional_and_keeps_markdown(render):
    root = render("/// casus | Karim\nKarim komt naar het **OCMW**.\n///\n")
    section = root.find(".//section[@class='nk-casus']")
    heading = "".join(section.find("h2").itertext())
    assert "Casus" in heading and "Karim" in heading
    assert "Fictieve casus" in section.find("p[@class='nk-fictief']").text
    assert section.find(".//strong").text == "OCMW"


def test_reflectie_from_file_has_labelled_fields(render):
    root = render("/// reflectie | m1-proef\n///\n")
    section = root.find(".//section[@data-nk-reflectie='m1-proef']")
    assert section.get("data-nk-module") == "01-proef"
    assert "Proefoefening" in "".join(section.find("h2").itertext())
    assert section.find(".//div[@class='nk-prompt']/p/em").text == "cliënt"
    areas = section.findall(".//textarea")
    assert [a.get("data-nk-veld") for a in areas] == ["m1-proef/1", "m1-proef/2"]
    for area in areas:
        label = section.find(f".//label[@for='{area.get('id')}']")
        assert label is not None and label.text
    assert areas[0].get("aria-describedby") == "nk-m1-proef-1-hint"
    assert section.find(".//p[@role='status']").get("aria-live") == "polite"
    assert "JavaScript" in section.find(".//noscript/p").text


def test_inline_reflectie_uses_its_body_as_question(render):
    root = render("/// reflectie | m1-snel\nWie belde jij het laatst?\n///\n")
    section = root.find(".//section[@data-nk-reflectie='m1-snel']")
    assert section.find(".//div[@class='nk-prompt']/p").text == "Wie belde jij het laatst?"
    assert section.find(".//label").text == "Jouw antwoord"
    assert section.get("data-nk-module") == "01-proef"


def test_video_link_card_has_no_player_and_links_to_source(render):
    root = render("/// video | proef-link\n///\n")
    figure = root.find(".//figure[@data-nk-video='proef-link']")
    assert figure.find(".//iframe") is None and figure.find(".//video") is None
    assert figure.find(".//a[@class='md-button']").get("href") == "https://example.org/film"
    assert figure.find(".//details[@class='nk-kijkwijzer']") is not None


def test_video_platform_is_click_to_load_on_privacy_host(render):
    root = render("/// video | proef-youtube\n///\n")
    figure = root.find(".//figure[@data-nk-video='proef-youtube']")
    assert figure.find(".//iframe") is None
    button = figure.find(".//button")
    assert button.get("type") == "button"
    assert button.get("data-embed").startswith("https://www.youtube-nocookie.com/embed/abcdEFGH123")
    assert "3:20" in figure.find("p[@class='nk-meta']").text
    transcript = figure.find(".//details[@class='nk-transcript']")
    assert "Dit is een transcript." in "".join(transcript.itertext())


def test_trainer_note_is_marked_for_the_trainer_view(render):
    root = render("/// trainer\nLaat eerst schrijven.\n///\n")
    aside = root.find(".//aside[@class='nk-trainer']")
    assert aside.get("aria-label") == "Trainersnotitie"
    assert aside.find(".//p[@class='nk-kicker']").text == "Voor trainers"


def test_zelftest_has_one_radio_group_per_question_with_feedback(render):
    body = "? Vraag een\n- Fout\n  : Daarom fout.\n+ Goed\n  : Daarom goed.\n? Vraag twee\n+ Ja\n  : Klopt.\n- Nee\n  : Klopt niet.\n"
    root = render(f"/// zelftest | m1-test\n{body}///\n")
    section = root.find(".//section[@data-nk-zelftest='m1-test']")
    fieldsets = section.findall("fieldset")
    assert [f.find("legend").text for f in fieldsets] == ["1. Vraag een", "2. Vraag twee"]
    radios = fieldsets[0].findall(".//input[@type='radio']")
    assert {r.get("name") for r in radios} == {"nk-m1-test-1"}
    assert [r.get("data-juist") for r in radios] == ["nee", "ja"]
    feedback = ["".join(d.itertext()) for d in fieldsets[0].findall(".//details")]
    assert "Daarom fout." in feedback[0] and "Niet juist" in feedback[0]
    assert "Daarom goed." in feedback[1] and "Juist" in feedback[1]


def test_download_links_are_relative_to_the_page(render, fixture_root, monkeypatch):
    from netwerkkracht import course as course_module
    from netwerkkracht.schema import Tool

    loaded = course_module.course_for(fixture_root)
    tool = Tool.model_construct(id="proef", title="Proeftool", summary="Een tool.")
    monkeypatch.setitem(loaded.tools, "proef", tool)
    root = render("/// download | proef\n///\n")
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs == ["../../downloads/proef.pdf", "../../downloads/proef.docx", "../../toolbox/proef.md"]
    assert root.find(".//section[@id='tool-proef']") is not None


def test_component_heading_follows_the_page_outline(render):
    root = render("# Titel\n\n## Deel\n\n### Detail\n\n/// casus | X\nTekst.\n///\n")
    assert root.find(".//section[@class='nk-casus']/h4") is not None


def test_zelftest_does_not_repeat_the_verdict(render):
    root = render("/// zelftest | m1-dubbel\n? Vraag\n+ Goed\n  : Juist: zo zit het.\n- Fout\n  : Nee, want anders.\n///\n")
    texts = ["".join(d.find("p").itertext()) for d in root.iter("details")]
    assert texts == ["Juist. Zo zit het.", "Niet juist. Want anders."]


DIALOGUE = """/// dialoog | Karim vertelt
    professional: Sofie
    anderen: Karim
    situatie: Karim komt voor een huurwaarborg.
Sofie: Wie helpt je soms?
> Ze vraagt naar mensen,
niet naar hulp.
Karim: Mijn buurman,
soms.
Sofie: Wat doet hij dan?
> Ze vraagt door.
Karim: Hij leest mijn brieven.
///
"""


def test_dialoog_renders_turns_with_notes_on_the_professional_turns(render):
    root = render("## Voorbeeld\n\n" + DIALOGUE)
    section = root.find(".//section[@class='nk-gesprek']")
    assert "Karim vertelt" in "".join(section.find("h3").itertext())
    assert "Fictief" in section.find("p[@class='nk-fictief']").text
    assert "huurwaarborg" in "".join(section.find("p[@class='nk-gesprek__situatie']").itertext())
    turns = section.findall("ol/li")
    assert [t.find("p/strong").text for t in turns] == ["Sofie:", "Karim:", "Sofie:", "Karim:"]
    assert "".join(turns[1].find("p").itertext()) == "Karim: Mijn buurman, soms."
    notes = ["".join(t.find("p[@class='nk-beurt__noot']").itertext()) for t in turns if "professional" in t.get("class")]
    assert notes == ["Wat Sofie doet: Ze vraagt naar mensen, niet naar hulp.", "Wat Sofie doet: Ze vraagt door."]
    assert turns[1].find("p[@class='nk-beurt__noot']") is None


@pytest.mark.parametrize("body, problem", [
    (DIALOGUE.replace("> Ze vraagt door.\n", ""), "line 10: Sofie's turn has no note"),
    (DIALOGUE.replace("Karim: Hij leest", "> Een noot.\nKarim: Hij leest").replace("Karim: Mijn buurman", "Karim: Mijn buurman"), None),
    (DIALOGUE.replace("    anderen: Karim\n", ""), "option 'anderen' is missing"),
    (DIALOGUE.replace("Sofie: Wie helpt", "Hallo.\nSofie: Wie helpt"), "line 5: 'Hallo.' does not start with a speaker"),
    (DIALOGUE.replace("Karim: Hij leest mijn brieven.\n", "Karim: Hij leest mijn brieven.\n> Een noot bij Karim.\n"), "only the professional's turns"),
])
def test_dialoog_check_names_the_line_and_the_fix(body, problem):
    from netwerkkracht.scan import find_components
    from netwerkkracht.blocks.dialoog import Dialoog

    use = find_components(body)[0][0]
    problems = Dialoog.check_use(use, None)
    if problem is None:  # a note under the professional's turn is fine, however it is placed
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0], problems
