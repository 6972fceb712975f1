"""Clock times for a session plan: when each activity starts, from a chosen start time.

The start comes from ``extra.workshop_start`` in mkdocs.yml ("09:30" when it is not set); the
trainer page lets a trainer pick another start in the browser, the printed trainer map uses the
configured one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_START = "09:30"
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.u]([0-5]\d)$")


def parse_start(text: object) -> int:
    """Minutes after midnight; ValueError with the expected form otherwise."""
    match = _TIME.match(str(text or "").strip())
    if not match:
        raise ValueError(f"'{text}' is not a time of day: write it as HH:MM, e.g. \"09:30\"")
    return int(match.group(1)) * 60 + int(match.group(2))


def clock(minutes_after_midnight: int) -> str:
    hours, minutes = divmod(minutes_after_midnight % (24 * 60), 60)
    return f"{hours:02d}:{minutes:02d}"


@dataclass(frozen=True)
class Slot:
    offset: int  # minutes after the start of the workshop
    start: str  # clock time, "10:05"
    step: object  # the SessionStep


def timeline(plan, start: str = DEFAULT_START) -> tuple[list[Slot], str]:
    """Every step of ``plan.session_plan`` with its clock time, and the time the workshop ends."""
    begin = parse_start(start)
    slots, offset = [], 0
    for step in plan.session_plan:
        slots.append(Slot(offset, clock(begin + offset), step))
        offset += step.minutes
    return slots, clock(begin + offset)
