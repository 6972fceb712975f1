"""Build the site, list its pages and serve it on 127.0.0.1 for the browser gates."""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from .common import ROOT


class BuildFailed(RuntimeError):
    pass


def build_site(dest: Path, config: Path | None = None, retries: int = 2, strict: bool = False) -> Path:
    """`mkdocs build` into dest. The real site is edited concurrently: retry a failed build."""
    config = Path(config or ROOT / "mkdocs.yml")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for attempt in range(retries + 1):
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=config.parent)
        if proc.returncode == 0:
            return Path(dest)
        if attempt < retries:
            time.sleep(5)
    raise BuildFailed(f"build of {config} failed:\n{(proc.stderr or proc.stdout)[-4000:]}")


def html_pages(site: Path) -> list[str]:
    """Every HTML file of the built site, relative POSIX paths, 404.html included."""
    site = Path(site)
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def url_path(rel: str) -> str:
    """'index.html' -> '/', 'a/b/index.html' -> '/a/b/', '404.html' -> '/404.html'."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def module_page(site: Path) -> str | None:
    """The module page the print and Lighthouse gates use: the largest one with an exercise field."""
    site = Path(site)
    candidates = [p for p in (site / "modules").rglob("index.html")] if (site / "modules").is_dir() else []
    if not candidates:
        return None
    with_field = [p for p in candidates if "<textarea" in p.read_text(encoding="utf-8", errors="replace")]
    best = max(with_field or candidates, key=lambda p: (p.stat().st_size, p.as_posix()))
    return best.relative_to(site).as_posix()


_COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest"}
_GZIP_CACHE: dict[tuple[str, float], bytes] = {}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed like on any production host (GitHub Pages, nginx, Apache)."""

    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml", ".woff2": "font/woff2", ".webmanifest": "application/manifest+json"}

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        if not self._send_gzip(head_only=False):
            super().do_GET()

    def do_HEAD(self):
        if not self._send_gzip(head_only=True):
            super().do_HEAD()

    def _send_gzip(self, head_only: bool) -> bool:
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return False  # let the base class redirect to the slash URL
            path = path / "index.html"
        if not path.is_file() or path.suffix.lower() not in _COMPRESSIBLE:
            return False
        key = (str(path), path.stat().st_mtime)
        body = _GZIP_CACHE.get(key)
        if body is None:
            body = _GZIP_CACHE[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)
        return True

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        for name, value in getattr(self.server, "extra_headers", {}).items():  # e.g. a Content-Security-Policy
            self.send_header(name, value)
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that drops a keep-alive connection is normal, not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class SiteServer:
    """Serve a folder on http://127.0.0.1:<free port>/ from a daemon thread.

    with SiteServer(site) as server: server.url('/modules/')
    """

    def __init__(self, site: Path, port: int = 0, headers: dict[str, str] | None = None):
        self.site = Path(site)
        handler = functools.partial(_Handler, directory=str(self.site))
        self.httpd = _Server(("127.0.0.1", port), handler)
        self.httpd.extra_headers = dict(headers or {})
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str = "/") -> str:
        return self.base + path

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
