"""The XLSX the app exports imports back unchanged: the model list of the commune's report
(«Phụ lục 1. Danh sách mô hình», reports/builders/commune_rollup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from danvan_desktop.session import Session

PHU_XUAN = 19768

MODELS = [
    ("Đường hoa sáng xanh", "new_rural", 2025, "in_progress"),
    ("Camera an ninh vì bình yên", "defence_security", 2026, "registered"),
    ("Quỹ khuyến học dòng họ", "culture_society", 2024, "reviewed"),
]


def new_store(folder: Path) -> Session:
    session = Session.open(folder, create=True)
    session.initialise_team(province_code=46, commune_code=PHU_XUAN, village_name="Tổ dân phố 5",
                            village_kind="to_dan_pho", team_name="Tổ dân vận tổ dân phố 5",
                            leader_name="Nguyễn Văn An")  # fmt: skip
    return session


def fill(session: Session) -> None:
    for name, field, year, status in MODELS:
        model_id = str(session.add_model(name=name, field_code=field, year=year).record_id)
        for step in {"registered": (), "in_progress": ("in_progress",),
                     "reviewed": ("in_progress", "reviewed")}[status]:  # fmt: skip
            session.move_model(model_id, status=step)


def exported(session: Session, folder: Path) -> tuple[Path, str]:
    """The commune report of 2026 as XLSX, and the name of its model list's sheet."""
    folder.mkdir()
    written = session.export_report("commune_rollup", "xlsx", folder, period="year", year=2026)
    source = session.read_import_file(written.path)
    return written.path, next(n for n in source.sheet_names if n.startswith("Phụ lục"))


def models(session: Session) -> list[tuple[Any, ...]]:
    rows = session.list_records("model")
    return sorted((r["name"], r["field_code"], r["year"], r["status"]) for r in rows)


def test_the_exported_model_list_imports_back_as_the_same_records(
    session: Session, tmp_path: Path
) -> None:
    """Into the store it came from: every row is found, nothing changes, nothing is added."""
    fill(session)
    path, sheet = exported(session, tmp_path / "out")
    plan = session.preview_import(session.read_import_file(path, sheet=sheet), entity="model")
    assert [r.action for r in plan.rows] == ["same", "same", "same"]
    assert plan.problems == ()


def test_the_exported_model_list_rebuilds_the_models_in_a_new_store(
    session: Session, tmp_path: Path
) -> None:
    """Into a new store: the same models (name, field, year, status), and the new store's
    export has the same list, cell for cell."""
    fill(session)
    path, sheet = exported(session, tmp_path / "out")
    other = new_store(tmp_path / "other")
    try:
        done = other.import_rows(
            other.preview_import(other.read_import_file(path, sheet=sheet), entity="model")
        )
        assert done.added == 3
        assert models(other) == models(session)
        again, _ = exported(other, tmp_path / "out2")
        first = session.read_import_file(path, sheet=sheet).sheet.rows
        second = other.read_import_file(again, sheet=sheet).sheet.rows
        assert second[-4:] == first[-4:]  # the headings and the three models
    finally:
        other.close()
