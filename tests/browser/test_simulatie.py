"""A conversation simulation in a real browser: played by keyboard from start to an ending, each
step focused and announced, saved, restored on reload, shown and deleted in the portfolio, started
again; and the trainer's role-play script, printable."""
from __future__ import annotations


import pytest
from playwright.sync_api import expect
from storage import stored

pytestmark = pytest.mark.browser

SIM = "/oefenen/proef-gesprek/"
PORTFOLIO = "/portfolio/"



def test_whole_simulation_by_keyboard_with_save_reload_and_portfolio(page, base_url, tmp_path):
    page.goto(base_url + SIM)
    sim = page.locator("#simulatie-proef-gesprek")
    live = sim.locator("[role=status]")
    expect(sim.locator(".nk-rollenspel")).to_be_hidden()  # the script is for the trainer view
    start = sim.get_by_role("button", name="Begin het gesprek")
    start.focus()
    page.keyboard.press("Enter")

    step1 = sim.locator(".nk-sim__stap").nth(0)
    expect(step1.get_by_role("heading", name="Stap 1")).to_be_focused()
    expect(live).to_have_text("Stap 1. Karim kijkt naar de grond. Karim zegt: Ik red me wel alleen, hoor.")
    expect(step1.locator(".nk-sim__feedback")).to_have_count(0)  # no feedback before a choice
    page.keyboard.press("Tab")
    expect(step1.get_by_role("button", name="Wie helpt jou als het eens tegenzit?")).to_be_focused()
    page.keyboard.press("Enter")
    expect(step1.locator(".nk-sim__jij")).to_have_text("Jij (Sofie): Wie helpt jou als het eens tegenzit?")
    expect(step1.locator(".nk-sim__feedback")).to_have_text("Wat dit doet: Een open vraag laat ruimte om iemand te noemen.")
    expect(step1.locator(".nk-sim__keuze")).to_have_count(0)
    expect(live).to_have_text("Jij zegt: Wie helpt jou als het eens tegenzit? Wat dit doet: Een open vraag laat ruimte om iemand te noemen.")
    expect(sim.get_by_role("button", name="Verder")).to_be_focused()
    page.keyboard.press("Enter")

    step2 = sim.locator(".nk-sim__stap").nth(1)
    expect(step2.get_by_role("heading", name="Stap 2")).to_be_focused()
    expect(live).to_have_text("Stap 2. Karim zegt: Mijn buurvrouw doet soms boodschappen voor me.")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(step2.get_by_role("button", name="Kan zij dan ook je papieren invullen?")).to_be_focused()
    page.keyboard.press("Enter")
    expect(sim.get_by_role("button", name="Naar het einde")).to_be_focused()
    page.keyboard.press("Enter")
    ending = sim.locator(".nk-sim__einde")
    expect(ending.get_by_role("heading", name="Einde: Te snel gevraagd")).to_be_focused()
    expect(ending).to_contain_text("Gemengde afloop.")
    expect(live).to_contain_text("Einde: Te snel gevraagd. Gemengde afloop. Karim krabbelt terug")

    saved = stored(page)["simulaties"]["proef-gesprek"]
    assert [(p["stap"], p["keuze"], p["tekst"]) for p in saved["pad"]] == [
        ("begin", 1, "Wie helpt jou als het eens tegenzit?"), ("buurvrouw", 2, "Kan zij dan ook je papieren invullen?")]
    assert (saved["einde"], saved["eindtitel"], saved["uitkomst"]) == ("te-snel", "Te snel gevraagd", "mixed")
    assert saved["module"] == "01-proef" and saved["url"] == SIM + "#simulatie-proef-gesprek"
    assert saved["titel"] == "Een buur ter sprake brengen"

    page.reload()
    expect(sim.locator(".nk-meta").filter(has_text="Je gesprek van eerder staat er weer")).to_be_visible()
    expect(sim.locator(".nk-sim__jij")).to_have_text([
        "Jij (Sofie): Wie helpt jou als het eens tegenzit?", "Jij (Sofie): Kan zij dan ook je papieren invullen?"])
    expect(sim.locator(".nk-sim__einde h2, .nk-sim__einde h3")).to_have_text("Einde: Te snel gevraagd")

    page.goto(base_url + PORTFOLIO)
    entry = page.locator("[data-nk-portfolio] [data-nk-simulatie='proef-gesprek']")
    expect(entry.locator("h4")).to_have_text("Gesprekssimulatie: Een buur ter sprake brengen")
    expect(entry.locator(".nk-portfolio__afloop")).to_have_text("Afloop: Te snel gevraagd (gemengde afloop).")
    expect(entry.locator("ol li")).to_have_text(["Wie helpt jou als het eens tegenzit?", "Kan zij dan ook je papieren invullen?"])
    expect(entry.locator("a")).to_have_attribute("href", SIM + "#simulatie-proef-gesprek")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als document (HTML)").click()
    doc = tmp_path / "portfolio.html"
    info.value.save_as(doc)
    html = doc.read_text(encoding="utf-8")
    assert "Gesprekssimulatie: Een buur ter sprake brengen" in html and "Kan zij dan ook je papieren invullen?" in html
    assert "Wis dit gesprek" not in html

    # Delete: asked first; "Annuleren" keeps it, "Ja" removes it.
    entry.get_by_role("button", name="Wis dit gesprek").click()
    expect(entry.get_by_role("button", name="Annuleren")).to_be_focused()
    page.keyboard.press("Enter")
    expect(entry.get_by_role("button", name="Wis dit gesprek")).to_be_focused()
    assert "proef-gesprek" in stored(page)["simulaties"]
    entry.get_by_role("button", name="Wis dit gesprek").click()
    entry.get_by_role("button", name="Ja, wis dit gesprek").click()
    expect(page.locator("[data-nk-simulatie='proef-gesprek']")).to_have_count(0)
    expect(page.locator(".nk-portfolio__acties .nk-status")).to_have_text('Je pad in "Een buur ter sprake brengen" is gewist.')
    assert stored(page)["simulaties"] == {}
    page.goto(base_url + SIM)
    expect(page.get_by_role("button", name="Begin het gesprek")).to_be_visible()


def test_start_again_and_a_loop_back_to_the_first_step(page, base_url):
    page.goto(base_url + SIM)
    sim = page.locator("#simulatie-proef-gesprek")
    sim.get_by_role("button", name="Begin het gesprek").click()
    sim.get_by_role("button", name="Wie helpt jou als het eens tegenzit?").click()
    sim.get_by_role("button", name="Opnieuw beginnen").click()
    expect(sim.locator(".nk-sim__stap")).to_have_count(1)
    expect(sim.get_by_role("heading", name="Stap 1")).to_be_focused()
    assert len(stored(page)["simulaties"]["proef-gesprek"]["pad"]) == 1  # replaced only by a new choice
    sim.get_by_role("button", name="Dan heb je dus niemand nodig.").click()
    sim.get_by_role("button", name="Verder").click()
    sim.get_by_role("button", name="Mag ik toch nog even vragen wie er rond je staat?").click()
    sim.get_by_role("button", name="Verder").click()
    expect(sim.get_by_role("heading", name="Stap 3")).to_be_focused()
    expect(sim.locator(".nk-sim__stap").nth(2).locator(".nk-sim__ander")).to_have_text("Karim: Ik red me wel alleen, hoor.")
    saved = stored(page)["simulaties"]["proef-gesprek"]
    assert [p["stap"] for p in saved["pad"]] == ["begin", "dicht"] and saved["einde"] == ""
    page.reload()  # an unfinished path continues where it stopped
    expect(sim.locator(".nk-sim__stap")).to_have_count(3)
    expect(sim.locator(".nk-sim__keuze")).to_have_count(2)
    sim.get_by_role("button", name="Wie helpt jou als het eens tegenzit?").click()
    sim.get_by_role("button", name="Verder").click()
    sim.get_by_role("button", name="Hoe is dat voor jou, dat zij dat doet?").click()
    sim.get_by_role("button", name="Naar het einde").click()
    expect(sim.locator(".nk-sim__einde")).to_contain_text("Goede afloop.")
    assert stored(page)["simulaties"]["proef-gesprek"]["uitkomst"] == "good"


def test_trainer_view_prints_the_whole_tree(page, base_url):
    page.goto(base_url + SIM + "?trainer=1")
    script = page.locator(".nk-rollenspel")
    expect(script).to_be_visible()
    page.emulate_media(media="print")
    expect(script).to_be_visible()
    expect(script.locator("[data-nk-stap]")).to_have_count(3)
    expect(script.locator("[data-nk-einde]")).to_have_count(3)
    from netwerkkracht.quality.printing import pdf_text

    text = " ".join(pdf_text(page.pdf(format="A4")).split()).lower()  # the kicker prints in capitals
    for piece in ("Voor trainers: rollenspelscript", "Stap 3", "Nabespreking: Je probeert het opnieuw",
                  "Verder bij stap 1", "Einde C: De deur blijft dicht (moeizame afloop)"):
        assert piece.lower() in text, piece
