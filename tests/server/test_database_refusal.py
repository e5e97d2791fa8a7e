"""When the database itself refuses one operation, only that operation is rejected.

Every value is checked in Python first, so this should not happen; if it does
(a constraint added by a DBA, a driver limit), the batch is re-run one
operation per savepoint. A real trigger that refuses one record id stands in
for the unexpected refusal.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from support.server_process import ServerApi

MODEL = {"name": "Mô hình", "status": "registered", "year": 2026, "field_code": "economy"}


def _refuse_record(engine: Engine, record_id: str) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_one BEFORE INSERT ON records "
                    f"WHEN NEW.id = '{record_id}' BEGIN SELECT RAISE(ABORT, 'refused by DBA'); END"
                )
            )
        else:
            connection.execute(
                text(
                    "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    f"IF NEW.id = '{record_id}' THEN RAISE EXCEPTION 'refused by DBA'; END IF; "
                    "RETURN NEW; END $$"
                )
            )
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_one BEFORE INSERT ON records "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_one()"
                )
            )


def test_database_refusal_rejects_only_that_operation(team: ServerApi, engine: Engine) -> None:
    """The refused op is rejected with the database's reason; the others are applied."""
    _refuse_record(engine, "m-2")
    ops = [team.op("model", f"m-{n}", {**MODEL, "name": f"Mô hình {n}"}) for n in (1, 2, 3)]
    results = team.push(ops).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert "refused by DBA" in results[1]["message"]
    names = {c["record_id"] for c in team.pull_all()[0] if c["entity"] == "model"}
    assert names == {"m-1", "m-3"}


def test_after_a_refusal_the_sequence_has_no_hole(team: ServerApi, engine: Engine) -> None:
    """The refused op's rolled-back savepoint gives its sequence number back."""
    _refuse_record(engine, "m-2")
    ops = [team.op("model", f"m-{n}", {**MODEL, "name": f"Mô hình {n}"}) for n in (1, 2, 3)]
    results = team.push(ops).json()["results"]
    assert [r["server_version"] for r in results] == [13, None, 14]
