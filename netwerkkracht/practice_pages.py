"""Generated pages for practice: one page per conversation simulation and the "Oefenen" overview.

Every simulation gets its own page whether or not a module page also embeds it, so none is
written and then never found. Derived from the validated course data only.
"""
from __future__ import annotations

from .course import Course
from .pages import esc, rel

PRACTICE_DIR = "oefenen"
OVERVIEW = f"{PRACTICE_DIR}/index.md"
EINDTOETS_PAGE = f"{PRACTICE_DIR}/eindtoets.md"
ATTEST_PAGE = f"{PRACTICE_DIR}/deelnameattest.md"
PORTFOLIO = "portfolio.md"


def scenario_page(ident: str) -> str:
    return f"{PRACTICE_DIR}/{ident}.md"


def _module_link(course: Course, slug: str, from_uri: str) -> str:
    module = course.module(slug)
    return f"[module {module.meta.order}: {module.meta.title}]({rel(from_uri, module.overview)})"


def simulation_markdown(course: Course, ident: str, portfolio: str | None = PORTFOLIO) -> str:
    """The page of one simulation; ``portfolio`` is the portfolio page's source path, if the site has one."""
    scenario = course.scenarios[ident]
    uri = scenario_page(ident)
    where = f"staat in [je leerportfolio]({rel(uri, portfolio)})" if portfolio else "staat in je leerportfolio"
    return (
        f"# {scenario.title}\n\n"
        f"Deze gesprekssimulatie hoort bij {_module_link(course, scenario.module, uri)}. "
        "Je leest telkens wat iemand zegt en kiest wat jij antwoordt. Na elke keuze zie je wat die doet en "
        "waarom; het gesprek loopt verder naargelang je keuze. Er is niet één juiste weg: probeer gerust "
        f"opnieuw en kies eens anders. Je pad blijft alleen in deze browser bewaard en {where}.\n\n"
        f"/// gesprekssimulatie | {ident}\n///\n"
    )


def overview_markdown(course: Course, has_eindtoets: bool, has_attest: bool) -> str:
    lines = [
        "# Oefenen en afronden\n",
        "Hier oefen je wat de modules aanreiken: in gesprekken waarin je zelf kiest wat je zegt, en in een "
        "eindtoets over de hele cursus. Alles wat je doet, blijft in je eigen browser.\n",
    ]
    if course.scenarios:
        lines.append("## Gesprekssimulaties\n")
        lines.append("Je speelt telkens de professional; de andere personen zijn fictief, samengesteld uit "
                     "herkenbare situaties.\n")
        by_order = sorted(course.scenarios.items(), key=lambda kv: (course.module(kv[1].module).meta.order, kv[1].title))
        for ident, scenario in by_order:
            lines.append(f"- **[{esc(scenario.title)}]({rel(OVERVIEW, scenario_page(ident))})**: "
                         f"{scenario.duration} minuten, bij {_module_link(course, scenario.module, OVERVIEW)}.")
        lines.append("")
    if has_eindtoets and course.eindtoets is not None:
        lines.append("## Eindtoets\n")
        lines.append(f"De [eindtoets]({rel(OVERVIEW, EINDTOETS_PAGE)}) stelt {course.eindtoets.draw} vragen over situaties "
                     "uit alle modules. Je ziet meteen welke modules je best nog eens bekijkt.\n")
    if has_attest:
        lines.append("## Deelnameattest\n")
        lines.append(f"Heb je alle modules afgerond en de eindtoets gehaald? Dan maak je een "
                     f"[deelnameattest]({rel(OVERVIEW, ATTEST_PAGE)}) om af te drukken of als PDF te bewaren.\n")
    return "\n".join(lines)
