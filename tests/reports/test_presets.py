"""The state and Party presets: values in Decree 30's ranges; clear errors when edited wrongly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import set_language
from danvan_desktop.reports.presets import Margins, load_preset, preset_label, presets_dir


def test_state_margins_lie_in_decree_30_ranges() -> None:
    """Top/bottom 20-25, left 30-35, right 15-20 mm: the preset uses 20/20/30/15."""
    assert load_preset("state").margins == Margins(top=20, bottom=20, left=30, right=15)


def test_state_body_style() -> None:
    """Body 14 pt, 1.27 cm first-line indent, 6 pt after, 1.15 line spacing."""
    body = load_preset("state").body
    assert (body.size_pt, body.first_line_indent_cm, body.space_after_pt, body.line_spacing) == (
        14,
        1.27,
        6,
        1.15,
    )


def test_state_top_right_block() -> None:
    """National name 13 pt bold, motto 14 pt bold with a rule."""
    preset = load_preset("state")
    lines = [(line.text, line.style.size_pt, line.style.bold) for line in preset.top_right_lines]
    assert lines == [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True),
        ("Độc lập - Tự do - Hạnh phúc", 14, True),
    ]
    assert preset.top_right_rule is True


def test_state_left_block_and_number() -> None:
    """Issuing body 13 pt bold caps with a short rule; number 13 pt in the state format."""
    preset = load_preset("state")
    assert (preset.issuing_body.size_pt, preset.issuing_body.bold, preset.issuing_body.caps) == (
        13,
        True,
        True,
    )
    assert preset.issuing_mark.kind == "rule"
    assert (preset.number.size_pt, preset.number_format) == (13, "state")


def test_state_recipients_sizes() -> None:
    """ "Nơi nhận:" 12 pt bold italic, items 11 pt."""
    preset = load_preset("state")
    heading = preset.recipients_heading
    assert (heading.size_pt, heading.bold, heading.italic) == (12, True, True)
    assert preset.recipients_item.size_pt == 11


def test_party_header_and_signature() -> None:
    """Party preset: the Party's name top right, "*" under the issuing body, "T/M" signatures."""
    preset = load_preset("party")
    assert [line.text for line in preset.top_right_lines] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert (preset.issuing_mark.kind, preset.issuing_mark.text) == ("text", "*")
    assert preset.number_format == "party"
    assert preset.on_behalf_of("Chi bộ") == "T/M CHI BỘ"


def test_party_preset_marks_its_guesses() -> None:
    """Values not confirmed against 36-HD/VPTW are listed as such."""
    unconfirmed = load_preset("party").unconfirmed
    assert "page.margins_mm" in unconfirmed
    assert "header.top_right_lines" in unconfirmed


def copy_presets(tmp_path: Path) -> Path:
    folder = tmp_path / "presets"
    shutil.copytree(presets_dir(), folder)
    return folder


def edit(folder: Path, name: str, change: object) -> None:
    path = folder / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_corrected_value_is_read_without_code(tmp_path: Path) -> None:
    """Editing the JSON changes the layout: here the left margin becomes 35 mm."""
    folder = copy_presets(tmp_path)
    edit(folder, "party", lambda data: data["page"]["margins_mm"].update(left=35))
    assert load_preset("party", folder).margins.left == 35


def test_missing_key_is_named(tmp_path: Path) -> None:
    """A deleted entry is reported by its dotted key and file."""
    folder = copy_presets(tmp_path)
    edit(folder, "state", lambda data: data["body"].pop("size_pt"))
    with pytest.raises(DanvanError, match=r"state\.json, mục “body\.size_pt”: thiếu mục này"):
        load_preset("state", folder)


def test_wrong_type_is_named(tmp_path: Path) -> None:
    """A text where a number belongs is reported."""
    folder = copy_presets(tmp_path)
    edit(folder, "state", lambda data: data["page"]["margins_mm"].update(top="20mm"))
    with pytest.raises(DanvanError, match=r"page\.margins_mm\.top.*cần một số không âm"):
        load_preset("state", folder)


def test_typo_in_unconfirmed_list_is_reported(tmp_path: Path) -> None:
    """An unconfirmed key that does not exist would hide an unchecked value."""
    folder = copy_presets(tmp_path)
    edit(folder, "party", lambda data: data["unconfirmed"].append("page.margin"))
    with pytest.raises(DanvanError, match=r"“page\.margin”"):
        load_preset("party", folder)


def test_unreadable_json_is_reported(tmp_path: Path) -> None:
    """Broken JSON gives a message naming the file."""
    folder = copy_presets(tmp_path)
    (folder / "state.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(DanvanError, match="Không đọc được mẫu trình bày"):
        load_preset("state", folder)


def test_unknown_preset_is_reported() -> None:
    """Asking for a preset that does not exist names it."""
    with pytest.raises(DanvanError, match="Không có mẫu trình bày “huyen”"):
        load_preset("huyen")


def test_error_in_english_interface() -> None:
    """The same error reads in English when the interface is English."""
    set_language("en")
    with pytest.raises(DanvanError, match="There is no layout preset “huyen”"):
        load_preset("huyen")


def test_preset_label_is_translated() -> None:
    """The picker label of the Party preset in English."""
    set_language("en")
    assert preset_label("party") == "Party document (Guidance 36-HD/VPTW)"
