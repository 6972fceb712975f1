"""Check every internal link, anchor, image and download of a built site, offline.

External URLs are collected and checked for well-formedness only; ``--online`` fetches them
(a separate, documented command: CI has no network).

    python -m netwerkkracht.linkcheck site/ [--online] [--list-external]
"""
from __future__ import annotations

import argparse
import posixpath
import sys
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

LINK_ATTRS = {
    "a": "href", "link": "href", "area": "href",
    "img": "src", "script": "src", "source": "src", "track": "src", "video": "src",
    "audio": "src", "iframe": "src", "embed": "src",
}
IGNORED_SCHEMES = {"mailto", "tel", "data", "javascript", "blob"}
SKIP_PAGES = {"404.html"}  # MkDocs writes it with root-absolute links for any folder on the server


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, int]] = []  # (tag, url, line)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        attr = LINK_ATTRS.get(tag)
        if attr and values.get(attr) is not None:
            if tag == "link" and not ({"stylesheet", "icon", "manifest", "preload", "alternate", "canonical", "prev", "next"}
                                      & set((values.get("rel") or "").split())):
                return
            self.links.append((tag, values[attr], self.getpos()[0]))
        if tag in ("img", "source") and values.get("srcset"):
            for part in values["srcset"].split(","):
                if part.strip():
                    self.links.append((tag, part.strip().split()[0], self.getpos()[0]))


@dataclass
class Report:
    pages: int = 0
    internal_links: int = 0
    errors: list[str] = field(default_factory=list)
    external_urls: list[str] = field(default_factory=list)


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target_file(site: Path, page_rel: str, path: str) -> tuple[Path, str]:
    """The file a relative URL path points to, and its site-relative name."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), urllib.parse.unquote(path)))
    candidate = site / joined
    if path.endswith("/") or candidate.is_dir():
        return candidate / "index.html", posixpath.join(joined, "index.html")
    return candidate, joined


def check_site(site: Path) -> Report:
    site = Path(site)
    report = Report()
    if not (site / "index.html").is_file():
        report.errors.append(f"{site}: no index.html, the site was not built")
        return report
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed: dict[str, _PageParser] = {}

    def ids_of(rel: str) -> set[str]:
        if rel not in parsed:
            parsed[rel] = _parse(pages[rel])
        return parsed[rel].ids

    external: set[str] = set()
    for rel, path in pages.items():
        if rel in SKIP_PAGES:
            continue
        report.pages += 1
        if rel not in parsed:
            parsed[rel] = _parse(path)
        for tag, url, line in parsed[rel].links:
            where = f"{rel}:{line}"
            url = url.strip()
            if not url:
                report.errors.append(f"{where}: <{tag}> has an empty link")
                continue
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in IGNORED_SCHEMES:
                continue
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if not parts.netloc or " " in url or "." not in parts.netloc:
                    report.errors.append(f"{where}: malformed external URL '{url}'")
                else:
                    external.add(url)
                continue
            if parts.scheme:
                report.errors.append(f"{where}: unsupported link scheme in '{url}'")
                continue
            if url.startswith("/"):
                report.errors.append(f"{where}: root-absolute link '{url}' breaks when the site is hosted in a sub-folder: use a relative link")
                continue
            report.internal_links += 1
            if parts.path:
                target, target_rel = _target_file(site, rel, parts.path)
                if not target.is_file():
                    report.errors.append(f"{where}: broken link '{url}' (no file {target_rel})")
                    continue
            else:
                target_rel = rel
            if parts.fragment and target_rel.endswith(".html"):
                fragment = urllib.parse.unquote(parts.fragment)
                if target_rel in pages and fragment not in ids_of(target_rel):
                    report.errors.append(f"{where}: broken anchor '#{fragment}' in '{url}' (no such id in {target_rel})")
    report.external_urls = sorted(external)
    return report


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
