"""Run every gate once over a built site and collect the results."""
from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import accessibility, budget, lighthouse, printing, privacy, validity
from .common import ROOT, GateResult
from .site import SiteServer, build_site, html_pages

GATES = ("validity", "accessibility", "privacy", "print", "lighthouse", "budget")


@dataclass
class QualityRun:
    site: Path
    pages: list[str]
    results: dict[str, GateResult] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(r.passed or r.skipped for r in self.results.values())


def _timed(run: QualityRun, key: str, fn):
    start = time.perf_counter()
    try:
        result = fn()
    except Exception as exc:  # a gate that crashes fails, with the reason in the report
        result = GateResult(key, False, f"gate crashed: {type(exc).__name__}: {str(exc)[:500]}")
    run.seconds[key] = run.seconds.get(key, 0.0) + time.perf_counter() - start
    if result is not None:
        run.results[key] = result
    return result


def run_all(site: Path | None = None, gates=GATES, root: Path = ROOT, bare: bool = True,
            workdir: Path | None = None, log=print) -> QualityRun:
    """Build (if no site is given), serve and check the site; return every gate's result."""
    from .browser import in_browser, scan_pages

    gates = tuple(gates)
    total_start = time.perf_counter()
    tmp = Path(workdir or tempfile.mkdtemp(prefix="nk-quality-"))
    tmp.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    try:
        if site is None:
            log("quality: building the site")
            start = time.perf_counter()
            site = build_site(tmp / "site", root / "mkdocs.yml")
            timings["build site"] = time.perf_counter() - start
        site = Path(site)
        run = QualityRun(site, html_pages(site))
        run.seconds.update(timings)
        if not run.pages:
            run.results["site"] = GateResult("Site", False, f"no HTML page in {site}")
            return run
        bare_site, bare_error = None, None
        if bare and {"budget", "lighthouse"} & set(gates):
            log("quality: building bare Material from the same Markdown")
            start = time.perf_counter()
            try:
                from netwerkkracht.benchmark import make_bare_project

                config = make_bare_project(root, tmp / "bare")
                bare_site = build_site(tmp / "bare-site", config, retries=0)
            except BaseException as exc:  # make_bare_project / build may SystemExit on broken content
                bare_error = f"{type(exc).__name__}: {str(exc)[:400]}"
            run.seconds["build bare Material"] = time.perf_counter() - start
        if "validity" in gates:
            log(f"quality: Nu Html Checker on {len(run.pages)} pages")
            _timed(run, "validity", lambda: validity.gate(site, run.pages))
        need_browser = {"accessibility", "privacy", "print", "budget"} & set(gates)
        with SiteServer(site) as server:
            scans = {}
            bare_scans = None

            def browser_work(browser):  # runs in a thread of its own: see browser.in_browser
                nonlocal bare_scans
                schemes = ("light", "dark") if {"accessibility", "privacy"} & set(gates) else ("light",)
                use_axe = "accessibility" in gates
                for scheme in schemes:
                    log(f"quality: {len(run.pages)} pages in Chromium, {scheme} scheme"
                        + (" (axe, requests, console)" if use_axe else ""))
                    start = time.perf_counter()
                    scans[scheme] = scan_pages(browser, site, server.base, run.pages, scheme, axe=use_axe)
                    run.seconds[f"browser walk ({scheme})"] = time.perf_counter() - start
                    # Trainers project pages with their notes shown: check that view too.
                    trainer_pages = [p for p in run.pages if 'class="nk-trainer"' in (site / p).read_text(encoding="utf-8")]
                    if use_axe and trainer_pages:
                        log(f"quality: {len(trainer_pages)} pages with trainer notes, {scheme} scheme, trainer view")
                        start = time.perf_counter()
                        scans[f"{scheme}+trainer"] = scan_pages(browser, site, server.base, trainer_pages, scheme,
                                                                axe=True, view="trainer")
                        run.seconds[f"browser walk ({scheme}, trainer view)"] = time.perf_counter() - start
                if "print" in gates:
                    log("quality: print to PDF")
                    _timed(run, "print", lambda: printing.gate(browser, site, server.base))
                if "budget" in gates and bare_site is not None:
                    log("quality: bare Material pages in Chromium (requests)")
                    start = time.perf_counter()
                    with SiteServer(bare_site) as bare_server:
                        bare_pages = html_pages(bare_site)
                        bare_scans = scan_pages(browser, bare_site, bare_server.base, bare_pages, "light",
                                                axe=False, check_scheme=False)
                    run.seconds["browser walk (bare Material)"] = time.perf_counter() - start
            if need_browser:
                in_browser(browser_work)
            all_scans = [s for v in scans.values() for s in v]
            if "accessibility" in gates:
                _timed(run, "accessibility", lambda: accessibility.gate(all_scans))
            if "privacy" in gates:
                _timed(run, "privacy", lambda: privacy.gate(all_scans))
            if "lighthouse" in gates:
                log("quality: Lighthouse")
                if bare_site is not None:
                    with SiteServer(bare_site) as bare_server:
                        _timed(run, "lighthouse", lambda: lighthouse.gate(site, server.base, bare_site=bare_site,
                                                                          bare_base=bare_server.base))
                else:
                    _timed(run, "lighthouse", lambda: lighthouse.gate(site, server.base))
            if "budget" in gates:
                _timed(run, "budget", lambda: budget.gate(site, scans.get("light", []), bare_site, bare_scans, bare_error))
        run.seconds["total"] = time.perf_counter() - total_start
        return run
    finally:
        if workdir is None:
            shutil.rmtree(tmp, ignore_errors=True)
