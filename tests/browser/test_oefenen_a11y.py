"""axe-core (WCAG 2.1 AA) on this stream's components in the states the page gates never reach: a simulation under way and at
its end, the role-play script, an eindtoets attempt and its result, the certificate, a checked
self-test and a portfolio holding all of it; in the light and the dark scheme."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from netwerkkracht.quality.browser import AXE_TAGS, _SETTLE
from netwerkkracht.quality.common import AXE_JS

pytestmark = pytest.mark.browser

# Only this stream's components: the page around them (navigation, header) is the page gates' job,
# and the fixture course has no palette of its own.
OWN = [".nk-simulatie", ".nk-eindtoets", ".nk-attestblok", ".nk-zelftest", "[data-nk-portfolio]"]
RUN = """async ([tags, own]) => {
  const include = own.filter(s => document.querySelector(s)).map(s => [s]);
  const r = await axe.run({include}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' '))}`);
}"""


def axe(page, scheme: str, palette: str) -> list[str]:
    # The fixture course has no palette: load Material's palette sheet (built but not linked) and set the
    # real site's palette (custom colours, light or dark) the way Material does.
    page.evaluate("""async ([s, palette]) => {
      const main = document.querySelector('link[href*="stylesheets/main."]');
      if (!document.querySelector('link[href*="stylesheets/palette."]')) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = new URL(main.getAttribute('href').replace(/main\\.[0-9a-f]+\\.min\\.css/, palette), location.href);
        await new Promise(ok => { link.onload = link.onerror = ok; main.after(link); });  // where Material links it
      }
      const b = document.body; b.setAttribute('data-md-color-scheme', s);
      b.setAttribute('data-md-color-primary', 'custom'); b.setAttribute('data-md-color-accent', 'custom'); }""",
                  ["slate" if scheme == "dark" else "default", palette])
    page.evaluate(_SETTLE)
    surface = page.evaluate("getComputedStyle(document.body).getPropertyValue('--nk-surface').trim()")
    assert surface == ("#252a33" if scheme == "dark" else "#f3f7f7"), surface
    text = page.evaluate("getComputedStyle(document.body).color")
    assert (text != "rgba(0, 0, 0, 0.87)") == (scheme == "dark"), text
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(RUN, [AXE_TAGS, OWN])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_states_pass_axe(browser, base_url, workspace_site, scheme):
    palette = next((workspace_site / "assets" / "stylesheets").glob("palette.*.min.css")).name
    ctx = browser.new_context(locale="nl-BE")
    page = ctx.new_page()
    found: dict[str, list[str]] = {}

    page.goto(base_url + "/modules/01-proef/lezen/")
    page.check("#nk-m1-zelftest-1-1")
    page.locator("#zelftest-m1-zelftest").get_by_role("button", name="Controleer").click()
    for module in ("/modules/01-proef/lezen/", "/modules/02-tweede/"):
        page.goto(base_url + module)
        page.get_by_role("button", name="Ik heb deze module afgerond").click()
    page.goto(base_url + "/modules/01-proef/lezen/")
    found["checked self-test"] = axe(page, scheme, palette)

    page.goto(base_url + "/oefenen/proef-gesprek/")
    sim = page.locator("#simulatie-proef-gesprek")
    found["simulation start"] = axe(page, scheme, palette)
    sim.get_by_role("button", name="Begin het gesprek").click()
    sim.get_by_role("button", name="Wie helpt jou als het eens tegenzit?").click()
    found["simulation feedback"] = axe(page, scheme, palette)
    sim.get_by_role("button", name="Verder").click()
    sim.get_by_role("button", name="Hoe is dat voor jou, dat zij dat doet?").click()
    sim.get_by_role("button", name="Naar het einde").click()
    sim.locator(".nk-sim__einde").wait_for()
    found["simulation ending"] = axe(page, scheme, palette)
    page.goto(base_url + "/oefenen/proef-gesprek/?trainer=1")
    expect(page.locator(".nk-rollenspel")).to_be_visible()
    found["role-play script"] = axe(page, scheme, palette)
    page.goto(base_url + "/oefenen/proef-gesprek/?trainer=0")

    page.goto(base_url + "/oefenen/eindtoets/")
    page.get_by_role("button", name="Start de eindtoets").click()
    page.locator(".nk-eindtoets fieldset input").first.check()
    page.get_by_role("button", name="Lever in en bekijk je resultaat").click()
    found["eindtoets attempt"] = axe(page, scheme, palette)
    for f in page.locator(".nk-eindtoets fieldset").all():
        f.locator("input").first.check()
    page.get_by_role("button", name="Lever in en bekijk je resultaat").click()
    page.locator(".nk-eindtoets__nakijken summary").click()
    found["eindtoets result"] = axe(page, scheme, palette)

    import json
    data = json.loads(page.locator(".nk-eindtoets__bank").text_content())
    right = {q["id"]: next(i for i, o in enumerate(q["opties"], 1) if o["juist"]) for q in data["vragen"]}
    page.get_by_role("button", name="Nieuwe poging").click()
    for qid in page.locator(".nk-eindtoets fieldset").evaluate_all("fs => fs.map(f => f.dataset.nkVraag)"):
        page.check(f"#nk-et-{qid}-{right[qid]}")
    page.get_by_role("button", name="Lever in en bekijk je resultaat").click()
    expect(page.locator(".nk-eindtoets__uitslag")).to_have_text("Je resultaat: geslaagd")

    page.goto(base_url + "/oefenen/deelnameattest/")
    page.get_by_label("Je naam zoals die op het attest komt").fill("Jana Peeters")
    page.locator(".nk-attest").wait_for()
    found["certificate"] = axe(page, scheme, palette)

    page.goto(base_url + "/portfolio/")
    page.locator(".nk-portfolio__attest").wait_for()
    page.get_by_role("button", name="Wis dit gesprek").click()
    found["portfolio"] = axe(page, scheme, palette)
    ctx.close()
    problems = {state: v for state, v in found.items() if v}
    assert not problems, problems
