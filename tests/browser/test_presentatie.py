"""Slide decks in Debian's Chromium: the keyboard, the overview, the presenter window in step with
the deck, text size and contrast at 1920x1080, no request to another host, file://, a strict CSP,
printing one slide per page; and the trainer page, the phone toggle and page print around them.
"""
from __future__ import annotations

import io
import re
import subprocess

import pytest
from playwright.sync_api import expect

from helpers import ROOT
from netwerkkracht.course import load_course
from netwerkkracht.hosting.csp import policy

pytestmark = pytest.mark.browser
SHOTS = ROOT / "reports" / "screenshots"
FULL_HD = {"width": 1920, "height": 1080}
CSP = policy(platform_videos=True)  # the site's own policy (netwerkkracht.hosting.csp), with the fixture's video frames

# Text on every visible slide: smallest font size, overflow, and the lowest contrast of text against
# the slide's own background (WCAG formula), all measured in the page.
MEASURE = """() => {
  const lum = (c) => { const m = c.match(/[\\d.]+/g).map(Number); const ch = (v) => { v /= 255; return v <= .04045 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; };
    return .2126 * ch(m[0]) + .7152 * ch(m[1]) + .0722 * ch(m[2]); };
  const bg = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return c; } return 'rgb(255,255,255)'; };
  return [...document.querySelectorAll('.nk-deck > .nk-dia')].map((s, i) => {
    let min = 999, contrast = 99, where = '';
    const walk = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const n = walk.currentNode, e = n.parentElement;
      if (!n.textContent.trim() || e.closest('.nk-dia__notities') || !e.getClientRects().length) continue;
      const cs = getComputedStyle(e);
      const f = parseFloat(cs.fontSize);
      const a = lum(cs.color), b = lum(bg(e)), r = (Math.max(a, b) + .05) / (Math.min(a, b) + .05);
      if (f < min) { min = f; where = n.textContent.trim().slice(0, 40); }
      if (r < contrast) contrast = r;
    }
    return {n: i + 1, min, where, contrast, overflow: s.scrollHeight > s.clientHeight + 1};
  });
}"""


def deck_url(base: str, slug: str) -> str:
    return f"{base}/presentaties/{slug}/"


def counter(page) -> str:
    return page.locator("[data-nk-teller]").inner_text()


def current_title(page) -> str:
    return page.locator(".nk-dia--nu :is(h1, h2, h3)").first.evaluate(
        "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove()); return c.textContent.trim(); }")


# ---------------------------------------------------------------------------- keyboard and overview

def test_keyboard_moves_through_the_deck(base_url, page):
    page.set_viewport_size(FULL_HD)
    page.goto(deck_url(base_url, "01-proef"))
    total = page.locator(".nk-deck > .nk-dia").count()
    assert total >= 12
    expect(page.locator("[data-nk-teller]")).to_have_text(f"Dia 1 van {total}: Proefmodule")
    assert page.locator(".nk-dia--nu").count() == 1 and page.locator(".nk-dia--nu").is_visible()
    steps = [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowDown", 5), ("PageUp", 4), ("ArrowLeft", 3),
             ("ArrowUp", 2), ("End", total), ("Home", 1)]
    for key, expected in steps:
        page.keyboard.press(key)
        expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia {expected} van {total}"))
        assert page.evaluate("location.hash") == f"#dia-{expected}"
    page.keyboard.press("ArrowLeft")  # before the first slide: stays
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia 1 van {total}"))
    for _ in range(3):
        page.keyboard.press("PageDown")
    title = current_title(page)
    visible = [s for s in page.locator(".nk-deck > .nk-dia").all() if s.is_visible()]
    assert len(visible) == 1, "one slide at a time"
    page.reload()  # the address keeps the place
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia 4 van {total}"))
    assert current_title(page) == title
    # Overview: every slide at once; arrows move the choice, Enter opens it.
    page.keyboard.press("o")
    expect(page.locator('[data-nk-actie="overzicht"]')).to_have_attribute("aria-pressed", "true")
    assert sum(s.is_visible() for s in page.locator(".nk-deck > .nk-dia").all()) == total
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(page.locator('[data-nk-actie="overzicht"]')).to_have_attribute("aria-pressed", "false")
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia 6 van {total}"))
    assert sum(s.is_visible() for s in page.locator(".nk-deck > .nk-dia").all()) == 1
    # A click in the overview opens that slide too; the buttons work without keys.
    page.get_by_role("button", name="Overzicht").click()
    page.locator(".nk-deck > .nk-dia").nth(1).click()
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia 2 van {total}"))
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia 3 van {total}"))
    assert not page.nk_errors


# ---------------------------------------------------------------------------- presenter window

def test_presenter_window_follows_the_main_window(base_url, context, page):
    import datetime

    context.clock.install(time=datetime.datetime(2026, 3, 12, 9, 30, 0))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(deck_url(base_url, "01-proef") + "#dia-3")
    with page.expect_popup() as popup:
        page.keyboard.press("p")
    presenter = popup.value
    presenter.set_viewport_size({"width": 1280, "height": 800})
    presenter.wait_for_load_state()
    assert "weergave=presentator" in presenter.url
    slides = page.locator(".nk-deck > .nk-dia")
    total = slides.count()

    def title_of(n: int) -> str:
        return slides.nth(n - 1).locator("h1, h2, h3").first.evaluate(
            "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove()); return c.textContent.trim(); }")

    def notes_of(n: int) -> str:
        notes = slides.nth(n - 1).locator(".nk-dia__notities")
        return notes.text_content().strip() if notes.count() else "Geen notities bij deze dia."

    def in_step(n: int) -> None:
        expect(presenter.locator("[data-nk-presteller]")).to_have_text(f"Dia {n} van {total}")
        expect(presenter.locator("[data-nk-nu] .nk-dia :is(h1, h2, h3)").first).to_contain_text(title_of(n))
        if n < total:
            expect(presenter.locator("[data-nk-straks] .nk-dia :is(h1, h2, h3)").first).to_contain_text(title_of(n + 1))
        first_note = notes_of(n).split("\n")[0].strip()[:40]
        expect(presenter.locator("[data-nk-notities]")).to_contain_text(first_note)

    in_step(3)
    for key, n in (("ArrowRight", 4), ("PageDown", 5), ("End", total), ("Home", 1), ("PageDown", 2)):
        page.keyboard.press(key)
        in_step(n)
    # Notes follow the slide: find a slide with notes and go there from the deck.
    with_notes = next(i for i in range(1, total + 1) if slides.nth(i - 1).locator(".nk-dia__notities").count())
    page.evaluate(f"location.hash = '#dia-{with_notes}'")
    in_step(with_notes)
    # The presenter can drive the deck as well.
    presenter.get_by_role("button", name="Volgende").click()
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia {with_notes + 1} van {total}"))
    presenter.keyboard.press("ArrowLeft")
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia {with_notes} van {total}"))
    # Clock and session plan: 10 min warming up, then 20 min case.
    expect(presenter.locator(".nk-pres__klok")).to_have_text("09:30")
    expect(presenter.locator("[data-nk-activiteit]")).to_have_text("Draaiboek van 30 min")
    presenter.get_by_role("button", name="Start de klok").click()
    expect(presenter.locator("[data-nk-activiteit]")).to_have_text("Nu: Opwarmer")
    expect(presenter.locator("[data-nk-rest]")).to_contain_text("nog 10 min · daarna: Casus bespreken")
    presenter.clock.run_for("12:00")
    expect(presenter.locator(".nk-pres__klok")).to_have_text("09:42")
    expect(presenter.locator("[data-nk-activiteit]")).to_have_text("Nu: Casus bespreken")
    expect(presenter.locator("[data-nk-rest]")).to_have_attribute("data-nk-rest", "18")
    expect(presenter.locator('li[aria-current="step"]')).to_contain_text("09:40")
    # A reload of the presenter window keeps the clock running (sessionStorage).
    presenter.reload()
    expect(presenter.locator("[data-nk-activiteit]")).to_have_text("Nu: Casus bespreken")
    expect(presenter.locator("[data-nk-presteller]")).to_have_text(f"Dia {with_notes} van {total}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    presenter.screenshot(path=str(SHOTS / "presentatie-presentator-proef.png"))


def test_presenter_window_opened_on_its_own_follows_too(base_url, context, page):
    """A second window opened by hand (say on the laptop screen) joins through the BroadcastChannel."""
    page.goto(deck_url(base_url, "01-proef"))
    other = context.new_page()
    other.goto(deck_url(base_url, "01-proef") + "?weergave=presentator")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(other.locator("[data-nk-presteller]")).to_have_text(re.compile(r"^Dia 3 van"))
    # Another module's deck in a third window is not disturbed.
    third = context.new_page()
    third.goto(deck_url(base_url, "02-tweede"))
    page.keyboard.press("ArrowRight")
    expect(other.locator("[data-nk-presteller]")).to_have_text(re.compile(r"^Dia 4 van"))
    expect(third.locator("[data-nk-teller]")).to_have_text(re.compile(r"^Dia 1 van"))


# ---------------------------------------------------------------------------- offline, CSP, print, video

def test_deck_works_from_file_urls(workspace_site, context, page):
    url = (workspace_site / "presentaties" / "01-proef" / "index.html").as_uri()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(r"^Dia 2 van"))
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Presentatorvenster").click()
    presenter = popup.value
    expect(presenter.locator("[data-nk-presteller]")).to_have_text(re.compile(r"^Dia 2 van"))
    page.keyboard.press("ArrowRight")
    expect(presenter.locator("[data-nk-presteller]")).to_have_text(re.compile(r"^Dia 3 van"))
    assert all(u.startswith(("file://", "data:")) for u in requests), [u for u in requests if not u.startswith("file")]


def test_deck_runs_under_a_strict_content_security_policy(base_url, context, page):
    def with_csp(route):
        response = route.fetch()
        headers = dict(response.headers, **{"content-security-policy": CSP})
        route.fulfill(response=response, headers=headers)

    context.route(re.compile(r".*/presentaties/.*"), with_csp)
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(deck_url(base_url, "01-proef"))
    page.keyboard.press("End")
    expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(r"^Dia (\d+) van \1"))
    assert page.evaluate("getComputedStyle(document.querySelector('.nk-deck > .nk-dia')).width") == "1920px"  # the style sheet applies
    assert page.evaluate("getComputedStyle(document.querySelector('.nk-deck')).getPropertyValue('--nk-schaal')") != "1"  # set from the script
    page.keyboard.press("o")
    expect(page.locator(".nk-deck--overzicht")).to_be_visible()
    assert refused == [], refused


def test_deck_prints_one_slide_per_page(base_url, page):
    from pypdf import PdfReader

    page.goto(deck_url(base_url, "01-proef"))
    total = page.locator(".nk-deck > .nk-dia").count()
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == total
    box = reader.pages[0].mediabox
    assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01
    texts = [p.extract_text() for p in reader.pages]
    assert "Proefmodule" in texts[0] and "Wat valt op?" in "".join(texts)
    assert not any("Laat eerst schrijven." in t for t in texts), "presenter notes are not printed"
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS.parent / "presentatie-proef.pdf").write_bytes(pdf)


def test_deck_shows_a_local_video_as_on_the_page(base_url, page):
    page.goto(f"{base_url}/modules/02-tweede/")
    on_page = page.locator("video").evaluate("v => ({src: v.currentSrc || v.src, track: v.querySelector('track').src})")
    page.goto(deck_url(base_url, "02-tweede"))
    n = page.evaluate("[...document.querySelectorAll('.nk-deck > .nk-dia')].findIndex(s => s.querySelector('video')) + 1")
    assert n > 0, "no video slide"
    page.goto(deck_url(base_url, "02-tweede") + f"#dia-{n}")
    page.reload()
    video = page.locator(f"#dia-{n} video")
    expect(page.locator(".nk-dia--nu video")).to_be_visible()
    in_deck = video.evaluate("v => ({src: v.currentSrc || v.src, track: v.querySelector('track').src})")
    assert in_deck == on_page
    assert video.evaluate("v => new Promise(r => { if (v.readyState >= 1) r(v.duration); else v.onloadedmetadata = () => r(v.duration); })") > 1
    video.evaluate("v => { v.muted = true; return v.play(); }")
    assert not video.evaluate("v => v.paused")
    page.keyboard.press("ArrowRight")  # leaving the slide pauses the video
    assert video.evaluate("v => v.paused")


def test_platform_video_in_a_deck_loads_nothing_until_clicked(base_url, page):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(deck_url(base_url, "01-proef"))
    n = page.evaluate("[...document.querySelectorAll('.nk-deck > .nk-dia')].findIndex(s => s.querySelector('.nk-video__laad')) + 1")
    page.evaluate(f"location.hash = '#dia-{n}'")
    button = page.locator(".nk-dia--nu .nk-video__laad")
    expect(button).to_be_visible()
    assert not [u for u in requests if not u.startswith(base_url)], "a platform was contacted before a click"
    page.route(re.compile(r"https://www\.youtube-nocookie\.com/.*"), lambda route: route.fulfill(body="<p>speler</p>", content_type="text/html"))
    button.click()
    expect(page.locator(".nk-dia--nu iframe")).to_have_attribute("src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/abcdEFGH123"))


# ---------------------------------------------------------------------------- the real decks

def test_real_decks_are_readable_from_the_back_of_the_room(real_base_url, browser):
    """Every slide of every module at 1920x1080: text ≥ 28 px, nothing cut off, contrast ≥ 7:1, both schemes;
    and not one request to another host while stepping through them."""
    course = load_course(ROOT)
    problems, outside = [], []
    for scheme in ("light", "dark"):
        ctx = browser.new_context(viewport=FULL_HD, color_scheme=scheme, locale="nl-BE")
        page = ctx.new_page()
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((real_base_url, "data:")) else None)
        for module in course.modules:
            page.goto(deck_url(real_base_url, module.slug))
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
            slides = page.evaluate(MEASURE)
            assert len(slides) >= 10, module.slug
            for s in slides:
                if s["min"] < 28 or s["overflow"] or s["contrast"] < 7:
                    problems.append(f"{scheme} {module.slug} dia {s['n']}: {s}")
            for _ in range(len(slides)):
                page.keyboard.press("ArrowRight")
            expect(page.locator("[data-nk-teller]")).to_have_text(re.compile(rf"^Dia {len(slides)} van {len(slides)}"))
            if module.meta.order == 1:
                SHOTS.mkdir(parents=True, exist_ok=True)
                for n in (1, 4):
                    page.evaluate(f"location.hash = '#dia-{n}'")
                    page.mouse.move(5, 5)
                    page.wait_for_timeout(50)
                    page.screenshot(path=str(SHOTS / f"presentatie-{module.slug}-dia{n}-{scheme}.png"))
                page.keyboard.press("o")
                page.screenshot(path=str(SHOTS / f"presentatie-{module.slug}-overzicht-{scheme}.png"))
        ctx.close()
    assert problems == [], "\n".join(problems[:20])
    assert outside == [], outside[:5]


def test_every_trainer_page_links_its_deck(real_base_url, page):
    course = load_course(ROOT)
    for module in course.modules:
        page.goto(f"{real_base_url}/{module.trainer_page.removesuffix('.md')}/")
        link = page.get_by_role("link", name="dia's van deze module")
        expect(link).to_be_visible()
        link.click()
        expect(page.locator(".nk-dia--nu h1")).to_contain_text(module.meta.title)
        page.go_back()


def test_presenter_view_of_a_real_module(real_base_url, context, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(deck_url(real_base_url, "01-waarom-netwerken"))
    with page.expect_popup() as popup:
        page.keyboard.press("p")
    presenter = popup.value
    presenter.set_viewport_size({"width": 1440, "height": 900})
    presenter.get_by_role("button", name="Start de klok").click()
    expect(presenter.locator("[data-nk-activiteit]")).to_contain_text("Nu: Opwarmer")
    n = page.evaluate("[...document.querySelectorAll('.nk-deck > .nk-dia')].findIndex(s => s.querySelector('.nk-dia__notities') && s.matches('.nk-dia--casus, .nk-dia--oefening, .nk-dia--gesprek')) + 1")
    page.evaluate(f"location.hash = '#dia-{n}'")
    note = page.locator(".nk-dia--nu .nk-dia__notities p").first.text_content().strip()
    expect(presenter.locator("[data-nk-notities]")).to_contain_text(note[:40])
    SHOTS.mkdir(parents=True, exist_ok=True)
    presenter.screenshot(path=str(SHOTS / "presentatie-presentator.png"))


# ---------------------------------------------------------------------------- trainer pages and print

def test_trainer_page_session_plan_follows_the_chosen_start(base_url, page):
    page.goto(f"{base_url}/modules/01-proef/trainer/")
    cells = page.locator("article table tbody tr td:first-child")
    expect(cells).to_have_text(["09:30", "09:40", "09:30–10:00"])
    page.get_by_label("Starttijd van je workshop").fill("13:45")
    expect(cells).to_have_text(["13:45", "13:55", "13:45–14:15"])
    expect(page.locator("article table tbody tr").last).to_contain_text("Totaal: 30 min")


def test_trainer_toggle_shows_a_word_on_a_phone(base_url, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/modules/01-proef/lezen/")
    toggle = page.locator("[data-nk-trainerknop]")
    expect(toggle).to_be_visible()
    short = toggle.locator(".nk-trainerknop__kort")
    expect(short).to_be_visible()
    expect(short).to_have_text("Trainer")
    assert short.bounding_box()["width"] > 20
    expect(page.get_by_role("button", name="Trainersweergave")).to_be_visible()  # the full name for screen readers
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "trainerknop-telefoon.png"))
    page.set_viewport_size({"width": 1440, "height": 900})
    expect(short).to_be_hidden()
    expect(toggle.locator(".nk-trainerknop__tekst")).to_be_visible()


def test_printed_page_hides_self_test_feedback_and_keeps_questions_with_their_box(base_url, page):
    page.goto(f"{base_url}/modules/01-proef/lezen/")
    test = page.locator("section.nk-zelftest").first
    test.locator("label", has_text="Dit wel.").click()  # answer and check: the explanations show on screen
    test.get_by_role("button", name="Controleer").click()
    explanations = test.locator(".nk-uitleg:visible, .nk-feedback:visible")
    expect(explanations.first).to_contain_text("Want zo.")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # as Material does before print
    page.emulate_media(media="print")
    for explanation in test.locator(".nk-uitleg, .nk-feedback").all():
        expect(explanation).to_be_hidden()
    for field in page.locator(".nk-veld").all():
        assert field.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    after = lambda sel: page.locator(sel).first.evaluate("a => getComputedStyle(a, '::after').content")  # noqa: E731
    assert "https://example.org/film" in after("figcaption a[href^='http']"), "the address of another site is shown"
    assert after(".nk-bronnen a, article a[href^='modules'], article a[href$='/']") in ("none", "normal", ""), "no address for links inside the site"
    pdf = page.pdf(format="A4")
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Wie helpt je soms?" in text and "Want zo." not in text and "Zonder toestemming kan dat niet." not in text


def test_pdf_pages_rendered_for_review(real_site, real_base_url, page):
    """pdftoppm renders of a reader page, a hand-out page, a trainer-map page and a printed slide, for a
    person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    course = load_course(ROOT)
    first = course.modules[0].slug
    page.goto(deck_url(real_base_url, first))
    page.emulate_media(media="print")
    slides_pdf = SHOTS.parent / f"presentatie-{first}.pdf"
    slides_pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-singlefile", "-f", "4", "-l", "4", str(slides_pdf),
                    str(SHOTS / "afdruk-dia")], check=True)
    assert (SHOTS / "afdruk-dia.png").stat().st_size > 20_000
    for name, pdf, number in (("cursusreader-inhoud", "cursusreader.pdf", 2), ("cursusreader-module", "cursusreader.pdf", 4),
                              ("hand-out", f"{first}-hand-out.pdf", 1), ("trainersmap", f"{first}-trainersmap.pdf", 1)):
        target = SHOTS / f"afdruk-{name}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(number), "-l", str(number),
                        str(real_site / "afdrukken" / pdf), str(target)], check=True)
        assert target.with_suffix(".png").stat().st_size > 20_000
