"""Command line: ``netwerkkracht check | linkcheck | benchmark``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .course import load_course
from .errors import ContentError


def check(root: Path) -> int:
    """Everything the build checks (content, components, links), without building the site."""
    from .mkdocs_check import check_project

    config = root / "mkdocs.yml"
    if not config.is_file():
        print(f"{config}: not found: run the check in the course folder (where mkdocs.yml is)", file=sys.stderr)
        return 2
    result = check_project(config)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    try:
        course = load_course(root)
        counts = (f"{len(course.modules)} modules, {len(course.exercises)} exercises, {len(course.videos)} videos, "
                  f"{len(course.tools)} tools, ")
        warned = _course_checks(course, root, [])  # in strict mode the build's hooks reported them above
    except (ContentError, UnicodeDecodeError):  # reported above, at the file and line
        counts, warned = "", []
    if warned:
        print(f"\n{len(warned)} content problem(s) listed but not counted (mkdocs.yml extra.content_checks: warn):",
              file=sys.stderr)
        for problem in warned:
            print(problem, file=sys.stderr)
    print(f"{counts}{result.pages} pages and {result.links} internal links checked: {len(result.problems)} problem(s)")
    return 1 if result.problems else 0


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
