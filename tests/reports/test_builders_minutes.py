"""Meeting minutes (Decree 30, form 1.9) built from a real store, rendered and read back."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from builder_records import (
    docx_lines,
    docx_of,
    docx_table_rows,
    team_quarter,
    write_rendered,
)
from report_tools import flat, pdf_text

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document, LabelledLines
from danvan_desktop.session import Session


@pytest.fixture
def minutes(session: Session) -> Document:
    """The final minutes of the team's March meeting."""
    return build_report(session.store.db, "meeting_minutes", id=team_quarter(session).meeting_id)


def test_number_is_the_finalised_minutes_number(minutes: Document) -> None:
    """Finalised first minutes of the year: number 1 of type BB, the team's abbreviation."""
    assert (minutes.number, minutes.kind.value, minutes.unit_abbreviation) == (1, "BB", "TDV")


def test_opening_facts_in_form_order(minutes: Document) -> None:
    """Start time, place, attendance, absent with reason, guests, chair, secretary."""
    facts = minutes.blocks[0]
    assert isinstance(facts, LabelledLines)
    assert [(line.label, line.value) for line in facts.lines] == [
        ("Thời gian bắt đầu", "19 giờ 30 phút, ngày 05/03/2026"),
        ("Địa điểm", "Nhà văn hóa Tổ dân phố 5"),
        (
            "Thành phần tham dự",
            "có mặt 3/4 thành viên: Nguyễn Văn An, Trần Thị Bích, Lê Văn Cường",
        ),
        ("Vắng mặt", "1 thành viên: Lê Thị Hoa (lý do: đi công tác)"),
        ("Khách mời", "Phan Văn Tùng (Phó Chủ tịch Ủy ban MTTQ Việt Nam phường)"),
        ("Chủ trì", "Nguyễn Văn An"),
        ("Thư ký", "Trần Thị Bích"),
    ]


def test_docx_number_date_and_title(minutes: Document) -> None:
    """ "Số: 01/BB-TDV", "Phú Xuân, ngày 05 tháng 3 năm 2026", "BIÊN BẢN", the meeting's name;
    the team under its ward (a state document names no Party cell)."""
    result = docx_of(minutes)
    header = result.tables[0]
    assert header.cell(1, 0).text == "Số: 01/BB-TDV"
    assert header.cell(1, 1).text == "Phú Xuân, ngày 05 tháng 3 năm 2026"
    assert [p.text for p in header.cell(0, 0).paragraphs][:2] == [
        "PHƯỜNG PHÚ XUÂN",
        "TỔ DÂN VẬN TỔ DÂN PHỐ 5",
    ]
    assert docx_lines(result)[:2] == ["BIÊN BẢN", "Họp Tổ dân vận tháng 3 năm 2026"]


def test_docx_opinions_by_speaker_in_order_under_their_item(minutes: Document) -> None:
    """Each agenda item, its notes, then its opinions in their order; loose ones after."""
    lines = docx_lines(docx_of(minutes))
    start = lines.index("NỘI DUNG CUỘC HỌP")
    assert lines[start + 1 : start + 9] == [
        "1. Đánh giá kết quả tháng 02/2026",
        "Tổ đã vận động 14 hộ hiến 320 m² đất mở rộng kiệt 12.",
        "Lê Văn Cường: Đề nghị gặp riêng từng hộ còn băn khoăn.",
        "Trần Thị Bích: Nhất trí; mời người có uy tín cùng đi vận động.",
        "2. Phân công nhiệm vụ tháng 3",
        "Nguyễn Văn An: Giao các chi hội trưởng phụ trách từng nhóm hộ.",
        "3. Ý kiến của các thành viên",
        "Phan Văn Tùng: Ủy ban MTTQ phường sẽ hỗ trợ xi măng.",
    ]


def test_docx_speaker_names_are_bold(minutes: Document) -> None:
    """The speaker's name is a bold run, the opinion plain."""
    result = docx_of(minutes)
    opinion = next(p for p in result.paragraphs if p.text.startswith("Lê Văn Cường:"))
    assert [(run.text, bool(run.bold)) for run in opinion.runs] == [
        ("Lê Văn Cường", True),
        (": Đề nghị gặp riêng từng hộ còn băn khoăn.", False),
    ]


def test_docx_votes_and_tasks_tables(minutes: Document) -> None:
    """Votes with their counts; tasks with owner and deadline, nearest deadline first."""
    result = docx_of(minutes)
    assert docx_table_rows(result, 1) == [
        ["TT", "Vấn đề biểu quyết", "Tán thành", "Không tán thành", "Không biểu quyết"],
        ["1", "Thông qua phương án mở rộng kiệt 12", "4", "0", "0"],
    ]
    assert docx_table_rows(result, 2) == [
        ["TT", "Nội dung công việc", "Người thực hiện", "Thời hạn"],
        ["1", "Vận động 06 hộ còn lại ký cam kết hiến đất", "Lê Văn Cường", "20/03/2026"],
        ["2", "Báo cáo kết quả về Chi bộ", "Nguyễn Văn An", "31/03/2026"],
    ]


def test_docx_closing_line_and_signatures(minutes: Document) -> None:
    """The end time closes the content; the secretary signs left, the chair right."""
    result = docx_of(minutes)
    assert (
        "Cuộc họp kết thúc vào lúc 21 giờ 15 phút cùng ngày. Biên bản đã được đọc lại cho "
        "những người dự họp nghe và thông qua./."
    ) in docx_lines(result)
    signatures = result.tables[-1]
    assert [p.text for p in signatures.cell(0, 0).paragraphs] == ["THƯ KÝ", "Trần Thị Bích"]
    assert [p.text for p in signatures.cell(0, 1).paragraphs] == ["CHỦ TRÌ", "Nguyễn Văn An"]


def test_docx_recipients_come_from_the_regulation(minutes: Document) -> None:
    """ "Nơi nhận:" lists the regulation's recipients and the team's archive copy."""
    lines = docx_lines(docx_of(minutes))
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 :] == [
        "- Đảng ủy phường Phú Xuân;",
        "- Ủy ban Mặt trận Tổ quốc Việt Nam phường Phú Xuân;",
        "- Chi bộ tổ dân phố 5;",
        "- Lưu: Tổ dân vận.",
    ]


def test_pdf_text_is_exact_vietnamese(minutes: Document, tmp_path: Path) -> None:
    """pdftotext reads the number, the title and the closing line back letter for letter."""
    text = flat(pdf_text(write_rendered(minutes, "pdf", tmp_path)))
    assert unicodedata.is_normalized("NFC", text)
    for expected in (
        "Số: 01/BB-TDV",
        "Phú Xuân, ngày 05 tháng 3 năm 2026",
        "BIÊN BẢN",
        "Vắng mặt: 1 thành viên: Lê Thị Hoa (lý do: đi công tác)",
        "Cuộc họp kết thúc vào lúc 21 giờ 15 phút cùng ngày.",
    ):
        assert expected in text


def test_draft_minutes_leave_number_and_end_time_blank(session: Session) -> None:
    """Draft minutes without an end time: no number, dotted blanks for the end time."""
    meeting_id = session.add_meeting(
        kind="adhoc", title="Họp đột xuất", starts_at="2026-04-02T07:00"
    ).record_id
    document = build_report(session.store.db, "meeting_minutes", id=meeting_id)
    result = docx_of(document)
    assert result.tables[0].cell(1, 0).text == "Số:      /BB-TDV"
    assert (
        "Cuộc họp kết thúc vào lúc …… giờ …… phút. Biên bản đã được đọc lại cho những người "
        "dự họp nghe và thông qua./."
    ) in docx_lines(result)


def test_corrected_minutes_say_they_replace_the_earlier_ones(session: Session) -> None:
    """A correction (version 2) opens with a note and is a draft again, unnumbered."""
    made = team_quarter(session)
    new_id = session.correct_meeting(made.meeting_id).record_id
    document = build_report(session.store.db, "meeting_minutes", id=new_id)
    assert document.number is None
    lines = docx_lines(docx_of(document))
    assert lines[0] == "DỰ THẢO"
    assert lines[4] == "(Bản sửa lần 1, thay thế biên bản đã lập trước đó)"


def test_draft_minutes_are_marked_draft(session: Session) -> None:
    """Minutes not finalised are a draft: the DOCX opens with «DỰ THẢO»."""
    meeting_id = session.add_meeting(
        kind="adhoc", title="Họp đột xuất", starts_at="2026-04-02T07:00"
    ).record_id
    document = build_report(session.store.db, "meeting_minutes", id=meeting_id)
    assert document.draft is True
    assert docx_lines(docx_of(document))[0] == "DỰ THẢO"


def test_final_minutes_carry_no_draft_mark(minutes: Document) -> None:
    """Finalised minutes are not a draft: no «DỰ THẢO» anywhere in the DOCX."""
    assert minutes.draft is False
    result = docx_of(minutes)
    cells = [c.text for t in result.tables for row in t.rows for c in row.cells]
    assert "DỰ THẢO" not in docx_lines(result) + cells


def test_unknown_meeting_says_so(session: Session) -> None:
    """A missing meeting is a NotFoundError naming the id."""
    with pytest.raises(NotFoundError, match="không-có"):
        build_report(session.store.db, "meeting_minutes", id="không-có")
