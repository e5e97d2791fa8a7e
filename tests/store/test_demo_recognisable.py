"""Demo data a leader recognises: the place's own models, real positions, names that agree
with the person's gender, evening meetings chaired by the leader, minutes numbered in order."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from danvan_desktop.core.vocab import member_positions
from danvan_desktop.session import Session
from danvan_desktop.store import demo_data
from danvan_desktop.store.demo_models import IDEAS, TEXT_FIELDS
from danvan_desktop.store.demo_people import FEMALE_MARKS, GIVEN_F, MALE_MARKS, MOUNTAIN_GIVEN_F
from danvan_desktop.store.demo_places import MOUNTAIN, WARD

TODAY = dt.date(2026, 12, 6)
# One village in each of Huế's 40 communes, fourteen months of meetings (over a new year).
CITY = demo_data.DemoSize(units=40, models=400, meetings=40 * 14)
FARMING = ("bò", "lúa", "ruộng", "trâu", "heo", "rẫy", "dược liệu", "chăn nuôi", "gieo")


@pytest.fixture(params=["small", "large"])
def demo(request: pytest.FixtureRequest, session: Session) -> Session:
    """The store filled with the small set (a ward's team) or the large one (a city)."""
    if request.param == "small":
        demo_data.fill_small(session, today=TODAY)
    else:
        demo_data.fill_large(session.store, size=CITY)
    return session


def _rows(session: Session, sql: str) -> list[dict[str, Any]]:
    return [dict(row) for row in session.store.db.query(sql)]


def _models_by_kind(session: Session, kind: str) -> list[dict[str, Any]]:
    return _rows(
        session,
        f"SELECT m.* FROM model m JOIN unit u ON u.id = m.unit_id WHERE u.village_kind = '{kind}'",
    )


def test_ward_teams_have_no_farming_models(session: Session) -> None:
    """No model of a residential group (tổ dân phố) speaks of cattle, rice or fields."""
    demo_data.fill_large(session.store, size=CITY)
    ward_models = _models_by_kind(session, "to_dan_pho")
    assert ward_models
    for model in ward_models:
        text = " ".join(str(model[name]).lower() for name in ("name", *TEXT_FIELDS))
        words = " " + re.sub(r"\W+", " ", text) + " "
        assert not [word for word in FARMING if f" {word} " in words], model["name"]


def test_mountain_villages_have_forest_and_culture_models(session: Session) -> None:
    """The villages of A Lưới and Nam Đông register their own ideas: forest, Zèng, Gươl…"""
    demo_data.fill_large(session.store, size=CITY)
    rows = _rows(
        session,
        "SELECT m.name FROM model m JOIN unit u ON u.id = m.unit_id "
        "WHERE u.commune_name LIKE 'Xã A Lưới%' OR u.commune_name = 'Xã Nam Đông'",
    )
    mountain = {idea.name for idea in IDEAS[MOUNTAIN]}
    assert rows and {str(r["name"]).rsplit(" ở ", 1)[0] for r in rows} <= mountain


def test_each_idea_has_its_own_texts() -> None:
    """No two ideas share the wording of any of their items."""
    ideas = [idea for ideas in IDEAS.values() for idea in ideas]
    for item in TEXT_FIELDS:
        texts = [getattr(idea, item) for idea in ideas]
        assert len(set(texts)) == len(texts), item


def test_villages_are_thon_in_communes_and_to_dan_pho_in_wards(session: Session) -> None:
    """A ward's villages are «Tổ dân phố …», a commune's «Thôn …»."""
    demo_data.fill_large(session.store, size=CITY)
    for unit in _rows(session, "SELECT name, village_kind, commune_name FROM unit"):
        ward = str(unit["commune_name"]).startswith("Phường")
        assert unit["village_kind"] == ("to_dan_pho" if ward else "thon"), unit["name"]
        assert str(unit["name"]).startswith("Tổ dân phố" if ward else "Thôn"), unit["name"]


def _is_female(name: str) -> bool | None:
    words = f" {name} "
    female = any(f" {mark} " in words for mark in FEMALE_MARKS)
    male = any(f" {mark} " in words for mark in MALE_MARKS)
    assert not (female and male), name
    return True if female else False if male else None


def test_names_agree_with_gender(demo: Session) -> None:
    """No name is both a woman's and a man's (Thị or Tôn Nữ with Văn or Tôn Thất)."""
    for table, column in (("member", "full_name"), ("attendance", "name")):
        for row in _rows(demo, f"SELECT {column} FROM {table}"):
            _is_female(str(row[column]))


def test_womens_association_heads_are_women(demo: Session) -> None:
    """The head of the women's association has a woman's name."""
    heads = _rows(
        demo,
        "SELECT full_name FROM member WHERE position = 'Chi hội trưởng Hội Liên hiệp Phụ nữ'",
    )
    assert heads
    for head in heads:
        name = str(head["full_name"])
        assert _is_female(name) is not False, name
        assert name.split()[-1] in GIVEN_F + MOUNTAIN_GIVEN_F, name


def test_members_hold_the_positions_the_app_offers(demo: Session) -> None:
    """Every position is one of core/vocab.py's for the village's kind; no «Công an viên»."""
    kinds = {
        str(r["team_id"]): str(r["village_kind"])
        for r in _rows(
            demo,
            "SELECT t.id AS team_id, u.village_kind FROM team t JOIN unit u ON u.id = t.unit_id",
        )
    }
    offered = {kind: set(member_positions(kind)) for kind in set(kinds.values())}
    for member in _rows(demo, "SELECT team_id, full_name, position FROM member"):
        assert member["position"] in offered[kinds[str(member["team_id"])]], member


def test_each_team_has_one_leader_and_no_name_twice(demo: Session) -> None:
    """A team has one leader, the Party cell secretary, and no two members of one name."""
    teams: dict[str, list[dict[str, Any]]] = {}
    for member in _rows(demo, "SELECT team_id, full_name, role, position FROM member"):
        teams.setdefault(str(member["team_id"]), []).append(member)
    for members in teams.values():
        leaders = [m for m in members if m["role"] == "leader"]
        assert [m["position"] for m in leaders] == ["Bí thư chi bộ"]
        names = [m["full_name"] for m in members]
        assert len(set(names)) == len(names)


def test_meetings_are_chaired_by_the_team_leader(demo: Session) -> None:
    """Every meeting's chair is its team's leader."""
    rows = _rows(
        demo,
        "SELECT m.title, m.chair, l.full_name AS leader FROM meeting m "
        "JOIN member l ON l.team_id = m.team_id AND l.role = 'leader'",
    )
    assert rows and [r for r in rows if r["chair"] != r["leader"]] == []


def test_meetings_are_in_the_evening(demo: Session) -> None:
    """Every meeting starts at 19:30 and ends by 21:30 the same evening."""
    for meeting in _rows(demo, "SELECT starts_at, ends_at FROM meeting"):
        assert str(meeting["starts_at"])[11:] == "19:30", meeting
        if meeting["ends_at"]:
            assert "21:00" <= str(meeting["ends_at"])[11:] <= "21:30", meeting


def test_minutes_numbers_increase_with_their_dates(demo: Session) -> None:
    """Within a team and a year, later minutes have higher numbers, starting from 1."""
    rows = _rows(
        demo,
        "SELECT team_id, number_year, number FROM meeting WHERE number IS NOT NULL "
        "ORDER BY team_id, number_year, starts_at",
    )
    series: dict[tuple[str, int], list[int]] = {}
    for row in rows:
        series.setdefault((str(row["team_id"]), int(row["number_year"])), []).append(
            int(row["number"])
        )
    assert series
    for numbers in series.values():
        assert numbers == list(range(1, len(numbers) + 1))


def test_reviews_record_the_period_they_cover(demo: Session) -> None:
    """Every half-year and year-end review of the demo names the period it reviews."""
    reviews = _rows(
        demo, "SELECT covers_from, covers_to FROM meeting WHERE kind IN ('half_year', 'year_end')"
    )
    assert reviews and all(r["covers_from"] and r["covers_to"] for r in reviews)


def test_the_small_demo_is_a_wards_team(session: Session) -> None:
    """The small set's team (Tổ dân phố 5, Phường Phú Xuân) is a ward's: its village head
    is «Tổ trưởng tổ dân phố» and none of its models is a farming one."""
    demo_data.fill_small(session, today=TODAY)
    positions = {m["position"] for m in session.team_members()}
    assert "Tổ trưởng tổ dân phố" in positions and "Trưởng thôn" not in positions
    ward = {idea.name for idea in IDEAS[WARD]}
    assert {str(m["name"]).rsplit(" ở ", 1)[0] for m in session.list_records("model")} <= ward
