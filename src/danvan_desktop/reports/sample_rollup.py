"""The year-end roll-up sample: big enough to measure the render budgets.

A commune's report with one table of models and one of meetings; with the
defaults (500 models, 1,200 meetings) the tables hold ~1,700 rows, the size
bench/reports_render.py times against the DOCX, PDF and XLSX budgets.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from danvan_desktop.core.vndate import short_date
from danvan_desktop.reports.document import (
    CellValue,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Heading,
    Paragraph,
    Recipients,
    SignatureBlock,
    Table,
    TotalsRow,
)

PLACES = ("Tổ dân phố", "Thôn")
_FIELDS = ("Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị")
_STATES = ("Đã đăng ký", "Đang thực hiện", "Đã sơ kết", "Được công nhận")
_MODEL_NAMES = (
    "Tuyến đường hoa kiểu mẫu",
    "Hiến đất mở rộng đường kiệt",
    "Ngày Chủ nhật xanh",
    "Camera an ninh cộng đồng",
    "Tổ hòa giải ở cơ sở tiêu biểu",
    "Nuôi heo đất giúp hộ nghèo",
    "Thắp sáng đường quê",
    "Phân loại rác tại nguồn",
)


def unit_names(count: int) -> list[str]:
    """Invented village and residential-group names: "Tổ dân phố 1", "Thôn 1", ..."""
    return [f"{PLACES[index % 2]} {index // 2 + 1}" for index in range(count)]


def models_table(count: int, seed: int, title: str) -> Table:
    """A table of invented models with results and a totals row."""
    pick = random.Random(seed)
    units = unit_names(max(count // 12, 4))
    rows: list[list[CellValue]] = []
    for index in range(count):
        name = f"{_MODEL_NAMES[index % len(_MODEL_NAMES)]} ({pick.choice(units).lower()})"
        rows.append(
            [
                index + 1,
                name,
                pick.choice(_FIELDS),
                pick.choice(_STATES),
                pick.randint(10, 900),
                pick.randint(0, 2500),
                pick.randint(0, 150) * 100,
            ]
        )
    return Table(
        columns=[
            Column(0.6, "center", False),
            Column(3.4),
            Column(1.8),
            Column(1.5),
            Column(1.1, "right"),
            Column(1.1, "right"),
            Column(1.4, "right"),
        ],
        header_rows=[
            [
                HeaderCell("TT", rowspan=2),
                HeaderCell("Tên mô hình", rowspan=2),
                HeaderCell("Lĩnh vực", rowspan=2),
                HeaderCell("Trạng thái", rowspan=2),
                HeaderCell("Kết quả", colspan=3),
            ],
            [
                HeaderCell("Ngày công"),
                HeaderCell("Đất hiến (m²)"),
                HeaderCell("Kinh phí (nghìn đồng)"),
            ],
        ],
        rows=rows,
        totals=TotalsRow("Tổng cộng", [4, 5, 6]),
        title=title,
    )


def year_end_rollup(models: int = 500, meetings: int = 1200) -> Document:
    """A commune's year-end roll-up: one table of models, one of meetings (the budget case)."""
    pick = random.Random(2026)
    units = unit_names(40)
    start = date(2026, 1, 5)
    meeting_rows: list[list[CellValue]] = [
        [
            index,
            short_date(start + timedelta(days=index * 353 // meetings)),
            pick.choice(units),
            pick.choice(("Họp định kỳ", "Họp đột xuất", "Sơ kết", "Tổng kết")),
            pick.randint(5, 10),
            pick.randint(0, 12),
            pick.randint(0, 6),
        ]
        for index in range(1, meetings + 1)
    ]
    meetings_table = Table(
        columns=[
            Column(0.6, "center", False),
            Column(1.2, "center"),
            Column(1.8),
            Column(1.6),
            Column(1.0, "right"),
            Column(1.0, "right"),
            Column(1.0, "right"),
        ],
        header_rows=[
            [
                HeaderCell("TT"),
                HeaderCell("Ngày họp"),
                HeaderCell("Đơn vị"),
                HeaderCell("Loại cuộc họp"),
                HeaderCell("Số người dự"),
                HeaderCell("Số ý kiến"),
                HeaderCell("Số nhiệm vụ"),
            ]
        ],
        rows=meeting_rows,
        totals=TotalsRow("Tổng cộng", [4, 5, 6]),
        title="Bảng 2. Các cuộc họp Tổ dân vận năm 2026",
    )
    return Document(
        kind=DocumentKind.REPORT,
        preset="state",
        managing_body="Ủy ban nhân dân thành phố Huế",
        issuing_body="Ủy ban nhân dân phường Kim Long",
        unit_abbreviation="UBND",
        number=230,
        place="Kim Long",
        date=date(2026, 12, 28),
        title="Báo cáo",
        subtitle="Tổng kết phong trào thi đua “Dân vận khéo” năm 2026",
        blocks=[
            Heading("I. KẾT QUẢ XÂY DỰNG MÔ HÌNH"),
            Paragraph.of(f"Toàn phường có {models} mô hình “Dân vận khéo” được đăng ký."),
            models_table(models, seed=5, title="Bảng 1. Các mô hình “Dân vận khéo” năm 2026"),
            Heading("II. HOẠT ĐỘNG CỦA CÁC TỔ DÂN VẬN"),
            Paragraph.of(f"Các Tổ dân vận đã tổ chức {meetings} cuộc họp trong năm."),
            meetings_table,
        ],
        signature_right=SignatureBlock("CHỦ TỊCH", "Lê Quang Vinh", "TM. ỦY BAN NHÂN DÂN"),
        recipients=Recipients(["Ban Chỉ đạo thành phố (b/c)", "Đảng ủy phường (b/c)"], "VT"),
    )
