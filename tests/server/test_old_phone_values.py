"""A phone that is no number, pushed by a laptop of an earlier release (which had no phone
rule), is kept: the member reaches the city's server whole and pulls to the other laptops,
where the phone is shown and corrected."""

from __future__ import annotations

from danvan_desktop.core.ids import uuid7
from support.server_process import ServerApi

MEMBER = {"full_name": "Hồ Văn Tâm", "role": "member", "phone": "chưa có"}


def test_a_member_with_an_old_bad_phone_is_applied(team: ServerApi) -> None:
    """The push is applied, not rejected: the name and role are not lost with the phone."""
    member = {**MEMBER, "team_id": uuid7()}
    [result] = team.push([team.op("member", uuid7(), member)]).json()["results"]
    assert result["status"] == "applied"


def test_the_other_laptop_pulls_it_as_pushed(team: ServerApi, second_team: ServerApi) -> None:
    """The team's second laptop receives the member with the phone as written."""
    record_id = uuid7()
    team.push([team.op("member", record_id, {**MEMBER, "team_id": uuid7()})])
    changes, _next = second_team.pull_all()
    [pulled] = [c for c in changes if c["record_id"] == record_id]
    assert (pulled["fields"]["full_name"], pulled["fields"]["phone"]) == ("Hồ Văn Tâm", "chưa có")
