"""The site stays light as the course grows (issue 12): a course of 25 modules made from the
fixture (ids renamed, so the strict build passes) has module pages barely larger than a course of
one, because each page's menu shows only the open part of the course."""
from __future__ import annotations

import statistics

import yaml

from helpers import ROOT, build, edit
from netwerkkracht.synthetic import make_course


def _module_pages(site):
    return [p for p in (site / "modules").rglob("index.html") if "/trainer/" not in p.as_posix()]


def _real_menu_features(project):
    """The fixture with the menu features of the real site (mkdocs.yml), which this test is about."""
    real = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    features = [f for f in real["theme"]["features"] if f.startswith("navigation.")]
    assert "navigation.prune" in features
    edit(project / "mkdocs.yml", "  font: false\n", f"  font: false\n  features: {features}\n")


def test_pages_do_not_grow_with_the_number_of_modules(course_copy, tmp_path):
    small = course_copy
    _real_menu_features(small)
    assert build(small).returncode == 0
    large = make_course(small, tmp_path / "groot", 25).parent
    result = build(large)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(list((large / "exercises").glob("m25-*.yml"))) == 1  # ids renamed per module

    sizes = {name: statistics.median(p.stat().st_size for p in _module_pages(project / "site"))
             for name, project in (("1", small), ("25", large))}
    assert sizes["25"] <= 1.3 * sizes["1"], f"median module page: {sizes}"

    page = next((large / "site" / "modules").glob("14-*/index.html")).read_text(encoding="utf-8")
    nav = page[page.find('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.find("</nav>\n</div>")]
    for group in ("Modules 1–10", "Modules 11–20", "Modules 21–25"):
        assert group in nav, f"menu lacks the group {group!r}"
    assert "14. Proefmodule (14)" in nav  # the open group lists its modules
    assert "3. Proefmodule (3)" not in nav  # a closed group shows only its name
