"""Print CSS for the hand-outs, trainer maps and the reader (WeasyPrint, A4).

Shared rules first, then what differs per document: running headers, page references for links
inside the document, questions kept together with their room to write.
"""
from __future__ import annotations

import re

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

BASE = """
@page { size: A4; margin: 18mm 17mm 20mm 17mm;
  @top-left { content: string(kop); font-size: 8pt; color: #444; }
  @top-right { content: string(merk); font-size: 8pt; color: #444; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #444; }
}
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.42; color: #111; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6 { color: VAR_COLOUR; line-height: 1.2; break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 3mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
h4, h5, h6 { font-size: 10.5pt; margin: 4mm 0 1mm; }
p, li { orphans: 3; widows: 3; }
.merk { string-set: merk content(); font-size: 8pt; text-transform: uppercase; letter-spacing: .06em; color: #444; margin: 0 0 1mm; }
.module-kop h1 { string-set: kop content(text); }
.module-kop .nummer { display: block; font-size: 10pt; text-transform: uppercase; letter-spacing: .05em; color: #444; }
.lead { font-size: 11.5pt; margin: 0 0 2mm; }
.feiten { font-size: 9pt; color: #333; }
a { color: inherit; text-decoration: none; }
a.intern[href] { text-decoration: underline; text-decoration-color: #999; }
a.intern[href]::after { content: " (p. " target-counter(attr(href url), page) ")"; font-size: 8.5pt; color: #333; }
a.extern:not(.kaal)::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: #333; word-break: break-all; }
abbr { text-decoration: none; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 2mm 0 4mm; }
th, td { border: .25mm solid #666; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; }
th { background: #e8f0f1; }
tr { break-inside: avoid; }
blockquote { margin: 2mm 0; padding: 1mm 4mm; border-left: 1mm solid #999; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
img { max-width: 100%; }
svg.twemoji, .twemoji svg { width: 1em; height: 1em; }
.nk-kicker { font-size: 8pt; font-weight: bold; text-transform: uppercase; letter-spacing: .05em; display: block; color: #333; }
.nk-heading { margin-top: 1mm; }
.nk-casus, .nk-gesprek, .nk-reflectie, .nk-video, .nk-download, .nk-kernpunten, .nk-leerdoelen,
.admonition, .uitgeklapt.admonition {
  border: .3mm solid #8aa7aa; border-left: 1.6mm solid VAR_COLOUR; padding: 1mm 4mm 2mm; margin: 4mm 0; }
.nk-casus { border-left-color: #b06a1c; background: #fdf6ec; }
.nk-fictief, .nk-meta, .nk-hint, .nk-intro { font-size: 8.5pt; color: #333; }
.nk-beurt { break-inside: avoid; margin: 0 0 2mm; }
.nk-gesprek__beurten { list-style: none; padding: 0; margin: 2mm 0 0; }
.nk-beurt p { margin: 0; }
.nk-beurt__noot { font-size: 9pt; border-left: .8mm solid VAR_COLOUR; padding-left: 2.5mm; margin-top: 1mm; }
.nk-beurt__label { font-weight: bold; }
.nk-veld { break-inside: avoid; margin: 3mm 0 0; }
.nk-veld label { display: block; font-weight: bold; }
.schrijfruimte { margin: 1mm 0 0; }
.schrijfruimte .lijn { height: 8mm; border-bottom: .25mm solid #777; }
.nk-video .samenvatting, .uitgeklapt > .samenvatting { font-weight: bold; margin: 2mm 0 1mm; }
.nk-video figcaption { font-size: 8.5pt; }
figure { margin: 3mm 0; }
.nk-bronnen, .bronnen { font-size: 8.5pt; }
.bronnen li, .nk-bronnen li { margin: 0 0 1.2mm; }
.kernpunten { break-inside: avoid; border: .3mm solid VAR_COLOUR; padding: 1mm 4mm 2mm; margin: 6mm 0; }
.leerdoelen ul, .kernpunten ul { margin: 0; padding-left: 5mm; }
dl dt { font-weight: bold; break-after: avoid; margin-top: 2mm; }
dl dd { margin: 0 0 1.5mm 5mm; }
.pagina > h2:first-child, .pagina > h1:first-child { string-set: pagina content(text); }
"""

HANDOUT = """
.module-kop { border-bottom: .5mm solid VAR_COLOUR; padding-bottom: 3mm; margin-bottom: 2mm; }
.pagina { break-before: auto; }
.pagina > h2:first-child { margin-top: 9mm; border-top: .3mm solid #aaa; padding-top: 3mm; }
"""

TRAINER_MAP = """
table.draaiboek td.leeg { width: 18mm; }
table.draaiboek tr.totaal td { font-weight: bold; background: #f1f1f1; }
ul.vinkjes { list-style: none; padding: 0; }
ul.vinkjes li { padding-left: 7mm; position: relative; margin: 0 0 1.5mm; break-inside: avoid; }
ul.vinkjes li::before { content: ""; position: absolute; left: 0; top: .6mm; width: 3.6mm; height: 3.6mm; border: .35mm solid #111; }
.bestand { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
.bij { color: #444; font-size: 9pt; }
.notitie { border-left: 1.2mm solid #5b45a8; padding: .5mm 0 .5mm 3mm; margin: 0 0 2.5mm; break-inside: avoid; }
.antwoord { break-inside: avoid; margin: 0 0 4mm; }
.antwoord .vraag { font-weight: bold; margin: 0 0 1mm; }
ul.opties { list-style: none; padding: 0; margin: 0; }
ul.opties li { margin: 0 0 1.2mm; padding-left: 6mm; position: relative; }
ul.opties .teken { position: absolute; left: 0; font-weight: bold; }
ul.opties li.juist .teken { color: #1d6b2f; }
ul.opties li.fout .teken { color: #a1261c; }
.uitleg { font-size: 9pt; color: #222; }
.trainersmateriaal { break-before: page; }
"""

READER = """
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
@page inhoud { @top-left { content: "Inhoud"; } }
.omslag { page: omslag; height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.omslag .merk { font-size: 14pt; letter-spacing: .1em; }
.omslag .titel { font-size: 40pt; margin: 6mm 0; border-bottom: 1.5mm solid VAR_COLOUR; padding-bottom: 4mm; }
.omslag .ondertitel { font-size: 13pt; }
.omslag .aanbieder { font-size: 12pt; margin-top: 20mm; }
.omslag .organisatie { font-size: 18pt; font-weight: bold; color: VAR_COLOUR; }
.omslag .licentie { font-size: 9pt; margin-top: auto; color: #333; }
nav.inhoud { page: inhoud; break-after: page; }
nav.inhoud ol { list-style: none; padding: 0; }
nav.inhoud li.module { font-weight: bold; margin-top: 2.5mm; }
nav.inhoud li.pagina { padding-left: 6mm; font-size: 9.5pt; }
nav.inhoud a::after { content: leader(". ") target-counter(attr(href url), page); }
.geen-kop { string-set: kop "Inhoud"; }
article.module, article.bijlage { break-before: page; }
article.bijlage > h1 { string-set: kop content(text); }
.pagina > h2:first-child { margin-top: 8mm; }
"""

KINDS = {"handout": HANDOUT, "trainersmap": TRAINER_MAP, "reader": READER}


def css(kind: str, colour: str = "#0b5e66") -> str:
    """The style sheet of one kind of document, in the organisation's colour when it is a valid one."""
    colour = colour if _COLOUR.match(colour or "") else "#0b5e66"
    return (BASE + KINDS[kind]).replace("VAR_COLOUR", colour)
