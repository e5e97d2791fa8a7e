"""``danvan add|list|delete petition|mediation``, run as a user would: a real process."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import danvan, team_dir  # noqa: F401  (the fixture)


def _add_petition(folder: Path, *extra: str) -> str:
    done = danvan(
        "add",
        "petition",
        "title=Đèn đường kiệt 12 hỏng",
        "received_on=2026-01-05",
        "field_code=infrastructure",
        *extra,
        data_dir=folder,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_petition_is_added_with_its_petitioner_and_listed(team_dir: Path) -> None:  # noqa: F811
    """``--person`` saves the petitioner with the petition; the list shows day, state, due."""
    petition_id = _add_petition(team_dir, "--person", "Lê Thị Hoa")
    listed = danvan("list", "petition", "--limit", "5", data_dir=team_dir)
    assert listed.stdout.splitlines() == [
        f"{petition_id}\t2026-01-05\tQuá hạn trả lời\t2026-02-04\tĐèn đường kiệt 12 hỏng"
    ]
    people = json.loads(danvan("list", "petitioner", "--json", data_dir=team_dir).stdout)
    assert [(p["full_name"], p["petition_id"]) for p in people] == [("Lê Thị Hoa", petition_id)]


def test_the_petition_list_keeps_one_state(team_dir: Path) -> None:  # noqa: F811
    """``--state answered`` lists only the answered ones; an unknown state is refused."""
    _add_petition(team_dir)
    assert danvan("list", "petition", "--state", "answered", data_dir=team_dir).stdout == ""
    refused = danvan("list", "petition", "--state", "done", data_dir=team_dir)
    assert refused.returncode == 2
    assert "hãy chọn một trong waiting, overdue, answered" in refused.stderr


def test_dates_out_of_order_are_refused_in_one_line(team_dir: Path) -> None:  # noqa: F811
    """A petition passed on before it was received is refused with exit code 2."""
    done = danvan(
        "add",
        "petition",
        "title=Mương tắc",
        "received_on=2026-01-05",
        "field_code=environment",
        "passed_to=UBND phường",
        "passed_on=2026-01-01",
        data_dir=team_dir,
    )
    assert done.returncode == 2
    assert "«Ngày chuyển» ở trước «Ngày tiếp nhận»" in done.stderr


def test_deleting_a_petition_deletes_its_petitioner(team_dir: Path) -> None:  # noqa: F811
    """``delete petition`` takes the petitioner with it."""
    petition_id = _add_petition(team_dir, "--person", "Lê Thị Hoa")
    assert danvan("delete", "petition", petition_id, data_dir=team_dir).returncode == 0
    assert danvan("list", "petitioner", data_dir=team_dir).stdout == ""


def test_a_case_is_added_with_its_parties_and_listed_in_english(team_dir: Path) -> None:  # noqa: F811
    """A case with two parties; the English list says it has no outcome yet."""
    added = danvan(
        "add",
        "mediation",
        "title=Tranh chấp lối đi chung",
        "dispute_kind=land",
        "mediated_on=2026-02-10",
        "--person",
        "Trần Văn Bình",
        "--person",
        "Hồ Thị Lan",
        data_dir=team_dir,
    )
    assert added.returncode == 0, added.stderr
    listed = danvan("--lang", "en", "list", "mediation", data_dir=team_dir)
    assert listed.stdout.splitlines() == [
        f"{added.stdout.strip()}\t2026-02-10\tNo outcome yet\tTranh chấp lối đi chung"
    ]
    parties = danvan("list", "mediation_party", data_dir=team_dir).stdout.splitlines()
    assert len(parties) == 2


def test_person_is_refused_for_other_records(team_dir: Path) -> None:  # noqa: F811
    """``--person`` on a model is refused with a message that says what it is for."""
    done = danvan("add", "model", "name=Đường hoa", "--person", "Lê Thị Hoa", data_dir=team_dir)
    assert done.returncode == 2
    assert "--person chỉ dùng cho petition" in done.stderr
