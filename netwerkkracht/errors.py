"""One error type for every content mistake, so the build can name file, field and fix."""
from __future__ import annotations


class ContentError(Exception):
    """A content file does not match what the course engine expects.

    The message always reads ``file[:line]: field: what was expected`` so that an author
    can go straight to the spot.
    """

    def __init__(self, path: str, problem: str, *, field: str | None = None, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.field = field
        self.line = line
        where = self.path if line is None else f"{self.path}:{line}"
        what = problem if field is None else f"field '{field}': {problem}"
        super().__init__(f"{where}: {what}")


class ContentErrors(ContentError):
    """Several content mistakes found in one pass, reported together."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        Exception.__init__(self, "\n".join(str(e) for e in errors))
        self.path = errors[0].path
        self.problem = errors[0].problem
        self.field = errors[0].field
        self.line = errors[0].line


def raise_all(errors: list[ContentError]) -> None:
    """Raise the collected errors, if any, as one exception."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrors(errors)
