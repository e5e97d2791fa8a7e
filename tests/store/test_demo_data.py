"""Demo data: a team's two years through tracked saves, a city as already-synced records."""

from __future__ import annotations

import datetime as dt

from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.session import Session
from danvan_desktop.store import demo_data
from danvan_desktop.store.demo_models import IDEAS
from danvan_desktop.store.demo_places import WARD
from danvan_desktop.store.places import HUE_PROVINCE_CODE, communes_of

TODAY = dt.date(2026, 12, 6)


def _count(session: Session, table: str, where: str = "deleted = 0") -> int:
    return int(
        session.store.db.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]
    )


def test_small_demo_is_a_team_year(session: Session) -> None:
    """Two models, two years of monthly meetings and their reviews, all queued for sync."""
    demo_data.fill_small(session, today=TODAY)
    assert _count(session, "model") == 2
    assert _count(session, "model", "status = 'in_progress'") == 1
    assert _count(session, "meeting", "kind = 'regular'") == 24
    assert _count(session, "meeting", "kind = 'half_year'") == 2  # 03/07/2025, 03/07/2026
    assert _count(session, "meeting", "kind = 'year_end'") == 1  # 08/01/2026, for 2025
    assert _count(session, "member") == 9
    assert _count(session, "attendance") == 27 * 9
    assert _count(session, "task", "status = 'done'") > 0
    assert _count(session, "meeting", "state = 'final'") == 26  # 25/12/2026 is planned
    assert session.pending_count() > 300
    name = str(session.list_records("model", limit=1)[0]["name"])
    assert session.search(fold_vietnamese(name))


def test_small_demo_models_fit_a_ward(session: Session) -> None:
    """The team of Tổ dân phố 5 (a ward) registers ward models, each with its own texts."""
    demo_data.fill_small(session, today=TODAY)
    models = session.list_records("model")
    ward_ideas = {idea.name for idea in IDEAS[WARD]}
    assert {str(m["name"]).rsplit(" ở ", 1)[0] for m in models} <= ward_ideas
    first, second = models
    for item in ("situation", "goals", "content", "scope", "actors", "outputs"):
        assert first[item] != second[item], item


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


def test_small_demo_has_petitions_and_mediation(session: Session) -> None:
    """A few petitions (one from a meeting opinion, some overdue) and cases with parties."""
    demo_data.fill_small(session, today=TODAY)
    assert _count(session, "petition") == 7
    assert _count(session, "petition", "opinion_id IS NOT NULL") == 1
    assert _count(session, "petitioner") == 5
    assert _count(session, "mediation") == 4
    assert _count(session, "mediation_party") == 8
    assert session.petition_count(state="overdue") > 0
    assert session.mediation_count(outcome="pending") == 1


def test_ward_petitions_go_to_the_wards_bodies(session: Session) -> None:
    """A ward's petitions are passed to «UBND phường» or «Công an phường», never a «xã»."""
    demo_data.fill_small(session, today=TODAY)
    bodies = {r["passed_to"] for r in session.list_records("petition") if r["passed_to"]}
    assert bodies == {"UBND phường", "Công an phường"}


def test_large_demo_gives_each_village_its_petitions_and_a_case(session: Session) -> None:
    """Two petitions with a petitioner each and one case with two parties per village."""
    demo_data.fill_large(session.store, size=demo_data.DemoSize(units=10, models=20, meetings=10))
    assert (_count(session, "petition"), _count(session, "petitioner")) == (20, 20)
    assert (_count(session, "mediation"), _count(session, "mediation_party")) == (10, 20)
    assert _count(session, "petition", "dirty = 1") == 0
