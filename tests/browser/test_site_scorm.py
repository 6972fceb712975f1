"""The SCORM 1.2 package from `bash dev.sh package`, run for real against scorm-again.

scorm-again (npm, the maintained SCORM runtime) plays the LMS: a parent page puts its
``Scorm12API`` on ``window.API`` and opens the package's launch page for a module item, as an LMS
does. The learner writes a reflection and finishes modules; the test reads what the LMS
received, then relaunches in a fresh browser (another computer: empty localStorage) with the
LMS's saved data and checks that the answers come back from ``cmi.suspend_data``. The manifest's
structure and every file it lists are checked against the ZIP.
"""
from __future__ import annotations

import json
import shutil
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT
from netwerkkracht.course import course_for
from netwerkkracht.quality.common import NODE_MODULES
from netwerkkracht.quality.site import SiteServer

pytestmark = pytest.mark.browser

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
COURSE = course_for(ROOT)
NS = "netwerkkracht"
HARNESS = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Proef-LMS</title>
<script src="scorm12.min.js"></script>
<script>
window.nkLog = [];
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
if (window.nkSaved) window.API.loadFromFlattenedJSON(window.nkSaved, "");
["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (n) { API.on(n, function () { nkLog.push([n]); }); });
API.on("LMSSetValue.cmi.*", function (element, value) { nkLog.push(["set", element, value]); });
</script></head>
<body><iframe id="sco" title="cursus" width="1200" height="850"></iframe>
<script>document.getElementById("sco").src = "pakket/scorm.html" + location.search;</script>
</body></html>
"""


@pytest.fixture(scope="module")
def scorm_zip(packages) -> Path:
    return packages["scorm"]


@pytest.fixture(scope="module")
def lms(scorm_zip, tmp_path_factory):
    """A folder served over HTTP: the harness page, scorm-again and the unpacked package."""
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(scorm_zip) as z:
        z.extractall(root / "pakket")
    shutil.copy(NODE_MODULES / "scorm-again" / "dist" / "scorm12.min.js", root / "scorm12.min.js")
    (root / "lms.html").write_text(HARNESS, encoding="utf-8")
    with SiteServer(root) as server:
        yield server.base, root


def items(manifest: str) -> list[dict]:
    root = ET.fromstring(manifest)
    org = root.find(f"{CP}organizations/{CP}organization")
    return [{"id": i.get("identifier"), "ref": i.get("identifierref"), "parameters": i.get("parameters"),
             "title": i.find(f"{CP}title").text} for i in org.findall(f"{CP}item")]


def test_manifest_structure_and_every_listed_file(scorm_zip):
    with zipfile.ZipFile(scorm_zip) as z:
        names = set(z.namelist())
        manifest = z.read("imsmanifest.xml").decode("utf-8")
    root = ET.fromstring(manifest)
    assert root.tag == f"{CP}manifest"
    assert root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    orgs = root.find(f"{CP}organizations")
    org = orgs.find(f"{CP}organization")
    assert orgs.get("default") == org.get("identifier")
    assert org.findtext(f"{CP}title")
    found = items(manifest)
    assert [i["title"] for i in found] == [f"{m.meta.order}. {m.meta.title}" for m in COURSE.modules]
    resources = {r.get("identifier"): r for r in root.findall(f"{CP}resources/{CP}resource")}
    for item, module in zip(found, COURSE.modules):
        assert item["ref"] in resources
        page = item["parameters"].removeprefix("?pagina=")
        assert page == module.overview.removesuffix(".md") + ".html" and page in names
    sco = resources[found[0]["ref"]]
    assert sco.get(f"{ADLCP}scormtype") == "sco" and sco.get("href") in names
    listed = [f.get("href") for f in sco.findall(f"{CP}file")]
    assert len(listed) == len(set(listed))
    assert set(listed) == names - {"imsmanifest.xml"}, "files listed and files in the ZIP differ"
    assert "index.html" in names and "scorm.html" in names and "assets/scorm/adapter.js" in names


def _course_frame(page):
    page.wait_for_function("() => { const f = document.getElementById('sco'); const d = f && f.contentDocument;"
                           " const c = d && d.querySelector('.nk-scorm__cursus');"
                           " return c && c.contentDocument && c.contentDocument.querySelector('article'); }")
    return next(f for f in page.frames if "/pakket/" in f.url and "scorm.html" not in f.url)


def _values(page) -> dict:
    """The CMI values the LMS holds, plus the last value set per element."""
    return page.evaluate("""() => {
      const last = {};
      nkLog.filter(e => e[0] === 'set').forEach(e => { last[e[1]] = e[2]; });
      return { status: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw, suspend: API.cmi.suspend_data,
               location: API.cmi.core.lesson_location, last, calls: nkLog.map(e => e[0]) };
    }""")


def _wait_status(page, status: str) -> None:
    page.wait_for_function("s => API.cmi.core.lesson_status === s", arg=status, timeout=15_000)


def _finish_page(module) -> str:
    return module.pages[-1].removesuffix(".md") + ".html"


def test_launch_complete_assess_and_relaunch(browser, lms, scorm_zip):
    base, root = lms
    with zipfile.ZipFile(scorm_zip) as z:
        first = items(z.read("imsmanifest.xml").decode("utf-8"))[0]
    module = COURSE.modules[0]

    # ---- launch the first module's item
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base + "/lms.html" + first["parameters"])
    course = _course_frame(page)
    assert course.url.endswith(first["parameters"].removeprefix("?pagina="))
    values = _values(page)
    assert values["calls"][0] == "LMSInitialize"
    assert values["status"] == "incomplete" and values["last"]["cmi.core.lesson_status"] == "incomplete"

    # ---- write a reflection and finish the module
    course.goto(f"{base}/pakket/{_finish_page(module)}")
    field = course.locator("textarea[data-nk-veld]").first
    if field.count() == 0:  # the last page has no exercise: use the first page that does
        other = next(p for p in module.pages if "/// reflectie" in (ROOT / p).read_text(encoding="utf-8"))
        course.goto(f"{base}/pakket/{other.removesuffix('.md')}.html")
        field = course.locator("textarea[data-nk-veld]").first
    field.fill("Wat ik in het LMS schreef.")
    field.blur()
    course.goto(f"{base}/pakket/{_finish_page(module)}")
    course.get_by_role("button", name="Ik heb deze module afgerond").click()
    page.wait_for_function("() => (API.cmi.suspend_data || '').includes('Wat ik in het LMS schreef.')"
                           " && API.cmi.suspend_data.includes(arguments[0])".replace("arguments[0]", json.dumps(module.slug)))
    values = _values(page)
    assert values["status"] == "incomplete"  # one module of several
    assert len(values["suspend"]) <= 4096
    assert values["location"] == _finish_page(module)
    saved = json.loads(values["suspend"])
    assert module.slug in saved["w"]["afgerond"]

    # ---- every module done: completed
    course.evaluate("""([ns, slugs]) => {
      const k = ns + ':werkruimte', w = JSON.parse(localStorage.getItem(k));
      slugs.forEach((s, i) => { w.afgerond[s] = w.afgerond[s] || Date.now() + i; });
      localStorage.setItem(k, JSON.stringify(w));
    }""", [NS, [m.slug for m in COURSE.modules]])
    _wait_status(page, "completed")

    # ---- the final assessment (written by the eindtoets page, contracts: werkruimte.eindtoets)
    def assessment(score, passed):
        course.evaluate("""([ns, score, passed]) => {
          const k = ns + ':werkruimte', w = JSON.parse(localStorage.getItem(k));
          w.eindtoets = { tijd: Date.now(), juist: score / 10, totaal: 10, score, geslaagd: passed };
          localStorage.setItem(k, JSON.stringify(w));
        }""", [NS, score, passed])

    assessment(40, False)
    _wait_status(page, "failed")
    assert _values(page)["raw"] == "40"
    assessment(80, True)
    _wait_status(page, "passed")
    assert _values(page)["raw"] == "80"

    # ---- the learner closes the course: the launch page ends the session
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("nkLog.some(e => e[0] === 'LMSFinish')")
    final = _values(page)
    assert final["last"]["cmi.core.exit"] == "suspend"
    assert final["last"]["cmi.core.session_time"].count(":") == 2
    received = {k: v for k, v in final["last"].items() if k != "cmi.suspend_data"}
    statuses = page.evaluate("nkLog.filter(e => e[1] === 'cmi.core.lesson_status').map(e => e[2])")
    assert statuses == ["incomplete", "completed", "failed", "passed"]
    print("\nSCORM values the LMS received:", json.dumps(received, ensure_ascii=False), "; statuses:", statuses,
          f"\ncmi.suspend_data: {len(final['suspend'])} characters")
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "scorm-values.json").write_text(json.dumps(
        {"received": received, "lesson_status_sequence": statuses, "suspend_data": final["suspend"]}, ensure_ascii=False, indent=2), encoding="utf-8")
    stored = {"cmi.core.lesson_status": final["status"], "cmi.core.lesson_location": final["location"],
              "cmi.core.score.raw": final["raw"], "cmi.suspend_data": final["suspend"]}
    context.close()

    # ---- relaunch on "another computer": nothing in localStorage, state from the LMS only
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(f"window.nkSaved = {json.dumps(stored)};")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base + "/lms.html" + first["parameters"])
    course = _course_frame(page)
    assert course.url.endswith(final["location"])  # resumes where the learner left off
    assert course.get_by_role("button", name="Ik heb deze module afgerond").get_attribute("aria-pressed") == "true"
    restored = course.evaluate("ns => JSON.parse(localStorage.getItem(ns + ':werkruimte'))", NS)
    texts = [v["tekst"] for a in restored["antwoorden"].values() for v in a["velden"]]
    assert "Wat ik in het LMS schreef." in texts
    assert restored["eindtoets"]["score"] == 80 and set(restored["afgerond"]) == {m.slug for m in COURSE.modules}
    time.sleep(0.2)
    assert _values(page)["status"] == "passed"  # not set back to incomplete
    context.close()


def test_answers_too_long_for_suspend_data_keep_progress_and_say_so(browser, lms):
    base, _ = lms
    module = COURSE.modules[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/lms.html?pagina={_finish_page(module)}")
    course = _course_frame(page)
    course.evaluate("""([ns, slug]) => {
      const w = { antwoorden: {}, zelftesten: {}, afgerond: {}, modules: {} };
      for (let i = 0; i < 4; i++) w.antwoorden['lang-' + i] = { module: slug, titel: 'Lang', pagina: '', url: '',
        tijd: 1000 + i, vraag: '', velden: [{ label: 'x', tekst: String(i).repeat(1500) }] };
      w.afgerond[slug] = 5;
      localStorage.setItem(ns + ':werkruimte', JSON.stringify(w));
    }""", [NS, module.slug])
    page.wait_for_function("() => (API.cmi.suspend_data || '').includes('lang-3')")
    saved = json.loads(_values(page)["suspend"])
    assert len(_values(page)["suspend"]) <= 4096 and saved["onvolledig"] is True
    assert module.slug in saved["w"]["afgerond"]  # progress always fits
    assert "lang-3" in saved["w"]["antwoorden"] and "lang-0" not in saved["w"]["antwoorden"]  # newest kept
    notice = page.frame_locator("#sco").locator(".nk-scorm__melding")
    assert notice.is_visible() and "4096" in notice.inner_text()
    context.close()


def test_outside_an_lms_the_launch_page_opens_the_course(browser, scorm_zip, tmp_path):
    with zipfile.ZipFile(scorm_zip) as z:
        z.extractall(tmp_path)
    context = browser.new_context()
    page = context.new_page()
    page.goto((tmp_path / "scorm.html").as_uri() + "?pagina=" + _finish_page(COURSE.modules[0]))
    page.wait_for_url("**/" + _finish_page(COURSE.modules[0]))
    assert page.locator("article h1").count() == 1
    context.close()
