"""The SCORM 1.2 package: the offline site, a launch page with its adapter, and imsmanifest.xml.

SCORM 1.2 is the format every learning platform (LMS: Moodle, Docebo, Totara ...) imports.

- ``imsmanifest.xml``: one organisation (the course) with one item per module, in course order.
  Every item launches the same SCO, ``scorm.html``, at that module's overview page (the item's
  ``parameters``); the SCO's resource lists every file of the package.
- ``scorm.html`` holds the course in a full-window frame, so the learner browses page after page
  in one LMS session. Its adapter (``assets/scorm/adapter.js``) finds the LMS's ``window.API`` in
  a parent frame (or the opener), and reports from the learner data the site keeps in the browser
  (``<namespace>:werkruimte``, see the contracts):
  ``cmi.core.lesson_status`` "incomplete" at launch, "completed" once every module is marked done,
  "passed"/"failed" with ``cmi.core.score.raw`` (0-100) once the final assessment
  (``werkruimte.eindtoets``) exists; the learner's answers go to ``cmi.suspend_data`` and come
  back from it at the next launch (also on another computer); ``cmi.core.lesson_location`` keeps
  the last page. Without an LMS, ``scorm.html`` simply opens the course page: the same files work
  from a web server or from disk.
- ``cmi.suspend_data`` holds 4,096 characters in SCORM 1.2. The adapter stores everything when
  it fits; otherwise it leaves out, in this order, what the pages can fill in again (question
  texts and field labels), the network map, and then the oldest reflections, never the progress,
  self-test scores or assessment result. What is left out stays in the browser where it was
  written; the launch page then says so and points to the portfolio's back-up.
"""
from __future__ import annotations

import html
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from ..course import course_for

ASSETS = Path(__file__).resolve().parent / "scorm_assets"
LAUNCH = "scorm.html"
MANIFEST = "imsmanifest.xml"
CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
SUSPEND_LIMIT = 4096


def _page(src: str) -> str:
    """Source page -> its file in the offline build (``use_directory_urls: false``)."""
    return src[: -len(".md")] + ".html" if src.endswith(".md") else src


def _launch_page(title: str, namespace: str, modules: list[str], start: str) -> str:
    return f"""<!doctype html>
<html lang="nl" data-nk-namespace="{html.escape(namespace)}" data-nk-modules="{html.escape(' '.join(modules))}" data-nk-start="{html.escape(start)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="assets/scorm/scorm.css">
<script src="assets/scorm/adapter.js" defer></script>
</head>
<body>
<p class="nk-scorm__melding" role="status" hidden></p>
<iframe class="nk-scorm__cursus" title="{html.escape(title)}"></iframe>
<noscript><p><a href="{html.escape(start)}">Open de cursus</a></p></noscript>
</body>
</html>
"""


def manifest(site: Path, title: str, items: list[tuple[str, str, str]]) -> str:
    """imsmanifest.xml: the course, one item per module (id, title, page), one SCO with every file."""
    ET.register_namespace("", CP_NS)
    ET.register_namespace("adlcp", ADLCP_NS)
    root = ET.Element(f"{{{CP_NS}}}manifest", {"identifier": "netwerkkracht-cursus", "version": "1.0"})
    meta = ET.SubElement(root, f"{{{CP_NS}}}metadata")
    ET.SubElement(meta, f"{{{CP_NS}}}schema").text = "ADL SCORM"
    ET.SubElement(meta, f"{{{CP_NS}}}schemaversion").text = "1.2"
    orgs = ET.SubElement(root, f"{{{CP_NS}}}organizations", {"default": "cursus"})
    org = ET.SubElement(orgs, f"{{{CP_NS}}}organization", {"identifier": "cursus"})
    ET.SubElement(org, f"{{{CP_NS}}}title").text = title
    for ident, item_title, page in items:
        item = ET.SubElement(org, f"{{{CP_NS}}}item", {"identifier": f"module-{ident}", "identifierref": "sco",
                                                       "isvisible": "true", "parameters": f"?pagina={page}"})
        ET.SubElement(item, f"{{{CP_NS}}}title").text = item_title
    resources = ET.SubElement(root, f"{{{CP_NS}}}resources")
    res = ET.SubElement(resources, f"{{{CP_NS}}}resource", {"identifier": "sco", "type": "webcontent",
                                                           f"{{{ADLCP_NS}}}scormtype": "sco", "href": LAUNCH})
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel != MANIFEST:
            ET.SubElement(res, f"{{{CP_NS}}}file", {"href": rel})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def add_to_site(site: Path, config_file: Path) -> None:
    """Turn a built offline site into a SCORM 1.2 package (in place)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    course = course_for(Path(config_file).resolve().parent)
    namespace = config["extra"].get("storage_namespace") or "netwerkkracht"
    items = [(m.slug, f"{m.meta.order}. {m.meta.title}", _page(m.overview)) for m in course.modules]
    missing = [page for _, _, page in items if not (site / page).is_file()]
    if missing:
        raise FileNotFoundError(f"module page(s) missing from the offline build: {', '.join(missing)}")
    shutil.copytree(ASSETS, site / "assets" / "scorm", dirs_exist_ok=True)
    (site / LAUNCH).write_text(_launch_page(config["site_name"], namespace, [m.slug for m in course.modules],
                                            "index.html"), encoding="utf-8")
    (site / MANIFEST).write_text(manifest(site, config["site_name"], items), encoding="utf-8")
