"""Command line: ``netwerkkracht check | linkcheck | benchmark``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .course import load_course
from .errors import ContentError, ContentErrors
from .scan import check_page


def check(root: Path) -> int:
    """Validate every content file and every component without building the site."""
    try:
        course = load_course(root)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    errors: list[str] = []
    pages = [p for p in sorted((root / "docs").rglob("*.md")) if "includes" not in p.parts]
    pages += [root / page for m in course.modules for page in (*m.pages, m.trainer_page)]
    for path in pages:
        try:
            check_page(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix(), course)
        except ContentErrors as exc:
            errors.extend(str(e) for e in exc.errors)
        except ContentError as exc:
            errors.append(str(exc))
    warned = _course_checks(course, root, errors)
    for error in errors:
        print(error, file=sys.stderr)
    if warned:
        print(f"\n{len(warned)} content problem(s) listed but not counted (mkdocs.yml extra.content_checks: warn):",
              file=sys.stderr)
        for problem in warned:
            print(problem, file=sys.stderr)
    print(f"{len(course.modules)} modules, {len(course.exercises)} exercises, {len(course.videos)} videos, "
          f"{len(course.tools)} tools, {len(pages)} pages checked: {len(errors)} problem(s)")
    return 1 if errors else 0


def _course_checks(course, root: Path, errors: list[str]) -> list[str]:
    """Run the course-wide checks; add what counts to ``errors``, return what is only listed (warn mode)."""
    from .coursechecks import mode_from_config, run

    found = run(course)
    errors.extend(str(e) for e in found.invalid)
    try:
        mode = mode_from_config(root)
    except ContentError as exc:
        errors.append(str(exc))
        mode = "strict"
    problems = [str(e) for e in found.problems]
    if mode == "warn":
        return problems
    errors.extend(problems)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="netwerkkracht")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="validate the course content without building")
    p_check.add_argument("root", nargs="?", default=".", type=Path)
    sub.add_parser("linkcheck", help="check links of a built site (see --help)", add_help=False)
    sub.add_parser("benchmark", help="build from clean and print figures", add_help=False)
    args, rest = parser.parse_known_args(argv)
    if args.command == "check":
        return check(args.root.resolve())
    if args.command == "linkcheck":
        from .linkcheck import main as linkcheck

        return linkcheck(rest)
    from .benchmark import main as benchmark

    return benchmark(rest)


if __name__ == "__main__":
    sys.exit(main())
