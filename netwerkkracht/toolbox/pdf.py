"""A tool as print-ready A4: HTML with print CSS, rendered to PDF by WeasyPrint."""
from __future__ import annotations

from html import escape

from ..branding import DEFAULT, Branding, css_string
from .geometry import MAP_LEFT_MM, MAP_SIZE_MM, MAP_TOP_MM, map_svg
from ..schema import Section, Tool

LICENCE = "CC BY-SA 4.0"

CSS = """
@page {{
  size: A4; margin: 14mm 15mm 18mm 15mm;
  @bottom-left {{ content: {brand} " · " string(tooltitle) " · {LICENCE}"; font-size: 8pt; color: #444; }}
  @bottom-right {{ content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #444; }}
}}
html {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; line-height: 1.35; }}
h1 {{ string-set: tooltitle content(); font-size: 20pt; margin: 0 0 2mm; color: {primary}; }}
h2 {{ font-size: 12.5pt; margin: 6mm 0 2mm; color: {primary}; break-after: avoid; }}
.merk {{ font-size: 8pt; text-transform: uppercase; letter-spacing: .06em; margin: 0 0 1mm; color: #444; }}
.samenvatting {{ margin: 0 0 3mm; }}
.privacy {{ border: .3mm solid {primary}; border-left-width: 1.5mm; padding: 1.5mm 3mm; font-size: 9pt; margin: 3mm 0; }}
.veld {{ border: .3mm solid #888; padding: 1.5mm 3mm; font-size: 9pt; }}
ol.stappen {{ padding-left: 5mm; margin: 0; }} ol.stappen li {{ margin: 0 0 1mm; }}
.vraag {{ break-inside: avoid; margin: 0 0 2mm; }}
.vraag p {{ margin: 0 0 .5mm; font-weight: bold; }}
.lijn {{ height: 7.5mm; border-bottom: .25mm solid #777; }}
ul.check {{ list-style: none; padding: 0; margin: 0; }}
ul.check li {{ break-inside: avoid; margin: 0 0 2mm; padding-left: 7mm; position: relative; }}
.vak {{ position: absolute; left: 0; top: .3mm; width: 3.8mm; height: 3.8mm; border: .35mm solid #111; }}
table {{ width: 100%; border-collapse: collapse; font-size: 9pt; }}
th, td {{ border: .25mm solid #555; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; }}
th {{ background: #e4f1f2; }}
tr {{ break-inside: avoid; }}
td.leeg {{ height: 9mm; }}
table.schaal td.kruis {{ text-align: center; width: 16mm; }}
table.schaal th.optie {{ text-align: center; font-size: 8pt; width: 16mm; }}
.rondje {{ display: inline-block; width: 3.6mm; height: 3.6mm; border: .35mm solid #111; border-radius: 50%; }}
.intro {{ margin: 0 0 2mm; }}
.bronnen {{ font-size: 8pt; color: #333; }} .bronnen li {{ margin: 0 0 1mm; }}
.kaartpagina {{ height: {MAP_TOP:.1f}mm; overflow: hidden; }}
.kaart {{ position: absolute; left: {MAP_LEFT:.2f}mm; top: {MAP_TOP2:.2f}mm; width: {MAP_SIZE}mm; height: {MAP_SIZE}mm; }}
.kaart svg {{ display: block; }}
.onderkaart {{ position: absolute; left: 0; right: 0; top: {UNDER:.2f}mm; }}
.nieuwe-pagina {{ break-before: page; }}
"""


def css(branding: Branding = DEFAULT) -> str:
    """The worksheet's print CSS in the organisation's colour and name (the name as a safe CSS string)."""
    return CSS.format(brand=css_string(branding.short_name), primary=branding.primary, LICENCE=LICENCE,
                      MAP_TOP=MAP_TOP_MM - 14 - 2, MAP_LEFT=MAP_LEFT_MM - 15, MAP_TOP2=MAP_TOP_MM - 14,
                      MAP_SIZE=MAP_SIZE_MM, UNDER=MAP_TOP_MM - 14 + MAP_SIZE_MM + 2)


def _lines(n: int) -> str:
    return '<div class="lijn"></div>' * n


def _section(section: Section) -> str:
    parts = [f"<section><h2>{escape(section.heading)}</h2>"]
    if section.intro:
        parts.append(f'<p class="intro">{escape(section.intro)}</p>')
    kind = section.kind
    if kind == "questions":
        for q in section.questions:
            parts.append(f'<div class="vraag"><p>{escape(q)}</p>{_lines(section.lines)}</div>')
    elif kind == "notes":
        parts.append(_lines(section.lines))
    elif kind == "checklist":
        parts.append('<ul class="check">' + "".join(
            f'<li><span class="vak"></span>{escape(item)}</li>' for item in section.checklist) + "</ul>")
    elif kind == "scale":
        head = "".join(f'<th class="optie">{escape(o)}</th>' for o in section.scale.options)
        rows = "".join(
            f"<tr><td>{escape(item)}</td>" + '<td class="kruis"><span class="rondje"></span></td>' * len(section.scale.options) + "</tr>"
            for item in section.scale.items)
        parts.append(f'<table class="schaal"><thead><tr><th>Uitspraak</th>{head}</tr></thead><tbody>{rows}</tbody></table>')
    elif kind == "table":
        t = section.table
        head = "".join(f"<th>{escape(c)}</th>" for c in t.columns)
        rows = "".join(
            f'<tr><td class="leeg">{escape(r)}</td>' + '<td class="leeg"></td>' * (len(t.columns) - 1) + "</tr>" for r in t.rows)
        rows += ('<tr>' + '<td class="leeg"></td>' * len(t.columns) + "</tr>") * t.empty_rows
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def _how(tool: Tool) -> str:
    steps = "".join(f"<li>{escape(s)}</li>" for s in tool.how)
    return f'<section><h2>Zo gebruik je dit werkblad</h2><ol class="stappen">{steps}</ol></section>'


def _sources(tool: Tool) -> str:
    if not tool.sources:
        return ""
    items = []
    for s in tool.sources:
        text = f"{escape(s.author)} ({s.year}). <i>{escape(s.title)}</i>."
        if s.publisher:
            text += f" {escape(s.publisher)}."
        if s.url:
            text += f" {escape(s.url)}"
        items.append(f"<li>{text}</li>")
    return f'<section class="bronnen"><h2>Bronnen</h2><ul>{"".join(items)}</ul></section>'


def tool_html(tool: Tool, branding: Branding = DEFAULT) -> str:
    """The whole worksheet as one HTML document for WeasyPrint."""
    head = (f'<p class="merk">{escape(branding.short_name)} · toolbox</p><h1>{escape(tool.title)}</h1>'
            f'<p class="samenvatting">{escape(tool.summary)}</p>')
    privacy = f'<p class="privacy"><b>Privacy.</b> {escape(tool.privacy)}</p>' if tool.privacy else ""
    if tool.layout == "netwerkkaart":
        m = tool.map
        rings = " · ".join(f"{i} = {escape(r)}" for i, r in enumerate(m.rings, start=1))
        body = (
            f'<div class="kaartpagina">{head}</div>'
            f'<div class="kaart">{map_svg(m.rings, m.sectors, m.centre, m.formal)}</div>'
            f'<div class="onderkaart"><p class="veld"><b>Ringen:</b> {rings}. '
            f'<b>Kaart van:</b> ______________ <b>Datum:</b> ____________</p>{privacy}</div>'
            f'<div class="nieuwe-pagina">{_how(tool)}'
            + "".join(_section(s) for s in tool.sections) + _sources(tool) + "</div>"
        )
    else:
        body = head + privacy + _how(tool) + "".join(_section(s) for s in tool.sections) + _sources(tool)
    return (f'<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><title>{escape(tool.title)}</title>'
            f'<meta name="author" content="{escape(branding.name)}"><meta name="description" content="{escape(tool.summary)}">'
            f"<style>{css(branding)}</style></head><body>{body}</body></html>")


def render_pdf(tool: Tool, branding: Branding = DEFAULT) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    from weasyprint import HTML

    document = HTML(string=tool_html(tool, branding)).render()
    return document.write_pdf(), len(document.pages)


def render_map_pdf(tool: Tool) -> bytes:
    """Only the map, on a page the size of the map: the source of the PNG in the DOCX."""
    from weasyprint import HTML

    m = tool.map
    doc = (f'<!doctype html><html><head><style>@page {{ size: {MAP_SIZE_MM}mm {MAP_SIZE_MM}mm; margin: 0 }}'
           f'body {{ margin: 0 }} svg {{ display: block }}</style></head><body>'
           f"{map_svg(m.rings, m.sectors, m.centre, m.formal)}</body></html>")
    return HTML(string=doc).write_pdf()
