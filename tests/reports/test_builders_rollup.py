"""A commune's roll-up of its villages' figures, for the commune or city reviewer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from builder_records import PHU_XUAN, add_villages, docx_lines, docx_of, team_quarter
from builder_records import write_rendered as write
from openpyxl.worksheet.worksheet import Worksheet

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document
from danvan_desktop.session import Session
from danvan_desktop.store.demo_data import DemoSize, fill_large

ISSUED = dt.date(2027, 1, 10)


@pytest.fixture
def rollup(session: Session) -> Document:
    """The 2026 year-end roll-up of Phường Phú Xuân, issued in January 2027."""
    team_quarter(session)
    add_villages(session)
    return build_report(session.store.db, "commune_rollup", year=2026, issued_on=ISSUED)


def test_one_row_per_village_with_its_figures(rollup: Document) -> None:
    """Due and held regular meetings, others, models, tasks, exemplars, proposals."""
    villages = rollup.tables()[0]
    assert [list(row) for row in villages.rows] == [
        [1, "Thôn An Hòa", 12, 10, 1, 2, 1, 1, 3, 1, 1, 1],
        [2, "Tổ dân phố 5", 12, 1, 0, 3, 2, 0, 1, 1, 3, 3],
        [3, "Tổ dân phố 7", 4, 4, 1, 1, 1, 0, 0, 0, 0, 0],
    ]
    assert list(villages.totals_values().values()) == [28, 15, 2, 6, 4, 1, 4, 2, 4, 4]


def test_summary_names_the_villages_behind_schedule(rollup: Document) -> None:
    """The opening paragraph adds up; villages that missed meetings are named."""
    lines = docx_lines(docx_of(rollup))
    assert (
        "Phường Phú Xuân có 3 thôn, tổ dân phố có Tổ dân vận. Trong năm 2026, các Tổ đã tổ "
        "chức 15/28 cuộc họp định kỳ đến hạn (đạt 54%) và 2 cuộc họp khác; theo dõi 6 mô "
        "hình “Dân vận khéo” (đăng ký mới 4); hoàn thành 4 nhiệm vụ, còn 2 nhiệm vụ quá hạn."
    ) in lines
    assert ("Các Tổ chưa họp đủ theo Quy chế: Thôn An Hòa (10/12); Tổ dân phố 5 (1/12).") in lines


def test_year_end_annex_lists_every_model_by_village(rollup: Document) -> None:
    """The annex lists the six models of the ward, not the other ward's."""
    annex = rollup.tables()[-1]
    assert annex.title == "Phụ lục 1. Danh sách mô hình “Dân vận khéo”"
    assert [(row[1], row[2]) for row in annex.rows] == [
        ("Thắp sáng đường quê", "Thôn An Hòa"),
        ("Tổ hợp tác trồng rau an toàn", "Thôn An Hòa"),
        ("Quỹ khuyến học dòng họ", "Tổ dân phố 5"),
        ("Tổ hòa giải ở cơ sở", "Tổ dân phố 5"),
        ("Tuyến đường hoa kiểu mẫu", "Tổ dân phố 5"),
        ("Quỹ khuyến học", "Tổ dân phố 7"),
    ]


def test_quarter_rollup_has_no_annex(session: Session) -> None:
    """Only the half-year and year-end reviews carry the list of models."""
    add_villages(session)
    document = build_report(
        session.store.db, "commune_rollup", period="quarter", quarter=3, year=2026,
        issued_on=ISSUED,
    )  # fmt: skip
    assert document.subtitle == (
        "Tổng hợp kết quả hoạt động của các Tổ dân vận phường Phú Xuân quý III năm 2026"
    )
    assert not any(t.title.startswith("Phụ lục") for t in document.tables())


def test_xlsx_village_totals_are_values(rollup: Document, tmp_path: Path) -> None:
    """The villages sheet holds numbers and closes with their sums, written as values."""
    sheet = openpyxl.load_workbook(write(rollup, "xlsx", tmp_path)).worksheets[0]
    assert isinstance(sheet, Worksheet)
    last = sheet.max_row
    assert sheet.cell(last, 3).value == 28
    assert sheet.cell(last - 3, 4).value == 10


@pytest.mark.slow
def test_xlsx_totals_after_libreoffice_recalculates(
    rollup: Document, libreoffice: Callable[..., list[Path]], tmp_path: Path
) -> None:
    """LibreOffice computes the village totals to the sums shown in the document."""
    (converted,) = libreoffice(
        "xlsx:Calc MS Excel 2007 XML", tmp_path / "out", write(rollup, "xlsx", tmp_path)
    )
    sheet = openpyxl.load_workbook(converted, data_only=True).worksheets[0]
    assert [sheet.cell(sheet.max_row, column).value for column in range(3, 13)] == [
        28, 15, 2, 6, 4, 1, 4, 2, 4, 4,
    ]  # fmt: skip


def test_rollup_of_a_reviewers_store_adds_up(session: Session) -> None:
    """On a reviewer's store of many communes (the large demo set, scaled down), the roll-up
    of one commune counts exactly that commune's villages, models and meetings."""
    fill_large(session.store, size=DemoSize(units=120, models=1200, meetings=2400))
    db = session.store.db
    document = build_report(
        db, "commune_rollup", year=2021, issued_on=ISSUED, commune_code=PHU_XUAN
    )
    villages = document.tables()[0]
    units = db.execute(
        "SELECT count(*) FROM unit WHERE level = 'village' AND commune_code = ?", [PHU_XUAN]
    ).fetchone()[0]
    models = db.execute(
        "SELECT count(*) FROM model m JOIN unit u ON u.id = m.unit_id WHERE m.deleted = 0 "
        "AND m.year <= 2021 AND u.commune_code = ?",
        [PHU_XUAN],
    ).fetchone()[0]
    meetings = db.execute(
        "SELECT count(*) FROM meeting m JOIN unit u ON u.id = m.unit_id WHERE m.deleted = 0 "
        "AND m.starts_at LIKE '2021-%' AND u.commune_code = ?",
        [PHU_XUAN],
    ).fetchone()[0]
    totals = villages.totals_values()
    assert len(villages.rows) == units == 4  # the team's own village and three demo ones
    assert totals[5] == models > 0
    assert totals[3] + totals[4] == meetings > 0
    assert len(document.tables()[-1].rows) == models
