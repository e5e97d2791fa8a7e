"""Every string a user reads outside the GUI has an English translation with the same
placeholders."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from danvan_desktop.core.i18n import load_ts_file, set_language, tr

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from i18n_extract import collect, data_strings  # noqa: E402

PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def _catalogue() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in sorted((ROOT / "resources" / "translations").glob("*_en.ts")):
        table.update(load_ts_file(path))
    return table


def _sources() -> list[tuple[str, str]]:
    src = ROOT / "src" / "danvan_desktop"
    paths = [p for p in src.iterdir() if p.name != "ui"]
    return collect(paths) + collect([ROOT / "src" / "danvan_server"]) + data_strings()


@pytest.mark.parametrize("item", _sources(), ids=lambda i: f"{i[0]}:{i[1][:40]}")
def test_string_has_english_translation(item: tuple[str, str]) -> None:
    """The string is translated, and the translation keeps every placeholder."""
    catalogue = _catalogue()
    assert item in catalogue, f"no English for {item}"
    assert set(PLACEHOLDER.findall(item[1])) == set(PLACEHOLDER.findall(catalogue[item]))


def test_tr_switches_language() -> None:
    """The same call answers in Vietnamese, then in English."""
    assert tr("vocab", "Tổ trưởng") == "Tổ trưởng"
    set_language("en")
    assert tr("vocab", "Tổ trưởng") == "Leader"
    set_language("vi")
