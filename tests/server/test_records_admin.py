"""`danvan-server records show|repair|remove` and `audit`: an operator mends a bad record."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from danvan_server import audit
from danvan_server import records as stored
from danvan_server.cli import main
from danvan_server.db import read_sequence, write_sequence, writing
from server.conftest import Units
from support.server_process import ServerApi

BAD_ID = "01a24b50-0000-7000-8000-00000000bad1"
TOO_BIG = 10**30  # beyond 64 bits: no laptop can store it


def _store_bad_model(engine: Engine, units: Units) -> int:
    """A model holding a year no laptop can store, written as if accepted before the check."""
    fields = stored.empty_fields("model")
    fields.update(name="Mô hình cũ", status="registered", field_code="economy", year=TOO_BIG)
    record = stored.StoredRecord(
        "model", BAD_ID, units.village.id, units.village.path, 0, False, fields
    )
    with writing(engine) as connection:
        record.server_version = read_sequence(connection) + 1
        stored.write(connection, [record])
        write_sequence(connection, record.server_version)
    return record.server_version


def _cli(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database", url, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _model_change(api: ServerApi, since: int) -> dict[str, Any]:
    changes, _next = api.pull_all(since)
    [change] = [c for c in changes if c["record_id"] == BAD_ID]
    return dict(change)


def test_repair_reaches_the_laptop_with_a_higher_sequence(
    database_url: str,
    engine: Engine,
    units: Units,
    team: ServerApi,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """After `records repair`, a pull brings the repaired value at a new, higher version."""
    bad_version = _store_bad_model(engine, units)
    _changes, checkpoint = team.pull_all()
    code, out, _ = _cli(
        capsys, database_url, "records", "repair", BAD_ID, "year=2026", "--reason", "typo"
    )
    assert code == 0
    assert out.startswith(f"repaired model {BAD_ID}: year; version ")
    change = _model_change(team, checkpoint)
    assert change["fields"]["year"] == 2026
    assert change["fields"]["name"] == "Mô hình cũ"
    assert change["server_version"] > bad_version
    assert change["deleted"] is False


def test_remove_reaches_the_laptop_as_a_tombstone(
    database_url: str,
    engine: Engine,
    units: Units,
    team: ServerApi,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """After `records remove`, a pull brings a tombstone at a new, higher version."""
    bad_version = _store_bad_model(engine, units)
    _changes, checkpoint = team.pull_all()
    code, out, _ = _cli(capsys, database_url, "records", "remove", BAD_ID, "--reason", "junk")
    assert code == 0
    assert out.startswith(f"removed model {BAD_ID}: version ")
    change = _model_change(team, checkpoint)
    assert change["deleted"] is True
    assert change["server_version"] > bad_version


def test_repair_writes_one_audit_row(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """A repair leaves one audit row: action, subject, new and old values, the reason."""
    _store_bad_model(engine, units)
    _cli(capsys, database_url, "records", "repair", BAD_ID, "year=2026", "--reason", "typo")
    [row] = audit.entries(engine, subject=BAD_ID)
    assert row["action"] == "record.repair"
    assert row["detail"]["fields"] == {"year": 2026}
    assert row["detail"]["before"] == {"year": TOO_BIG}
    assert row["detail"]["reason"] == "typo"
    assert row["detail"]["entity"] == "model"


def test_remove_writes_one_audit_row(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """A removal leaves one audit row with its reason."""
    _store_bad_model(engine, units)
    _cli(capsys, database_url, "records", "remove", BAD_ID, "--reason", "junk")
    [row] = audit.entries(engine, subject=BAD_ID)
    assert (row["action"], row["detail"]["reason"]) == ("record.remove", "junk")


def test_audit_command_lists_the_rows(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """`audit --subject ID` prints one line per row about that record."""
    _store_bad_model(engine, units)
    _cli(capsys, database_url, "records", "repair", BAD_ID, "year=2026", "--reason", "typo")
    _cli(capsys, database_url, "records", "remove", BAD_ID, "--reason", "junk")
    code, out, _ = _cli(capsys, database_url, "audit", "--subject", BAD_ID)
    lines = out.splitlines()
    assert code == 0
    assert [line.split("  ")[2:4] for line in lines] == [
        ["record.repair", BAD_ID],
        ["record.remove", BAD_ID],
    ]


def test_show_prints_the_record_and_the_value_laptops_refuse(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """`records show` names the unit, the version and the field a laptop cannot store."""
    version = _store_bad_model(engine, units)
    code, out, _ = _cli(capsys, database_url, "records", "show", BAD_ID)
    assert code == 0
    assert out.splitlines()[0] == f"model {BAD_ID}  version {version}  live"
    assert out.splitlines()[1] == f"unit: Tổ dân phố 5 ({units.village.id})"
    assert f"  year = {TOO_BIG}" in out.splitlines()
    assert "values laptops refuse:" in out
    assert "  year: " in out


def test_show_names_json_text_laptops_cannot_read(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """A json field holding text that is no JSON (every laptop keeps it aside) is named."""
    fields = stored.empty_fields("exemplar")
    fields.update(kind="individual", name="Lê Thị Hoa", year=2026, linked_model_ids="Quý I")
    record = stored.StoredRecord(
        "exemplar", BAD_ID, units.village.id, units.village.path, 0, False, fields
    )
    with writing(engine) as connection:
        record.server_version = read_sequence(connection) + 1
        stored.write(connection, [record])
        write_sequence(connection, record.server_version)
    code, out, _ = _cli(capsys, database_url, "records", "show", BAD_ID)
    assert code == 0
    assert "  linked_model_ids: " in out.split("values laptops refuse:")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("records", "repair", "no-such-id", "year=2026"), "error: no record 'no-such-id'"),
        (("records", "remove", "no-such-id"), "error: no record 'no-such-id'"),
        (("records", "repair", BAD_ID, "colour=red"), "error: model has no field 'colour'"),
        (("records", "repair", BAD_ID, "year=soon"), "error: year=soon: "),
        (
            ("records", "repair", BAD_ID, "name=Mô hình mới"),
            f"error: model {BAD_ID} would still hold values laptops refuse (year: ",
        ),
    ],
    ids=["repair-unknown-id", "remove-unknown-id", "unknown-field", "bad-value", "still-bad"],
)
def test_refusal_is_one_line_with_exit_2(
    database_url: str,
    engine: Engine,
    units: Units,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    """An unknown id, an unknown field or a bad value: one line on stderr, exit 2."""
    version = _store_bad_model(engine, units)
    code, out, err = _cli(capsys, database_url, *args, "--reason", "try")
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1
    with writing(engine, sequenced=False) as connection:
        record = stored.fetch_one(connection, "model", BAD_ID)
    assert record is not None and record.server_version == version
    assert audit.entries(engine, subject=BAD_ID) == []


def test_text_field_keeps_what_was_typed(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """name=2026 repairs a name to the text "2026", not to a number."""
    _store_bad_model(engine, units)
    args = ("records", "repair", BAD_ID, "name=2026", "year=2026", "--reason", "x")
    assert _cli(capsys, database_url, *args)[0] == 0
    with writing(engine, sequenced=False) as connection:
        record = stored.fetch_one(connection, "model", BAD_ID)
    assert record is not None and record.fields["name"] == "2026"


def test_reason_is_required(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --reason the command does not run (argparse's usage error, exit 2)."""
    with pytest.raises(SystemExit) as stopped:
        main(["--database", database_url, "records", "remove", BAD_ID])
    assert stopped.value.code == 2
    assert "--reason" in capsys.readouterr().err


def test_tombstone_leaves_out_the_values_laptops_refuse(
    database_url: str,
    engine: Engine,
    units: Units,
    team: ServerApi,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The tombstone of a removed bad record carries null where the bad value was."""
    _store_bad_model(engine, units)
    _cli(capsys, database_url, "records", "remove", BAD_ID, "--reason", "junk")
    change = _model_change(team, 0)
    assert (change["fields"]["year"], change["fields"]["name"]) == (None, "Mô hình cũ")
    [row] = audit.entries(engine, subject=BAD_ID)
    assert row["detail"]["cleared"] == ["year"]


def test_removing_a_bad_conflict_record_clears_its_bad_value(
    database_url: str, engine: Engine, units: Units, capsys: pytest.CaptureFixture[str]
) -> None:
    """A conflict record holding a value laptops refuse is removed with that value nulled."""
    fields = dict.fromkeys(stored.field_names("conflict"))
    fields.update(entity="model", record_id=BAD_ID, field="year", kept_value=TOO_BIG)
    conflict = stored.StoredRecord(
        "conflict", "c-bad", units.village.id, units.village.path, 0, False, fields
    )
    with writing(engine) as connection:
        conflict.server_version = read_sequence(connection) + 1
        stored.write(connection, [conflict])
        write_sequence(connection, conflict.server_version)
    code, _out, _err = _cli(capsys, database_url, "records", "remove", "c-bad", "--reason", "x")
    assert code == 0
    [row] = audit.entries(engine, subject="c-bad")
    assert row["detail"]["cleared"] == ["kept_value"]
