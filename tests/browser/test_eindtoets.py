"""The eindtoets and the certificate in a real browser: failing and passing, a second attempt with
other questions, modules to revisit, an attempt that survives a reload; the certificate only when
everything is done, printed to an A4 PDF (pdfinfo, pdftoppm) and part of the portfolio export."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from playwright.sync_api import expect
from storage import KEY, stored

pytestmark = pytest.mark.browser

TOETS = "/oefenen/eindtoets/"
ATTEST = "/oefenen/deelnameattest/"
PORTFOLIO = "/portfolio/"
NAME = 'Jana <b>Peeters</b> & "Co"'



def bank(page) -> dict:
    data = json.loads(page.locator(".nk-eindtoets__bank").text_content())
    return {q["id"]: q for q in data["vragen"]}


def answer_all(page, right: bool) -> list[str]:
    """Answer every drawn question right (or wrong) by clicking its label; return the question ids."""
    questions = bank(page)
    ids = page.locator(".nk-eindtoets fieldset").evaluate_all("fs => fs.map(f => f.dataset.nkVraag)")
    for qid in ids:
        n = next(i for i, o in enumerate(questions[qid]["opties"], start=1) if o["juist"] == right)
        page.locator(f"label[for='nk-et-{qid}-{n}']").click()
    return ids


def test_failing_then_passing_with_other_questions(page, base_url):
    page.goto(base_url + TOETS)
    toets = page.locator("#eindtoets")
    expect(toets.locator(".nk-eindtoets__feiten").first).to_contain_text("Je slaagt vanaf 2 van de 3 vragen juist: 60 %.")
    toets.get_by_role("button", name="Start de eindtoets").click()
    expect(toets.get_by_role("heading", name="Poging 1: 3 vragen")).to_be_focused()
    expect(toets.locator("fieldset")).to_have_count(3)
    expect(toets.locator(".nk-eindtoets__nakijken")).to_have_count(0)  # nothing judged before handing in

    # Handing in with an open question names it and goes there.
    first = toets.locator("fieldset").first.get_attribute("data-nk-vraag")
    toets.get_by_role("button", name="Lever in en bekijk je resultaat").click()
    expect(toets.locator(".nk-status")).to_have_text("Je hebt nog 3 vragen niet beantwoord: vraag 1, 2, 3.")
    expect(toets.locator(f"fieldset[data-nk-vraag='{first}'] input").first).to_be_focused()

    first_ids = answer_all(page, right=False)
    expect(toets.locator(".nk-meta").first).to_have_text("3 van de 3 vragen beantwoord.")
    page.reload()  # the attempt and its answers survive a reload
    expect(toets.locator("input:checked")).to_have_count(3)
    assert stored(page)["eindtoets"]["bezig"]["vragen"] == first_ids
    toets.get_by_role("button", name="Lever in en bekijk je resultaat").click()

    result = toets.locator(".nk-eindtoets__uitslag")
    expect(result).to_have_text("Je resultaat: nog niet geslaagd")
    expect(result).to_be_focused()
    expect(toets).to_contain_text("Je had 0 van de 3 vragen juist: 0 %. Om te slagen heb je er 2 nodig (60 %).")
    expect(toets.locator(".nk-eindtoets__zwak li")).to_have_text(["Module 1: Proefmodule (0 van 3 juist)"])
    expect(toets.locator(".nk-eindtoets__zwak a")).to_have_attribute("href", "../../modules/01-proef/")
    toets.locator(".nk-eindtoets__nakijken summary").click()
    expect(toets.locator(".nk-eindtoets__nakijken li[data-nk-vraag]")).to_have_count(3)
    expect(toets.locator(".nk-eindtoets__nakijken li[data-nk-gekozen]").first).to_contain_text("Niet juist, jouw keuze:")
    e = stored(page)["eindtoets"]
    assert (e["juist"], e["totaal"], e["score"], e["geslaagd"]) == (0, 3, 0, False)
    assert "bezig" not in e and len(e["pogingen"]) == 1

    page.reload()  # the result stays
    expect(result).to_have_text("Je resultaat: nog niet geslaagd")
    toets.get_by_role("button", name="Nieuwe poging").click()
    expect(toets.get_by_role("heading", name="Poging 2: 3 vragen")).to_be_focused()
    second_ids = answer_all(page, right=True)
    # A bank of 5, 3 per attempt: the two questions not asked before come first.
    assert len(set(first_ids) & set(second_ids)) == 1, (first_ids, second_ids)
    toets.get_by_role("button", name="Lever in en bekijk je resultaat").click()
    expect(result).to_have_text("Je resultaat: geslaagd")
    expect(toets).to_contain_text("Je had 3 van de 3 vragen juist: 100 %. Daarmee haal je de drempel van 60 %.")
    expect(toets).to_contain_text("Je had in elke module alles juist.")
    e = stored(page)["eindtoets"]
    assert (e["juist"], e["totaal"], e["score"], e["geslaagd"]) == (3, 3, 100, True)
    assert [p["score"] for p in e["pogingen"]] == [0, 100]

    # A weaker attempt later does not undo the pass: the best attempt is kept.
    toets.get_by_role("button", name="Nieuwe poging").click()
    answer_all(page, right=False)
    toets.get_by_role("button", name="Lever in en bekijk je resultaat").click()
    expect(result).to_have_text("Je resultaat: nog niet geslaagd")
    expect(toets).to_contain_text("Je beste resultaat: 3 van 3 (100 %)")
    assert stored(page)["eindtoets"]["geslaagd"] is True
    page.goto(base_url + PORTFOLIO)
    expect(page.locator(".nk-portfolio__eindtoets")).to_contain_text("je beste resultaat is 3 van 3 vragen juist (100 %)")
    expect(page.locator(".nk-portfolio__eindtoets")).to_contain_text("geslaagd. 3 pogingen.")


def _finish_course(page, base_url):
    for module in ("/modules/01-proef/lezen/", "/modules/02-tweede/"):
        page.goto(base_url + module)
        page.get_by_role("button", name="Ik heb deze module afgerond").click()
        expect(page.get_by_role("button", name="Ik heb deze module afgerond")).to_have_attribute("aria-pressed", "true")


def test_certificate_only_when_done_then_a4_pdf_and_portfolio(page, base_url, tmp_path):
    page.goto(base_url + ATTEST)
    block = page.locator("#deelnameattest")
    expect(block.locator(".nk-attest__voorwaarden li")).to_have_text([
        "Module 1: Proefmodule: nog niet afgerond.", "Module 2: Tweede module: nog niet afgerond.", "Eindtoets: nog niet gemaakt."])
    expect(block.locator(".nk-attest__nog")).to_contain_text("nog 2 modules afrondt en de eindtoets haalt")
    expect(block.locator("input#nk-attest-naam")).to_have_count(0)

    _finish_course(page, base_url)
    page.goto(base_url + ATTEST)
    expect(block.locator(".nk-attest__nog")).to_contain_text("de eindtoets haalt")
    expect(block.locator("input#nk-attest-naam")).to_have_count(0)
    page.goto(base_url + TOETS)
    page.get_by_role("button", name="Start de eindtoets").click()
    answer_all(page, right=True)
    page.get_by_role("button", name="Lever in en bekijk je resultaat").click()
    expect(page.locator(".nk-eindtoets__uitslag")).to_have_text("Je resultaat: geslaagd")

    page.goto(base_url + ATTEST)
    field = block.get_by_label("Je naam zoals die op het attest komt")
    expect(field).to_be_visible()
    block.get_by_role("button", name="Afdrukken of bewaren als PDF").click()
    expect(block.locator(".nk-status")).to_have_text("Vul eerst je naam in.")
    expect(field).to_be_focused()
    field.fill(NAME)
    sheet = block.locator(".nk-attest")
    expect(sheet.locator(".nk-attest__naam")).to_have_text(NAME)  # text, never markup
    expect(sheet.locator("b")).to_have_count(0)
    expect(sheet.locator(".nk-attest__aanbieder")).to_have_text("Cursus aangeboden door Proeforganisatie.")
    expect(sheet.locator("tbody td")).to_have_text(["Proefmodule", "20 min", "Tweede module", "1 min"])
    expect(sheet.locator("tfoot th, tfoot td")).to_have_text(["Samen", "21 min"])
    expect(sheet.locator(".nk-attest__voorbehoud")).to_contain_text("zelfverklaard deelnameattest, geen diploma")
    expect(block.locator(".nk-status")).to_have_text("Je naam is bewaard in deze browser.")
    attest = stored(page)["attest"]
    assert attest["naam"] == NAME and attest["organisatie"] == "Proeforganisatie" and attest["score"] == 100
    assert [m["minuten"] for m in attest["modules"]] == [20, 1]
    page.reload()
    expect(field).to_have_value(NAME)

    page.emulate_media(media="print")
    pdf = tmp_path / "attest.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size and abs(float(size.group(1)) - 595.3) < 1.5 and abs(float(size.group(2)) - 841.9) < 1.5, info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for piece in ("DEELNAMEATTEST", NAME, "Proeforganisatie", "Proefmodule", "Tweede module", "Samen 21 min",
                  "zelfverklaard deelnameattest, geen diploma"):
        assert piece in flat, (piece, flat)
    for chrome in ("Jouw naam op het attest", "Voorwaarden", "Een proef van het attest"):
        assert chrome not in flat, chrome
    png = tmp_path / "attest"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(png)], check=True)
    assert (tmp_path / "attest.png").stat().st_size > 10_000
    from helpers import ROOT

    out = ROOT / "reports" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    (out / "deelnameattest.png").write_bytes((tmp_path / "attest.png").read_bytes())
    page.emulate_media(media="screen")

    page.goto(base_url + PORTFOLIO)
    expect(page.locator(".nk-portfolio__attest .nk-attest__naam")).to_have_text(NAME)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als document (HTML)").click()
    doc = tmp_path / "portfolio.html"
    download.value.save_as(doc)
    html = doc.read_text(encoding="utf-8")
    assert "Deelnameattest" in html and "Jana &lt;b&gt;Peeters&lt;/b&gt; &amp; \"Co\"" in html and "<b>Peeters" not in html
    assert "geen diploma" in html and "Proeforganisatie" in html


def _backup(data: dict) -> bytes:
    return json.dumps({"formaat": "netwerkkracht-werkruimte", "versie": 1, "namespace": "netwerkkracht", "data": data}).encode()


XSS = '<img src=x onerror="window.__pwned=1">'
GOOD = {
    "simulaties": {"proef-gesprek": {
        "titel": "Een buur ter sprake brengen", "module": "01-proef", "pagina": XSS, "url": "/oefenen/proef-gesprek/", "tijd": 1,
        "pad": [{"stap": "begin", "keuze": 1, "tekst": XSS}], "einde": "", "eindtitel": "", "uitkomst": ""}},
    "eindtoets": {"tijd": 2, "juist": 3, "totaal": 3, "score": 100, "geslaagd": True,
                  "pogingen": [{"tijd": 2, "juist": 3, "totaal": 3, "score": 100, "geslaagd": True,
                                "vragen": ["p-buurman", "p-zus", "p-factuur"], "keuzes": {"p-buurman": 1, "p-zus": 3, "p-factuur": 2}}]},
    "attest": {"tijd": 3, "naam": XSS, "cursus": "Proefcursus", "organisatie": "Proeforganisatie", "datum": 2, "score": 100,
               "modules": [{"titel": "Proefmodule", "minuten": 20}]},
    "zaad": 12345,
}


@pytest.mark.parametrize("bad", [
    {"simulaties": {"proef-gesprek": {"pad": "geen lijst"}}},
    {"simulaties": {"proef-gesprek": {"pad": [{"stap": "begin", "keuze": 7}]}}},
    {"eindtoets": {"tijd": 1, "juist": 3, "totaal": 3, "score": 150, "geslaagd": True, "pogingen": []}},
    {"eindtoets": {"bezig": {"vragen": "p-buurman", "keuzes": {}}}},
    {"attest": {"naam": "Jana", "modules": "alle"}},
], ids=["pad-not-a-list", "choice-out-of-range", "score-over-100", "attempt-without-list", "attest-modules"])
def test_bad_practice_parts_in_a_backup_change_nothing(page, base_url, tmp_path, bad):
    page.goto(base_url + PORTFOLIO)
    page.locator("input[data-nk-import]").set_input_files(str(_write(tmp_path / "goed.json", _backup(GOOD))))
    expect(page.locator(".nk-portfolio__acties .nk-status")).to_contain_text("Je back-up is ingelezen")
    before = page.evaluate(f"localStorage.getItem({KEY!r})")
    page.locator("input[data-nk-import]").set_input_files(str(_write(tmp_path / "slecht.json", _backup(bad))))
    expect(page.locator(".nk-portfolio__acties .nk-status")).to_have_text("Deze back-up is beschadigd of onvolledig. Er is niets veranderd.")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == before


def _write(path, content: bytes):
    path.write_bytes(content)
    return path


def test_backup_restores_practice_parts_and_stays_inert(page, base_url, tmp_path):
    page.goto(base_url + PORTFOLIO)
    page.locator("input[data-nk-import]").set_input_files(str(_write(tmp_path / "goed.json", _backup(GOOD))))
    expect(page.locator(".nk-portfolio__acties .nk-status")).to_contain_text("Je back-up is ingelezen")
    box = page.locator("[data-nk-portfolio]")
    expect(box.locator("[data-nk-simulatie='proef-gesprek'] ol li")).to_have_text([XSS])
    expect(box.locator(".nk-portfolio__eindtoets")).to_contain_text("3 van 3 vragen juist (100 %)")
    expect(box.locator(".nk-attest__naam")).to_have_text(XSS)
    assert box.locator("img").count() == 0
    data = stored(page)
    assert data["zaad"] == 12345 and data["attest"]["naam"] == XSS
    page.goto(base_url + TOETS)
    expect(page.locator(".nk-eindtoets__uitslag")).to_have_text("Je resultaat: geslaagd")
    page.goto(base_url + "/oefenen/proef-gesprek/")
    expect(page.locator(".nk-sim__stap")).to_have_count(2)  # the step chosen in, and the step it led to
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
