"""Shared pieces of the quality gates: paths to the npm tools, the browser flags, the result type."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = Path(os.environ.get("NK_NODE_MODULES", ROOT / "node_modules"))
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Flags that keep Chromium off the network and quiet: the gates run offline, in CI, as root.
CHROME_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCHEMES = {"light": "default", "dark": "slate"}  # emulated prefers-color-scheme -> Material scheme


class ToolMissing(RuntimeError):
    """An npm tool or Java is not installed: run scripts/setup.sh (npm ci)."""


def require(path: Path, what: str) -> Path:
    if not Path(path).exists():
        raise ToolMissing(f"{what} not found at {path}: run `npm ci` in {ROOT} (scripts/setup.sh does it)")
    return Path(path)


def java() -> str:
    exe = shutil.which("java")
    if not exe:
        raise ToolMissing("java not found: install default-jre-headless (scripts/setup.sh does it)")
    return exe


@dataclass
class GateResult:
    """Outcome of one gate: `passed` decides CI, `lines` is the Markdown for the report."""

    name: str
    passed: bool
    summary: str
    lines: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    skipped: bool = False

    @property
    def status(self) -> str:
        if self.skipped:
            return "skipped"
        return "pass" if self.passed else "FAIL"

    def __str__(self) -> str:
        return f"[{self.status}] {self.name}: {self.summary}"


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KB"
