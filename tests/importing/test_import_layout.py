"""Headings matched folded, the header row found below a title, columns remapped, old
encodings refused by column."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import TCVN3_NAMES, member_list, workbook

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.importing.layout import FILE, check_choices, column_letter, make_layout
from danvan_desktop.importing.sources import Sheet, read_source
from danvan_desktop.importing.targets import MEMBER_TARGET, MODEL_TARGET, TARGETS


@pytest.mark.parametrize(
    "heading",
    ["Họ và tên", "Họ tên", "HỌ VÀ TÊN", "Ho va ten", "Họ, tên", "Họ và tên (*)", "  họ  và TÊN "],
)
def test_the_ways_of_heading_a_name_all_match_the_members_name(heading: str) -> None:
    """Headings are folded (marks, case, punctuation, notes) before they are matched."""
    assert MEMBER_TARGET.heading_index().field_for(heading) == "full_name"


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Ngày sinh", "birth_year"),
        ("Chức vụ", "position"),
        ("Số điện thoại", "phone"),
        ("SĐT", "phone"),
        ("Số điện thoại liên hệ", "phone"),
        ("Vai trò", "role"),
    ],
)
def test_member_headings(heading: str, field: str) -> None:
    """The usual headings of a roster, a longer one by the words it starts with."""
    assert MEMBER_TARGET.heading_index().field_for(heading) == field


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Tên mô hình", "name"),
        ("Lĩnh vực", "field_code"),
        ("TÌNH TRẠNG", "status"),
        ("Năm đăng ký", "year"),
        ("Nội dung, cách làm", "content"),
    ],
)
def test_model_headings(heading: str, field: str) -> None:
    """The usual headings of a model list, the export's among them."""
    assert MODEL_TARGET.heading_index().field_for(heading) == field


def test_every_targets_headings_lead_to_one_field_each() -> None:
    """No folded heading of a kind leads to two fields (the index would refuse it)."""
    for target in TARGETS.values():
        assert target.heading_index().field_for("") is None


def test_the_header_row_is_found_below_a_title_and_a_merged_header(tmp_path: Path) -> None:
    """Row 4 of a two-row header is the header row; the headings merged down over both
    rows are read from the row above."""
    sheet = read_source(member_list(tmp_path / "tv.xlsx")).sheet
    layout = make_layout(sheet, MEMBER_TARGET)
    assert layout.header_row == 4
    assert [(c.letter, c.heading, c.field) for c in layout.columns] == [
        ("A", "STT", None),
        ("B", "HỌ VÀ TÊN", "full_name"),
        ("C", "Ngày sinh", "birth_year"),
        ("D", "Chức vụ", "position"),
        ("E", "Vai trò", "role"),
        ("F", "Số điện thoại", "phone"),
    ]
    assert layout.problems == ()


def test_the_user_chooses_the_header_row(tmp_path: Path) -> None:
    """A header row given is kept, even where another would match more."""
    sheet = read_source(member_list(tmp_path / "tv.xlsx")).sheet
    assert make_layout(sheet, MEMBER_TARGET, header_row=3).header_row == 3


def test_a_column_is_given_another_field_or_none() -> None:
    """A chosen field wins over a matched one; the column that had it loses it."""
    sheet = Sheet("ds", [("Họ và tên", "Ghi chú", "Điện thoại")])
    layout = make_layout(sheet, MEMBER_TARGET, chosen={1: "phone", 0: "full_name"})
    assert [c.field for c in layout.columns] == ["full_name", "phone", None]
    assert [c.chosen for c in layout.columns] == [True, True, False]


def test_a_second_column_for_the_same_field_is_left_out() -> None:
    """Two «Họ và tên» columns: the first is taken, the second left out."""
    sheet = Sheet("ds", [("Họ và tên", "Họ tên"), ("A", "B")])
    assert [c.field for c in make_layout(sheet, MEMBER_TARGET).columns] == ["full_name", None]


def test_a_required_field_without_a_column_keeps_the_file_out() -> None:
    """A model list without «Lĩnh vực» says which column is needed."""
    sheet = Sheet("ds", [("Tên mô hình",), ("Đường hoa",)])
    problems = make_layout(sheet, MODEL_TARGET).problems
    assert [p.field for p in problems] == [FILE]
    assert problems[0].message == (
        "Chưa có cột nào cho «Lĩnh vực» (bắt buộc): hãy chọn cột ghi lĩnh vực trong bảng các "
        "cột, hoặc thêm cột đó vào tệp."
    )


def test_a_tcvn3_column_is_refused_naming_it_and_the_way_to_convert(tmp_path: Path) -> None:
    """Names typed in TCVN3 refuse the file: the column, the row, the text and Unikey."""
    path = workbook(
        tmp_path / "cu.xlsx",
        [["Họ và tên", "Chức vụ"], [TCVN3_NAMES[0], "Bí thư chi bộ"], [TCVN3_NAMES[1], None]],
    )
    layout = make_layout(read_source(path).sheet, MEMBER_TARGET)
    assert [p.field for p in layout.problems] == ["column:A"]
    assert layout.problems[0].message == (
        "Cột A «Họ và tên» có chữ gõ bằng bảng mã cũ TCVN3 (dòng 2: «NguyÔn V¨n An»), không "
        "phải Unicode: hãy mở tệp bằng Excel, chép bảng vào bộ nhớ, dùng công cụ «Chuyển mã» "
        "của Unikey (nguồn TCVN3, đích Unicode) rồi dán lại và lưu tệp; sau đó nhập lại."
    )


def test_an_old_encoding_in_a_column_left_out_does_not_matter() -> None:
    """A TCVN3 note in a column not taken in keeps nothing out."""
    sheet = Sheet("ds", [("Họ và tên", "Ghi chú"), ("Lê Thị Hoa", "Gia ®×nh v¨n hãa")])
    assert make_layout(sheet, MEMBER_TARGET).problems == ()


def test_a_choice_of_a_column_or_field_that_is_not_there_is_refused() -> None:
    """Column Z of a two-column sheet, or a field members do not have, is refused."""
    sheet = Sheet("ds", [("Họ và tên", "Chức vụ")])
    with pytest.raises(ValidationError) as refused:
        check_choices(sheet, MEMBER_TARGET, None, {25: "phone", 1: "salary"})
    assert refused.value.message == (
        "Không có cột Z: trang tính có các cột từ A đến B. Cột B: không có mục «salary»; hãy "
        "chọn một trong full_name, role, organisation, position, phone, term_start, term_end, "
        "position_order, birth_year."
    )


def test_column_letters() -> None:
    """Columns are named as spreadsheets name them."""
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"
    ]  # fmt: skip
