"""Learner data is never lost (issue 11): what the wipe dialog lists, importing an older backup,
backups that are too large, a broken URL hash, the portfolio's order and its downloaded copy.

The network map's share of backup and wipe is tested with the map in test_netwerkkaart.py.
"""
from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from test_workspace import KEY, LEZEN, PORTFOLIO, own_keys, stored, write_answer

pytestmark = pytest.mark.browser

STATUS = ".nk-portfolio__acties .nk-status"


def backup_file(tmp_path, data: dict, name: str = "backup.json"):
    file = tmp_path / name
    file.write_text(json.dumps({"formaat": "netwerkkracht-werkruimte", "versie": 1, "namespace": "netwerkkracht",
                                "gemaakt": "2024-01-01T00:00:00Z", "data": data}), encoding="utf-8")
    return file


def download_backup(page, tmp_path, name="backup.json"):
    with page.expect_download() as info:
        page.get_by_role("button", name="Download back-up (JSON)").click()
    path = tmp_path / name
    info.value.save_as(path)
    return path


# ---------------------------------------------------------------------------- the wipe dialog

def test_wipe_dialog_lists_exactly_what_goes(page, base_url):
    page.goto(base_url + PORTFOLIO)
    page.get_by_role("button", name="Wis mijn gegevens").click()
    dialog = page.locator("dialog.nk-dialoog")
    expect(dialog).to_contain_text("Er staat niets van deze cursus in deze browser.")
    page.get_by_role("button", name="Annuleren").click()

    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", "Een")
    write_answer(page, "m1-inline/1", "Twee")
    page.check("#nk-m1-zelftest-1-2")
    page.locator("#zelftest-m1-zelftest").get_by_role("button", name="Controleer").click()
    page.get_by_role("button", name="Ik heb deze module afgerond").click()
    page.get_by_role("button", name="Trainersweergave").click()
    page.goto(base_url + PORTFOLIO)
    page.get_by_role("button", name="Wis mijn gegevens").click()
    items = dialog.locator("li")
    expect(items).to_have_text([
        "2 antwoorden op reflecties", "1 zelftest", "1 afgeronde module", "je keuze voor de trainersweergave",
    ])
    page.get_by_role("button", name="Ja, wis alles").click()
    assert own_keys(page) == []


# ---------------------------------------------------------------------------- importing an older backup

def _older_backup_and_newer_answer(page, base_url, tmp_path):
    """A backup with two answers; then, on this device, a newer version of one of them."""
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", "Oud antwoord")
    write_answer(page, "m1-inline/1", "Alleen in de back-up")
    page.goto(base_url + PORTFOLIO)
    backup = download_backup(page, tmp_path)
    page.goto(base_url + LEZEN)
    page.evaluate(f"""() => {{ const d = JSON.parse(localStorage.getItem({KEY!r})); delete d.antwoorden['m1-inline'];
                     localStorage.setItem({KEY!r}, JSON.stringify(d)); }}""")
    write_answer(page, "m1-proef/1", "Nieuwer antwoord")
    page.goto(base_url + PORTFOLIO)
    return backup


def answer(page, ident):
    entry = stored(page)["antwoorden"].get(ident)
    return entry and entry["velden"][0]["tekst"]


def test_older_backup_shows_what_changes_and_keeps_the_newest(page, base_url, tmp_path):
    backup = _older_backup_and_newer_answer(page, base_url, tmp_path)
    page.locator("input[data-nk-import]").set_input_files(str(backup))
    dialog = page.locator("dialog.nk-importdialoog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("1 item is op dit toestel nieuwer dan in de back-up")
    keep = dialog.get_by_label("Per item het nieuwste houden")
    expect(keep).to_be_checked()
    assert answer(page, "m1-proef") == "Nieuwer antwoord" and answer(page, "m1-inline") is None  # nothing yet
    dialog.get_by_role("button", name="Inlezen").click()
    expect(page.locator(STATUS)).to_contain_text("Je back-up is ingelezen")
    assert answer(page, "m1-proef") == "Nieuwer antwoord"
    assert answer(page, "m1-inline") == "Alleen in de back-up"

    page.get_by_role("button", name="Inlezen ongedaan maken").click()
    expect(page.locator(STATUS)).to_contain_text("staat er weer")
    assert answer(page, "m1-proef") == "Nieuwer antwoord" and answer(page, "m1-inline") is None
    page.reload()
    expect(page.locator("[data-nk-oefening='m1-inline']")).to_have_count(0)


def test_older_backup_replace_everything_or_cancel(page, base_url, tmp_path):
    backup = _older_backup_and_newer_answer(page, base_url, tmp_path)
    before = page.evaluate(f"localStorage.getItem({KEY!r})")
    page.locator("input[data-nk-import]").set_input_files(str(backup))
    dialog = page.locator("dialog.nk-importdialoog")
    dialog.get_by_role("button", name="Annuleren").click()
    expect(dialog).to_be_hidden()
    expect(page.locator(STATUS)).to_have_text("Er is niets ingelezen.")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == before

    page.locator("input[data-nk-import]").set_input_files(str(backup))
    dialog.get_by_label("Alles vervangen door de back-up").check()
    dialog.get_by_role("button", name="Inlezen").click()
    assert answer(page, "m1-proef") == "Oud antwoord"
    assert answer(page, "m1-inline") == "Alleen in de back-up"
    page.get_by_role("button", name="Inlezen ongedaan maken").click()
    assert json.loads(page.evaluate(f"localStorage.getItem({KEY!r})")) == json.loads(before)


# ---------------------------------------------------------------------------- limits

def test_too_large_backup_says_so_with_the_limit(page, base_url, tmp_path):
    page.goto(base_url + PORTFOLIO)
    big = backup_file(tmp_path, {"antwoorden": {"m1-proef": {"velden": [{"label": "x", "tekst": "a" * 5_300_000}]}}})
    page.locator("input[data-nk-import]").set_input_files(str(big))
    expect(page.locator(STATUS)).to_have_text(
        "Dit bestand is te groot voor een back-up: een back-up is hoogstens 5 MB. Er is niets veranderd.")


def test_backup_with_too_many_entries_is_refused(page, base_url, tmp_path):
    page.goto(base_url + PORTFOLIO)
    many = {f"x{i}": {"velden": [{"label": "", "tekst": "t"}], "tijd": 1} for i in range(7000)}
    file = backup_file(tmp_path, {"antwoorden": many})
    started = time.monotonic()
    page.locator("input[data-nk-import]").set_input_files(str(file))
    expect(page.locator(STATUS)).to_have_text(
        "Deze back-up bevat 7000 items; een back-up bevat er hoogstens 2000. Er is niets veranderd.")
    assert time.monotonic() - started < 3
    assert own_keys(page) == []


# ---------------------------------------------------------------------------- one bad value never stops the page

def test_unreadable_url_hash_stops_nothing(page, base_url):
    page.goto(base_url + PORTFOLIO + "#100%")
    expect(page.get_by_role("button", name="Download back-up (JSON)")).to_be_visible()
    page.goto(base_url + LEZEN + "#100%")
    expect(page.get_by_role("button", name="Ik heb deze module afgerond")).to_be_visible()
    write_answer(page, "m1-proef/1", "Werkt nog")
    assert page.nk_errors == [], page.nk_errors  # no script on the page stopped on it


def test_one_damaged_part_keeps_the_others(page, base_url):
    """A stored workspace with one part that fails its check: the rest is shown and survives the next save."""
    page.goto(base_url + LEZEN)
    page.evaluate(f"""localStorage.setItem({KEY!r}, JSON.stringify({{versie: 1,
        antwoorden: {{'m1-proef': {{module: '01-proef', titel: 'Proefoefening', url: '/modules/01-proef/lezen/#reflectie-m1-proef',
                                   tijd: 1, velden: [{{label: 'Wie hielp die persoon?', tekst: 'Al lang bewaard'}}]}}}},
        afgerond: {{'01-proef': 'gisteren'}}}}))""")
    page.reload()
    expect(page.locator("#nk-m1-proef-1")).to_have_value("Al lang bewaard")
    write_answer(page, "m1-inline/1", "Nieuw antwoord")
    assert answer(page, "m1-proef") == "Al lang bewaard" and answer(page, "m1-inline") == "Nieuw antwoord"
    page.goto(base_url + PORTFOLIO)
    expect(page.locator("[data-nk-oefening='m1-proef'] dd").first).to_have_text("Al lang bewaard")


# ---------------------------------------------------------------------------- portfolio

def test_portfolio_follows_course_order(page, base_url):
    """Written out of order (the last exercise first): the portfolio shows them page by page, top down."""
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-inline/1", "Tweede oefening op pagina 2")
    write_answer(page, "m1-proef/1", "Eerste oefening op pagina 2")
    page.goto(base_url + "/modules/01-proef/")
    write_answer(page, "m1-vooraf/1", "Oefening op pagina 1")
    page.goto(base_url + PORTFOLIO)
    order = page.locator("[data-nk-oefening]").evaluate_all("els => els.map(e => e.dataset.nkOefening)")
    assert order == ["m1-vooraf", "m1-proef", "m1-inline"]


def test_downloaded_portfolio_fits_a_phone(page, base_url, browser, tmp_path):
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", "Een antwoord dat op een telefoon leesbaar moet zijn.")
    page.goto(base_url + PORTFOLIO)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als document (HTML)").click()
    doc = tmp_path / "portfolio.html"
    info.value.save_as(doc)
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        view = phone.new_page()
        view.goto(doc.as_uri())
        expect(view.locator("h1")).to_have_text("Mijn leerportfolio")
        assert view.evaluate("window.innerWidth") == 390
        assert view.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        phone.close()
