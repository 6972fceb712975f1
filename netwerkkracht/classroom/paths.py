"""Where the classroom files live in the site: one place, used by the generated pages and the hook."""
from __future__ import annotations

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
