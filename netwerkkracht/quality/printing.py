"""Print gate: a module page printed to PDF in Chromium keeps all its text and drops the navigation
chrome; an exercise field keeps room to write in print.
"""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from .browser import new_context
from .common import GateResult
from .site import module_page, url_path

NAME = "Print (module page to PDF)"
MIN_FIELD_HEIGHT = 150  # px, a textarea's box in print media

# Paragraphs of the article shown on screen, plus those in collapsed <details> (Material opens
# them for print): every one must survive printing. Hidden trainer notes are not expected, nor what
# the print style sheet leaves out on purpose (self-test explanations): those are marked here and
# dropped by _PRINT_HIDDEN once print media is on.
_PARAGRAPHS = """() => [...document.querySelectorAll('article p, .md-content p')]
  .filter(p => p.getClientRects().length > 0 || (p.closest('details') && p.closest('details').getClientRects().length > 0))
  .map((p, i) => { p.dataset.nkDruk = String(i);
                   return [i, (p.getClientRects().length > 0 ? p.innerText : p.textContent).trim()]; })
  .filter(([, t]) => t.length >= 20)"""
# A page script may redraw a block after the paragraphs were read (a simulation restoring its
# state): its new paragraphs carry no mark, so what print hides is also known by its text.
_PRINT_HIDDEN = """() => {
  const hidden = (p) => { for (let e = p; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return true;
                          return false; };
  const all = [...document.querySelectorAll('article p, .md-content p')].filter(hidden);
  return {marks: all.filter(p => p.dataset.nkDruk).map(p => Number(p.dataset.nkDruk)),
          texts: all.map(p => p.textContent.trim())}; }"""
# Navigation chrome: labels that only live outside the article.
_CHROME = """() => {
  const labels = [];
  const add = (t) => { t = (t || '').replace(/\\s+/g, ' ').trim(); if (t.length >= 3) labels.push(t); };
  document.querySelectorAll('.md-search__input').forEach(e => add(e.getAttribute('placeholder')));
  document.querySelectorAll('.md-sidebar .md-nav__title, .md-sidebar .md-nav__link, .md-header__topic, '
    + '.md-tabs__link, .md-footer__direction, .md-footer__title, .md-skip').forEach(e => add(e.innerText || e.textContent));
  const article = (document.querySelector('article') || document.body).textContent.replace(/\\s+/g, ' ').toLowerCase();
  return [...new Set(labels)].filter(l => !article.includes(l.toLowerCase()));
}"""


def _squash(text: str) -> str:
    """Compare text without whitespace, soft hyphens or ligatures: PDF extraction breaks lines anywhere."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").lower()
    return re.sub(r"[\s\u200b]+", "", text)


def _words(text: str) -> str:
    return " " + re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).replace("\u00ad", "").lower()) + " "


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def check_print(browser, base: str, page: str) -> tuple[list[str], dict]:
    """Print one page; return (problems, facts)."""
    context = new_context(browser, base, "light")
    try:
        tab = context.new_page()
        tab.goto(base + url_path(page), wait_until="load")
        paragraphs = tab.evaluate(_PARAGRAPHS)
        chrome = tab.evaluate(_CHROME)
        tab.emulate_media(media="print")
        hidden = tab.evaluate(_PRINT_HIDDEN)
        marks, texts = set(hidden["marks"]), set(hidden["texts"])
        paragraphs = [text for index, text in paragraphs if index not in marks and text not in texts]
        field = tab.locator("article textarea, .md-content textarea").first
        field_height = None
        if tab.locator("article textarea, .md-content textarea").count():
            box = field.bounding_box()
            field_height = box["height"] if box else 0
        pdf = tab.pdf(format="A4", print_background=False)
    finally:
        context.close()
    text = pdf_text(pdf)
    # Print adds a link's web address after its words, "(https://...)": not part of the paragraph.
    squashed, words = re.sub(r"\(https?:[^)]*\)", "", _squash(text)), _words(text)
    problems = []
    missing = [p for p in paragraphs if _squash(p) not in squashed]
    for p in missing[:10]:
        problems.append(f"paragraph missing from the PDF: “{p[:120]}”")
    shown = [label for label in chrome if re.search(r"(?<!\w)" + re.escape(label.lower()) + r"(?!\w)", words)]
    for label in shown[:10]:
        problems.append(f"navigation label printed: “{label}”")
    if field_height is None:
        problems.append("no exercise field (textarea) on the page: cannot check the room to write")
    elif field_height < MIN_FIELD_HEIGHT:
        problems.append(f"exercise field is {field_height:.0f} px high in print, needs ≥ {MIN_FIELD_HEIGHT} px")
    if not paragraphs:
        problems.append("no paragraph found on the page")
    facts = {"paragraphs": len(paragraphs), "missing": len(missing), "chrome_labels": len(chrome),
             "chrome_printed": len(shown), "field_height": field_height, "pdf_bytes": len(pdf),
             "pdf_chars": len(text)}
    return problems, facts


def gate(browser, site: Path, base: str) -> GateResult:
    page = module_page(site)
    if not page:
        return GateResult(NAME, False, "no module page in the site", ["No page under modules/ was built."])
    problems, facts = check_print(browser, base, page)
    summary = (f"`{url_path(page)}`: {facts['paragraphs'] - facts['missing']}/{facts['paragraphs']} paragraphs in the PDF, "
               f"{facts['chrome_printed']} of {facts['chrome_labels']} navigation labels printed, exercise field "
               + (f"{facts['field_height']:.0f} px high in print" if facts["field_height"] is not None else "absent"))
    lines = [f"- {p}" for p in problems] or ["All paragraphs printed, no navigation chrome, room to write."]
    return GateResult(NAME, not problems, summary, lines, data={"page": page, **facts})
