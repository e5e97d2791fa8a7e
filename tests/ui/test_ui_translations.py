"""The window's English: every string translated, and the compiled .qm files up to date.

We commit both the .ts (what translators edit) and the .qm (what Qt loads, so a
source checkout and the frozen app run without Qt's tools); this test compiles
each .ts with pyside6-lrelease and fails when the committed .qm differs, so the
two cannot drift apart.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_desktop.core.i18n import load_ts_file
from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.text import tr

ROOT = Path(__file__).parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
sys.path.insert(0, str(ROOT / "scripts"))
from i18n_extract import collect  # noqa: E402

PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")
UI_SOURCES = [ROOT / "src" / "danvan_desktop" / "ui", ROOT / "src" / "danvan_desktop" / "app.py"]


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    return found


UI_CATALOGUES = sorted(p.stem for p in TRANSLATIONS.glob("ui*_en.ts"))


def _ui_catalogue() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for name in UI_CATALOGUES:
        table.update(load_ts_file(TRANSLATIONS / f"{name}.ts"))
    return table


@pytest.mark.parametrize("item", collect(UI_SOURCES), ids=lambda i: f"{i[0]}:{i[1][:40]}")
def test_ui_string_has_english(item: tuple[str, str]) -> None:
    """Each window string has an English translation (in a ui*_en.ts) keeping its placeholders."""
    catalogue = _ui_catalogue()
    assert item in catalogue, f"no English for {item}: add it to a resources/translations/ui*_en.ts"
    assert set(PLACEHOLDER.findall(item[1])) == set(PLACEHOLDER.findall(catalogue[item]))


def test_every_ui_catalogue_is_installed_for_english() -> None:
    """The loader installs one compiled file per ui*_en.ts, so no part of the window stays
    Vietnamese in the English UI."""
    from danvan_desktop.ui.look import qm_files

    assert [p.stem for p in qm_files("en")] == UI_CATALOGUES
    assert all(p.exists() for p in qm_files("en"))


@pytest.mark.parametrize("name", [*UI_CATALOGUES, "qtbase_vi"])
def test_compiled_translation_is_up_to_date(name: str, tmp_path: Path) -> None:
    """The committed .qm is exactly what pyside6-lrelease makes of the .ts."""
    target = tmp_path / f"{name}.qm"
    subprocess.run(
        [_lrelease(), "-silent", str(TRANSLATIONS / f"{name}.ts"), "-qm", str(target)],
        check=True,
    )
    committed = TRANSLATIONS / f"{name}.qm"
    assert committed.read_bytes() == target.read_bytes(), (
        f"{committed.name} is stale: run pyside6-lrelease {name}.ts -qm {name}.qm"
    )


def test_qtbase_vi_is_complete() -> None:
    """Every Qt string we translate has a Vietnamese text."""
    table = load_ts_file(TRANSLATIONS / "qtbase_vi.ts")
    assert table[("QPlatformTheme", "Cancel")] == "Hủy"
    assert table[("QPlatformTheme", "&Yes")] == "&Có"
    assert table[("QLineEdit", "Select All")] == "Chọn tất cả"
    assert len(table) >= 100


def test_window_strings_switch_language(qapp: object) -> None:
    """tr answers in English once the English translator is installed, then in Vietnamese."""
    translations = Translations(qapp)  # type: ignore[arg-type]
    try:
        translations.apply("en")
        assert tr("MainWindow", "Tổng quan") == "Overview"
        assert tr("StatusBar", "Thay đổi chờ đồng bộ: {count}", count=3) == (
            "Changes waiting to sync: 3"
        )
    finally:
        translations.apply("vi")
    assert tr("MainWindow", "Tổng quan") == "Tổng quan"
