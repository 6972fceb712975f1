"""Fixtures shared by all tests."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import FIXTURE, build, copy_fixture  # noqa: E402


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture course, built once (strict) for tests that only read it."""
    project = copy_fixture(tmp_path_factory.mktemp("fixture"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def course_copy(tmp_path) -> Path:
    """A fresh copy of the fixture course that a test may break."""
    return copy_fixture(tmp_path)


@pytest.fixture(scope="session")
def fixture_root() -> Path:
    return FIXTURE


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real course site, built once with --strict (the hook also runs the link check)."""
    from helpers import ROOT

    site = tmp_path_factory.mktemp("real") / "site"
    result = build(ROOT, site)
    assert result.returncode == 0, f"strict build of the real site failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    return site
