"""Self-tests in a real browser: select, then "Controleer"; no feedback before; arrow keys only
select; a per-learner option order that survives reloads and other saves; print hides feedback."""
from __future__ import annotations


import pytest
from playwright.sync_api import expect
from storage import stored

pytestmark = pytest.mark.browser

LEZEN = "/modules/01-proef/lezen/"
PORTFOLIO = "/portfolio/"



def no_feedback_shown(test, status: str = "") -> None:
    expect(test.locator(".nk-uitleg:visible, details.nk-feedback")).to_have_count(0)
    expect(test.locator(".nk-optie[data-nk-gekozen]")).to_have_count(0)
    expect(test.locator(".nk-status")).to_have_text(status)


def option_order(page, test_id: str) -> list[list[str]]:
    return page.eval_on_selector_all(
        f"#zelftest-{test_id} fieldset", "fs => fs.map(f => [...f.querySelectorAll('input')].map(i => i.value))")


def test_mouse_select_then_check_shows_all_feedback_and_keeps_it(page, base_url):
    page.goto(base_url + LEZEN)
    test = page.locator("#zelftest-m1-zelftest")
    wrong, right = test.locator("#nk-m1-zelftest-1-1"), test.locator("#nk-m1-zelftest-1-2")
    check = test.get_by_role("button", name="Controleer")
    no_feedback_shown(test)
    test.locator("label[for='nk-m1-zelftest-1-1']").click()  # choosing is not answering
    expect(wrong).to_be_checked()
    no_feedback_shown(test)
    assert "m1-zelftest" not in stored(page).get("zelftesten", {})
    test.locator("label[for='nk-m1-zelftest-1-2']").click()
    expect(right).to_be_checked()
    no_feedback_shown(test)

    check.click()
    explanations = test.locator(".nk-uitleg")
    expect(explanations).to_have_count(2)
    for n in range(2):
        expect(explanations.nth(n)).to_be_visible()
    texts = [" ".join(t.split()) for t in explanations.all_inner_texts()]
    by_value = dict(zip(test.locator("input").evaluate_all("is => is.map(i => i.value)"), texts))
    assert by_value == {"1": "Niet juist. Want zo.", "2": "Juist. Want zo."}
    expect(test.locator(".nk-optie[data-nk-gekozen='juist'] input")).to_have_value("2")
    expect(test.locator(".nk-status")).to_have_text("Vraag 1: Juist. Want zo. Score: 1 van 1 juist.")
    expect(wrong).to_be_disabled()  # answered: the choice is locked until "Opnieuw"
    assert stored(page)["zelftesten"]["m1-zelftest"]["keuzes"] == {"1": 2}

    page.reload()
    expect(right).to_be_checked()
    expect(test.locator(".nk-uitleg:visible")).to_have_count(2)
    expect(test.locator(".nk-status")).to_have_text("Je antwoorden van eerder staan er weer: 1 van 1 juist.")
    test.get_by_role("button", name="Vraag 1 opnieuw beantwoorden").click()
    no_feedback_shown(test, "Vraag 1 staat weer open.")
    expect(right).not_to_be_checked()
    assert "m1-zelftest" not in stored(page).get("zelftesten", {})
    page.goto(base_url + PORTFOLIO)
    expect(page.locator(".nk-portfolio__zelftest")).to_have_count(0)


def test_keyboard_arrows_select_without_answering(page, base_url):
    page.goto(base_url + LEZEN)
    test = page.locator("#zelftest-m1-volgorde")
    first_question = test.locator("fieldset").first
    first_radio = first_question.locator("input").first
    first_radio.focus()
    page.keyboard.press("Space")
    expect(first_radio).to_be_checked()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        no_feedback_shown(test)
    chosen = first_question.locator("input:checked")
    expect(chosen).to_have_count(1)
    value = chosen.get_attribute("value")
    assert value == first_question.locator("input").nth(3).get_attribute("value")  # three steps down
    assert "m1-volgorde" not in stored(page).get("zelftesten", {})
    page.keyboard.press("Tab")
    expect(first_question.get_by_role("button", name="Controleer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(first_question.locator(".nk-uitleg:visible")).to_have_count(4)
    expect(test.locator("fieldset").nth(1).locator(".nk-uitleg:visible")).to_have_count(0)  # only this question
    verdict = "juist" if value == "1" else "fout"
    expect(first_question.locator(".nk-optie[data-nk-gekozen]")).to_have_attribute("data-nk-gekozen", verdict)
    expect(first_question.get_by_role("button", name="Vraag 1 opnieuw beantwoorden")).to_be_focused()
    assert stored(page)["zelftesten"]["m1-volgorde"]["keuzes"] == {"1": int(value)}
    # "Controleer" without a choice explains instead of judging.
    test.locator("fieldset").nth(1).get_by_role("button", name="Controleer").click()
    expect(test.locator(".nk-status")).to_have_text("Vraag 2: kies eerst een antwoord.")
    expect(test.locator("fieldset").nth(1).locator(".nk-uitleg:visible")).to_have_count(0)


def test_option_order_is_shuffled_per_learner_and_kept(browser, base_url):
    orders = []
    for _ in range(6):
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(base_url + LEZEN)
        order = option_order(page, "m1-volgorde")
        page.reload()
        assert option_order(page, "m1-volgorde") == order, "the order changed on reload"
        # Another save through the workspace (a reflection) keeps the learner's order too.
        page.fill("#nk-m1-proef-1", "iets")
        expect(page.locator("#reflectie-m1-proef .nk-status")).to_contain_text("Opgeslagen")
        page.goto(base_url + "/")
        page.goto(base_url + LEZEN)
        assert option_order(page, "m1-volgorde") == order, "the order changed after another save"
        seed = stored(page)["zaad"]
        assert isinstance(seed, int) and seed > 0
        orders.append(tuple(map(tuple, order)))
        ctx.close()
    assert len(set(orders)) > 1, f"six learners, one order: {orders[0]}"
    assert any(o != (("1", "2", "3", "4"), ("1", "2", "3", "4")) for o in orders)


def test_printed_selftest_hides_feedback(page, base_url):
    page.goto(base_url + LEZEN)
    test = page.locator("#zelftest-m1-zelftest")
    page.check("#nk-m1-zelftest-1-1")
    test.get_by_role("button", name="Controleer").click()
    expect(test.locator(".nk-uitleg").first).to_be_visible()
    page.emulate_media(media="print")
    expect(test.locator("legend")).to_be_visible()
    expect(test.locator(".nk-uitleg")).to_have_count(2)
    for n in range(2):
        expect(test.locator(".nk-uitleg").nth(n)).to_be_hidden()
    expect(test.locator(".nk-vraag__acties")).to_be_hidden()
    expect(test.locator(".nk-status")).to_be_hidden()
    after = test.locator(".nk-optie[data-nk-gekozen] > label").evaluate("l => getComputedStyle(l, '::after').content")
    assert after in ("none", "normal"), after
    pdf = page.pdf(format="A4")
    from netwerkkracht.quality.printing import pdf_text

    text = " ".join(pdf_text(pdf).split())
    assert "Dit wel." in text and "Want zo." not in text and "juist" not in text.lower().replace("wat is juist?", "")
