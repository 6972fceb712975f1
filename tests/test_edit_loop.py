"""The edit loop under `mkdocs serve` (issue 12): a rebuild reuses the pages that did not change,
yet shows every change, including one in a data file that a component reads, and reports a broken
link at its source line."""
from __future__ import annotations

import time

from helpers import article, edit
from netwerkkracht.benchmark import Served

PAGE = "modules/01-proef/lezen.md"


def _reload(served, change) -> None:
    time.sleep(0.5)
    change()
    saved = time.perf_counter()
    served.wait_for("Reloading browsers", saved)


def test_serve_shows_page_and_data_changes_and_link_errors(course_copy):
    with Served(course_copy / "mkdocs.yml", timeout=180) as served:
        assert "Proefoefening" in served.get("modules/01-proef/lezen/")
        home = article(served.get(""))

        _reload(served, lambda: edit(course_copy / PAGE, "Laat eerst schrijven.", "Laat eerst rustig schrijven."))
        assert "Laat eerst rustig schrijven." in served.get("modules/01-proef/lezen/")
        assert article(served.get("")) == home, "an unchanged page must come out the same"

        # A new title changes the menu of every page, so no page may keep its old HTML.
        _reload(served, lambda: edit(course_copy / PAGE, "# Lezen en doen", "# Lezen en oefenen"))
        assert "Lezen en oefenen" in served.get("")
        assert "Lezen en doen" not in served.get("modules/01-proef/")

        # The exercise is rendered into the page by a component: its page must follow the data file.
        _reload(served, lambda: edit(course_copy / "exercises" / "m1-proef.yml", "title: Proefoefening", "title: Andere oefening"))
        assert "Andere oefening" in served.get("modules/01-proef/lezen/")
        assert "Andere oefening" in served.get("oefeningen/")

        time.sleep(0.5)
        edit(course_copy / "docs" / "index.md", "Ga naar de", "Zie [de woordenlijst](woordenlijst.md). Ga naar de")
        saved = time.perf_counter()
        served.wait_for("docs/index.md:5: broken link 'woordenlijst.md'", saved, fail_on=())

        _reload(served, lambda: edit(course_copy / "docs" / "index.md", "Zie [de woordenlijst](woordenlijst.md). ", ""))
        assert "woordenlijst" not in served.get("")
