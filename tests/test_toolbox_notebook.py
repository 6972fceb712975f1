"""The analysis notebook runs from top to bottom on the sample data, and the data is valid."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "netwerkkaart-analyseren.ipynb"
DATA = ROOT / "docs" / "notebooks" / "data"

SECTORS = {"huishouden", "familie", "vrienden", "buren", "kennissen-verenigingen", "school-werk", "professionele-hulp"}
SUPPORT = {"emotioneel", "praktisch", "informatie", "gezelschap", "waardering"}
RECIPROCITY = {"wederzijds", "krijgt", "geeft", "onbekend"}


def test_sample_maps_use_the_export_format():
    files = sorted(DATA.glob("*.json"))
    assert len(files) >= 3, "ship a few sample maps for the team overview"
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["format"] == "netwerkkracht-netwerkkaart" and data["version"] == 1, path.name
        assert data["people"], path.name
        for p in data["people"]:
            assert 0 < len(p["name"]) <= 20
            assert p["sector"] in SECTORS and p["ring"] in (1, 2, 3) and p["reciprocity"] in RECIPROCITY
            assert set(p["support"]) <= SUPPORT


def test_notebook_markdown_is_dutch_and_says_the_data_is_fictional():
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert markdown.startswith("# Netwerkkaart analyseren")
    assert "fictief" in markdown and "Privacy" in markdown


def test_notebook_executes_without_errors(tmp_path):
    import nbformat
    from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor

    nb = nbformat.read(NOTEBOOK, as_version=4)
    runner = ExecutePreprocessor(timeout=300, kernel_name="python3")
    try:
        runner.preprocess(nb, {"metadata": {"path": str(NOTEBOOK.parent)}})
    except CellExecutionError as exc:  # pragma: no cover - the message names the failing cell
        pytest.fail(f"notebook failed:\n{exc}")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2, "expected a single map and a team overview"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "4 kaarten gelezen" in text and "Omvang" in text and "formeel" in text


def test_stored_outputs_are_present_for_the_site():
    """The site does not execute the notebook (execute: false): the committed file carries its outputs."""
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "run the notebook and save it with its outputs"
    assert NOTEBOOK.stat().st_size < 400_000, "keep the notebook small (lower figure dpi)"
