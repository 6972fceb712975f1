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
