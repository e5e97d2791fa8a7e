"""The large demo set's villages and meetings: a reviewer's city, as already-synced rows.

Villages go round Huế's real communes: a ward's are residential groups, a commune's
villages with names; each has its team (seven to ten members, eight on average) of the
usual positions. Meetings go round the villages month by month from January 2020 on
the 25th at 19:30, each team's chaired by its leader with its members' attendance; the
June meeting is the half-year review and the December one the year-end review, each
covering its default period. Minutes are numbered per team and year in the order they
were held. Row counts and speed are what bench/gui.py measures.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.schedule import review_period
from danvan_desktop.core.vocab import team_name_for
from danvan_desktop.store.bulk import insert_synced
from danvan_desktop.store.database import Store
from danvan_desktop.store.demo_meetings import (
    ABSENCE_REASONS,
    CONCLUSIONS,
    OPINIONS,
    TASKS,
    evening,
    meeting_place,
    regular_title,
)
from danvan_desktop.store.demo_people import VILLAGE_KINDS_OF_PLACE, roster
from danvan_desktop.store.demo_places import place_kind, village_name
from danvan_desktop.store.places import HUE_PROVINCE_CODE, Place

TEAM_SIZES = (7, 8, 8, 9)  # members per team: eight on average, as in Huế
FIRST_MONTH = dt.date(2020, 1, 25)
BATCH = 2000  # meetings written at a time
REVIEW_MONTHS = {6: "half_year", 12: "year_end"}


@dataclass
class City:
    """The villages of the large set, side by side: unit rows, teams, rosters."""

    units: list[dict[str, Any]] = field(default_factory=list)
    teams: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    villages: list[str] = field(default_factory=list)  # each unit's village name
    kinds: list[str] = field(default_factory=list)  # each unit's kind of place
    rosters: list[list[dict[str, Any]]] = field(default_factory=list)  # leader first


def villages(rng: random.Random, communes: Sequence[Place], count: int) -> City:
    """``count`` villages round the communes, each with its team and roster."""
    city = City()
    for i in range(count):
        commune = communes[i % len(communes)]
        kind = place_kind(commune.name)
        village = village_name(kind, i // len(communes), offset=7 * (i % len(communes)))
        unit_id, team_id = uuid7(), uuid7()
        city.units.append(
            {
                "id": unit_id,
                "unit_id": unit_id,
                "level": "village",
                "province_code": HUE_PROVINCE_CODE,
                "commune_code": commune.code,
                "commune_name": commune.name,
                "name": f"{village}, {commune.name}",
                "village_kind": VILLAGE_KINDS_OF_PLACE[kind],
            }
        )
        city.teams.append({"id": team_id, "unit_id": unit_id, "name": team_name_for(village)})
        members = [
            {"id": uuid7(), "unit_id": unit_id, **member}
            for member in roster(rng, team_id, kind, rng.choice(TEAM_SIZES))
        ]
        city.members += members
        city.rosters.append(members)
        city.villages.append(village)
        city.kinds.append(kind)
    return city


def month_of(round_: int) -> dt.date:
    """The meeting day of round ``round_`` (0: January 2020)."""
    index = FIRST_MONTH.month - 1 + round_
    return dt.date(FIRST_MONTH.year + index // 12, index % 12 + 1, FIRST_MONTH.day)


def review_covers(kind: str, day: dt.date) -> dict[str, Any]:
    """A review's covered period (the default for its day) as meeting fields."""
    if kind == "regular":
        return {}
    first, last = review_period(kind, day)
    return {"covers_from": first.isoformat(), "covers_to": last.isoformat()}


def _title(kind: str, day: dt.date) -> str:
    if kind == "half_year":
        return f"Sơ kết 6 tháng đầu năm {day.year}"
    if kind == "year_end":
        return f"Tổng kết năm {day.year}"
    return regular_title(day)


def meetings(
    store: Store,
    rng: random.Random,
    city: City,
    count: int,
    version: int,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    """``count`` meetings round the villages, month by month, with their children."""
    rows: dict[str, list[dict[str, Any]]] = {
        name: [] for name in ("meeting", "attendance", "opinion", "conclusion", "task")
    }
    numbers: dict[tuple[int, int], int] = {}  # (village, year): the last minutes' number
    for i in range(count):
        at, round_ = i % len(city.units), i // len(city.units)
        day = month_of(round_)
        numbers[at, day.year] = numbers.get((at, day.year), 0) + 1
        _one_meeting(rows, rng, city, at, day, numbers[at, day.year])
        if len(rows["meeting"]) == BATCH or i == count - 1:
            for entity, batch in rows.items():
                version = insert_synced(store.db, entity, batch, first_version=version)
                batch.clear()
            if progress:
                progress("meeting", i + 1, count)
    return version


def _one_meeting(
    rows: dict[str, list[dict[str, Any]]],
    rng: random.Random,
    city: City,
    at: int,
    day: dt.date,
    number: int,
) -> None:
    unit_id, kind, members = city.units[at]["id"], city.kinds[at], city.rosters[at]
    meeting_kind = REVIEW_MONTHS.get(day.month, "regular")
    meeting_id = uuid7()
    start, end = evening(day, at + day.month)
    rows["meeting"].append(
        {
            "id": meeting_id,
            "unit_id": unit_id,
            "team_id": city.teams[at]["id"],
            "kind": meeting_kind,
            "title": _title(meeting_kind, day),
            "starts_at": start,
            "ends_at": end,
            "place": meeting_place(kind, city.villages[at]),
            "chair": members[0]["full_name"],
            "secretary": members[min(4, len(members) - 1)]["full_name"],
            "state": "final",
            "number": number,
            "number_year": day.year,
            "version": 1,
            **review_covers(meeting_kind, day),
        }
    )
    present = []
    for order, member in enumerate(members):
        here = order == 0 or rng.random() > 0.12  # the leader chairs
        rows["attendance"].append(
            {
                "id": uuid7(),
                "unit_id": unit_id,
                "meeting_id": meeting_id,
                "member_id": member["id"],
                "name": member["full_name"],
                "present": int(here),
                "absence_reason": None if here else rng.choice(ABSENCE_REASONS),
            }
        )
        if here:
            present.append(member)
    for pos, text in enumerate(rng.sample(OPINIONS[kind], 2), start=1):
        rows["opinion"].append(
            {
                "id": uuid7(),
                "unit_id": unit_id,
                "meeting_id": meeting_id,
                "speaker": rng.choice(present[1:] or present)["full_name"],
                "content": text,
                "position_order": pos,
            }
        )
    rows["conclusion"].append(
        {
            "id": uuid7(),
            "unit_id": unit_id,
            "meeting_id": meeting_id,
            "position_order": 1,
            "content": rng.choice(CONCLUSIONS[kind]),
        }
    )
    owner = rng.choice(members[1:] or members)
    done = rng.random() < 0.5
    rows["task"].append(
        {
            "id": uuid7(),
            "unit_id": unit_id,
            "meeting_id": meeting_id,
            "title": rng.choice(TASKS[kind]),
            "owner_member_id": owner["id"],
            "owner_name": owner["full_name"],
            "status": "done" if done else "open",
            "deadline": (day + dt.timedelta(days=20)).isoformat(),
            "done_on": (day + dt.timedelta(days=12)).isoformat() if done else None,
        }
    )
