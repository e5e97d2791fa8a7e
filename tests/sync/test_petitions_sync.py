"""Petitions and mediation cases, with their people, sync through the real server like any
record: to the team's other laptop and to the commune's reviewer; edits merge by field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.store.migrations import schema_version
from support.server_process import add_commune
from sync.conftest import Province, new_laptop

LAMP = {
    "title": "Đèn đường kiệt 12 hỏng",
    "received_on": "2026-01-05",
    "field_code": "infrastructure",
}
CASE = {"title": "Tranh chấp lối đi chung", "dispute_kind": "land", "mediated_on": "2026-02-10"}


def _names(session: Session, table: str) -> list[str]:
    sql = f"SELECT full_name FROM [{table}] WHERE deleted = 0 ORDER BY full_name"
    return [row[0] for row in session.store.db.execute(sql)]


def test_a_petition_and_its_petitioners_reach_the_teams_other_laptop(
    laptops: Callable[[str], Session],
) -> None:
    """Laptop B pulls A's petition with its petitioner, linked as A saved them."""
    a, b = laptops("a"), laptops("b")
    petition_id = str(a.save_petition(**LAMP, petitioners=[{"full_name": "Lê Thị Hoa"}]).record_id)
    a.sync_now()
    b.sync_now()
    sheet = b.petition(petition_id)
    assert sheet["title"] == "Đèn đường kiệt 12 hỏng"
    assert [p["full_name"] for p in sheet["petitioners"]] == ["Lê Thị Hoa"]
    assert a.pending_count() == 0


def test_a_case_and_its_parties_reach_the_communes_reviewer(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """The commune's reviewer holds the case and both parties after a sync."""
    team = laptops("team")
    parties = [{"full_name": "Trần Văn Bình"}, {"full_name": "Hồ Thị Lan"}]
    mediation_id = str(team.save_mediation(**CASE, parties=parties).record_id)
    team.sync_now()
    commune = add_commune(province.database_url)
    reviewer = new_laptop(tmp_path / "reviewer")
    try:
        code = province.code(role="reviewer", unit_id=commune.id)
        reviewer.enroll_device(server_url=province.server.url, code=code)
        reviewer.sync_now()
        assert reviewer.mediation(mediation_id)["title"] == "Tranh chấp lối đi chung"
        assert _names(reviewer, "mediation_party") == ["Hồ Thị Lan", "Trần Văn Bình"]
    finally:
        reviewer.close()


def test_the_answer_and_the_body_typed_on_two_laptops_merge(
    laptops: Callable[[str], Session],
) -> None:
    """A records where the petition went, B the answer that came back: both keep both."""
    a, b = laptops("a"), laptops("b")
    petition_id = str(a.save_petition(**LAMP).record_id)
    a.sync_now()
    b.sync_now()
    a.save_petition(petition_id, passed_to="Điện lực Huế", passed_on="2026-01-06")
    b.save_petition(petition_id, answer="Đã thay bóng đèn.", answered_on="2026-01-20")
    a.sync_now()
    b.sync_now()
    a.sync_now()
    for laptop in (a, b):
        sheet = laptop.petition(petition_id)
        assert (sheet["passed_to"], sheet["answered_on"]) == ("Điện lực Huế", "2026-01-20")
    assert a.conflicts() == [] and b.conflicts() == []


def test_a_deleted_petition_takes_its_petitioners_on_the_other_laptop(
    laptops: Callable[[str], Session],
) -> None:
    """Deleting on A leaves no petition and no petitioner on B."""
    a, b = laptops("a"), laptops("b")
    petition_id = str(a.save_petition(**LAMP, petitioners=[{"full_name": "Lê Thị Hoa"}]).record_id)
    a.sync_now()
    b.sync_now()
    a.delete_petition(petition_id)
    a.sync_now()
    b.sync_now()
    assert b.petition_count() == 0
    assert _names(b, "petitioner") == []


def test_a_laptop_upgraded_from_the_previous_release_gets_what_it_was_not_sent(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """A reviewer of store schema 8 is sent no petition (it could not store one) and pulls
    to the end; once upgraded (m009 sets its checkpoint to 0, test_migrations.py checks it)
    its next sync brings the petition and its petitioner."""
    team = laptops("team")
    petition_id = str(
        team.save_petition(**LAMP, petitioners=[{"full_name": "Lê Thị Hoa"}]).record_id
    )
    team.sync_now()
    commune = add_commune(province.database_url)
    reviewer = new_laptop(tmp_path / "reviewer")
    try:
        code = province.code(role="reviewer", unit_id=commune.id)
        reviewer.enroll_device(server_url=province.server.url, code=code)
        reviewer.store.conn.execute("PRAGMA user_version = 8")  # what it tells the server
        reviewer.sync_now()
        assert reviewer.petition_count() == 0
        reviewer.store.conn.execute(f"PRAGMA user_version = {schema_version()}")
        reviewer.store.set_meta("sync_checkpoint", "0")
        reviewer.sync_now()
        assert [p["full_name"] for p in reviewer.petition(petition_id)["petitioners"]] == [
            "Lê Thị Hoa"
        ]
    finally:
        reviewer.close()
