"""Site search finds the course first (issue 12): real queries typed into Material's search box
on the real site; the top result is the learner page a learner looks for, never trainer material,
a notebook or a maintenance page."""
from __future__ import annotations

import urllib.parse

import pytest

pytestmark = pytest.mark.browser

# query -> acceptable top results (site paths); more than one where another stream's page may fit too
QUERIES = {
    "trampoline": ("modules/01-waarom-netwerken/erbij-horen/",),
    "netwerkkaart": ("modules/06-netwerk-in-kaart/", "toolbox/netwerkkaart/", "toolbox/netwerkkaart-interactief/"),
    "sociaal kapitaal": ("modules/01-waarom-netwerken/sociaal-kapitaal/",),
    "beroepsgeheim": ("modules/09-drempels-overwinnen/beroepsgeheim/", "juridisch-kader/"),
    "presentie": ("modules/04-basishouding/presentie/",),
    "buddywerking": ("modules/08-van-buddy-tot-community/buddywerking/",),
    "netwerkberaad": ("modules/07-netwerken-versterken/netwerkberaad/",),
    "vermaatschappelijking": ("modules/03-krachtgerichte-visie/vermaatschappelijking/",),
    "toestemming": ("modules/05-netwerk-in-het-gbo/toestemming/",),
    "privacy": ("privacy/",),
}
NEVER_FIRST = ("/trainer/", "notebooks/", "voor-trainers/")


def results(page, base: str, query: str) -> list[str]:
    """Site paths of the search results for ``query``, once the list has settled."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.type(query, delay=15)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() !== '' &&"
        " !/^Typ om|initialiseren/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=20_000)
    previous = None
    for _ in range(20):  # results update while the worker answers: wait until two reads agree
        hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))")
        if hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(300)
    return [urllib.parse.urlsplit(urllib.parse.urljoin(base, h)).path.lstrip("/") for h in previous or []]


def test_top_result_of_real_queries_is_the_learner_page(page, real_base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(real_base_url + "/")
    wrong = []
    for query, wanted in QUERIES.items():
        found = results(page, real_base_url + "/", query)
        assert found, f"no result for {query!r}"
        top = found[0]
        if not top.startswith(wanted) or any(part in "/" + top for part in NEVER_FIRST):
            wrong.append(f"{query!r}: top result {top}, wanted {' or '.join(wanted)} (then: {found[1:4]})")
        assert not any(p.startswith("onderhoud/") for p in found), f"{query!r} lists a maintenance page: {found}"
    assert not wrong, "\n".join(wrong)


def test_maintenance_pages_are_not_in_the_index(page, real_base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(real_base_url + "/")
    found = results(page, real_base_url + "/", "dekking")
    assert not any(p.startswith("onderhoud/") for p in found), found
