"""Sample documents with realistic Vietnamese content, for docs, tests and benchmarks.

The people, units and figures are invented; the shapes follow real team
paperwork: a meeting's minutes (state form 1.9), a half-year report of a Party
cell, a ward statistics table, a commendation list, and a year-end roll-up big
enough to measure the render budgets (500 models, 1,200 meetings).
"""

from __future__ import annotations

import random
from datetime import date

from danvan_desktop.reports.document import (
    Block,
    BulletList,
    CellValue,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Heading,
    LabelledLine,
    LabelledLines,
    Paragraph,
    Recipients,
    Run,
    SignatureBlock,
    Table,
    TotalsRow,
)
from danvan_desktop.reports.sample_rollup import models_table, unit_names

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Hồ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Ngọc", "Thanh", "Xuân")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hương", "Khánh", "Lan", "Long", "Mai")
_GIVEN2 = ("Nam", "Phúc", "Quý", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh", "Yến", "Đào")


def _names(count: int, seed: int) -> list[str]:
    pick = random.Random(seed)
    return [
        f"{pick.choice(_FAMILY)} {pick.choice(_MIDDLE)} {pick.choice(_GIVEN + _GIVEN2)}"
        for _ in range(count)
    ]


def meeting_minutes() -> Document:
    """Minutes of a monthly team meeting, state template (Decree 30, form 1.9)."""
    facts = LabelledLines(
        [
            LabelledLine("Thời gian bắt đầu", "19 giờ 30 phút, ngày 05/11/2026"),
            LabelledLine("Địa điểm", "Nhà văn hóa Tổ dân phố 5, phường Kim Long"),
            LabelledLine(
                "Thành phần tham dự",
                "8/9 thành viên Tổ dân vận; vắng 1 (bà Lê Thị Hoa, có lý do: đi công tác)",
            ),
            LabelledLine(
                "Khách mời", "Ông Phan Văn Tùng, Phó Chủ tịch Ủy ban MTTQ Việt Nam phường"
            ),
            LabelledLine("Chủ trì", "Ông Nguyễn Văn An, Bí thư Chi bộ, Tổ trưởng Tổ dân vận"),
            LabelledLine("Thư ký", "Bà Trần Thị Bích, Chi hội trưởng Chi hội Phụ nữ"),
        ]
    )
    tasks = Table(
        columns=[Column(0.5, "center", False), Column(3.2), Column(1.8), Column(1.2, "center")],
        header_rows=[
            [
                HeaderCell("TT"),
                HeaderCell("Nội dung công việc"),
                HeaderCell("Người thực hiện"),
                HeaderCell("Thời hạn"),
            ]
        ],
        rows=[
            [1, "Vận động 6 hộ còn lại ký cam kết hiến đất mở rộng kiệt 12", "Ông Hoàng Văn Dũng",
             "20/11/2026"],
            [2, "Tổ chức ra quân “Ngày Chủ nhật xanh” toàn tổ dân phố", "Bà Trần Thị Bích",
             "15/11/2026"],
            [3, "Nắm tình hình tranh chấp ranh giới đất giữa hai hộ ở kiệt 7", "Ông Phạm Quang Sơn",
             "30/11/2026"],
            [4, "Báo cáo kết quả tháng 11 về Chi bộ", "Ông Nguyễn Văn An", "01/12/2026"],
        ],
        title="Phân công nhiệm vụ",
    )  # fmt: skip
    blocks: list[Block] = [
        facts,
        Heading("NỘI DUNG CUỘC HỌP"),
        Heading("1. Đánh giá kết quả tháng 10 năm 2026", level=2),
        Paragraph.of(
            "Trong tháng, Tổ dân vận đã phối hợp với Ban công tác Mặt trận vận động 14 hộ hiến "
            "320 m² đất, góp 86 ngày công mở rộng kiệt 12; duy trì mô hình “Tuyến đường hoa kiểu "
            "mẫu” và hòa giải thành 1 vụ việc mâu thuẫn trong cộng đồng dân cư."
        ),
        Heading("2. Ý kiến của các thành viên", level=2),
        Paragraph(
            [
                Run("Ông Hoàng Văn Dũng", bold=True),
                Run(
                    " (Chi hội trưởng Hội Cựu chiến binh): đề nghị Tổ gặp riêng từng hộ còn băn "
                    "khoăn về phương án hiến đất, công khai bản đồ tuyến kiệt tại nhà văn hóa."
                ),
            ]
        ),
        Paragraph(
            [
                Run("Bà Đặng Thị Lan", bold=True),
                Run(
                    " (Chi hội trưởng Hội Người cao tuổi): nhất trí; đề nghị mời các cụ cao tuổi, "
                    "người có uy tín cùng đi vận động."
                ),
            ]
        ),
        Heading("3. Kết luận của chủ trì", level=2),
        Paragraph.of(
            "Thống nhất hoàn thành việc vận động hiến đất trước ngày 20/11/2026; các thành viên "
            "thực hiện nhiệm vụ theo bảng phân công dưới đây."
        ),
        tasks,
        Paragraph.of(
            "Cuộc họp kết thúc vào lúc 21 giờ 15 phút cùng ngày. Biên bản đã được đọc lại cho "
            "các thành viên dự họp nghe và nhất trí 100%./."
        ),
    ]
    return Document(
        kind=DocumentKind.MINUTES,
        preset="state",
        managing_body="Phường Kim Long",
        issuing_body="Tổ dân vận Tổ dân phố 5",
        unit_abbreviation="TDV",
        number=7,
        place="Huế",
        date=date(2026, 11, 5),
        title="Biên bản",
        subtitle="Họp Tổ dân vận tháng 11 năm 2026",
        blocks=blocks,
        signature_left=SignatureBlock("THƯ KÝ", "Trần Thị Bích"),
        signature_right=SignatureBlock("CHỦ TRÌ", "Nguyễn Văn An"),
        recipients=Recipients(
            ["Chi bộ Tổ dân phố 5 (b/c)", "Ban Dân vận Đảng ủy phường (b/c)", "Thành viên Tổ"],
            "Tổ dân vận",
        ),
    )


def half_year_report() -> Document:
    """A Party cell's half-year report on the movement, Party template."""
    blocks: list[Block] = [
        Heading("I. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Công tác lãnh đạo, chỉ đạo", level=2),
        Paragraph(
            [
                Run("Chi bộ đã ban hành "),
                Run("Kế hoạch số 03-KH/CB", bold=True),
                Run(
                    " về thực hiện phong trào thi đua “Dân vận khéo” năm 2026; phân công đảng "
                    "viên phụ trách từng nhóm hộ, gắn với việc thực hiện Quy chế dân chủ ở cơ sở."
                ),
            ]
        ),
        Heading("2. Kết quả xây dựng và nhân rộng mô hình", level=2),
        Paragraph.of(
            "6 tháng đầu năm, Tổ dân vận duy trì 8 mô hình; trong đó 2 mô hình được Đảng ủy "
            "phường công nhận là mô hình “Dân vận khéo” tiêu biểu. Kết quả cụ thể như sau:"
        ),
        models_table(8, seed=7, title="Bảng 1. Kết quả các mô hình 6 tháng đầu năm 2026"),
        BulletList(
            [
                "Nhân dân hiến 1.250 m² đất, góp 640 ngày công mở rộng 3 tuyến kiệt",
                "Hòa giải thành 4/5 vụ việc mâu thuẫn, tranh chấp ở cộng đồng dân cư",
                "Vận động 2 hộ thoát nghèo bền vững",
            ]
        ),
        Heading("II. HẠN CHẾ, NGUYÊN NHÂN"),
        Paragraph.of(
            "Một số thành viên Tổ chưa dành nhiều thời gian cho việc nắm tình hình nhân dân; "
            "việc ghi chép, lưu trữ biên bản họp còn chậm."
        ),
        Heading("III. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM"),
        Paragraph.of(
            "Tiếp tục nhân rộng mô hình “Phân loại rác tại nguồn”; hoàn thành việc mở rộng kiệt "
            "12 trước ngày 30/9/2026; chuẩn bị hồ sơ đề nghị khen thưởng cuối năm."
        ),
    ]
    return Document(
        kind=DocumentKind.REPORT,
        preset="party",
        managing_body="Đảng bộ phường Kim Long",
        issuing_body="Chi bộ Tổ dân phố 5",
        unit_abbreviation="CB",
        number=12,
        place="Kim Long",
        date=date(2026, 7, 2),
        title="Báo cáo",
        subtitle="Kết quả thực hiện phong trào thi đua “Dân vận khéo” 6 tháng đầu năm 2026",
        blocks=blocks,
        signature_right=SignatureBlock("BÍ THƯ", "Nguyễn Văn An", "T/M CHI BỘ"),
        recipients=Recipients(
            ["Đảng ủy phường Kim Long (b/c)", "Ban Dân vận Đảng ủy phường (b/c)", "Đảng viên"],
            "Chi bộ",
        ),
    )


def statistics_table() -> Document:
    """A ward's statistics of models by village and residential group (two header rows)."""
    pick = random.Random(11)
    rows: list[list[CellValue]] = []
    for index, unit in enumerate(unit_names(60), start=1):
        registered = pick.randint(1, 6)
        running = pick.randint(0, registered)
        rows.append(
            [
                index,
                unit,
                registered,
                running,
                pick.randint(0, running),
                pick.randint(20, 600),
                pick.randint(0, 1800),
            ]
        )
    table = Table(
        columns=[
            Column(0.6, "center", False),
            Column(2.2),
            Column(1.1, "right"),
            Column(1.1, "right"),
            Column(1.1, "right"),
            Column(1.1, "right"),
            Column(1.2, "right"),
        ],
        header_rows=[
            [
                HeaderCell("TT", rowspan=2),
                HeaderCell("Tổ dân phố, thôn", rowspan=2),
                HeaderCell("Số mô hình", colspan=3),
                HeaderCell("Kết quả vận động", colspan=2),
            ],
            [
                HeaderCell("Đăng ký"),
                HeaderCell("Đang thực hiện"),
                HeaderCell("Được công nhận"),
                HeaderCell("Ngày công"),
                HeaderCell("Đất hiến (m²)"),
            ],
        ],
        rows=rows,
        totals=TotalsRow("Tổng cộng", [2, 3, 4, 5, 6]),
        title="Thống kê theo tổ dân phố, thôn",
    )
    return Document(
        kind=DocumentKind.REPORT,
        preset="state",
        managing_body="Ủy ban nhân dân thành phố Huế",
        issuing_body="Ủy ban nhân dân phường Kim Long",
        unit_abbreviation="UBND",
        number=214,
        place="Kim Long",
        date=date(2026, 12, 15),
        title="Báo cáo",
        subtitle="Thống kê mô hình “Dân vận khéo” năm 2026",
        blocks=[
            Paragraph.of(
                "Thực hiện Kế hoạch của Ban Chỉ đạo phong trào thi đua “Dân vận khéo” thành phố, "
                "Ủy ban nhân dân phường báo cáo số liệu mô hình năm 2026 như sau:"
            ),
            table,
        ],
        signature_right=SignatureBlock("CHỦ TỊCH", "Lê Quang Vinh", "TM. ỦY BAN NHÂN DÂN"),
        recipients=Recipients(["Ban Chỉ đạo thành phố (b/c)", "Đảng ủy phường (b/c)"], "VT"),
    )


def commendation_list() -> Document:
    """The list of 30 individuals attached to a commendation decision."""
    pick = random.Random(2023)
    roles = ("Tổ trưởng Tổ dân vận", "Tổ phó Tổ dân vận", "Thành viên Tổ dân vận")
    deeds = (
        "Vận động nhân dân hiến đất mở rộng đường kiệt",
        "Hòa giải thành nhiều vụ việc ở cơ sở",
        "Xây dựng mô hình “Phân loại rác tại nguồn”",
        "Vận động hộ nghèo vươn lên thoát nghèo",
    )
    rows: list[list[CellValue]] = [
        [index, name, f"{pick.choice(roles)} {pick.choice(unit_names(40))}", pick.choice(deeds)]
        for index, name in enumerate(_names(30, seed=30), start=1)
    ]
    table = Table(
        columns=[Column(0.5, "center", False), Column(1.8), Column(2.4), Column(2.8)],
        header_rows=[
            [
                HeaderCell("TT"),
                HeaderCell("Họ và tên"),
                HeaderCell("Chức vụ, đơn vị"),
                HeaderCell("Thành tích tiêu biểu"),
            ]
        ],
        rows=rows,
    )
    decision = "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20 tháng 12 năm 2026 của Ủy ban nhân dân phường Kim Long)"  # noqa: E501
    return Document(
        kind=DocumentKind.DECISION,
        preset="state",
        managing_body="Ủy ban nhân dân thành phố Huế",
        issuing_body="Ủy ban nhân dân phường Kim Long",
        unit_abbreviation="UBND",
        number=15,
        place="Kim Long",
        date=date(2026, 12, 20),
        title="Danh sách",
        subtitle="Cá nhân có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2026",
        blocks=[
            Paragraph.of(decision, italic=True, align="center", first_line_indent=False),
            table,
            Paragraph.of("Danh sách gồm 30 cá nhân./.", italic=True),
        ],
        signature_right=SignatureBlock("CHỦ TỊCH", "Lê Quang Vinh", "TM. ỦY BAN NHÂN DÂN"),
    )


SAMPLES = {
    "bien-ban-hop": meeting_minutes,
    "bao-cao-6-thang": half_year_report,
    "bang-thong-ke": statistics_table,
    "danh-sach-khen-thuong": commendation_list,
}
