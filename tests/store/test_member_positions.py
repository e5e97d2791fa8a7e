"""Member positions as they are since 2025: data the team may keep as its own list."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.i18n import set_language
from danvan_desktop.core.vocab import member_positions
from danvan_desktop.session import Session


def test_no_police_auxiliary_and_the_grassroots_posts_are_offered() -> None:
    """«Công an viên» is gone (Luật 30/2023/QH15); the security and order team, the deputy
    village head, clan heads and village elders are offered."""
    positions = member_positions("thon")
    assert "Công an viên" not in positions
    assert {
        "Tổ trưởng Tổ bảo vệ an ninh, trật tự ở cơ sở",
        "Phó trưởng thôn",
        "Trưởng dòng họ",
        "Già làng",
    } <= set(positions)


def test_head_and_deputy_take_the_title_of_the_place() -> None:
    """A residential group has a «tổ trưởng» and a «tổ phó», a hamlet a «trưởng bản»."""
    assert member_positions("to_dan_pho")[1:5:3] == ["Tổ trưởng tổ dân phố", "Tổ phó tổ dân phố"]
    assert member_positions("ban")[1:5:3] == ["Trưởng bản", "Phó trưởng bản"]


def test_positions_read_in_english() -> None:
    """The usual positions are translated like every label."""
    set_language("en")
    assert "Village elder" in member_positions("thon")


def test_the_team_keeps_its_own_list_and_can_go_back(session: Session) -> None:
    """A team's own list replaces the usual one (blanks and repeats dropped) until reset."""
    usual = session.member_positions()
    kept = session.save_member_positions(["Trưởng dòng họ Lê", " ", "Già làng", "Già làng"])
    assert kept == ["Trưởng dòng họ Lê", "Già làng"] == session.member_positions()
    assert session.save_member_positions(None) == usual
    assert usual[1] == "Tổ trưởng tổ dân phố"  # the session's team is a residential group


def test_an_overlong_position_is_refused(session: Session) -> None:
    """A position longer than 120 characters is refused with the field named."""
    with pytest.raises(ValidationError) as error:
        session.save_member_positions(["x" * 121])
    assert error.value.fields == ["positions"]
