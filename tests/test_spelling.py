"""Spelling of everything a reader sees, with hunspell's nl_BE dictionary plus the project's word lists.

When it fails it prints every unknown word with the pages it is on. Add real words (names,
established terms) to a list in tests/spelling/; fix the rest in the text.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from netwerkkracht.pagetext import course_pages

WORDLISTS = Path(__file__).parent / "spelling"


@pytest.fixture(scope="module")
def personal_dictionary(tmp_path_factory) -> Path:
    words = set()
    for path in sorted(WORDLISTS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.strip())
    target = tmp_path_factory.mktemp("spelling") / "words.dic"
    target.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    return target


def unknown_words(text: str, dictionary: Path) -> set[str]:
    # hunspell reads input in fixed-size buffers and would cut a long line mid-word: feed short lines.
    words = text.split()
    text = "\n".join(" ".join(words[i:i + 12]) for i in range(0, len(words), 12))
    result = subprocess.run(
        ["hunspell", "-d", "nl_BE", "-p", str(dictionary), "-l"],
        input=text, capture_output=True, text=True, check=True,
    )
    words = {w.strip(".,;:!?()[]'\"") for w in result.stdout.split()}
    return {w for w in words if any(c.isalpha() for c in w) and not any(c.isdigit() for c in w)}


def test_hunspell_knows_dutch_and_flags_mistakes(personal_dictionary):
    """The checker itself works: correct Dutch passes, a typo is caught."""
    assert shutil.which("hunspell"), "hunspell is not installed (bash scripts/setup.sh)"
    assert unknown_words("De hulpverlener praat met de cliënt over zijn netwerk.", personal_dictionary) == set()
    assert unknown_words("De hulpverlenner praat met de cliënt.", personal_dictionary) == {"hulpverlenner"}


def test_course_text_has_no_unknown_words(real_site, personal_dictionary):
    found: dict[str, set[str]] = {}
    for page, text in course_pages(real_site).items():
        if page.startswith("notebooks/"):
            continue
        for word in unknown_words(text, personal_dictionary):
            found.setdefault(word, set()).add(page)
    report = "\n".join(f"{w}: {', '.join(sorted(p)[:3])}" for w, p in sorted(found.items()))
    assert not found, f"{len(found)} unknown word(s):\n{report}"
