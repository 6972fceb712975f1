"""``bash dev.sh package``: the offline copy and the SCORM 1.2 package, as ZIP files in ``dist/``.

The online site keeps directory URLs (``modules/x/``). The offline copy is a second build of the
same project with its own settings, for a USB stick or a shared drive opened as ``file://``:

- ``use_directory_urls: false``: every link names its ``.html`` file, so no click shows a folder;
- no ``site_url``: every link stays relative to the page;
- ``extra.polyfills`` loads ``assets/offline/worker.js`` first: Material's search runs in a worker,
  which Chromium refuses to start from disk, so that script runs it in a hidden frame;
- the search index also becomes ``search/search_index.js``, which Material loads from ``file://``;
- every ``<script type="module">`` graph is joined into one classic script (esmodules.py), because
  Chromium refuses module scripts from disk.

The SCORM package (scorm.py) is the same offline site plus a launch page, its adapter and
``imsmanifest.xml``.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from .esmodules import join

ROOT = Path(__file__).resolve().parents[2]
WORKER_SHIM = "assets/offline/worker.js"
_MODULE_SRC = re.compile(r"<script\b(?=[^>]*\btype=[\"']module[\"'])(?=[^>]*\bsrc=[\"']([^\"']+)[\"'])[^>]*>\s*</script>")
_MODULE_INLINE = re.compile(r"<script\b(?=[^>]*\btype=[\"']module[\"'])(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


# ---------------------------------------------------------------------------- build

def build_offline(config_file: Path, site_dir: Path) -> Path:
    """Build the project's second, offline variant into ``site_dir`` (strict: a warning fails)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), use_directory_urls=False, strict=True)
    config["site_url"] = None
    config["extra"]["polyfills"] = [WORKER_SHIM, *(config["extra"].get("polyfills") or [])]
    config["extra"]["offline"] = True  # templates may ask: this copy is opened from disk
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


# ---------------------------------------------------------------------------- make it work from disk

def write_search_script(site: Path) -> bool:
    """search/search_index.js: what Material's bundle loads instead of the JSON from ``file://``."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return False
    (site / "search" / "search_index.js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
    return True


def join_module_scripts(site: Path) -> dict[str, str]:
    """Replace every module script of every page by one classic script; return {entry: joined file}."""
    site = Path(site).resolve()
    joined: dict[Path, Path] = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'type="module"' not in text and "type='module'" not in text:
            continue

        def from_src(match: re.Match) -> str:
            src = html.unescape(match.group(1))
            entry = (page.parent / src.split("?")[0].split("#")[0]).resolve()
            if entry not in joined:
                target = entry.with_name(entry.stem + ".offline.js")
                target.write_text(join(entry, site), encoding="utf-8")
                joined[entry] = target
            rel = os.path.relpath(joined[entry], page.parent).replace(os.sep, "/")
            return f'<script src="{html.escape(rel)}" defer></script>'

        def from_inline(match: re.Match) -> str:
            code = match.group(1)
            name = f"assets/javascripts/nk-module.{hashlib.sha256(code.encode()).hexdigest()[:8]}.offline.js"
            target = site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(join(page, site, entry_text=code), encoding="utf-8")
            joined[page] = target
            rel = os.path.relpath(target, page.parent).replace(os.sep, "/")
            return f'<script src="{html.escape(rel)}" defer></script>'

        new = _MODULE_INLINE.sub(from_inline, _MODULE_SRC.sub(from_src, text))
        if new != text:
            page.write_text(new, encoding="utf-8")
    return {str(k.relative_to(site)): str(v.relative_to(site)) for k, v in joined.items()}


def make_offline(site: Path) -> dict:
    """Everything the built offline variant needs to work from disk."""
    return {"search": write_search_script(site), "modules": join_module_scripts(site)}


# ---------------------------------------------------------------------------- archives

def zip_dir(folder: Path, archive: Path, prefix: str = "") -> Path:
    """A ZIP of ``folder`` (its contents under ``prefix``), files in a stable order."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    tmp = archive.with_suffix(archive.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            z.write(path, (prefix + path.relative_to(folder).as_posix()))
    tmp.replace(archive)
    return archive


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "cursus"


def package(config_file: Path = ROOT / "mkdocs.yml", out: Path = ROOT / "dist", log=print) -> dict[str, Path]:
    """Build the offline variant once; write the offline ZIP and the SCORM 1.2 ZIP."""
    from mkdocs.config import load_config

    from . import scorm

    name = slug(load_config(str(config_file))["site_name"])
    with tempfile.TemporaryDirectory(prefix="nk-package-") as tmp:
        start = time.perf_counter()
        site = build_offline(Path(config_file), Path(tmp) / "site")
        made = make_offline(site)
        log(f"package: offline build in {time.perf_counter() - start:.0f} s; search from disk: {made['search']}; "
            f"module scripts joined: {len(made['modules'])}")
        offline = zip_dir(site, Path(out) / f"{name}-offline.zip", prefix=f"{name}/")
        scorm_site = Path(tmp) / "scorm"
        shutil.copytree(site, scorm_site)
        scorm.add_to_site(scorm_site, Path(config_file))
        lms = zip_dir(scorm_site, Path(out) / f"{name}-scorm12.zip")
    for path in (offline, lms):
        log(f"package: {path.relative_to(Path(out).parent) if Path(out).parent in path.parents else path} "
            f"({path.stat().st_size / 1_048_576:.1f} MB)")
    return {"offline": offline, "scorm": lms}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m netwerkkracht.hosting.package", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "dist", help="folder for the ZIP files (default: dist/)")
    args = parser.parse_args(argv)
    try:
        package(args.config_file, args.out)
    except Exception as exc:  # a build or join error: say what, no traceback for a content mistake
        from mkdocs.exceptions import MkDocsException

        from ..errors import ContentError

        if isinstance(exc, (ContentError, MkDocsException)):
            print(f"package: {exc}", file=sys.stderr)
            return 1
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
