"""What the learner's browser holds: the workspace, read back as the page stored it."""
from __future__ import annotations

import json

KEY = "netwerkkracht:werkruimte"


def stored(page) -> dict:
    """The workspace object in localStorage, or {} when nothing is stored."""
    raw = page.evaluate(f"localStorage.getItem({KEY!r})")
    return json.loads(raw) if raw else {}
