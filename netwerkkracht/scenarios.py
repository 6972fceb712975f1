"""Conversation simulations (``scenarios/<id>.yml``): schema, graph checks and loading.

A simulation is a small directed graph: each step (what a client or network member says) offers
2 to 4 choices of what the professional says next, each choice leads to another step or to an
ending. The loader refuses a graph a learner could get stuck in, naming the file and the field:
a choice to a missing step, a step or ending nothing leads to, a loop with no way out, no
reachable ending at all, and an id used for both a step and an ending.
"""
from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from .errors import ContentError, raise_all
from .schema import Id, Minutes, Strict, Text, parse

SCENARIOS_DIR = "scenarios"
RESERVED_IDS = {"index", "eindtoets", "deelnameattest"}  # pages next to the simulation pages under oefenen/
OUTCOMES = {"good": "goede afloop", "mixed": "gemengde afloop", "poor": "moeizame afloop"}


class Choice(Strict):
    text: Text
    feedback: Text
    next: Id


class Step(Strict):
    speaker: Text
    narration: Text | None = None
    text: Text
    choices: Annotated[list[Choice], Field(min_length=2, max_length=4)]


class Ending(Strict):
    title: Text
    outcome: Literal["good", "mixed", "poor"]
    summary: Text


class Scenario(Strict):
    title: Text
    module: Text
    duration: Minutes
    situation: Text
    professional: Text
    start: Id
    steps: Annotated[dict[Id, Step], Field(min_length=1)]
    endings: Annotated[dict[Id, Ending], Field(min_length=1)]

    def step_order(self) -> list[str]:
        """Step ids in the order a trainer reads them: breadth-first from the start, then the rest."""
        seen = list(reachable_steps(self))
        return seen + [s for s in self.steps if s not in seen]

    def speakers(self) -> list[str]:
        return list(dict.fromkeys(step.speaker for step in self.steps.values()))


# ---------------------------------------------------------------------------- graph

def reachable_steps(scenario: Scenario) -> dict[str, None]:
    """Steps reachable from the start, in breadth-first order (a dict keeps the order)."""
    seen: dict[str, None] = {}
    queue = deque([scenario.start] if scenario.start in scenario.steps else [])
    while queue:
        sid = queue.popleft()
        if sid in seen:
            continue
        seen[sid] = None
        queue.extend(c.next for c in scenario.steps[sid].choices if c.next in scenario.steps)
    return seen


def _steps_with_a_way_out(scenario: Scenario) -> set[str]:
    """Steps from which at least one ending can be reached (a backwards search from the endings)."""
    good: set[str] = set()
    changed = True
    while changed:
        changed = False
        for sid, step in scenario.steps.items():
            if sid not in good and any(c.next in scenario.endings or c.next in good for c in step.choices):
                good.add(sid)
                changed = True
    return good


def graph_problems(scenario: Scenario) -> list[tuple[str, str]]:
    """Every structural mistake as (field, what to fix)."""
    steps, endings = scenario.steps, scenario.endings
    problems: list[tuple[str, str]] = []
    for shared in sorted(set(steps) & set(endings)):
        problems.append((f"endings.{shared}", f"'{shared}' is also a step id: a step and an ending need different ids"))
    if scenario.start not in steps:
        problems.append(("start", f"'{scenario.start}' is not a step id (steps: {', '.join(steps)})"))
        return problems
    for sid, step in steps.items():
        for n, choice in enumerate(step.choices):
            if choice.next not in steps and choice.next not in endings:
                problems.append((
                    f"steps.{sid}.choices.{n}.next",
                    f"'{choice.next}' is neither a step nor an ending (steps: {', '.join(steps)}; endings: {', '.join(endings)})",
                ))
    reached = reachable_steps(scenario)
    for sid in steps:
        if sid not in reached:
            problems.append((f"steps.{sid}", f"this step can never be reached from the start step '{scenario.start}': "
                                             "let a choice lead to it, or remove it"))
    reached_endings = {c.next for sid in reached for c in steps[sid].choices if c.next in endings}
    if not reached_endings:
        problems.append(("endings", f"no ending can be reached from the start step '{scenario.start}': "
                                    "let at least one choice lead to an ending"))
        return problems
    for eid in endings:
        if eid not in reached_endings:
            problems.append((f"endings.{eid}", "no choice on a path from the start leads to this ending: link to it or remove it"))
    way_out = _steps_with_a_way_out(scenario)
    for sid in reached:
        if sid not in way_out:
            trapped = [s for s in reached if s not in way_out]
            problems.append((f"steps.{sid}", "a loop with no way out: from this step the choices only lead to "
                                             f"{', '.join(trapped)}, never to an ending"))
    return problems


def longest_path(scenario: Scenario) -> int:
    """Decision points on the longest path from the start that visits no step twice."""
    best = 0

    def walk(sid: str, depth: int, on_path: set[str]) -> None:
        nonlocal best
        best = max(best, depth)
        for choice in scenario.steps[sid].choices:
            if choice.next in scenario.steps and choice.next not in on_path:
                on_path.add(choice.next)
                walk(choice.next, depth + 1, on_path)
                on_path.discard(choice.next)

    if scenario.start in scenario.steps:
        walk(scenario.start, 1, {scenario.start})
    return best


# ---------------------------------------------------------------------------- loading

def load_scenarios(root: Path, modules: set[str]) -> dict[str, Scenario]:
    """Every ``scenarios/*.yml`` file, validated; raise ContentError(s) naming file and field."""
    from .course import _check_id, _collect, read_yaml

    folder = root / SCENARIOS_DIR
    found: dict[str, Scenario] = {}
    errors: list[ContentError] = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix()
        if path.suffix != ".yml":
            errors.append(ContentError(rel, "simulations are YAML files ending in .yml"))
            continue
        if _collect(errors, _check_id, path.stem, rel) is None:
            continue
        if path.stem in RESERVED_IDS:
            errors.append(ContentError(rel, f"'{path.stem}' is the name of another page under oefenen/: rename the file"))
            continue
        scenario = _collect(errors, lambda: parse(Scenario, read_yaml(path, root), rel))
        if scenario is None:
            continue
        if scenario.module not in modules:
            errors.append(ContentError(rel, f"'{scenario.module}' is not a module folder (known: {', '.join(sorted(modules)) or 'none'})",
                                       field="module"))
        errors.extend(ContentError(rel, problem, field=where) for where, problem in graph_problems(scenario))
        found[path.stem] = scenario
    raise_all(errors)
    return found
