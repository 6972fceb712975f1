"""Where generated files live among the site sources: one place, used by the loader, the pages, the
components, the toolbox and the classroom files (decks, hand-outs, trainer maps, the reader)."""
from __future__ import annotations


def tool_page(tool_id: str) -> str:
    return f"toolbox/{tool_id}.md"


def tool_pdf(tool_id: str) -> str:
    return f"downloads/{tool_id}.pdf"


def tool_docx(tool_id: str) -> str:
    return f"downloads/{tool_id}.docx"


def tool_files(tool_id: str) -> list[tuple[str, str, bool]]:
    """(Dutch label, site source path, is a download) for every output of a tool."""
    return [
        ("Afdrukken: PDF (A4)", tool_pdf(tool_id), True),
        ("Bewerken: Word-document (DOCX)", tool_docx(tool_id), True),
        ("Wanneer en hoe gebruik je deze tool?", tool_page(tool_id), False),
    ]


def tool_preview(tool_id: str) -> str:
    """PNG of the first page of the PDF, shown on the tool's page."""
    return f"toolbox/voorbeelden/{tool_id}.png"


INDEX_PAGE = "toolbox/index.md"
INTERACTIVE_MAP_PAGE = "toolbox/netwerkkaart-interactief.md"
NOTEBOOK_PAGE = "notebooks/netwerkkaart-analyseren.ipynb"


# ---- classroom: what a trainer projects and prints
PRINT_PAGE = "afdrukken.md"  # "Afdrukken en uitdelen": every printable file on one page
PRINT_DIR = "afdrukken"
READER_PDF = f"{PRINT_DIR}/cursusreader.pdf"
DECK_DIR = "presentaties"


def deck_page(slug: str) -> str:
    """Site source path of a module's slide deck."""
    return f"{DECK_DIR}/{slug}.md"


def handout_pdf(slug: str) -> str:
    """The learner hand-out of a module (A4)."""
    return f"{PRINT_DIR}/{slug}-hand-out.pdf"


def trainer_map_pdf(slug: str) -> str:
    """The trainer map of a module (A4)."""
    return f"{PRINT_DIR}/{slug}-trainersmap.pdf"
