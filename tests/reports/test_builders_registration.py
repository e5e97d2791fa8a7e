"""The model registration sheet: the ten items, field, unit and dates, from a real store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builder_records import docx_lines, docx_of, team_quarter, write_rendered
from report_tools import flat, pdf_text

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.reports.builders import build_report, report_kind
from danvan_desktop.reports.document import Document, LabelledLines
from danvan_desktop.session import Session

ISSUED = dt.date(2026, 2, 3)


@pytest.fixture
def sheet(session: Session) -> Document:
    """The sheet of "Tuyến đường hoa kiểu mẫu", issued 3 February 2026, in the state format."""
    model_id = team_quarter(session).models["flowers"]
    return build_report(
        session.store.db, "model_registration", id=model_id, issued_on=ISSUED, preset="state"
    )


def test_facts_name_unit_field_year_status_and_start(sheet: Document) -> None:
    """The registering unit with its ward, the field's name, year, status, start date."""
    facts = sheet.blocks[0]
    assert isinstance(facts, LabelledLines)
    assert [(line.label, line.value) for line in facts.lines] == [
        ("Đơn vị đăng ký", "Tổ dân phố 5, phường Phú Xuân"),
        ("Lĩnh vực", "Xây dựng nông thôn mới, đô thị văn minh"),
        ("Năm đăng ký", "2026"),
        ("Trạng thái", "Đang triển khai"),
        ("Ngày bắt đầu", "15/01/2026"),
    ]


def test_docx_ten_items_in_order_with_their_text(sheet: Document) -> None:
    """Items 1-10 as numbered headings; each line of an item is its own paragraph."""
    result = docx_of(sheet)
    lines = docx_lines(result)
    headings = [p.text for p in result.paragraphs if p.style.name == "DanvanHeading2"]
    assert headings == [
        "1. Tên mô hình",
        "2. Sự cần thiết và lý do",
        "3. Mục tiêu và tiêu chí đánh giá",
        "4. Nội dung và cách làm",
        "5. Phạm vi, đối tượng",
        "6. Chủ thể thực hiện, phối hợp",
        "7. Nguồn lực",
        "8. Thời gian, lộ trình",
        "9. Sản phẩm cụ thể",
        "10. Duy trì và nhân rộng",
    ]
    start = lines.index("2. Sự cần thiết và lý do")
    assert lines[start - 1 : start + 3] == [
        "Tuyến đường hoa kiểu mẫu",
        "2. Sự cần thiết và lý do",
        "Kiệt 12 hẹp, nhiều rác.",
        "Người dân muốn làm đẹp đường.",
    ]


def test_docx_empty_item_says_it_is_empty(sheet: Document) -> None:
    """An item the team left empty is marked, not dropped."""
    lines = docx_lines(docx_of(sheet))
    start = lines.index("4. Nội dung và cách làm")
    assert lines[start + 1] == "(Chưa điền nội dung)"


def test_docx_header_has_no_report_number(sheet: Document) -> None:
    """A registration is not a report: no "Số: …/BC-…" line; the date keeps February's zero."""
    header = docx_of(sheet).tables[0]
    assert header.cell(1, 0).text == ""
    assert header.cell(1, 1).text == "Phú Xuân, ngày 03 tháng 02 năm 2026"
    cells = [c.text for row in header.rows for c in row.cells]
    assert not any("/BC-" in text for text in cells)


def test_title_is_ban_dang_ky(sheet: Document) -> None:
    """The document is «BẢN ĐĂNG KÝ», of the registration kind, with no number."""
    assert (sheet.kind.value, sheet.title.upper(), sheet.number) == ("ĐK", "BẢN ĐĂNG KÝ", None)
    assert "BẢN ĐĂNG KÝ" in docx_lines(docx_of(sheet))


def test_registration_kind_takes_no_number() -> None:
    """Issuing a registration numbers nothing: the kind is not numbered."""
    assert report_kind("model_registration").numbered is False


def test_pdf_signature_and_title(sheet: Document, tmp_path: Path) -> None:
    """The PDF says «BẢN ĐĂNG KÝ» and is signed by the leader on behalf of the team."""
    text = flat(pdf_text(write_rendered(sheet, "pdf", tmp_path)))
    for expected in ("BẢN ĐĂNG KÝ", "Mô hình “Dân vận khéo” năm 2026", "TM. TỔ DÂN VẬN",
                     "TỔ TRƯỞNG", "Nguyễn Văn An"):  # fmt: skip
        assert expected in text
    assert "/BC-" not in text


def test_party_preset_issues_in_the_party_cells_name(session: Session) -> None:
    """Party preset: the Party cell under the ward's Party organisation, no number line."""
    model_id = team_quarter(session).models["study"]
    document = build_report(session.store.db, "model_registration", id=model_id, preset="party")
    header = docx_of(document).tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs] == [
        "ĐẢNG BỘ PHƯỜNG PHÚ XUÂN",
        "CHI BỘ TỔ DÂN PHỐ 5",
        "*",
    ]
    assert header.cell(1, 0).text == ""


def test_unknown_model_says_so(session: Session) -> None:
    """A deleted model is a NotFoundError naming its id."""
    model_id = team_quarter(session).models["study"]
    session.delete_record("model", model_id)
    with pytest.raises(NotFoundError, match=model_id):
        build_report(session.store.db, "model_registration", id=model_id)


def _field_line(session: Session, model_id: str) -> str:
    sheet = build_report(session.store.db, "model_registration", id=model_id, preset="state")
    facts = sheet.blocks[0]
    assert isinstance(facts, LabelledLines)
    return dict((line.label, line.value) for line in facts.lines)["Lĩnh vực"]


def test_the_citys_field_name_wins_over_an_older_copy(session: Session) -> None:
    """A store set up by an earlier release holds its own copy of «new_rural» (an older
    name, another id) made before the city's row came with a pull: the sheet names the
    field as lists do, by the city's row."""
    model_id = team_quarter(session).models["flowers"]
    fields = session.store.db["model_field"]
    [city] = list(fields.rows_where("code = ? AND id LIKE 'field-%'", ["new_rural"]))
    fields.delete(city["id"])
    copy = {**city, "id": "old-copy-new-rural", "name": "Nông thôn mới (cũ)"}
    fields.insert(copy, alter=False)  # the earlier release's setup
    fields.insert(city, alter=False)  # then the city's row, pulled
    assert _field_line(session, model_id) == "Xây dựng nông thôn mới, đô thị văn minh"
