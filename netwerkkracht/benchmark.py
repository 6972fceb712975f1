"""Build benchmark: builds the site from clean and prints figures; asserts nothing.

    python -m netwerkkracht.benchmark [--keep DIR]

Prints wall time, peak memory, page count and bytes per page (median and largest, split by
HTML, CSS and JS) for the real site and for a bare-Material build of the same Markdown with the
course components stripped, plus the ratio between the two.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .course import load_course
from .sitemetrics import measure_site, summary

ROOT = Path(__file__).resolve().parent.parent
BLOCK_LINE = re.compile(r"^\s*/{3,}.*$")
OPTION_LINE = re.compile(r"^    \w[\w-]*:")

BARE_CONFIG = """site_name: {name}
docs_dir: docs
theme:
  name: material
  language: nl
markdown_extensions:
  - abbr
  - attr_list
  - md_in_html
  - tables
  - toc
"""


def strip_components(markdown: str) -> str:
    """Markdown without course blocks: block fences and option lines go, the body text stays."""
    out, in_header = [], False
    for line in markdown.splitlines():
        if BLOCK_LINE.match(line):
            in_header = bool(line.strip().strip("/").strip())  # an opening line, not a closing one
            continue
        if in_header and OPTION_LINE.match(line):
            continue
        in_header = False
        out.append(line)
    return "\n".join(out) + "\n"


def make_bare_project(root: Path, target: Path) -> Path:
    """A plain Material project with the same pages (docs/ and modules/), components stripped."""
    docs = target / "docs"
    course = load_course(root)
    sources = [p for p in (root / "docs").rglob("*.md") if "includes" not in p.relative_to(root / "docs").parts]
    pairs = [(p, docs / p.relative_to(root / "docs")) for p in sources]
    for module in course.modules:
        for page in (*module.pages, module.trainer_page):
            pairs.append((root / page, docs / page))
    for src, dest in pairs:
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = src.read_text(encoding="utf-8")
        dest.write_text(strip_components(text), encoding="utf-8")
    for asset in (root / "docs").rglob("*"):
        if asset.is_file() and asset.suffix.lower() in (".svg", ".png", ".jpg", ".jpeg"):
            dest = docs / asset.relative_to(root / "docs")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, dest)
    (target / "mkdocs.yml").write_text(BARE_CONFIG.format(name="Bare Material"), encoding="utf-8")
    return target / "mkdocs.yml"


def timed_build(config: Path, site: Path, strict: bool) -> tuple[float, float, subprocess.CompletedProcess]:
    """Build in a child process; return (seconds, peak MiB of that child, process)."""
    code = (
        "import resource, subprocess, sys, json;"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps({'rc': p.returncode, 'maxrss': r.ru_maxrss, 'err': p.stderr[-4000:]}))"
    )
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, env=env, cwd=config.parent)
    seconds = time.perf_counter() - start
    import json

    info = json.loads(proc.stdout.strip().splitlines()[-1])
    if info["rc"] != 0:
        raise SystemExit(f"build of {config} failed:\n{info['err']}")
    return seconds, info["maxrss"] / 1024, proc


def report(label: str, seconds: float, peak: float, site: Path) -> dict:
    weights = measure_site(site)
    stats = summary(weights)
    print(f"\n== {label}")
    print(f"wall time        {seconds:8.2f} s")
    print(f"peak memory      {peak:8.1f} MiB")
    print(f"pages            {len(weights):8d}")
    print(f"{'bytes per page':<16} {'median':>10} {'largest':>10}")
    for kind in ("html", "css", "js", "total"):
        print(f"  {kind:<14} {stats[kind]['median'] / 1024:9.1f}K {stats[kind]['max'] / 1024:9.1f}K")
    external = sorted({u for w in weights for u in w.external})
    print(f"third-party URLs referenced by pages: {len(external)}" + (f" ({', '.join(external[:3])})" if external else ""))
    return {"stats": stats, "seconds": seconds, "pages": len(weights)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="keep both builds in this folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nk-bench-")) if not args.keep else args.keep
    work.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)  # from clean: no cached worksheets

    secs, peak, _ = timed_build(ROOT / "mkdocs.yml", work / "site", strict=True)
    ours = report("Netwerkkracht (all features)", secs, peak, work / "site")

    bare_cfg = make_bare_project(ROOT, work / "bare")
    secs, peak, _ = timed_build(bare_cfg, work / "bare-site", strict=False)
    bare = report("Bare Material, same Markdown, components stripped", secs, peak, work / "bare-site")

    print("\n== ratio (Netwerkkracht / bare Material)")
    print(f"build time       {ours['seconds'] / bare['seconds']:8.2f}x")
    for kind in ("html", "css", "js", "total"):
        b = bare["stats"][kind]["median"] or 1
        print(f"median {kind:<9} {ours['stats'][kind]['median'] / b:8.2f}x")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
