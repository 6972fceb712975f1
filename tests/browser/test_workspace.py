"""The learner workspace in a real browser: saving, progress, portfolio, self-tests, trainer view, storage errors."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = "netwerkkracht:werkruimte"
LEZEN = "/modules/01-proef/lezen/"
PORTFOLIO = "/portfolio/"
XSS = '<img src=x onerror="window.__pwned=1">'


def stored(page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem({KEY!r})")
    return json.loads(raw) if raw else None


def own_keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('netwerkkracht:')).sort()")


def write_answer(page, field: str, text: str) -> None:
    area = page.locator(f"textarea[data-nk-veld='{field}']")
    area.fill(text)
    status = area.locator("xpath=ancestor::section[1]").locator(".nk-status")
    expect(status).to_have_text(re.compile(r"^Opgeslagen om \d\d:\d\d$"))


# ---------------------------------------------------------------------------- reflections

def test_answer_survives_reload_and_navigation(page, base_url):
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", "K. en haar buurvrouw")
    write_answer(page, "m1-proef/2", "Twee regels\nmet een witregel")
    page.reload()
    expect(page.locator("#nk-m1-proef-1")).to_have_value("K. en haar buurvrouw")
    expect(page.locator("#nk-m1-proef-2")).to_have_value("Twee regels\nmet een witregel")
    expect(page.locator("#reflectie-m1-proef .nk-status")).to_contain_text("Je antwoord van eerder staat er weer")
    page.goto(base_url + "/")
    page.goto(base_url + LEZEN)
    expect(page.locator("#nk-m1-proef-1")).to_have_value("K. en haar buurvrouw")
    data = stored(page)
    entry = data["antwoorden"]["m1-proef"]
    assert entry["titel"] == "Proefoefening"
    assert [v["label"] for v in entry["velden"]] == ["Wie hielp die persoon?", "Wat valt je op?"]
    assert entry["module"] == "01-proef" and data["modules"]["01-proef"] == {"titel": "Proefmodule", "volgorde": 1}
    assert own_keys(page) == [KEY]


def test_emptying_an_answer_removes_it(page, base_url):
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-inline/1", "iets")
    page.fill("#nk-m1-inline-1", "")
    expect(page.locator("#reflectie-m1-inline .nk-status")).to_contain_text("niet meer bewaard")
    assert "m1-inline" not in stored(page)["antwoorden"]


# ---------------------------------------------------------------------------- self-test: see test_zelftest.py


# ---------------------------------------------------------------------------- progress

def test_progress_counts(page, base_url):
    page.goto(base_url + "/cursus/")
    total = page.locator(".nk-voortgang-cursus")
    expect(total).to_have_text("Je voortgang: 0/2 modules afgerond.")
    expect(page.locator(".nk-voortgang-module[data-nk-module='01-proef']")).to_have_text("Nog niet afgerond")

    page.goto(base_url + LEZEN)
    write_answer(page, "m1-inline/1", "Mijn moeder")
    button = page.get_by_role("button", name="Ik heb deze module afgerond")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.focus()
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".nk-afronden .nk-status")).to_contain_text("Afgerond op")

    page.goto(base_url + "/cursus/")
    expect(total).to_have_text("Je voortgang: 1/2 modules afgerond.")
    expect(page.locator(".nk-voortgang-cursus progress")).to_have_attribute("value", "1")
    expect(page.locator(".nk-voortgang-module[data-nk-module='01-proef']")).to_have_text("Afgerond · 1 oefening ingevuld")
    expect(page.locator(".nk-voortgang-module[data-nk-module='02-tweede']")).to_have_text("Nog niet afgerond")

    page.goto(base_url + "/modules/02-tweede/")
    page.get_by_role("button", name="Ik heb deze module afgerond").click()
    page.goto(base_url + "/cursus/")
    expect(total).to_have_text("Je voortgang: 2/2 modules afgerond.")

    page.goto(base_url + "/modules/01-proef/")
    expect(page.locator(".nk-voortgang")).to_contain_text("Je voortgang: afgerond op")
    expect(page.locator(".nk-voortgang")).to_contain_text("Je vulde 1 oefening in.")

    page.goto(base_url + LEZEN)
    page.get_by_role("button", name="Ik heb deze module afgerond").click()  # undo
    page.goto(base_url + "/cursus/")
    expect(total).to_have_text("Je voortgang: 1/2 modules afgerond.")
    assert list(stored(page)["afgerond"]) == ["02-tweede"]


# ---------------------------------------------------------------------------- portfolio

def _fill_everything(page, base_url):
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", "Mijn antwoord één")
    write_answer(page, "m1-inline/1", "De buurvrouw")
    page.check("#nk-m1-zelftest-1-2")
    page.locator("#zelftest-m1-zelftest").get_by_role("button", name="Controleer").click()
    page.get_by_role("button", name="Ik heb deze module afgerond").click()


def test_export_delete_import_restores(page, base_url, tmp_path):
    _fill_everything(page, base_url)
    before = stored(page)
    page.goto(base_url + PORTFOLIO)
    box = page.locator("[data-nk-portfolio]")
    expect(box.locator("h3").first).to_have_text("Module 1: Proefmodule")
    expect(box.locator("[data-nk-oefening='m1-proef'] h4")).to_have_text("Proefoefening")
    expect(box.locator("[data-nk-oefening='m1-proef'] dt").first).to_have_text("Wie hielp die persoon?")
    expect(box.locator("[data-nk-oefening='m1-proef'] dd").first).to_have_text("Mijn antwoord één")
    expect(box.locator("[data-nk-oefening='m1-proef'] dd").nth(1)).to_have_text("(niet ingevuld)")
    link = box.locator("[data-nk-oefening='m1-proef'] .nk-meta a")
    expect(link).to_have_attribute("href", LEZEN + "#reflectie-m1-proef")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download back-up (JSON)").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    parsed = json.loads(backup.read_text(encoding="utf-8"))
    assert parsed["formaat"] == "netwerkkracht-werkruimte" and parsed["namespace"] == "netwerkkracht"
    assert parsed["data"]["antwoorden"]["m1-proef"]["velden"][0]["tekst"] == "Mijn antwoord één"

    with page.expect_download() as info:
        page.get_by_role("button", name="Download als document (HTML)").click()
    doc = tmp_path / "portfolio.html"
    info.value.save_as(doc)
    html = doc.read_text(encoding="utf-8")
    assert "Mijn antwoord één" in html and "De buurvrouw" in html and "1 van 1 vraag juist" in html
    assert f'href="{base_url}{LEZEN}#reflectie-m1-proef"' in html

    # Cancel keeps everything.
    page.get_by_role("button", name="Wis mijn gegevens").click()
    dialog = page.locator("dialog.nk-dialoog")
    expect(dialog).to_be_visible()
    expect(page.get_by_role("button", name="Annuleren")).to_be_focused()
    page.get_by_role("button", name="Annuleren").click()
    expect(dialog).to_be_hidden()
    assert stored(page) == before

    page.get_by_role("button", name="Wis mijn gegevens").click()
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".nk-portfolio__acties .nk-status")).to_have_text("Al je gegevens zijn gewist uit deze browser.")
    expect(box.locator(".nk-portfolio__leeg")).to_be_visible()
    assert own_keys(page) == []

    page.locator("input[data-nk-import]").set_input_files(str(backup))
    expect(page.locator(".nk-portfolio__acties .nk-status")).to_have_text(
        "Je back-up is ingelezen: 2 antwoorden op reflecties, 1 zelftest, 1 afgeronde module.")
    expect(box.locator("[data-nk-oefening='m1-proef'] dd").first).to_have_text("Mijn antwoord één")
    after = stored(page)
    assert after == before

    page.goto(base_url + LEZEN)
    expect(page.locator("#nk-m1-proef-1")).to_have_value("Mijn antwoord één")
    expect(page.locator("#nk-m1-zelftest-1-2")).to_be_checked()
    page.goto(base_url + "/cursus/")
    expect(page.locator(".nk-voortgang-cursus")).to_have_text("Je voortgang: 1/2 modules afgerond.")


@pytest.mark.parametrize("content, message", [
    (b"{dit is geen json", "Dit bestand is geen back-up van je leerportfolio. Er is niets veranderd."),
    (b'{"foo": 1}', "Dit bestand is geen back-up van je leerportfolio. Er is niets veranderd."),
    (b"[1, 2, 3]", "Dit bestand is geen back-up van je leerportfolio. Er is niets veranderd."),
    (json.dumps({"formaat": "netwerkkracht-werkruimte", "versie": 1, "namespace": "andere-cursus", "data": {}}).encode(),
     "Deze back-up hoort bij een andere cursus. Er is niets veranderd."),
    (json.dumps({"formaat": "netwerkkracht-werkruimte", "versie": 1, "namespace": "netwerkkracht",
                 "data": {"antwoorden": {"m1-proef": {"velden": "geen lijst"}}}}).encode(),
     "Deze back-up is beschadigd of onvolledig. Er is niets veranderd."),
    (json.dumps({"formaat": "netwerkkracht-werkruimte", "versie": 1, "namespace": "netwerkkracht",
                 "data": {"antwoorden": {"m1-proef": {"velden": [{"label": "x", "tekst": "nieuw"}]}},
                          "afgerond": {"01-proef": "gisteren"}}}).encode(),
     "Deze back-up is beschadigd of onvolledig. Er is niets veranderd."),
    (json.dumps({"formaat": "netwerkkracht-werkruimte", "versie": 99, "namespace": "netwerkkracht", "data": {}}).encode(),
     "Deze back-up is beschadigd of onvolledig. Er is niets veranderd."),
])
def test_bad_import_changes_nothing(page, base_url, tmp_path, content, message):
    _fill_everything(page, base_url)
    page.goto(base_url + PORTFOLIO)
    before = page.evaluate(f"localStorage.getItem({KEY!r})")
    bad = tmp_path / "slecht.json"
    bad.write_bytes(content)
    page.locator("input[data-nk-import]").set_input_files(str(bad))
    status = page.locator(".nk-portfolio__acties .nk-status")
    expect(status).to_have_text(message)
    expect(status).to_have_attribute("data-nk-soort", "fout")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == before
    expect(page.locator("[data-nk-oefening='m1-proef'] dd").first).to_have_text("Mijn antwoord één")


# ---------------------------------------------------------------------------- security

def test_xss_in_answer_and_import_stays_inert(page, base_url, tmp_path):
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", XSS)
    page.goto(base_url + PORTFOLIO)
    expect(page.locator("[data-nk-oefening='m1-proef'] dd").first).to_have_text(XSS)

    evil = {
        "formaat": "netwerkkracht-werkruimte", "versie": 1, "namespace": "netwerkkracht",
        "data": {
            "antwoorden": {"m1-kwaad": {
                "module": "01-proef", "titel": XSS, "vraag": XSS, "pagina": XSS,
                "url": "javascript:window.__pwned=1", "tijd": 1,
                "velden": [{"label": XSS, "tekst": "<script>window.__pwned=1</script>" + XSS}],
            }},
            "zelftesten": {"m1-z": {"module": "01-proef", "pagina": XSS, "url": "//evil.example/x",
                                   "keuzes": {"1": 1}, "juist": 0, "totaal": 1}},
            "modules": {"01-proef": {"titel": XSS, "volgorde": 1}},
        },
    }
    file = tmp_path / "kwaad.json"
    file.write_text(json.dumps(evil), encoding="utf-8")
    dialog = page.locator("dialog.nk-importdialoog")  # this device holds an answer: the import asks first
    box = page.locator("[data-nk-portfolio]")
    for choice in ("Per item het nieuwste houden", "Alles vervangen door de back-up"):
        page.locator("input[data-nk-import]").set_input_files(str(file))
        dialog.get_by_label(choice).check()
        dialog.get_by_role("button", name="Inlezen").click()
        expect(page.locator(".nk-portfolio__acties .nk-status")).to_contain_text("Je back-up is ingelezen")
        expect(box.locator("[data-nk-oefening='m1-kwaad'] h4")).to_have_text(XSS)
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert box.locator("img, script").count() == 0
        hrefs = box.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        assert all(h.startswith("/") and not h.startswith("//") for h in hrefs), hrefs
        if choice.startswith("Per item"):
            assert hrefs, "the answer already on this device links to its page"
    expect(box.locator("h3").first).to_have_text("Module 1: " + XSS)  # replaced: the file's module title, as text
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als document (HTML)").click()
    out = tmp_path / "p.html"
    info.value.save_as(out)
    html = out.read_text(encoding="utf-8")
    assert "<img" not in html and "<script>window" not in html and "&lt;img src=x" in html
    page.goto(base_url + LEZEN)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"


# ---------------------------------------------------------------------------- trainer view

def test_trainer_toggle_is_remembered(page, base_url):
    page.goto(base_url + LEZEN)
    note = page.locator(".nk-trainer")
    toggle = page.get_by_role("button", name="Trainersweergave")
    expect(note).to_be_hidden()
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator("html")).to_have_attribute("data-nk-trainer", "aan")
    expect(note).to_be_visible()
    page.reload()
    expect(note).to_be_visible()
    page.goto(base_url + "/")
    expect(page.get_by_role("button", name="Trainersweergave")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Trainersweergave").click()
    page.goto(base_url + LEZEN)
    expect(note).to_be_hidden()
    assert page.evaluate("localStorage.getItem('netwerkkracht:trainer')") is None


def test_trainer_url_parameter(page, base_url):
    page.goto(base_url + LEZEN + "?trainer=1")
    expect(page.locator(".nk-trainer")).to_be_visible()
    page.goto(base_url + LEZEN)  # shared link switched it on: it stays on
    expect(page.locator(".nk-trainer")).to_be_visible()
    page.goto(base_url + LEZEN + "?trainer=0")
    expect(page.locator(".nk-trainer")).to_be_hidden()
    expect(page.get_by_role("button", name="Trainersweergave")).to_have_attribute("aria-pressed", "false")


# ---------------------------------------------------------------------------- storage refused

BLOCK_ALL = """
Object.defineProperty(window, 'localStorage', {configurable: true, get() {
  throw new DOMException('The operation is insecure.', 'SecurityError'); }});
"""
QUOTA = """
Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
"""


@pytest.mark.parametrize("script, notice_text", [
    (BLOCK_ALL, "Je browser laat niet toe dat deze site iets bewaart"),
    (QUOTA, "De opslag van je browser is vol"),
], ids=["securityerror", "quota"])
def test_blocked_storage_shows_notice_and_page_works(context, base_url, script, notice_text):
    context.add_init_script(script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(f"{exc.message}\n{exc.stack}"))
    page.goto(base_url + LEZEN)
    notice = page.locator(".nk-melding")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(notice_text)
    page.fill("#nk-m1-proef-1", "Tekst die niet bewaard kan worden")
    expect(page.locator("#reflectie-m1-proef .nk-status")).to_have_text(
        "Niet opgeslagen: je browser laat geen opslag toe. Kopieer je tekst als je hem wil houden.")
    page.check("#nk-m1-zelftest-1-1")
    page.locator("#zelftest-m1-zelftest").get_by_role("button", name="Controleer").click()
    expect(page.locator("#zelftest-m1-zelftest .nk-uitleg").first).to_be_visible()
    page.get_by_role("button", name="Trainersweergave").click()
    expect(page.locator(".nk-trainer")).to_be_visible()
    page.goto(base_url + PORTFOLIO)
    expect(page.locator(".nk-melding")).to_be_visible()
    expect(page.locator(".nk-portfolio__leeg")).to_be_visible()
    assert not [e for e in errors if "netwerkkracht.js" in e]


# ---------------------------------------------------------------------------- without JavaScript

def test_without_javascript_content_stays_usable(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(base_url + LEZEN)
    expect(page.locator("#reflectie-m1-proef .nk-nojs")).to_be_visible()
    expect(page.locator("#nk-m1-proef-1")).to_be_editable()
    feedback = page.locator("#zelftest-m1-zelftest details").first
    feedback.locator("summary").click()
    expect(feedback).to_have_attribute("open", "")
    expect(page.locator(".nk-trainerknop")).to_be_hidden()
    expect(page.locator(".nk-trainer")).to_be_hidden()
    page.goto(base_url + PORTFOLIO)
    expect(page.locator("[data-nk-portfolio] .nk-nojs")).to_be_visible()
    ctx.close()


def test_full_storage_still_shows_saved_answers(context, base_url):
    page = context.new_page()
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", "Al bewaard")
    context.add_init_script(QUOTA)
    page.reload()
    expect(page.locator("#nk-m1-proef-1")).to_have_value("Al bewaard")
    expect(page.locator(".nk-melding")).to_be_visible()
    page.fill("#nk-m1-proef-2", "Nieuw, maar de opslag is vol")
    expect(page.locator("#reflectie-m1-proef .nk-status")).to_contain_text("Niet opgeslagen")
    assert stored(page)["antwoorden"]["m1-proef"]["velden"][0]["tekst"] == "Al bewaard"


# ---------------------------------------------------------------------------- namespace

def test_two_courses_on_one_host_do_not_clash(page, base_url):
    page.goto(base_url + LEZEN)
    write_answer(page, "m1-proef/1", "Antwoord in cursus A")

    def other_course(route):
        body = route.fetch().text().replace('<meta name="nk-namespace" content="netwerkkracht">',
                                            '<meta name="nk-namespace" content="andere-cursus">')
        assert 'content="andere-cursus"' in body
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)

    lezen = re.compile(r".*/lezen/(\?.*)?$")
    page.route(lezen, other_course)
    page.goto(base_url + LEZEN)
    expect(page.locator("#nk-m1-proef-1")).to_have_value("")
    write_answer(page, "m1-proef/1", "Antwoord in cursus B")
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert "andere-cursus:werkruimte" in keys and KEY in keys
    assert stored(page)["antwoorden"]["m1-proef"]["velden"][0]["tekst"] == "Antwoord in cursus A"
    page.unroute(lezen)
    page.goto(base_url + LEZEN)
    expect(page.locator("#nk-m1-proef-1")).to_have_value("Antwoord in cursus A")
