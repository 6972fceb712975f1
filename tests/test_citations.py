"""The citation grammar and its resolution against sources (plain Python, no build)."""
from __future__ import annotations

import pytest

from netwerkkracht.citations import check_citations, default_name, find_citations, norm_name, source_lines
from netwerkkracht.schema import Source
from netwerkkracht.sourcetext import visible_markdown


def src(author: str, year, title: str = "Titel", **extra) -> Source:
    return Source(author=author, year=year, title=title, **extra)


@pytest.mark.parametrize("author, name", [
    ("Granovetter, M. S.", "Granovetter"),
    ("Tracy, E. M. & Whittaker, J. K.", "Tracy & Whittaker"),
    ("Van Hootegem, H. & De Boe, F.", "Van Hootegem & De Boe"),
    ("Kostet, I., Nys, K., Verhaegen, I. & Van Puyenbroeck, J.", "Kostet et al."),
    ("Saleebey, D. (red.)", "Saleebey"),
    ("Movisie", "Movisie"),
    ("SAM, steunpunt Mens en Samenleving", "SAM, steunpunt Mens en Samenleving"),  # an organisation: needs cite_as
    ("Departement Welzijn, Volksgezondheid en Gezin", "Departement Welzijn, Volksgezondheid en Gezin"),
])
def test_default_name_comes_from_the_surnames(author, name):
    assert default_name(author) == name


def _found(text: str, names: list[str]):
    citations, problems = find_citations(visible_markdown(text), "p.md", {norm_name(n) for n in names})
    return [(c.line, c.name, c.year) for c in citations], [(p.line, p.message) for p in problems]


def test_every_written_form_is_found_with_its_line():
    text = (
        "# Titel\n"
        "Dat zei Nuyts al (Nuyts, 2017). Zie ook (SAM, z.d.-a) en Granovetter (1973).\n"
        "Samen (Tracy & Whittaker, 1990) en met drie (Kostet et al., 2018).\n"
        "Twee tegelijk (Nuyts, 2017; SAM, z.d.) en een organisatie (Departement WVG, z.d.-b).\n"
        "Volgens Van Hootegem en\n"
        "De Boe (2017) en Kostet e.a. (2018), p. 4.\n"
    )
    names = ["Nuyts", "SAM", "Granovetter", "Tracy & Whittaker", "Kostet et al.", "Departement WVG",
             "Van Hootegem & De Boe"]
    found, problems = _found(text, names)
    assert problems == []
    assert found == [
        (2, "Nuyts", "2017"), (2, "SAM", "z.d.-a"), (2, "Granovetter", "1973"),
        (3, "Tracy & Whittaker", "1990"), (3, "Kostet et al.", "2018"),
        (4, "Nuyts", "2017"), (4, "SAM", "z.d."), (4, "Departement WVG", "z.d.-b"),
        (5, "Van Hootegem en De Boe", "2017"), (6, "Kostet e.a.", "2018"),
    ]


def test_years_in_prose_code_and_links_are_not_citations():
    text = (
        "In 2018 was dat anders (sinds 2006), en het decreet (2018) geldt in de periode (2019-2022).\n"
        "Zie `Nuyts (2017)` en [de pagina](https://example.org/2017a/Nuyts-(2017)).\n"
        "```\n(Nuyts, 2017)\n```\n"
    )
    assert _found(text, ["Nuyts"]) == ([], [])


def test_an_unknown_capitalised_name_before_a_year_is_still_a_citation():
    found, _ = _found("Dat schreef Stichting Gerrit Kreveld (2017) al.", ["Van Hootegem & De Boe"])
    assert found == [(1, "Stichting Gerrit Kreveld", "2017")]


def test_malformed_citations_are_reported():
    _, problems = _found("Zie SAM z.d.-a/-b en (Nuyts 2017).\nOok Nuyts 2017a.\n", ["SAM", "Nuyts"])
    messages = "\n".join(f"{line}: {m}" for line, m in problems)
    assert "1: '(Nuyts 2017)' looks like a citation without a comma" in messages
    assert "1: 'z.d.-a'" in messages and "2: '2017a'" in messages


SOURCES = [
    src("Tracy, E. M. & Whittaker, J. K.", 1990, "The Social Network Map"),
    src("SAM, steunpunt Mens en Samenleving", "z.d.-a", "Sociale netwerken", cite_as="SAM"),
    src("SAM, steunpunt Mens en Samenleving", "z.d.-b", "Toegankelijkheid", cite_as="SAM"),
    src("Granovetter, M. S.", 1973, "The strength of weak ties"),
]


def _check(text: str, sources=SOURCES):
    errors = check_citations("m/module.yml", sources, [16, 20, 25, 30], [("m/p.md", visible_markdown(text))], "the pages")
    return [str(e) for e in errors]


def test_every_citation_resolves_and_every_source_is_used():
    assert _check("Tracy en Whittaker (1990) en (SAM, z.d.-a; SAM, z.d.-b) en Granovetter (1973).") == []


def test_an_unresolvable_citation_names_file_line_and_candidates():
    errors = _check("Regel een.\nTracy en Whittaker (1991), (SAM, z.d.-a; SAM, z.d.-b), Granovetter (1973), Tracy & Whittaker (1990).")
    assert errors == [
        "m/p.md:2: citation 'Tracy en Whittaker (1991)' matches no source in m/module.yml; "
        "candidates: Tracy & Whittaker (1990) “The Social Network Map”"
    ]


def test_a_citation_without_its_letter_is_ambiguous():
    errors = _check("Tracy en Whittaker (1990), (SAM, z.d.), Granovetter (1973).")
    assert len(errors) == 1
    assert errors[0].startswith("m/p.md:1: citation '(SAM, z.d.)' is ambiguous")
    assert "SAM (z.d.-a) “Sociale netwerken”" in errors[0] and "SAM (z.d.-b) “Toegankelijkheid”" in errors[0]


def test_two_sources_with_the_same_name_and_year_are_reported_with_their_lines():
    sources = [SOURCES[0], src("Movisie", "z.d.", "Een"), src("Movisie", "z.d.", "Twee"), SOURCES[3]]
    errors = _check("Tracy en Whittaker (1990), (Movisie, z.d.), Granovetter (1973).", sources)
    assert errors[0] == ("m/module.yml:25: field 'sources[2]': sources[1] and sources[2] are both cited as "
                         "'Movisie (z.d.)': give them letters (z.d.-a, z.d.-b) in 'year' and in the text, or a distinct 'cite_as'")
    assert errors[1].startswith("m/p.md:1: citation '(Movisie, z.d.)' is ambiguous: 2 sources")
    assert len(errors) == 2


def test_an_unused_source_names_its_line_and_how_to_cite_it():
    errors = _check("Tracy en Whittaker (1990) en (SAM, z.d.-a; SAM, z.d.-b).")
    assert errors == ["m/module.yml:30: field 'sources[3]': source Granovetter (1973) “The strength of weak ties” is "
                      "never cited on the pages: cite it as (Granovetter, 1973) or Granovetter (1973), or remove it"]


def test_an_organisation_without_cite_as_gets_a_hint():
    sources = [src("Nederlands Jeugdinstituut", "z.d.", "Sociale steun")]
    errors = check_citations("m.yml", sources, [3], [("p.md", visible_markdown("Zo (NJi, z.d.)."))], "the pages")
    assert "matches no source" in str(errors[0]) and "Nederlands Jeugdinstituut (z.d.)" in str(errors[0])
    assert "short 'cite_as'" not in str(errors[1])  # three words: short enough to cite in full
    sources = [src("NJi (Nederlands Jeugdinstituut)", "z.d.", "Sociale steun")]
    errors = check_citations("m.yml", sources, [3], [("p.md", visible_markdown("Zo (NJi, z.d.)."))], "the pages")
    assert "give it 'cite_as: NJi'" in str(errors[0])


def test_source_lines_are_the_list_items_under_sources():
    text = "title: X\npages: [a.md]\nsources:\n  - author: A\n    year: 2017\n  - author: B\n    year: z.d.\ntrainer:\n  - x\n"
    assert source_lines(text) == [4, 6]


def test_a_reference_list_is_not_cited_text_and_a_name_may_hold_a_number():
    text = ('Bel (Hulplijn 1712, z.d.).\n<div class="nk-bronnen" markdown>\n\n'
            "- Hulplijn 1712 (z.d.). *Over 1712.*\n- Iemand Anders (2019). *Een titel.*\n\n</div>\n")
    assert _found(text, ["Hulplijn 1712"]) == ([(1, "Hulplijn 1712", "z.d.")], [])
