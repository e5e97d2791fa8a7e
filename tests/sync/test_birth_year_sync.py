"""A member's birth year syncs between two current laptops of one team through the real
server on loopback, on SQLite and on PostgreSQL.

Laptop A is set up and enrolled; laptop B is set up from the server for the same village
(«Máy thay thế»), so both hold the one team. What one laptop writes in «Năm sinh» the
other pulls, and a change made on B comes back to A.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from server.conftest import empty_database_url, pg_schema
from support.server_process import PHU_XUAN, add_village, make_enrollment_code, start_server
from sync.conftest import new_laptop

__all__ = ["empty_database_url", "pg_schema"]  # the server's fixtures: SQLite and PostgreSQL


@dataclass
class Team:
    """Two enrolled laptops of one team."""

    a: Session
    b: Session


@pytest.fixture
def team(empty_database_url: str, tmp_path: Path) -> Iterator[Team]:
    """The real server on ``empty_database_url``; laptop A enrolled, B set up from it."""
    (tmp_path / "server").mkdir()
    with start_server(empty_database_url, log_dir=tmp_path / "server") as server:
        village = add_village(empty_database_url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
        a = new_laptop(tmp_path / "a")
        b = Session.open(tmp_path / "b", create=True)
        try:
            a.enroll_device(
                server_url=server.url,
                code=make_enrollment_code(empty_database_url, village.id),
                device_name="a",
            )
            assert a.sync_now().rejected == 0
            b.set_up_from_server(
                server_url=server.url,
                code=make_enrollment_code(empty_database_url, village.id),
                device_name="b",
            )
            b.sync_now()
            yield Team(a, b)
        finally:
            a.close()
            b.close()


def birth_years(session: Session) -> dict[str, int | None]:
    return {str(m["full_name"]): m["birth_year"] for m in session.team_members()}


def test_a_birth_year_typed_on_a_reaches_b(team: Team) -> None:
    """A member added on A with birth year 1958 is on B with 1958 after both sync."""
    team.a.save_member(full_name="Nguyễn Văn Bình", role="member", birth_year=1958)
    assert team.a.sync_now().rejected == 0
    team.b.sync_now()
    assert birth_years(team.b) == {"Nguyễn Văn An": None, "Nguyễn Văn Bình": 1958}


def test_a_birth_year_changed_on_b_comes_back_to_a(team: Team) -> None:
    """The leader's birth year given on B (1962) is on A after both sync."""
    leader = next(m for m in team.b.team_members() if m["full_name"] == "Nguyễn Văn An")
    team.b.save_member(str(leader["id"]), birth_year=1962)
    assert team.b.sync_now().rejected == 0
    team.a.sync_now()
    assert birth_years(team.a) == {"Nguyễn Văn An": 1962}
