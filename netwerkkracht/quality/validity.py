"""HTML validity gate: the Nu Html Checker (vnu.jar from npm vnu-jar) on every page, one Java run.

Zero errors allowed; warnings are listed, plain info messages only counted.
"""
from __future__ import annotations

import json
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .common import VNU_JAR, GateResult, java, require

NAME = "HTML validity (Nu Html Checker)"


@dataclass
class Message:
    kind: str      # "error", "warning" or "info"
    file: str
    line: int | None
    message: str
    extract: str


def validate_files(files: list[Path], root: Path | None = None) -> list[Message]:
    """Check HTML files in one vnu invocation; file names relative to root when given."""
    if not files:
        return []
    jar = require(VNU_JAR, "vnu.jar (npm vnu-jar)")
    cmd = [java(), "-Xss8m", "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always",
           *[str(f) for f in files]]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"vnu gave no JSON (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    out = []
    for m in report.get("messages", []):
        if m.get("type") == "info":
            kind = "warning" if m.get("subType") == "warning" else "info"
        else:  # "error" and "non-document-error" (file unreadable, I/O) both fail
            kind = "error"
        url = m.get("url", "")
        path = Path(url[5:] if url.startswith("file:") else url)
        if root is not None:
            try:
                path = path.resolve().relative_to(Path(root).resolve())
            except ValueError:
                pass
        out.append(Message(kind, path.as_posix(), m.get("lastLine"), m.get("message", ""),
                           " ".join((m.get("extract") or "").split())[:160]))
    return out


def gate(site: Path, pages: list[str]) -> GateResult:
    site = Path(site)
    messages = validate_files([site / p for p in pages], root=site)
    by_kind = Counter(m.kind for m in messages)
    lines: list[str] = []
    for kind in ("error", "warning"):
        grouped: dict[str, list[Message]] = defaultdict(list)
        for m in messages:
            if m.kind == kind:
                grouped[m.message].append(m)
        if grouped:
            lines.append(f"**{kind}s**:")
            for text, items in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
                files = sorted({f"{m.file}:{m.line}" for m in items})
                lines.append(f"- {len(items)}× {text} — {', '.join(files[:6])}{' …' if len(files) > 6 else ''}"
                             f" — `{items[0].extract}`")
    if by_kind["info"]:
        infos = Counter(m.message for m in messages if m.kind == "info")
        lines.append("Info (not listed as warnings): " + "; ".join(f"{n}× {t}" for t, n in infos.most_common(5)))
    summary = f"{by_kind['error']} error(s), {by_kind['warning']} warning(s) on {len(pages)} pages"
    return GateResult(NAME, by_kind["error"] == 0 and bool(pages), summary, lines,
                      data={"errors": by_kind["error"], "warnings": by_kind["warning"], "info": by_kind["info"]})
