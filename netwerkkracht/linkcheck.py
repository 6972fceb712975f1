"""Check every internal link, anchor, image and download of a built site, offline.

External URLs are collected and checked for well-formedness only; ``--online`` fetches them
(a separate, documented command: CI has no network).

    python -m netwerkkracht.linkcheck site/ [--online] [--list-external]

The same check runs on a built site (``check_site``) and on rendered pages held in memory
(``check_documents``, used by ``netwerkkracht check``). Each failure is a ``Broken`` with the page,
the HTML line and the URL; ``netwerkkracht.sourcemap`` turns it into the Markdown file and line.
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import html
import os
import posixpath
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

LINK_ATTRS = {
    "a": "href", "link": "href", "area": "href",
    "img": "src", "script": "src", "source": "src", "track": "src", "video": "src",
    "audio": "src", "iframe": "src", "embed": "src",
}
LINK_RELS = {"stylesheet", "icon", "manifest", "preload", "alternate", "canonical", "prev", "next"}
IGNORED_SCHEMES = {"mailto", "tel", "data", "javascript", "blob"}
SKIP_PAGES = {"404.html"}  # MkDocs writes it with root-absolute links for any folder on the server

# One pass over the markup: comments and the bodies of <script>/<style> are skipped, start tags kept.
_TAG_REST = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""  # attributes; a quoted value may hold '>'
_TOKEN = re.compile(
    rf"<!--.*?-->|<(script|style)\b{_TAG_REST}>.*?</\1\s*>|<([a-zA-Z][\w-]*){_TAG_REST}>",
    re.S | re.I,
)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


@dataclass(frozen=True)
class Broken:
    """One failing link: the page (site-relative HTML path), the HTML line, the URL and the problem."""

    page: str
    line: int
    url: str
    kind: str  # "link", "anchor", "empty", "external", "scheme", "absolute"
    problem: str  # the sentence shown with the built page's name
    target: str = ""  # the site file a link or anchor points to
    fragment: str = ""

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.problem}"


@dataclass
class Report:
    pages: int = 0
    internal_links: int = 0
    broken: list[Broken] = field(default_factory=list)
    external_urls: list[str] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)  # page -> ids, for suggestions

    @property
    def errors(self) -> list[str]:
        return [str(b) for b in self.broken]


@dataclass(frozen=True)
class _Scan:
    ids: frozenset[str]
    links: tuple[tuple[str, str, int], ...]  # (tag, url, line)


def _attrs(text: str) -> dict[str, str]:
    out = {}
    for match in _ATTR.finditer(text):
        name = match.group(1).lower()
        value = next((g for g in match.group(2, 3, 4) if g is not None), "")
        out.setdefault(name, html.unescape(value))
    return out


def scan_html(text: str) -> _Scan:
    """Ids and links of one HTML page, with line numbers (fast: regular expressions, no DOM)."""
    ids: set[str] = set()
    found: list[tuple[str, str, int]] = []
    newlines: list[int] | None = None

    def line_of(offset: int) -> int:
        nonlocal newlines
        if newlines is None:
            newlines = [m.start() for m in re.finditer("\n", text)]
        return bisect.bisect_left(newlines, offset) + 1

    for match in _TOKEN.finditer(text):
        if match.group(1):  # <script ...>...</script> or <style>: only a script's src counts
            tag, raw = match.group(1).lower(), match.group(2)
        elif match.group(3):
            tag, raw = match.group(3).lower(), match.group(4)
        else:
            continue
        if not raw or ("id=" not in raw and "href" not in raw and "src" not in raw and "name=" not in raw):
            continue
        values = _attrs(raw)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                ids.add(values[key])
        attr = LINK_ATTRS.get(tag)
        if attr and attr in values:
            if tag == "link" and not (LINK_RELS & set(values.get("rel", "").split())):
                continue
            found.append((tag, values[attr], line_of(match.start())))
        if tag in ("img", "source") and values.get("srcset"):
            for part in values["srcset"].split(","):
                if part.strip():
                    found.append((tag, part.strip().split()[0], line_of(match.start())))
    return _Scan(frozenset(ids), tuple(found))


# Pages already scanned, by content hash, and each page's result with what it depended on:
# `mkdocs serve` rewrites every page on each rebuild, but only the edited ones change, so a
# rebuild re-checks only those (and the pages that link to an anchor in them).
_SCANS: dict[str, _Scan] = {}
_RESULTS: dict[str, tuple[str, str, dict[str, str], tuple]] = {}  # page -> (hash, files key, anchor targets' hashes, result)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _target(page_rel: str, path: str, is_dir: Callable[[str], bool]) -> str:
    """The site-relative file a relative URL path points to."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), urllib.parse.unquote(path)))
    if joined == ".":  # the site's root folder
        return "index.html"
    if path.endswith("/") or is_dir(joined):
        return posixpath.join(joined, "index.html")
    return joined


def check_documents(pages: dict[str, Callable[[], str]], exists: Callable[[str], bool],
                    is_dir: Callable[[str], bool], files_key: str | None = None) -> Report:
    """Check the links of ``pages`` (site-relative HTML path -> function returning its HTML).

    ``exists(path)`` tells whether a site file exists, ``is_dir(path)`` whether a folder does.
    With ``files_key`` (a digest of every file name of the site), a page whose HTML and anchor
    targets are as in the last check keeps its last result.
    """
    report = Report()
    hashes: dict[str, str] = {}

    def hash_of(rel: str) -> str:
        if rel not in hashes:
            text = pages[rel]()
            digest = hashes[rel] = _digest(text)
            if digest not in _SCANS:
                _SCANS[digest] = scan_html(text)
        return hashes[rel]

    def scan_of(rel: str) -> _Scan:
        return _SCANS[hash_of(rel)]

    external: set[str] = set()
    for rel in pages:
        if rel in SKIP_PAGES:
            continue
        report.pages += 1
        last = _RESULTS.get(rel) if files_key else None
        if last and last[0] == hash_of(rel) and last[1] == files_key and all(hash_of(t) == h for t, h in last[2].items()):
            internal, broken_links, urls = last[3]
        else:
            deps: dict[str, str] = {}

            def scan_target(target: str) -> _Scan:
                deps[target] = hash_of(target)
                return scan_of(target)

            internal, found, urls = 0, [], set()
            for tag, url, line in scan_of(rel).links:
                url = url.strip()
                broken = _check_one(rel, tag, url, line, exists, is_dir, scan_target, pages, urls)
                if broken is None:
                    internal += 1
                elif broken:
                    found.append(broken)
            broken_links = tuple(found)
            if files_key:
                _RESULTS[rel] = (hash_of(rel), files_key, deps, (internal, broken_links, urls))
        report.internal_links += internal
        report.broken.extend(broken_links)
        external |= urls
    report.external_urls = sorted(external)
    report.ids = {rel: set(scan_of(rel).ids) for rel in hashes}
    return report


def _check_one(rel, tag, url, line, exists, is_dir, scan_of, pages, external) -> Broken | None | bool:
    """A Broken for a failing link, None for a good internal one, False for one that is not checked here."""
    if not url:
        return Broken(rel, line, url, "empty", f"<{tag}> has an empty link")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in IGNORED_SCHEMES:
        return False
    if parts.scheme in ("http", "https") or url.startswith("//"):
        if not parts.netloc or " " in url or "." not in parts.netloc:
            return Broken(rel, line, url, "external", f"malformed external URL '{url}'")
        external.add(url)
        return False
    if parts.scheme:
        return Broken(rel, line, url, "scheme", f"unsupported link scheme in '{url}'")
    if url.startswith("/"):
        return Broken(rel, line, url, "absolute",
                      f"root-absolute link '{url}' breaks when the site is hosted in a sub-folder: use a relative link")
    target = rel
    if parts.path:
        target = _target(rel, parts.path, is_dir)
        if not exists(target):
            return Broken(rel, line, url, "link", f"broken link '{url}' (no file {target})", target=target)
    if parts.fragment and target.endswith(".html"):
        fragment = urllib.parse.unquote(parts.fragment)
        if target in pages and fragment not in scan_of(target).ids:
            return Broken(rel, line, url, "anchor", f"broken anchor '#{fragment}' in '{url}' (no such id in {target})",
                          target=target, fragment=fragment)
    return None


def check_site(site: Path) -> Report:
    site = Path(site)
    if not (site / "index.html").is_file():
        report = Report()
        report.broken.append(Broken(str(site), 0, "", "site", "no index.html, the site was not built"))
        return report
    files, folders = set(), set()
    for folder, dirs, names in os.walk(site):  # one walk instead of a file-system look-up per link
        rel = Path(folder).relative_to(site).as_posix()
        prefix = "" if rel == "." else rel + "/"
        folders.update(prefix + d for d in dirs)
        files.update(prefix + n for n in names)
    pages = {rel: (lambda p=site / rel: p.read_text(encoding="utf-8", errors="replace"))
             for rel in sorted(f for f in files if f.endswith(".html"))}
    files_key = _digest("\n".join(sorted(files)) + "\0" + "\n".join(sorted(folders)))
    return check_documents(pages, files.__contains__, folders.__contains__, files_key)


def check_online(urls: list[str], timeout: float = 15.0) -> list[str]:
    """Fetch each external URL (HEAD, then GET); return the ones that fail."""
    import urllib.request

    failures = []
    for url in urls:
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={"User-Agent": "netwerkkracht-linkcheck"})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    if response.status < 400:
                        break
            except Exception as exc:  # noqa: BLE001 - any failure is reported with its reason
                if method == "GET":
                    failures.append(f"{url}: {exc}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="site", help="folder of the built site")
    parser.add_argument("--online", action="store_true", help="also fetch every external URL (needs network)")
    parser.add_argument("--list-external", action="store_true", help="print the external URLs")
    args = parser.parse_args(argv)
    report = check_site(Path(args.site))
    for error in report.errors:
        print(error)
    if args.list_external:
        for url in report.external_urls:
            print("external:", url)
    print(f"{report.pages} pages, {report.internal_links} internal links checked, "
          f"{len(report.errors)} broken, {len(report.external_urls)} external URLs (syntax checked)")
    failures = check_online(report.external_urls) if args.online else []
    for failure in failures:
        print("external broken:", failure)
    if args.online:
        print(f"{len(report.external_urls) - len(failures)} of {len(report.external_urls)} external URLs answered")
    return 1 if report.errors or failures else 0


if __name__ == "__main__":
    sys.exit(main())
