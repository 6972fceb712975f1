"""A tool as an editable Word document (DOCX), written with python-docx.

The document follows the PDF: title, summary, how to use it, then one heading per section with
answer boxes, tick boxes or tables the user can type in. Page size is A4, language Dutch (Belgium).
"""
from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..branding import DEFAULT, Branding
from ..schema import Section, Tool
from .pdf import LICENCE

BOX = "\u2610"  # ballot box: a tick box Word shows in every font


def _lang(document: Document, code: str = "nl-BE") -> None:
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    rpr = rpr_default.find(qn("w:rPrDefault")).find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), code)


def _answer_box(document: Document, lines: int) -> None:
    """A one-cell table with room to type: the editable counterpart of the printed lines."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    cell.text = ""
    for _ in range(max(lines, 1) - 1):
        cell.add_paragraph("")
    document.add_paragraph("")


def _grid(document: Document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            cell.text = text
    # repeat the header row on every page
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header_flag = OxmlElement("w:tblHeader")
    header_flag.set(qn("w:val"), "true")
    tr_pr.append(header_flag)
    document.add_paragraph("")


def _section(document: Document, section: Section) -> None:
    document.add_heading(section.heading, level=1)
    if section.intro:
        document.add_paragraph(section.intro)
    kind = section.kind
    if kind == "questions":
        for q in section.questions:
            p = document.add_paragraph()
            p.add_run(q).bold = True
            _answer_box(document, section.lines)
    elif kind == "notes":
        _answer_box(document, section.lines)
    elif kind == "checklist":
        for item in section.checklist:
            document.add_paragraph(f"{BOX}  {item}")
    elif kind == "scale":
        options = section.scale.options
        _grid(document, ["Uitspraak", *options], [[item, *([BOX] * len(options))] for item in section.scale.items])
    elif kind == "table":
        t = section.table
        blank = [""] * (len(t.columns) - 1)
        _grid(document, list(t.columns), [[r, *blank] for r in t.rows] + [[""] * len(t.columns)] * t.empty_rows)


def render_docx(tool: Tool, map_png: bytes | None = None, branding: Branding = DEFAULT) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(16), Mm(18)
    _lang(document)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    for name in ("Title", "Heading 1"):
        document.styles[name].font.color.rgb = RGBColor.from_string(branding.primary.lstrip("#").upper())

    props = document.core_properties
    props.title = tool.title
    props.subject = tool.summary
    props.author = branding.name
    props.language = "nl-BE"
    props.keywords = "netwerkkracht; toolbox; " + tool.id

    footer = section.footer.paragraphs[0]
    footer.text = f"{branding.short_name} · {tool.title} · {LICENCE}"
    footer.runs[0].font.size = Pt(8)

    document.add_paragraph(f"{branding.short_name} · toolbox").runs[0].font.size = Pt(8)
    document.add_heading(tool.title, level=0)
    document.add_paragraph(tool.summary)
    if tool.privacy:
        p = document.add_paragraph()
        p.add_run("Privacy. ").bold = True
        p.add_run(tool.privacy)

    if tool.layout == "netwerkkaart" and map_png:
        document.add_picture(io.BytesIO(map_png), width=Mm(150))
        rings = " · ".join(f"{i} = {r}" for i, r in enumerate(tool.map.rings, start=1))
        document.add_paragraph(f"Ringen: {rings}.")
        document.add_paragraph("Kaart van: ______________    Datum: ____________")
        document.add_page_break()

    document.add_heading("Zo gebruik je dit werkblad", level=1)
    for step in tool.how:
        document.add_paragraph(step, style="List Number")
    for s in tool.sections:
        _section(document, s)
    if tool.sources:
        document.add_heading("Bronnen", level=1)
        for s in tool.sources:
            p = document.add_paragraph(style="List Bullet")
            p.add_run(f"{s.author} ({s.year}). ")
            p.add_run(s.title).italic = True
            p.add_run("." + (f" {s.publisher}." if s.publisher else "") + (f" {s.url}" if s.url else ""))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
