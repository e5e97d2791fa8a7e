"""Import budgets: a team's Excel lists brought in (issue «Bring in the lists a team keeps»).

Usage: ``python bench/import.py``. Builds a store in a temporary folder and two
workbooks (openpyxl), then times what the window does: read the file and preview it
(``read_import_file`` + ``preview_import``), and write the confirmed plan
(``import_rows``: one transaction, with outbox operations). Prints each figure against
its budget and exits 1 when any budget is missed.

Budgets (2 cores): 1,000 full model rows (every field, statuses that take moves, real
and typed dates): preview ≤ 2 s, import ≤ 5 s; 10,000 member rows: preview ≤ 5 s.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from danvan_desktop.session import Session

BUDGETS = {"models_preview_s": 2.0, "models_import_s": 5.0, "members_preview_s": 5.0}
MODEL_ROWS = 1_000
MEMBER_ROWS = 10_000
LONG = (
    "Vận động nhân dân hiến đất, góp ngày công mở rộng đường kiệt; tổ dân vận phối hợp "
    "Ban công tác Mặt trận và các chi hội đoàn thể họp dân, thống nhất cách làm, công khai "
    "đóng góp và kết quả từng tháng. "
)
TEXT_HEADINGS = (
    "Sự cần thiết và lý do",
    "Mục tiêu và tiêu chí đánh giá",
    "Nội dung và cách làm",
    "Phạm vi, đối tượng",
    "Chủ thể thực hiện, phối hợp",
    "Nguồn lực",
    "Thời gian, lộ trình",
    "Sản phẩm cụ thể",
    "Duy trì và nhân rộng",
)
FIELDS = ("Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Lĩnh vực khác")
STATUSES = ("Đã đăng ký", "Đang triển khai", "Đã tự đánh giá")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quang")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Mai", "Nam", "Phúc", "Sơn", "Tâm")


def models_book(path: Path) -> None:
    """A title row, then 1,000 models with every field the team writes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO”"])
    sheet.append(
        ["TT", "Tên mô hình", "Lĩnh vực", "Tình trạng", "Năm đăng ký", "Ngày bắt đầu",
         "Ngày đánh giá kết quả", *TEXT_HEADINGS]
    )  # fmt: skip
    for i in range(MODEL_ROWS):
        sheet.append(
            [i + 1, f"Mô hình số {i + 1} đường hoa sáng xanh", FIELDS[i % len(FIELDS)],
             STATUSES[i % len(STATUSES)], 2020 + i % 6, dt.datetime(2020 + i % 6, 1 + i % 12, 5),
             f"{1 + i % 28}/12/{2026 + i % 3}", *(f"{LONG}{i}" for _ in TEXT_HEADINGS)]
        )  # fmt: skip
    book.save(path)


def members_book(path: Path) -> None:
    """A header, then 10,000 members (name, birth date, position, role, phone …)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Vai trò", "Số điện thoại",
                  "Tổ chức, đoàn thể", "Bắt đầu nhiệm kỳ"])  # fmt: skip
    for i in range(MEMBER_ROWS):
        name = f"{FAMILY[i % 10]} {MIDDLE[i // 10 % 8]} {GIVEN[i // 80 % 11]} {i // 880 + 1}"
        sheet.append(
            [i + 1, name, dt.datetime(1950 + i % 50, 1 + i % 12, 1 + i % 28),
             "Chi hội trưởng Hội Nông dân", "Tổ viên", f"0905 {i:06d}", "Hội Nông dân",
             "01/01/2025"]
        )  # fmt: skip
    book.save(path)


def new_store(folder: Path) -> Session:
    """A set-up team store."""
    session = Session.open(folder, create=True)
    session.initialise_team(
        province_code=46,
        commune_code=19768,
        village_name="Tổ dân phố 5",
        village_kind="to_dan_pho",
        team_name="Tổ dân vận tổ dân phố 5",
        leader_name="Nguyễn Văn An",
    )
    return session


def measure(tmp: Path) -> dict[str, float]:
    """Every figure, in seconds."""
    models, members = tmp / "mo-hinh.xlsx", tmp / "thanh-vien.xlsx"
    models_book(models)
    members_book(members)
    session = new_store(tmp / "data")
    try:
        start = time.perf_counter()
        plan = session.preview_import(session.read_import_file(models), entity="model")
        preview = time.perf_counter() - start
        assert plan.count("add") == MODEL_ROWS, [r.problems for r in plan.rows[:3]]
        start = time.perf_counter()
        done = session.import_rows(plan)
        written = time.perf_counter() - start
        assert done.added == MODEL_ROWS
        start = time.perf_counter()
        plan = session.preview_import(session.read_import_file(members), entity="member")
        members_preview = time.perf_counter() - start
        assert plan.count("add") == MEMBER_ROWS, [r.problems for r in plan.rows[:3]]
    finally:
        session.close()
    return {
        "models_preview_s": preview,
        "models_import_s": written,
        "members_preview_s": members_preview,
    }


def main() -> int:
    """Run the bench; 0 when every budget holds."""
    with tempfile.TemporaryDirectory() as folder:
        figures = measure(Path(folder))
    failed = False
    for name, value in figures.items():
        ok = value <= BUDGETS[name]
        failed |= not ok
        print(f"{name:18} {value:7.2f} s  budget {BUDGETS[name]:5.1f} s  {'ok' if ok else 'OVER'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
