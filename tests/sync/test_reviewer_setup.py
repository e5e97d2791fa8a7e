"""A reviewer's laptop is set up as a reviewer: no team of its own, nothing refused.

Against the real server on loopback (SQLite and PostgreSQL, the fixture of
test_replacement_laptop.py): a commune reviewer's laptop set up from the server
pulls the villages' records and pushes nothing; one set up the old way (as a team,
then enrolled with a reviewer's code) drops the setup it may not push.
"""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.session import Session
from support.server_process import PHU_XUAN, add_commune
from sync.conftest import new_laptop
from sync.test_replacement_laptop import City, city  # noqa: F401 (the server fixture)


def _commune(server: City) -> str:
    return add_commune(server.url, PHU_XUAN).id


def test_reviewer_first_sync_refuses_nothing(city: City, tmp_path: Path) -> None:  # noqa: F811
    """A reviewer's laptop set up from the server sends nothing and is refused nothing."""
    city.village_with_history("Tổ dân phố 21")
    laptop = Session.open(tmp_path / "reviewer", create=True)
    try:
        answer = laptop.set_up_from_server(
            server_url=city.server.url, code=city.code(_commune(city), role="reviewer")
        )
        report = laptop.sync_now()
        assert answer["role"] == "reviewer"
        assert (report.pushed, report.rejected) == (0, 0)
        assert laptop.sync_state().rejected == 0
    finally:
        laptop.close()


def test_reviewer_has_no_team_of_its_own(city: City, tmp_path: Path) -> None:  # noqa: F811
    """Set up from the server, a reviewer's store names its commune and no team."""
    commune_id = _commune(city)
    laptop = Session.open(tmp_path / "reviewer", create=True)
    try:
        laptop.set_up_from_server(
            server_url=city.server.url, code=city.code(commune_id, role="reviewer")
        )
        assert laptop.store.home_unit_id == commune_id
        assert laptop.store.meta("team_id") is None
        assert laptop.list_records("team") == []
    finally:
        laptop.close()


def test_reviewer_pulls_the_villages_models(city: City, tmp_path: Path) -> None:  # noqa: F811
    """The reviewer's first sync brings the villages' models."""
    city.village_with_history("Tổ dân phố 22")
    laptop = Session.open(tmp_path / "reviewer", create=True)
    try:
        laptop.set_up_from_server(
            server_url=city.server.url, code=city.code(_commune(city), role="reviewer")
        )
        laptop.sync_now()
        assert "Đường hoa" in [row["name"] for row in laptop.list_records("model")]
    finally:
        laptop.close()


def test_reviewer_laptop_writes_as_a_reviewer_after_reopening(
    city: City,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Reopened, a reviewer's store gives its Session the reviewer's role."""
    folder = tmp_path / "reviewer"
    laptop = Session.open(folder, create=True)
    try:
        laptop.set_up_from_server(
            server_url=city.server.url, code=city.code(_commune(city), role="reviewer")
        )
    finally:
        laptop.close()
    again = Session.open(folder)
    try:
        assert again.role == "reviewer"
    finally:
        again.close()


def test_team_setup_enrolled_as_reviewer_is_not_pushed(
    city: City,  # noqa: F811
    tmp_path: Path,
) -> None:
    """A laptop set up as a team, then enrolled with a reviewer's code, drops that setup:
    its first sync refuses nothing (was «bị từ chối 10»)."""
    laptop = new_laptop(tmp_path / "old-way")
    try:
        laptop.enroll_device(
            server_url=city.server.url, code=city.code(_commune(city), role="reviewer")
        )
        report = laptop.sync_now()
        assert (report.pushed, report.rejected) == (0, 0)
        assert laptop.store.meta("team_id") is None
    finally:
        laptop.close()
