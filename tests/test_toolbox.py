"""Toolbox worksheets: catalogue, PDF (A4, title, drawn map), DOCX (headings), cache and pages."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from netwerkkracht.course import load_course
from netwerkkracht.errors import ContentError
from netwerkkracht.toolbox import build as tb
from netwerkkracht.toolbox.geometry import MAP_LEFT_MM, MAP_TOP_MM, geometry_for
from netwerkkracht.schema import Tool
from netwerkkracht.sitepaths import tool_docx, tool_page, tool_pdf, tool_preview

ROOT = Path(__file__).resolve().parent.parent
REFERENCED = ["netwerkkaart", "gesprekswijzer-netwerkgesprek", "reflectiekaart-basishouding", "drempelscan",
              "checklist-buddywerking", "leerportfolio-sjabloon", "krachtenkaart", "stappenplan-netwerkberaad"]
A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


@pytest.fixture(scope="module")
def outputs(course, tmp_path_factory):
    """Every tool generated once into a fresh cache (so the generators really run)."""
    cache = tmp_path_factory.mktemp("toolbox-cache")
    return {tid: tb.generate(tool, cache) for tid, tool in course.tools.items()}, cache


def _text(pdf_bytes: bytes) -> str:
    from pypdf import PdfReader

    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------- catalogue

def test_every_referenced_tool_exists(course):
    missing = [t for t in REFERENCED if t not in course.tools]
    assert not missing, f"catalog/tools.yml lacks {missing}"


def test_every_download_block_points_at_a_tool(course):
    usage = tb.tool_usage(course, ROOT)
    unknown = sorted(set(usage) - set(course.tools))
    assert not unknown, f"pages offer unknown tools {unknown}"


def test_netwerkkaart_has_the_sectors_and_three_rings(course):
    m = course.tools["netwerkkaart"].map
    assert len(m.rings) == 3
    assert [s.lower() for s in m.sectors] == ["huishouden", "familie", "vrienden", "buren", "kennissen en verenigingen",
                                              "school en werk", "professionele hulp"]


def test_interactive_map_uses_the_same_sectors_as_the_worksheet(course):
    js = (ROOT / "overrides" / "assets" / "netwerkkaart" / "state.js").read_text(encoding="utf-8")
    labels = re.findall(r'\{ id: "[a-z-]+", label: "([^"]+)", formal: (true|false) \}', js)
    m = course.tools["netwerkkaart"].map
    assert [label for label, _ in labels] == m.sectors
    assert [label for label, formal in labels if formal == "true"] == m.formal


def test_schema_rejects_a_section_with_two_kinds(tmp_path):
    data = yaml.safe_load((ROOT / "catalog" / "tools.yml").read_text(encoding="utf-8"))[1]
    data["sections"][0]["checklist"] = ["a"]
    with pytest.raises(Exception, match="one kind of content"):
        Tool.model_validate(data)


def test_bad_catalogue_names_file_and_field(tmp_path):
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "tools.yml").write_text("- id: x\n  title: X\n  summary: s\n  when: w\n  how: [a]\n"
                                                    "  preview_alt: alt\n  sections: [{heading: H, tabel: {}}]\n",
                                                    encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_course(tmp_path)
    assert "catalog/tools.yml" in str(err.value) and "tabel" in str(err.value)


# ---------------------------------------------------------------------------- PDF

@pytest.mark.parametrize("tool_id", REFERENCED)
def test_pdf_opens_is_a4_and_has_its_title(course, outputs, tool_id):
    from pypdf import PdfReader

    out = outputs[0][tool_id]
    reader = PdfReader(io.BytesIO(out.pdf))
    assert len(reader.pages) == out.pages >= 1
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1, f"page is {w}x{h} pt, not A4"
    tool = course.tools[tool_id]
    first = _norm(reader.pages[0].extract_text())
    assert tool.title in first
    assert reader.metadata.title == tool.title
    text = _norm(_text(out.pdf))
    for section in tool.sections:
        assert _norm(section.heading) in text


# ---------------------------------------------------------------------------- DOCX

@pytest.mark.parametrize("tool_id", REFERENCED)
def test_docx_opens_and_has_its_headings(course, outputs, tool_id):
    from docx import Document
    from docx.shared import Mm

    doc = Document(io.BytesIO(outputs[0][tool_id].docx))
    tool = course.tools[tool_id]
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert titles == [tool.title]
    assert "Zo gebruik je dit werkblad" in headings
    for section in tool.sections:
        assert section.heading in headings
    assert doc.core_properties.title == tool.title
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(1) and abs(sec.page_height - Mm(297)) < Mm(1)


def test_docx_tables_are_editable_grids(course, outputs):
    from docx import Document

    doc = Document(io.BytesIO(outputs[0]["drempelscan"].docx))
    hefbomen = [t for t in doc.tables if t.rows[0].cells[0].text == "Drempel"]
    assert hefbomen and len(hefbomen[0].rows) == 1 + 5


def test_netwerkkaart_docx_contains_the_map_image(outputs):
    from docx import Document

    doc = Document(io.BytesIO(outputs[0]["netwerkkaart"].docx))
    assert len(doc.inline_shapes) == 1


# ---------------------------------------------------------------------------- the drawn map

DPI = 100


@pytest.fixture(scope="module")
def map_image(outputs, tmp_path_factory):
    from PIL import Image

    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is missing: install poppler-utils (scripts/setup.sh)")
    folder = tmp_path_factory.mktemp("map")
    pdf = folder / "netwerkkaart.pdf"
    pdf.write_bytes(outputs[0]["netwerkkaart"].pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(folder / "p1")], check=True)
    return Image.open(folder / "p1.png").convert("L")


def _px(mm: float) -> float:
    return mm / 25.4 * DPI


def _darkest(img, x: float, y: float, r: int = 2) -> int:
    xs, ys = int(round(x)), int(round(y))
    return min(img.getpixel((i, j)) for i in range(xs - r, xs + r + 1) for j in range(ys - r, ys + r + 1))


def _at(g, radius_mm: float, degrees: float) -> tuple[float, float]:
    x, y = g.point(radius_mm, degrees)
    return _px(MAP_LEFT_MM + x), _px(MAP_TOP_MM + y)


def test_map_pdf_page_is_a4_at_100_dpi(map_image):
    w, h = map_image.size
    assert abs(w - 827) <= 1 and abs(h - 1169) <= 1


def test_rings_are_drawn_on_their_radius(course, map_image):
    g = geometry_for(len(course.tools["netwerkkaart"].map.rings))
    n = len(course.tools["netwerkkaart"].map.sectors)
    for radius in g.ring_radii:
        for i in range(n):  # sample in the middle of every sector
            mid = (g.boundary_angle(i, n) + g.boundary_angle(i + 1, n)) / 2
            assert _darkest(map_image, *_at(g, radius, mid)) < 90, f"no ring line at r={radius} mm, angle {mid:.0f}"
    x, y = _at(g, g.ring_radii[-1] + 3.5, 10.0)  # just outside the outer ring: paper
    assert _darkest(map_image, x, y, 1) > 235


def test_sectors_are_drawn_on_their_angles(course, map_image):
    g = geometry_for(3)
    n = len(course.tools["netwerkkaart"].map.sectors)
    inner = [g.centre_radius, *g.ring_radii[:-1]]
    for i in range(1, n):  # boundary 0 carries the ring numbers
        for r0, r1 in zip(inner, g.ring_radii):
            assert _darkest(map_image, *_at(g, (r0 + r1) / 2, g.boundary_angle(i, n))) < 90, \
                f"no sector line at angle {g.boundary_angle(i, n):.0f}"
    # between two lines, inside a ring: a tint, not ink
    for i in range(n):
        mid = (g.boundary_angle(i, n) + g.boundary_angle(i + 1, n)) / 2
        for r0, r1 in zip(inner, g.ring_radii):
            value = _darkest(map_image, *_at(g, (r0 + r1) / 2 + 2, mid), 1)
            assert value > 150, f"unexpected ink inside sector {i} at r={(r0 + r1) / 2} mm"


def test_closer_rings_are_darker_and_formal_sectors_grey(course, map_image):
    from PIL import Image  # noqa: F401

    m = course.tools["netwerkkaart"].map
    g, n = geometry_for(3), len(m.sectors)
    informal = m.sectors.index("Vrienden")
    mid = (g.boundary_angle(informal, n) + g.boundary_angle(informal + 1, n)) / 2
    inner = [g.centre_radius, *g.ring_radii[:-1]]
    shades = [map_image.getpixel(tuple(int(v) for v in _at(g, (a + b) / 2 + 2, mid))) for a, b in zip(inner, g.ring_radii)]
    assert shades[0] < shades[1] < shades[2], shades
    formal = m.sectors.index("Professionele hulp")
    fmid = (g.boundary_angle(formal, n) + g.boundary_angle(formal + 1, n)) / 2
    grey = map_image.getpixel(tuple(int(v) for v in _at(g, (g.ring_radii[1] + g.ring_radii[2]) / 2 + 2, fmid)))
    assert grey < shades[2] - 10, "formal sectors are not shaded"


# ---------------------------------------------------------------------------- cache and pages

def test_cache_is_reused_and_invalidated_by_data(course, outputs):
    _, cache = outputs
    tool = course.tools["krachtenkaart"]
    again = tb.generate(tool, cache)
    assert again.cached
    changed = tool.model_copy(update={"title": "Krachtenkaart (aangepast)"})
    fresh = tb.generate(changed, cache)
    assert not fresh.cached and "Krachtenkaart (aangepast)" in _text(fresh.pdf)
    assert len(list(cache.glob("krachtenkaart-*.pdf"))) == 1, "stale cache entries are not cleaned up"


def test_cache_key_depends_on_generator_code(course, monkeypatch):
    tool = course.tools["drempelscan"]
    before = tb.tool_key(tool)
    monkeypatch.setattr(tb, "CODE_VERSION", tb.CODE_VERSION + "-x")
    tb._code_hash_for.cache_clear()
    assert tb.tool_key(tool) != before
    monkeypatch.undo()
    tb._code_hash_for.cache_clear()


def test_site_files_cover_every_tool(course, tmp_path):
    cache_root = tmp_path
    shutil.copytree(ROOT / ".cache" / "toolbox", tmp_path / ".cache" / "toolbox") if (ROOT / ".cache" / "toolbox").is_dir() else None
    (tmp_path / "docs").mkdir()
    files = dict(tb.site_files(course, cache_root))
    for tid in course.tools:
        assert files[tool_pdf(tid)][:5] == b"%PDF-"
        assert files[tool_docx(tid)][:2] == b"PK"
        assert files[tool_preview(tid)][:8] == b"\x89PNG\r\n\x1a\n"
        page = files[tool_page(tid)]
        assert page.count(f"# {course.tools[tid].title}\n") == 1
        assert f"../downloads/{tid}.pdf" in page and f"../downloads/{tid}.docx" in page
        assert f"voorbeelden/{tid}.png" in page and course.tools[tid].preview_alt in page


def test_tool_page_lists_where_the_course_uses_it(course):
    usage = tb.tool_usage(course, ROOT)
    out = tb.Outputs(b"%PDF", b"PK", b"", 2, True)
    page = tb.tool_markdown(course.tools["netwerkkaart"], out, usage.get("netwerkkaart", []), ROOT)
    if usage.get("netwerkkaart"):
        assert "## In de cursus" in page
    assert "netwerkkaart-interactief.md" in page
