"""Where a tool's generated files live in the site: one place, used by pages and components."""
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
