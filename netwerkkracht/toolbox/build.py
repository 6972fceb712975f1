"""Generate every tool's PDF, DOCX, preview image and page, with a cache.

``site_files(course, root, branding)`` yields ``(site path, content)`` pairs that the MkDocs hook adds to the
site. Generated binaries are never committed: they are rebuilt from ``catalog/tools.yml`` and kept
in ``.cache/toolbox/`` under a key made of the tool's data and the generator code, so an unchanged
tool costs a file read and a changed generator invalidates every tool.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..branding import DEFAULT, Branding
from ..pages import minutes, page_title, rel, sources_markdown
from ..schema import Tool
from ..sitepaths import INTERACTIVE_MAP_PAGE, NOTEBOOK_PAGE, tool_docx, tool_page, tool_pdf, tool_preview

log = logging.getLogger("mkdocs.plugins.netwerkkracht.toolbox")

CODE_VERSION = "1"  # bump to force a rebuild without code changes
_HERE = Path(__file__).resolve().parent
_GENERATOR_FILES = ("../schema.py", "geometry.py", "pdf.py", "docx.py", "build.py")
CACHE_DIR = Path(".cache") / "toolbox"
PREVIEW_WIDTH = 720  # pixels
MAP_DPI = 200

_DOWNLOAD = re.compile(r"^///\s*download\s*\|\s*([a-z0-9-]+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Outputs:
    pdf: bytes
    docx: bytes
    preview: bytes
    pages: int
    cached: bool


# ---------------------------------------------------------------------------- cache key

def _code_hash() -> str:
    """Generator code and library versions (read from metadata: importing WeasyPrint is slow)."""
    from importlib.metadata import version

    stamp = tuple((name, (_HERE / name).stat().st_mtime_ns) for name in _GENERATOR_FILES)
    return _code_hash_for(stamp, version("weasyprint"), version("python-docx"))


@functools.lru_cache(maxsize=4)
def _code_hash_for(stamp: tuple, weasyprint_version: str, docx_version: str) -> str:
    h = hashlib.sha256(CODE_VERSION.encode())
    for name, _ in stamp:
        h.update((_HERE / name).read_bytes())
    h.update(weasyprint_version.encode())
    h.update(docx_version.encode())
    return h.hexdigest()


def tool_key(tool: Tool, code: str | None = None, branding: Branding = DEFAULT) -> str:
    data = json.dumps(tool.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((data + (code or _code_hash()) + branding.key()).encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------- rendering

def pdf_page_png(pdf: bytes, *, page: int = 1, dpi: int | None = None, width: int | None = None) -> bytes:
    """One page of a PDF as PNG, rendered by poppler's ``pdftoppm``."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("pdftoppm is missing: install poppler-utils (scripts/setup.sh does)")
    with tempfile.TemporaryDirectory(prefix="nk-toolbox-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        cmd = [exe, "-png", "-f", str(page), "-l", str(page), "-singlefile"]
        cmd += ["-scale-to-x", str(width), "-scale-to-y", "-1"] if width else ["-r", str(dpi or 100)]
        subprocess.run([*cmd, str(src), str(Path(tmp) / "out")], check=True, capture_output=True, timeout=120)
        return (Path(tmp) / "out.png").read_bytes()


def render(tool: Tool, branding: Branding = DEFAULT) -> tuple[bytes, bytes, bytes, int]:
    from .docx import render_docx
    from .pdf import render_map_pdf, render_pdf

    pdf, pages = render_pdf(tool, branding)
    preview = pdf_page_png(pdf, width=PREVIEW_WIDTH)
    map_png = pdf_page_png(render_map_pdf(tool), dpi=MAP_DPI) if tool.layout == "netwerkkaart" else None
    return pdf, render_docx(tool, map_png, branding), preview, pages


def _cache_files(tool: Tool, cache_dir: Path, branding: Branding = DEFAULT) -> dict[str, Path]:
    base = cache_dir / f"{tool.id}-{tool_key(tool, branding=branding)}"
    return {ext: base.with_name(base.name + "." + ext) for ext in ("pdf", "docx", "png", "json")}


def _cached(tool: Tool, cache_dir: Path, branding: Branding = DEFAULT) -> Outputs | None:
    files = _cache_files(tool, cache_dir, branding)
    if not all(p.is_file() for p in files.values()):
        return None
    meta = json.loads(files["json"].read_text(encoding="utf-8"))
    return Outputs(files["pdf"].read_bytes(), files["docx"].read_bytes(), files["png"].read_bytes(), meta["pages"], True)


def generate(tool: Tool, cache_dir: Path, rendered: tuple | None = None, branding: Branding = DEFAULT) -> Outputs:
    """The tool's files, from the cache when the data, the branding and the generator are unchanged."""
    hit = _cached(tool, cache_dir, branding)
    if hit is not None:
        return hit
    files = _cache_files(tool, cache_dir, branding)
    base = files["pdf"].with_suffix("")
    pdf, docx_bytes, preview, pages = rendered or render(tool, branding)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{tool.id}-*.*"):
        if not stale.name.startswith(base.name + ".") and re.fullmatch(rf"{re.escape(tool.id)}-[0-9a-f]{{16}}\.\w+", stale.name):
            stale.unlink(missing_ok=True)
    for ext, content in (("pdf", pdf), ("docx", docx_bytes), ("png", preview), ("json", json.dumps({"pages": pages}).encode())):
        tmp = files[ext].with_suffix(f".{ext}.tmp{os.getpid()}")
        tmp.write_bytes(content)
        tmp.replace(files[ext])  # atomic: a parallel build never reads half a file
    return Outputs(pdf, docx_bytes, preview, pages, False)


def _render_missing(tools: list[Tool], branding: Branding = DEFAULT) -> dict[str, tuple]:
    """Render several tools in parallel processes when NK_TOOLBOX_JOBS > 1 (e.g. a CI runner with a
    cold cache). Off by default: forking inside ``mkdocs serve``, which runs threads, is unsafe."""
    jobs = int(os.environ.get("NK_TOOLBOX_JOBS", "1") or 1)
    if len(tools) < 2 or jobs < 2:
        return {}
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return {}
    workers = min(len(tools), jobs)
    if workers < 2:
        return {}
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return dict(zip((t.id for t in tools), pool.map(functools.partial(render, branding=branding), tools)))
    except (OSError, RuntimeError) as exc:  # no process pool here: render one by one instead
        log.debug("toolbox: parallel rendering unavailable (%s)", exc)
        return {}


# ---------------------------------------------------------------------------- pages

def tool_usage(course, root: Path) -> dict[str, list[tuple[str, str]]]:
    """Tool id -> [(site path, page title)] of the course pages that offer it."""
    found: dict[str, list[tuple[str, str]]] = {}
    candidates = [(src, Path(course.root) / src) for m in course.modules for src in m.pages]
    docs = root / "docs"
    if docs.is_dir():
        candidates += [(p.relative_to(docs).as_posix(), p) for p in sorted(docs.rglob("*.md")) if "includes" not in p.parts]
    for src, path in candidates:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for tool_id in _DOWNLOAD.findall(text):
            entry = (src, page_title(text, src))
            if entry not in found.setdefault(tool_id, []):
                found[tool_id].append(entry)
    return found


def _kb(n: int) -> str:
    return f"{max(1, round(n / 1024))} kB"


def tool_markdown(tool: Tool, out: Outputs, usage: list[tuple[str, str]], root: Path) -> str:
    here = tool_page(tool.id)
    pdf, docx_, preview = rel(here, tool_pdf(tool.id)), rel(here, tool_docx(tool.id)), rel(here, tool_preview(tool.id))
    lines = [
        "---",
        f"description: {json.dumps(tool.summary, ensure_ascii=False)}",
        "styles: [assets/netwerkkaart.css]",
        "---",
        "",
        f"# {tool.title}",
        "",
        tool.summary,
        "",
        '<div class="nk-tool" markdown>',
        "",
        '<figure class="nk-tool__voorbeeld" markdown>',
        f"![{tool.preview_alt}]({preview}){{ width=\"360\" loading=\"lazy\" }}",
        "</figure>",
        "",
        '<div class="nk-tool__downloads" markdown>',
        "",
        "**Downloaden**",
        "",
        f"- [Afdrukken: PDF (A4), {out.pages} pagina's, {_kb(len(out.pdf))}]({pdf}){{ download }}",
        f"- [Bewerken: Word-document (DOCX), {_kb(len(out.docx))}]({docx_}){{ download }}",
        "",
        f"**Duur**: ongeveer {minutes(tool.duration)}",
        "",
        "**Voor wie**: " + "; ".join(tool.audience),
        "",
        "</div>",
        "",
        "</div>",
        "",
        "## Wanneer gebruik je het?",
        "",
        tool.when,
        "",
        "## Zo ga je te werk",
        "",
        *[f"{i}. {step}" for i, step in enumerate(tool.how, start=1)],
        "",
    ]
    if tool.privacy:
        lines += [f"**Privacy.** {tool.privacy}", ""]
    lines += ["## Wat staat er op het werkblad?", ""]
    if tool.layout == "netwerkkaart":
        lines.append(f"- De kaart: {len(tool.map.rings)} ringen ({', '.join(r.lower() for r in tool.map.rings)}) "
                     f"en {len(tool.map.sectors)} sectoren ({', '.join(s.lower() for s in tool.map.sectors)})")
    lines += [f"- {s.heading}" for s in tool.sections]
    lines.append("")
    if tool.layout == "netwerkkaart" and (root / "docs" / INTERACTIVE_MAP_PAGE).is_file():
        lines += ["## Liever op het scherm?", "",
                  f"Met de [interactieve netwerkkaart]({rel(here, INTERACTIVE_MAP_PAGE)}) teken je dezelfde kaart in je "
                  "browser. Niets verlaat je computer; je bewaart de kaart als afbeelding of als bestand."]
        if (root / "docs" / NOTEBOOK_PAGE).is_file():
            lines[-1] += (f" Zo'n bestand kan je ook [analyseren]({rel(here, NOTEBOOK_PAGE)}), "
                          "bijvoorbeeld om de kaarten van een team te vergelijken.")
        lines.append("")
    if usage:
        lines += ["## In de cursus", "", *[f"- [{title}]({rel(here, src)})" for src, title in usage], ""]
    if tool.sources:
        lines += ["## Bronnen", "", sources_markdown(tool.sources)]
    lines += ["*Licentie: CC BY-SA 4.0. Je mag het werkblad aanpassen voor je eigen organisatie; vermeld dan de bron.*", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- site

def site_files(course, root: str | os.PathLike, branding: Branding = DEFAULT) -> Iterator[tuple[str, str | bytes]]:
    """Every generated toolbox file as (site source path, content)."""
    root = Path(root)
    started = time.perf_counter()
    cache_dir = root / CACHE_DIR
    usage = tool_usage(course, root)
    fresh = 0
    check_only = bool(os.environ.get("NK_CHECK_ONLY"))  # `netwerkkracht check`: pages and links, no rendering
    rendered = {} if check_only else _render_missing(
        [t for t in course.tools.values() if _cached(t, cache_dir, branding) is None], branding)
    for tool in course.tools.values():
        if check_only:
            out = _cached(tool, cache_dir, branding) or Outputs(b"", b"", b"", 0, True)
        else:
            out = generate(tool, cache_dir, rendered.get(tool.id), branding)
        fresh += not out.cached
        yield tool_page(tool.id), tool_markdown(tool, out, usage.get(tool.id, []), root)
        yield tool_pdf(tool.id), out.pdf
        yield tool_docx(tool.id), out.docx
        yield tool_preview(tool.id), out.preview
    if course.tools:
        log.info("Toolbox: %d tools (%d generated, %d from cache) in %.2f s", len(course.tools), fresh,
                 len(course.tools) - fresh, time.perf_counter() - started)
