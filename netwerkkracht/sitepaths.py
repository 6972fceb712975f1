"""Where generated files live among the site sources: one place, used by the loader, the pages, the components and the toolbox."""
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
