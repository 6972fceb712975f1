"""Search ranking: the course comes first in the site search.

Material's search ranks every page alike, so trainer material, the analysis notebook (with raw
code in its snippets) and maintenance pages competed with the course pages they serve. Each page
gets a search setting from what it is, unless its front matter sets ``search:`` itself:

| page | setting |
|---|---|
| a module page for learners | ``boost`` LEARNER |
| a trainer page (a module's ``trainer.md``, pages for trainers) | ``boost`` TRAINER |
| a notebook | ``boost`` NOTEBOOK |
| a maintenance page (under ``onderhoud/``) | left out of the index |
"""
from __future__ import annotations

from .course import Course

LEARNER = 3.0
TRAINER = 0.5
NOTEBOOK = 0.2
MAINTENANCE_DIRS = ("onderhoud/",)
TRAINER_PAGES = ("voor-trainers.md",)


def search_setting(src_uri: str, course: Course) -> dict | None:
    """Material's per-page ``search`` setting for the page at ``src_uri`` (None: the default)."""
    if src_uri.startswith(MAINTENANCE_DIRS):
        return {"exclude": True}
    if src_uri.endswith(".ipynb"):
        return {"boost": NOTEBOOK}
    module = course.module_of_page(src_uri)
    if module is not None:
        return {"boost": TRAINER if src_uri == module.trainer_page else LEARNER}
    if src_uri in TRAINER_PAGES:
        return {"boost": TRAINER}
    return None
