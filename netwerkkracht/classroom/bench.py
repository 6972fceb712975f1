"""What the classroom files add to a build: time cold and with a warm cache, and their bytes.

    python -m netwerkkracht.classroom.bench [--site DIR]

Runs the classroom step of the build (decks, hand-outs, trainer maps, reader, print page) three
times in this process on the real course: with an empty PDF cache (a first build), with that cache
filled (every later build), and as a rebuild under ``mkdocs serve``; each time it also renders the
deck pages' Markdown as MkDocs would. Prints wall and CPU seconds (CPU stays comparable on a busy
machine) and the bytes of every deck and PDF. With ``--site`` it also reads the built decks' HTML.
"""
from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _config(root: Path):
    """The site's configuration as the build sees it, and its branding (read before the hooks rewrite it)."""
    from mkdocs.config import load_config

    from ..branding import load_branding

    config = load_config(str(root / "mkdocs.yml"))
    branding = load_branding(config.extra, config.docs_dir)
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config), branding


def _run(course, root, config, settings, cache: Path, serving: bool) -> tuple[float, float, dict]:
    import markdown

    from .build import site_files

    wall, cpu = time.perf_counter(), time.process_time()
    outputs = dict((uri, content) for uri, content, _ in site_files(
        course, root, settings, config.markdown_extensions, config.mdx_configs, Path(config.docs_dir),
        serving=serving, cache_dir=cache))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    for uri, content in list(outputs.items()):
        if uri.startswith("presentaties/"):
            md.reset()
            outputs[uri + ".html"] = md.convert(re.sub(r"\A---\n.*?\n---\n", "", content, flags=re.S))
    return time.perf_counter() - wall, time.process_time() - cpu, outputs


def _kb(n: int) -> str:
    return f"{n / 1024:8.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site: also report the decks' HTML as served")
    args = parser.parse_args(argv)
    from ..course import load_course
    from .build import SERVE, _SERVED, settings_from

    config, branding = _config(ROOT)
    course = load_course(ROOT)
    settings = settings_from(config.site_name, dict(config.extra), branding)
    with tempfile.TemporaryDirectory(prefix="nk-classroom-bench-") as tmp:
        cache = Path(tmp)
        cold = _run(course, ROOT, config, settings, cache, serving=False)
        warm = _run(course, ROOT, config, settings, cache, serving=False)
        _SERVED.clear()
        SERVE["on"] = True
        _run(course, ROOT, config, settings, cache, serving=True)  # the first build under serve
        served = _run(course, ROOT, config, settings, cache, serving=True)  # a rebuild after an edit
        SERVE["on"] = False
    outputs = cold[2]
    print("== classroom files: decks, hand-outs, trainer maps, course reader, print page")
    print(f"{'':24} {'wall':>9} {'CPU':>9}")
    for label, (wall, cpu, _) in (("cold (empty PDF cache)", cold), ("warm (cache filled)", warm),
                                  ("mkdocs serve rebuild", served)):
        print(f"{label:24} {wall:8.2f}s {cpu:8.2f}s")
    pdfs = {u: c for u, c in outputs.items() if u.endswith(".pdf")}
    decks = {u: c for u, c in outputs.items() if u.endswith(".md.html")}
    print(f"\nPDFs: {len(pdfs)}, together {_kb(sum(len(c) for c in pdfs.values())).strip()}")
    for uri, content in sorted(pdfs.items()):
        print(f"  {uri:<52} {_kb(len(content))}")
    print(f"\nDecks: {len(decks)} (slide markup), together {_kb(sum(len(c.encode()) for c in decks.values())).strip()}")
    for uri, content in sorted(decks.items()):
        slides = content.count('class="nk-dia nk-dia--')
        print(f"  {uri.removesuffix('.html'):<52} {_kb(len(content.encode()))} {slides:4d} slides")
    assets = ROOT / "overrides" / "assets"
    for name in ("presentatie.js", "presentatie.css", "draaiboek.js"):
        print(f"  assets/{name:<45} {_kb((assets / name).stat().st_size)}")
    if args.site:
        pages = sorted((args.site / "presentaties").glob("*/index.html"))
        total = sum(p.stat().st_size for p in pages)
        print(f"\nBuilt deck pages in {args.site}: {len(pages)}, together {_kb(total).strip()} of HTML "
              f"(largest {_kb(max(p.stat().st_size for p in pages)).strip()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
