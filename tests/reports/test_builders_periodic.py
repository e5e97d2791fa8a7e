"""The team's periodic report (month, quarter, half-year, year) from a real store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from builder_records import ISSUED, docx_lines, docx_of, docx_table_rows, team_quarter
from builder_records import write_rendered as write
from openpyxl.worksheet.worksheet import Worksheet
from report_tools import flat, pdf_text

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.builders.periods import meeting_slices, report_period
from danvan_desktop.reports.document import Document, Table
from danvan_desktop.session import Session


@pytest.fixture
def quarter(session: Session) -> Document:
    """The report of the first quarter of 2026, issued on 6 April, in the state format."""
    team_quarter(session)
    return build_report(
        session.store.db,
        "periodic_report",
        period="quarter",
        quarter=1,
        year=2026,
        issued_on=ISSUED,
        preset="state",
        proposals=["Đề nghị phường hỗ trợ 20 bao xi măng cho kiệt 12."],
    )


@pytest.mark.parametrize(
    ("kind", "options", "label", "start", "end"),
    [
        ("month", {"month": 1}, "tháng 01 năm 2026", dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        ("month", {"month": 5}, "tháng 5 năm 2026", dt.date(2026, 5, 1), dt.date(2026, 5, 31)),
        ("quarter", {"quarter": 2}, "quý II năm 2026", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("quarter", {"month": 11}, "quý IV năm 2026", dt.date(2026, 10, 1),
         dt.date(2026, 12, 31)),
        ("half_year", {}, "6 tháng đầu năm 2026", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("half_year", {"month": 9}, "6 tháng cuối năm 2026", dt.date(2026, 7, 1),
         dt.date(2026, 12, 31)),
        ("year", {}, "năm 2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ],
)  # fmt: skip
def test_report_period_spans_and_labels(
    kind: str, options: dict[str, int], label: str, start: dt.date, end: dt.date
) -> None:
    """Each period kind covers its days and names itself as documents do."""
    period = report_period(kind, 2026, **options)
    assert (period.label(), period.start, period.end) == (label, start, end)


def test_report_period_refuses_month_13() -> None:
    """A month outside 1-12 is a ValidationError on the field "month"."""
    with pytest.raises(ValidationError) as caught:
        report_period("month", 2026, month=13)
    assert caught.value.fields == ["month"]
    assert caught.value.message == "Không có tháng 13: hãy chọn từ 1 đến 12."


def test_quarterly_schedule_has_one_slice_due_in_the_last_month() -> None:
    """A quarterly team owes one regular meeting per quarter, due in the quarter's last month."""
    slices = meeting_slices(report_period("half_year", 2026), "quarterly", 20)
    assert [(s.start, s.end, s.due_on) for s in slices] == [
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31), dt.date(2026, 3, 20)),
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30), dt.date(2026, 6, 20)),
    ]


def test_meetings_held_against_the_schedule(quarter: Document) -> None:
    """Monthly meetings: three were due in the quarter, one was held; the missed are named."""
    lines = docx_lines(docx_of(quarter))
    assert (
        "Theo Quy chế hoạt động, Tổ họp định kỳ hằng tháng. Tính đến ngày 31/03/2026, trong kỳ "
        "có 3 cuộc họp định kỳ đến hạn; Tổ đã họp 1/3 (đạt 33%). Chưa họp: tháng 01/2026, "
        "tháng 02/2026."
    ) in lines


def test_meeting_not_yet_due_is_not_counted_missing(session: Session) -> None:
    """On 10 May the May meeting (due the 25th) is not yet owed."""
    document = build_report(
        session.store.db, "periodic_report", period="month", issued_on=dt.date(2026, 5, 10)
    )
    assert any(
        "Tính đến ngày 10/05/2026, trong kỳ chưa có cuộc họp định kỳ nào đến hạn." in line
        for line in docx_lines(docx_of(document))
    )


def test_docx_meetings_table_with_totals(quarter: Document) -> None:
    """The quarter's meeting with present, absent, opinions, tasks and a totals row."""
    rows = docx_table_rows(docx_of(quarter), 1)
    assert rows[1:] == [
        ["1", "05/03/2026", "Họp Tổ dân vận tháng 3 năm 2026", "Họp định kỳ", "3", "1", "4", "2"],
        ["Tổng cộng"] * 6 + ["4", "2"],
    ]


def test_docx_models_by_field_and_status(quarter: Document) -> None:
    """Three models followed; the field table counts them by today's status."""
    result = docx_of(quarter)
    rows = docx_table_rows(result, 2)
    assert rows[2][1:] == ["Kinh tế", "0", "0", "0", "0", "0", "0", "0", "0"]
    assert rows[3][1:] == ["Văn hóa - xã hội", "1", "0", "0", "0", "0", "0", "0", "1"]
    assert rows[-1][-8:] == ["1", "2", "0", "0", "0", "0", "0", "3"]
    assert (
        "Trong kỳ, Tổ theo dõi 3 mô hình, trong đó 2 mô hình đăng ký năm 2026. Trạng thái các "
        "mô hình (tính đến ngày báo cáo) theo lĩnh vực như sau:"
    ) in docx_lines(result)


def test_docx_indicators_and_resources_of_the_period_only(quarter: Document) -> None:
    """Readings dated in the quarter are summed (the April one is left out); money grouped."""
    result = docx_of(quarter)
    assert docx_table_rows(result, 3)[1:] == [
        ["1", "Ngày công đóng góp", "ngày công", "120", "1"],
        ["2", "Đất hiến", "m²", "320", "1"],
    ]
    assert docx_table_rows(result, 4)[1:] == [
        ["1", "Đất hiến", "m²", "320", "1"],
        ["2", "Tiền", "đồng", "5.000.000", "1"],
    ]


def test_docx_tasks_exemplars_and_proposals(quarter: Document) -> None:
    """Tasks given, done and overdue; exemplars and commendation proposals; the wishes."""
    lines = docx_lines(docx_of(quarter))
    assert (
        "Các cuộc họp trong kỳ đã giao 2 nhiệm vụ; trong kỳ hoàn thành 1 nhiệm vụ; đến ngày "
        "31/03/2026 còn 1 nhiệm vụ quá hạn chưa hoàn thành."
    ) in lines
    assert "- Đề nghị Bằng khen cấp thành phố cho Đặng Văn Ánh" in lines
    start = lines.index("II. KIẾN NGHỊ, ĐỀ XUẤT")
    # The last words of the body, closed by Decree 30's «./.».
    assert lines[start + 1] == "- Đề nghị phường hỗ trợ 20 bao xi măng cho kiệt 12./."


def test_pdf_title_and_period(quarter: Document, tmp_path: Path) -> None:
    """pdftotext finds the title, the period and the signature, exactly."""
    text = flat(pdf_text(write(quarter, "pdf", tmp_path)))
    for expected in ("BÁO CÁO", "Kết quả công tác dân vận quý I năm 2026",
                     "Phú Xuân, ngày 06 tháng 4 năm 2026", "TM. TỔ DÂN VẬN"):  # fmt: skip
        assert expected in text


def _sheet_with(workbook: openpyxl.Workbook, title: str) -> Worksheet:
    sheet = next(s for s in workbook.worksheets if title.startswith(s.title))
    assert isinstance(sheet, Worksheet)
    return sheet


def _row_of(sheet: Worksheet, text: str) -> int:
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == text)


def test_xlsx_sheets_hold_numbers_and_their_sums(quarter: Document, tmp_path: Path) -> None:
    """One sheet per table; counts are numbers; the totals row holds the sums as values."""
    workbook = openpyxl.load_workbook(write(quarter, "xlsx", tmp_path))
    assert len(workbook.sheetnames) == len(quarter.tables())
    sheet = _sheet_with(workbook, "Bảng 2. Mô hình theo lĩnh vực, trạng thái")
    totals = _row_of(sheet, "Tổng cộng")
    first = _row_of(sheet, 1)
    assert [sheet.cell(first + 1, column).value for column in range(2, 11)] == [
        "Văn hóa - xã hội", 1, 0, 0, 0, 0, 0, 0, 1,
    ]  # fmt: skip
    assert sheet.cell(totals, 10).value == sum(
        sheet.cell(row, 10).value for row in range(first, totals)
    )


@pytest.mark.slow
def test_xlsx_totals_after_libreoffice_recalculates(
    quarter: Document, libreoffice: Callable[..., list[Path]], tmp_path: Path
) -> None:
    """LibreOffice computes the totals rows to the sums of the data rows."""
    source = write(quarter, "xlsx", tmp_path)
    (converted,) = libreoffice("xlsx:Calc MS Excel 2007 XML", tmp_path / "out", source)
    workbook = openpyxl.load_workbook(converted, data_only=True)
    fields = _sheet_with(workbook, "Bảng 2. Mô hình theo lĩnh vực, trạng thái")
    row = _row_of(fields, "Tổng cộng")
    assert [fields.cell(row, column).value for column in range(3, 11)] == [1, 2, 0, 0, 0, 0, 0, 3]
    meetings = _sheet_with(workbook, "Bảng 1. Các cuộc họp trong kỳ")
    row = _row_of(meetings, "Tổng cộng")
    assert [meetings.cell(row, column).value for column in (7, 8)] == [4, 2]


def test_year_report_from_the_demo_store_counts_every_model(session: Session) -> None:
    """On the small demo set, the field table's total equals the models followed this year."""
    session.fill_demo(size="small")
    year = dt.date.today().year
    document = build_report(session.store.db, "periodic_report", period="year", year=year)
    followed = session.store.db.execute(
        "SELECT count(*) FROM model WHERE deleted = 0 AND year <= ?", [year]
    ).fetchone()[0]
    # held: dated today or before (later ones are planned); a year-end review held before
    # the 15/6 cut-off reviews the year before and counts in that year's report
    held = session.store.db.execute(
        "SELECT count(*) FROM meeting WHERE deleted = 0 AND starts_at LIKE ? "
        "AND substr(starts_at, 1, 10) <= ? "
        "AND NOT (kind = 'year_end' AND substr(starts_at, 6, 5) <= '06-15')",
        [f"{year}-%", dt.date.today().isoformat()],
    ).fetchone()[0]
    tables = document.tables()
    meetings, fields = tables[0], tables[1]
    assert isinstance(meetings, Table) and isinstance(fields, Table)
    assert fields.totals_values()[9] == followed == 2  # the small set's two models
    assert len(meetings.rows) == held


def test_month_defaults_to_the_issue_dates_month(session: Session) -> None:
    """Without a month, the month report covers the month of the issue date."""
    document = build_report(
        session.store.db, "periodic_report", period="month", issued_on=dt.date(2026, 2, 27)
    )
    assert document.subtitle == "Kết quả công tác dân vận tháng 02 năm 2026"


def test_unknown_parameter_is_refused(session: Session) -> None:
    """A parameter the kind does not take is named in the error."""
    with pytest.raises(ValidationError) as caught:
        build_report(session.store.db, "periodic_report", id="x")
    assert caught.value.fields == ["id"]
