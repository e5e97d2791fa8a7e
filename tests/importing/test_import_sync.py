"""Imported records sync like anything typed: through the real server on loopback to the
team's other laptop, each with its outbox operation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from import_files import member_list, model_list

from danvan_desktop.session import Session
from sync import conftest as sync_fixtures

province = sync_fixtures.province  # the real server on loopback, as in tests/sync
laptops = sync_fixtures.laptops


def test_imported_models_reach_the_teams_other_laptop(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """Laptop B pulls the models A imported, in the statuses A moved them to."""
    a, b = laptops("a"), laptops("b")
    a.sync_now()  # the records set up at first run
    path = model_list(tmp_path / "mh.xlsx", [
        [1, "Đường hoa sáng xanh", "Kinh tế", "Đang triển khai", 2025],
        [2, "Camera an ninh", "Quốc phòng - an ninh", "Đã tự đánh giá", 2026],
    ])  # fmt: skip
    a.import_rows(a.preview_import(a.read_import_file(path), entity="model"))
    report = a.sync_now()
    assert (report.pushed, report.rejected) == (2, 0)
    assert a.pending_count() == 0
    b.sync_now()
    rows = sorted((r["name"], r["status"], r["year"]) for r in b.list_records("model"))
    assert rows == [
        ("Camera an ninh", "reviewed", 2026),
        ("Đường hoa sáng xanh", "in_progress", 2025),
    ]


def test_imported_members_and_an_update_reach_the_other_laptop(
    laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """New members and the leader's phone from the list arrive on laptop B (which keeps the
    records of A's team beside those of the team it set up itself)."""
    a, b = laptops("a"), laptops("b")
    a.sync_now()
    b.sync_now()
    team_id = a.team_id
    path = member_list(tmp_path / "tv.xlsx")
    a.import_rows(a.preview_import(a.read_import_file(path), entity="member"))
    assert a.sync_now().rejected == 0
    b.sync_now()
    pulled = b.list_records("member", where="team_id = ?", params=[team_id])
    assert sorted((m["full_name"], m["phone"]) for m in pulled) == [
        ("Hồ Thị Lan", "0935 555 666"),
        ("Lê Thị Hoa", "0914333444"),
        ("Nguyễn Văn An", "0905 111 222"),
        ("Trần Văn Bình", None),
    ]
