"""Realistic demo data for Huế: a team's own two years (small) or a reviewer's city (large).

What a leader recognises: residential groups (tổ dân phố) in wards and villages (thôn)
in communes, each with the models, opinions and petitions of its kind of place
(``demo_places``, ``demo_models``, ``demo_meetings``, ``demo_community``); a roster
of the usual positions whose names agree with each person's gender (``demo_people``);
meetings on the regulation's day at 19:30, chaired by the team's leader, with a
half-year review in July and the year-end review in January (covering the year before);
minutes numbered in the order they were held. The communes are the real ones of Huế
from ``vietnam-provinces``.

The small set goes through the ordinary tracked saves, like a leader typing: one or two
models, two years of meetings. The large set (100k models, 50k meetings in 2,000
villages) is loaded as already-synced data, like a reviewer's first pull; its sizes are
what bench/gui.py measures, so they stay.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS, MODEL_STATUSES
from danvan_desktop.store import demo_community, demo_large, demo_network
from danvan_desktop.store.bulk import insert_synced
from danvan_desktop.store.database import Store
from danvan_desktop.store.demo_meetings import (
    ABSENCE_REASONS,
    CONCLUSIONS,
    TASKS,
    evening,
    meeting_place,
)
from danvan_desktop.store.demo_meetings import OPINIONS as PLACE_OPINIONS
from danvan_desktop.store.demo_models import IDEAS, MODEL_IDEAS, model_fields
from danvan_desktop.store.demo_people import person, roster
from danvan_desktop.store.demo_places import WARD, place_kind
from danvan_desktop.store.places import HUE_PROVINCE_CODE, communes_of

__all__ = ["MODEL_IDEAS", "OPINIONS", "SIZES", "DemoSize", "fill_large", "fill_small"]
__all__ += ["model_fields", "person"]

# Every opinion of every kind of place (other tools pick from it).
OPINIONS = tuple(text for texts in PLACE_OPINIONS.values() for text in texts)
HALF_YEAR_REVIEW = (7, 3)  # (month, day): the half-year review, after the 15/6 cut-off
YEAR_END_REVIEW = (1, 8)  # the year-end review of the year before, early in January


@dataclass
class DemoSize:
    """How much to make."""

    units: int
    models: int
    meetings: int


SIZES = {
    "small": DemoSize(units=1, models=2, meetings=24),
    "large": DemoSize(units=2000, models=100_000, meetings=50_000),
}


def _month_day(day: dt.date, months_back: int, on: int) -> dt.date:
    """The day ``on`` of the month ``months_back`` before ``day``'s."""
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, min(on, 28))


def _schedule(today: dt.date, months: int, meeting_day: int) -> list[tuple[str, dt.date]]:
    """The team's meetings of the last ``months`` months, oldest first: the regular ones and
    the reviews held between them (each (kind, day))."""
    regular = [_month_day(today, back, meeting_day) for back in range(months - 1, -1, -1)]
    first = regular[0]
    reviews = []
    for year in range(first.year, today.year + 1):
        reviews.append(("half_year", dt.date(year, *HALF_YEAR_REVIEW)))
        reviews.append(("year_end", dt.date(year, *YEAR_END_REVIEW)))
    held = [("regular", day) for day in regular]
    held += [(kind, day) for kind, day in reviews if first <= day <= today]
    return sorted(held, key=lambda item: item[1])


def _place_of_team(session_like: Any) -> tuple[str, str]:
    """The team's village and its kind of place."""
    unit = session_like.get_record("unit", session_like.store.home_unit_id)
    kind = WARD if unit.get("village_kind") == "to_dan_pho" else place_kind(unit["commune_name"])
    return str(unit["name"]), kind


def fill_small(session_like: Any, *, seed: int = 1, today: dt.date | None = None) -> None:
    """One team's two years through tracked saves (``session_like`` is a Session)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    village, kind = _place_of_team(session_like)
    team_id = session_like.team_id
    leader = [str(m["full_name"]) for m in session_like.team_members()]
    for member in roster(rng, team_id, kind, leader=False, taken=leader):
        session_like.add_member(**member)
    _small_models(session_like, rng, village, kind, today)
    meeting_day = int(session_like.regulation().get("meeting_day") or 25)
    held = _schedule(today, SIZES["small"].meetings, meeting_day)
    for index, (meeting_kind, day) in enumerate(held):
        last = index == len(held) - 1  # the latest minutes are still being written
        _small_meeting(session_like, rng, kind, village, meeting_kind, day, today, final=not last)
    demo_community.fill_small(session_like, rng, person, today, place=kind)
    demo_network.fill_small(session_like.store.db)  # cards of the network library


def _small_models(
    session_like: Any, rng: random.Random, village: str, kind: str, today: dt.date
) -> None:
    """Two models: one launched last year, one registered this year."""
    older, newer = rng.sample(IDEAS[kind], 2)
    launched = session_like.add_model(
        **model_fields(rng, village, today.year - 1, kind, older),
        start_date=dt.date(today.year - 1, 3, 1).isoformat(),
    )
    session_like.move_model(launched.record_id, status="in_progress")
    session_like.add_model(**model_fields(rng, village, today.year, kind, newer))


def _small_meeting(
    session_like: Any,
    rng: random.Random,
    kind: str,
    village: str,
    meeting_kind: str,
    day: dt.date,
    today: dt.date,
    *,
    final: bool,
) -> None:
    """One meeting from its template, as the leader records it, finalised when ``final``."""
    start, end = evening(day, rng.randrange(3))
    made = session_like.create_meeting(
        kind=meeting_kind,
        starts_at=dt.datetime.fromisoformat(start),
        place=meeting_place(kind, village),
    )
    meeting_id = str(made.record_id)
    members = session_like.team_members()
    secretary = next((m for m in members if m["position_order"] == 5), members[-1])
    session_like.update_record("meeting", meeting_id, secretary=secretary["full_name"])
    if day > today:
        return  # planned: nothing said or decided yet
    session_like.update_record("meeting", meeting_id, ends_at=end)
    present = []
    for row in session_like.meeting_children(meeting_id, "attendance"):
        away = row["member_id"] != members[0]["id"] and rng.random() < 0.12
        if away:
            session_like.update_record(
                "attendance", row["id"], present=False, absence_reason=rng.choice(ABSENCE_REASONS)
            )
        else:
            present.append(row)
    agenda = session_like.meeting_children(meeting_id, "agenda_item")
    for order, text in enumerate(rng.sample(PLACE_OPINIONS[kind], 2), start=1):
        session_like.add_record(
            "opinion",
            meeting_id=meeting_id,
            agenda_item_id=agenda[min(1, len(agenda) - 1)]["id"],
            speaker=rng.choice(present[1:] or present)["name"],
            content=text,
            position_order=order,
        )
    owner = rng.choice(members[1:])
    task = session_like.add_task(
        meeting_id=meeting_id,
        title=rng.choice(TASKS[kind]),
        owner_member_id=owner["id"],
        owner_name=owner["full_name"],
        deadline=(day + dt.timedelta(days=20)).isoformat(),
    )
    if day + dt.timedelta(days=20) < today:
        session_like.mark_task_done(task.record_id, on=day + dt.timedelta(days=rng.randint(5, 18)))
    if final:
        session_like.add_record(
            "conclusion",
            meeting_id=meeting_id,
            content=rng.choice(CONCLUSIONS[kind]),
            position_order=1,
        )
        session_like.finalise_meeting(meeting_id, today=today)


def fill_large(
    store: Store,
    *,
    seed: int = 1,
    size: DemoSize | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> None:
    """A city of villages as a reviewer sees it, loaded as already-synced records."""
    size = size or SIZES["large"]
    rng = random.Random(seed)
    communes = communes_of(HUE_PROVINCE_CODE)
    db = store.db
    version = 1
    with db.atomic():
        city = demo_large.villages(rng, communes, size.units)
        has_fields = db.execute("SELECT count(*) FROM model_field").fetchone()[0]
        fields = [
            {"id": uuid7(), "code": code, "name": name, "position_order": pos}
            for pos, (code, name) in enumerate(() if has_fields else DEFAULT_MODEL_FIELDS, 1)
        ]
        for entity, rows in (
            ("unit", city.units),
            ("team", city.teams),
            ("member", city.members),
            ("model_field", fields),
        ):
            version = insert_synced(db, entity, rows, first_version=version)
        version = _large_models(store, rng, city, size, version, progress)
        version = demo_large.meetings(store, rng, city, size.meetings, version, progress)
        _large_community(store, rng, city, version)


def _large_community(store: Store, rng: random.Random, city: demo_large.City, version: int) -> int:
    """Two petitions and a mediation case per village (store/demo_community.py)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for i, unit in enumerate(city.units):
        kind = city.kinds[i]
        made = demo_community.large_rows(rng, unit["id"], person, 2020 + i % 7, place=kind)
        for entity, batch in made.items():
            rows.setdefault(entity, []).extend(batch)
    for entity, batch in rows.items():
        version = insert_synced(store.db, entity, batch, first_version=version)
    return version


def _large_models(
    store: Store,
    rng: random.Random,
    city: demo_large.City,
    size: DemoSize,
    version: int,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    statuses = list(MODEL_STATUSES)
    batch: list[dict[str, Any]] = []
    for i in range(size.models):
        at = i % len(city.units)
        unit = city.units[at]
        fields = model_fields(rng, city.villages[at], 2020 + i % 7, city.kinds[at])
        batch.append(
            {"id": uuid7(), "unit_id": unit["id"], "status": rng.choice(statuses), **fields}
        )
        if len(batch) == 5000 or i == size.models - 1:
            version = insert_synced(store.db, "model", batch, first_version=version)
            batch = []
            if progress:
                progress("model", i + 1, size.models)
    return version
