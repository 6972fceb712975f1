"""Build benchmark: builds the site from clean and prints figures; asserts nothing.

    python -m netwerkkracht.benchmark [--sizes 30 60] [--no-serve] [--no-bare] [--lighthouse N] [--keep DIR]

1. The real site against a bare-Material build of the same Markdown with the course components
   stripped: wall time, peak memory, page count and bytes per page (median and largest, split by
   HTML, CSS and JS), and the ratio between the two. With ``--lighthouse N``: Lighthouse mobile
   performance of both, as the median of N runs per page with every run's score (one run moves by
   1 to 4 points on this machine, for bare Material too).
2. Growth: the real course and synthetic courses of 30 and 60 modules made from it
   (netwerkkracht.synthetic): build time, peak memory, median and largest HTML per page,
   search-index size, link-check time, and the time from saving one page to the browser reload
   under ``mkdocs serve``.
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


def timed_build(config: Path, site: Path, strict: bool) -> tuple[float, float, float]:
    """Build in a child process; return (wall seconds, peak MiB, CPU seconds) of that child.

    CPU seconds (user + system) stay comparable when other work shares the machine."""
    code = (
        "import resource, subprocess, sys, json;"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps({'rc': p.returncode, 'maxrss': r.ru_maxrss, 'cpu': r.ru_utime + r.ru_stime,"
        " 'err': p.stderr[-4000:]}))"
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
    return seconds, info["maxrss"] / 1024, info["cpu"]


def report(label: str, seconds: float, peak: float, site: Path, cpu: float = 0.0) -> dict:
    weights = measure_site(site)
    stats = summary(weights)
    print(f"\n== {label}")
    print(f"wall time        {seconds:8.2f} s")
    print(f"CPU time         {cpu:8.2f} s")
    print(f"peak memory      {peak:8.1f} MiB")
    print(f"pages            {len(weights):8d}")
    print(f"{'bytes per page':<16} {'median':>10} {'largest':>10}")
    for kind in ("html", "css", "js", "total"):
        print(f"  {kind:<14} {stats[kind]['median'] / 1024:9.1f}K {stats[kind]['max'] / 1024:9.1f}K")
    external = sorted({u for w in weights for u in w.external})
    print(f"third-party URLs referenced by pages: {len(external)}" + (f" ({', '.join(external[:3])})" if external else ""))
    return {"stats": stats, "seconds": seconds, "cpu": cpu, "pages": len(weights)}


# ---------------------------------------------------------------------------- serve reload

def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """``mkdocs serve`` on a free port in a child process, with its log lines as they come."""

    def __init__(self, config: Path, timeout: float = 300):
        import queue
        import threading

        self.port, self.timeout = _free_port(), timeout
        self.url = f"http://127.0.0.1:{self.port}/"
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                                     cwd=config.parent)
        self.lines: queue.Queue = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=lambda: [self.lines.put((time.perf_counter(), line)) for line in self.proc.stdout],
                         daemon=True).start()

    def wait_for(self, text: str, after: float = 0, fail_on: tuple[str, ...] = ("ERROR", "Aborted")) -> float:
        """Time of the first log line after ``after`` that holds ``text``; SystemExit on an error line."""
        import queue

        deadline = time.perf_counter() + self.timeout
        while time.perf_counter() < deadline:
            try:
                stamp, line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            self.log.append(line)
            if stamp >= after and any(word in line for word in fail_on):
                raise SystemExit(f"mkdocs serve: {line.strip()}\n" + "".join(self.log[-30:]))
            if text in line and stamp >= after:
                return stamp
        raise SystemExit(f"mkdocs serve: no '{text}' within {self.timeout:.0f} s\n" + "".join(self.log[-30:]))

    def get(self, path: str) -> str:
        import urllib.request

        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.read().decode("utf-8")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def __enter__(self) -> "Served":
        self.wait_for("Serving on")
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve_reload(config: Path, page: Path, edits: int = 3) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds of the server) from saving ``page`` to MkDocs' "Reloading
    browsers", for each of ``edits`` edits. CPU seconds stay comparable on a busy machine.

    Starts ``mkdocs serve`` as an author would, waits for the first build, then appends a line to
    the page, waits for the rebuild, and repeats; the page is restored afterwards. ``page`` belongs to
    a copy of the course (``synthetic.make_course``), never to the project itself.
    """
    original = page.read_text(encoding="utf-8")
    times = []
    served = Served(config)
    try:
        served.__enter__()
        for n in range(edits):
            time.sleep(1.0)
            cpu = cpu_seconds(served.proc.pid)
            page.write_text(original + f"\n\nBenchmark-wijziging {n}.\n", encoding="utf-8")
            saved = time.perf_counter()
            wall = served.wait_for("Reloading browsers", saved) - saved
            times.append((wall, cpu_seconds(served.proc.pid) - cpu))
    finally:
        page.write_text(original, encoding="utf-8")
        served.close()
    return times


# ---------------------------------------------------------------------------- growth

def growth_row(config: Path, work: Path, serve: bool) -> dict:
    """Figures for one course: build, page sizes, search index, link check, serve reload."""
    import statistics

    from .linkcheck import check_site

    site = work / "site"
    seconds, peak, cpu = timed_build(config, site, strict=True)
    html = [w.bytes["html"] for w in measure_site(site)]
    index = site / "search" / "search_index.json"
    start = time.perf_counter()
    check_site(site)
    linkcheck = time.perf_counter() - start
    course = load_course(config.parent)
    row = {
        "modules": len(course.modules), "pages": len(html), "build": seconds, "cpu": cpu, "peak": peak,
        "html_median": statistics.median(html), "html_max": max(html),
        "site_html": sum(html), "search_index": index.stat().st_size if index.is_file() else 0,
        "linkcheck": linkcheck, "reload": None, "reload_cpu": None,
    }
    if serve:
        page = config.parent / course.modules[0].pages[1 if len(course.modules[0].pages) > 1 else 0]
        times = serve_reload(config, page)
        row["reload"] = statistics.median(t[0] for t in times)
        row["reload_cpu"] = statistics.median(t[1] for t in times)
    shutil.rmtree(site, ignore_errors=True)
    return row


def print_growth(rows: list[dict]) -> None:
    print("\n== Growth: the real course and synthetic courses made from it")
    print("(build and reload: wall time / CPU time; CPU time is what an idle machine would take)")
    print(f"{'modules':>7} {'pages':>5} {'build':>13} {'peak':>8} {'HTML/page median':>17} {'largest':>8} "
          f"{'all HTML':>9} {'search index':>12} {'link check':>10} {'serve reload':>13}")
    for r in rows:
        reload = f"{r['reload']:5.2f}/{r['reload_cpu']:5.2f}s" if r["reload"] is not None else f"{'-':>13}"
        print(f"{r['modules']:>7} {r['pages']:>5} {r['build']:5.2f}/{r['cpu']:5.2f}s {r['peak']:6.1f}Mi "
              f"{r['html_median'] / 1024:16.1f}K {r['html_max'] / 1024:7.1f}K {r['site_html'] / 1048576:8.1f}M "
              f"{r['search_index'] / 1024:11.1f}K {r['linkcheck']:9.2f}s {reload}")
    base = rows[0]
    for r in rows[1:]:
        print(f"{r['modules']} vs {base['modules']} modules: HTML per page (median) {r['html_median'] / base['html_median']:.2f}x, "
              f"build CPU {r['cpu'] / base['cpu']:.2f}x for {r['pages'] / base['pages']:.2f}x the pages"
              + (f", serve reload CPU {r['reload_cpu'] / base['reload_cpu']:.2f}x" if r["reload_cpu"] and base["reload_cpu"] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="keep the builds and synthetic courses in this folder")
    parser.add_argument("--sizes", type=int, nargs="*", default=[30, 60], help="synthetic course sizes (modules)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve-reload measurement")
    parser.add_argument("--no-bare", action="store_true", help="skip the comparison with bare Material")
    parser.add_argument("--lighthouse", type=int, default=0, metavar="N",
                        help="with the bare comparison: Lighthouse mobile performance, median of N runs per page")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nk-bench-")) if not args.keep else args.keep
    work.mkdir(parents=True, exist_ok=True)
    if not args.no_bare:
        compare_with_bare(work, args.lighthouse)
    from .synthetic import make_course

    # The real course is measured as a copy too: the serve-reload measurement edits a page, and the
    # project's own files must never be touched (a commit made meanwhile would carry the edit).
    real = make_course(ROOT, work / "course-real", len(load_course(ROOT).modules))
    rows = [growth_row(real, work / "course-real", serve=not args.no_serve)]
    for size in args.sizes:
        config = make_course(ROOT, work / f"course-{size}", size)
        rows.append(growth_row(config, work / f"course-{size}", serve=not args.no_serve))
        print_growth(rows)  # figures so far, in case a larger size takes long
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def compare_with_bare(work: Path, lighthouse_runs: int = 0) -> None:
    """The real site built from clean (no cached worksheets) and again with the cache, against bare Material."""
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)  # from clean: no cached worksheets or notebook
    secs, peak, cpu = timed_build(ROOT / "mkdocs.yml", work / "site", strict=True)
    print(f"\n== Netwerkkracht from clean (worksheets and notebook rendered): {secs:.2f} s wall, {cpu:.2f} s CPU")
    secs, peak, cpu = timed_build(ROOT / "mkdocs.yml", work / "site", strict=True)
    ours = report("Netwerkkracht (all features, cache of generated files present)", secs, peak, work / "site", cpu)

    bare_cfg = make_bare_project(ROOT, work / "bare")
    secs, peak, cpu = timed_build(bare_cfg, work / "bare-site", strict=False)
    bare = report("Bare Material, same Markdown, components stripped", secs, peak, work / "bare-site", cpu)

    print("\n== ratio (Netwerkkracht / bare Material)")
    print(f"build time       {ours['seconds'] / bare['seconds']:8.2f}x wall, {ours['cpu'] / bare['cpu']:.2f}x CPU")
    for kind in ("html", "css", "js", "total"):
        b = bare["stats"][kind]["median"] or 1
        print(f"median {kind:<9} {ours['stats'][kind]['median'] / b:8.2f}x")
    if lighthouse_runs:
        compare_lighthouse(work / "site", work / "bare-site", lighthouse_runs)


def compare_lighthouse(site: Path, bare_site: Path, runs: int) -> None:
    """Lighthouse mobile performance, median of `runs` runs per page, ours against bare Material."""
    from .quality import lighthouse
    from .quality.site import SiteServer

    print(f"\n== Lighthouse mobile performance, median of {runs} runs (every run in brackets)")
    pages, _ = lighthouse.lighthouse_pages(site)
    with SiteServer(site) as ours, SiteServer(bare_site) as bare:
        measured = [(label, page, ours.base) for label, page in pages]
        measured += [(f"bare Material {label}", page, bare.base) for label, page in pages[:2] if (bare_site / page).is_file()]
        for label, page, base in measured:
            run = lighthouse.measure(label, page, "mobile", base, runs)
            below = ", ".join(a for a in run.failing.get("performance", []))
            print(f"{label:<28} {run.scores.get('performance')!s:>4}  {run.spread or ''}  {run.error or below}")


if __name__ == "__main__":
    sys.exit(main())
