"""Every message of the reports box has an English translation in reports_en.ts."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from danvan_desktop.core.i18n import load_ts_file
from danvan_desktop.core.paths import resources_dir

REPORTS = Path(__file__).resolve().parents[2] / "src" / "danvan_desktop" / "reports"


def tr_calls() -> set[tuple[str, str]]:
    """(context, source) of every tr() call with literal arguments in reports/."""
    found: set[tuple[str, str]] = set()
    for path in REPORTS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
                context, source = node.args[:2]
                assert isinstance(context, ast.Constant) and isinstance(context.value, str)
                if isinstance(source, ast.Constant) and isinstance(source.value, str):
                    found.add((context.value, source.value))
    return found


def test_every_reports_message_is_translated() -> None:
    """No tr() text of reports/ is missing from the English catalogue."""
    catalogue = load_ts_file(resources_dir() / "translations" / "reports_en.ts")
    calls = tr_calls()
    assert len(calls) >= 10
    assert calls - catalogue.keys() == set()


def test_preset_labels_are_translated() -> None:
    """The labels read from the preset JSON files have English translations too."""
    catalogue = load_ts_file(resources_dir() / "translations" / "reports_en.ts")
    for name in ("state", "party"):
        path = resources_dir() / "presets" / f"{name}.json"
        label = json.loads(path.read_text(encoding="utf-8"))["label"]
        assert ("ReportPresets", label) in catalogue
