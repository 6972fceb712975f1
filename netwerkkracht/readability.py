"""Print a readability figure (Flesch-Douma, the Dutch Flesch formula) for every course page.

    python -m netwerkkracht.readability [SITE]

Higher is easier: 60-70 is plain language for adults, 30-50 is professional text. It prints
figures and judges nothing: use it to spot pages that need shorter sentences.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from .pagetext import course_pages

ROOT = Path(__file__).resolve().parent.parent


def scores(site: Path) -> list[tuple[str, int, float]]:
    import textstat

    textstat.set_lang("nl")
    out = []
    for page, text in course_pages(site).items():
        words = len(text.split())
        if words < 80:  # too little text for a meaningful score
            continue
        out.append((page, words, textstat.flesch_reading_ease(text)))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    site = Path(argv[0]) if argv else ROOT / "site"
    if not (site / "index.html").exists():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, check=True)
    rows = scores(site)
    print(f"{'page':<60} {'words':>6} {'Flesch-Douma':>13}")
    for page, words, score in rows:
        print(f"{page:<60} {words:>6} {score:>13.1f}")
    if rows:
        values = [s for _, _, s in rows]
        print(f"\n{len(rows)} pages; median {statistics.median(values):.1f}, lowest {min(values):.1f}, highest {max(values):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
