"""Which module pages have no trainer note yet (``/// trainer``): the trainer view should change
something on every page (issue 13). Used by the content test and ``python -m netwerkkracht.classroom.notes``."""
from __future__ import annotations

import sys

from ..course import Course, load_course
from ..scan import find_components


def pages_without_trainer_note(course: Course) -> list[str]:
    """Module pages (the trainer pages themselves excepted) without a non-empty ``/// trainer`` block."""
    missing = []
    for module in course.modules:
        for src in module.pages:
            source = (course.root / src).read_text(encoding="utf-8")
            if not any(use.name == "trainer" and use.body.strip() for use, _ in find_components(source)):
                missing.append(src)
    return missing


def main(argv: list[str] | None = None) -> int:
    root = (argv or sys.argv[1:] or ["."])[0]
    missing = pages_without_trainer_note(load_course(root))
    for src in missing:
        print(src)
    print(f"{len(missing)} module page(s) without a trainer note", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
