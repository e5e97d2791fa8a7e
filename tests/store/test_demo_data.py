"""Demo data: a team's year through tracked saves, a city as already-synced records."""

from __future__ import annotations

from danvan_desktop.session import Session
from danvan_desktop.store import demo_data
from danvan_desktop.store.places import HUE_PROVINCE_CODE, communes_of


def _count(session: Session, table: str, where: str = "deleted = 0") -> int:
    return int(
        session.store.db.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
    )


def test_small_demo_is_a_team_year(session: Session) -> None:
    """Models, monthly meetings with attendance, opinions and tasks, all queued for sync."""
    session.fill_demo(size="small")
    assert _count(session, "model") == 40
    assert _count(session, "meeting") == 24
    assert _count(session, "member") == 9
    assert _count(session, "attendance") == 24 * 8
    assert _count(session, "task", "status = 'done'") > 0
    assert _count(session, "meeting", "state = 'final'") == 23
    assert _count(session, "model", "status = 'in_progress'") > 0
    assert session.pending_count() > 300
    assert session.search("tuyen duong hoa")


def test_large_demo_scaled_down_is_a_synced_city(session: Session) -> None:
    """Villages across Huế's real communes, synced (no outbox), searchable and sorted."""
    size = demo_data.DemoSize(units=45, models=900, meetings=300)
    before = session.pending_count()
    demo_data.fill_large(session.store, size=size)
    assert _count(session, "model") == 900
    assert _count(session, "meeting") == 300
    assert session.pending_count() == before
    communes = {r[0] for r in session.store.db.execute("SELECT DISTINCT commune_name FROM unit")}
    assert communes >= {p.name for p in communes_of(HUE_PROVINCE_CODE)}
    assert _count(session, "model", "name_sort IS NULL") == 0
    assert _count(session, "model", "dirty = 1") == 0
    assert len(session.search("camera an ninh", limit=5)) == 5
