"""One device's bad push never fails another device's: values no laptop could store are
rejected per operation before they join the group commit, and a push that still fails
inside a group is rolled back to its own savepoint and fails alone."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from danvan_desktop.core.ids import uuid7
from danvan_server import auth, push
from danvan_server import records as stored
from danvan_server.http import ApiError
from danvan_server.push_writer import PushWriter
from server.conftest import Units
from server.push_values import BAD_RECORDS, MODEL, TASK, bad_op, good_ops, send
from support.server_process import ServerApi, make_enrollment_code, start_server

REASONS = {
    "surrogate": "«Nhiệm vụ» (title) chứa ký tự hỏng (nửa cặp thay thế UTF-16, không phải chữ "
    "Unicode hợp lệ): hãy gõ lại nội dung này trên máy rồi gửi lại.",
    "nul": "«Nhiệm vụ» (title) chứa ký tự NUL (mã 0), không lưu được: hãy xóa ký tự này rồi "
    "gửi lại.",
    "huge_int": "«Năm đăng ký» (year) phải nằm trong khoảng từ 1 đến 9999: hãy sửa lại số này.",
    "nan": "«Giá trị» (value) phải là một số hữu hạn, không phải vô cực hay NaN: hãy nhập lại "
    "số này.",
    "deep_json": "«Mô hình liên quan» (linked_model_ids) lồng nhau quá 16 tầng: hãy gửi dữ liệu "
    "đơn giản hơn.",
    "json_text": "«Mô hình liên quan» (linked_model_ids) phải là giá trị JSON.",
}
FAILED_ALONE = (
    "Máy chủ của thành phố không ghi được lần gửi này do một lỗi nội bộ; các thay đổi vẫn được "
    "giữ trên máy và sẽ tự gửi lại sau. Nếu lỗi lặp lại, hãy báo cán bộ quản trị máy chủ."
)
ROUNDS = 8
GOOD_PER_PUSH = 5


@pytest.fixture
def far_team(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """The team laptop of Thôn Hải Tiến, in another commune (Thuận An)."""
    code = make_enrollment_code(database_url, units.far_village.id)
    return anonymous.enroll(code, device_id=uuid7())


def _job(engine: Engine, laptop: ServerApi, ops: list[dict[str, Any]]) -> push.PushJob:
    scope = auth.authenticate(engine, f"Bearer {laptop.token}", "vi")
    return push.prepare({"device_id": laptop.device_id, "ops": ops}, scope, 5000, "vi")


def _stored_ids(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return {row.id for row in connection.execute(text("SELECT id FROM records"))}


def _statuses(answer: dict[str, Any] | ApiError) -> list[str]:
    assert not isinstance(answer, ApiError), answer.message
    return [r["status"] for r in answer["results"]]


@pytest.mark.parametrize("name", sorted(BAD_RECORDS))
def test_a_value_no_laptop_can_store_is_rejected_with_its_reason(
    team: ServerApi, name: str
) -> None:
    """Surrogate, NUL, 10**40, NaN, 17-deep JSON: rejected, naming the field; the
    valid operation beside it applies."""
    answer = send(team, [bad_op(team, name), *good_ops(team, 1)])
    assert answer.status_code == 200
    [bad, good] = answer.json()["results"]
    assert (bad["status"], bad["message"]) == ("rejected", REASONS[name])
    assert good["status"] == "applied"


def test_prepare_judges_every_operation_before_it_joins_a_write(
    engine: Engine, team: ServerApi
) -> None:
    """The job handed to the group writer already knows which operation is bad."""
    job = _job(engine, team, [*good_ops(team, 1), bad_op(team, "huge_int")])
    assert job.problems == (None, REASONS["huge_int"])


def test_text_is_stored_in_nfc(team: ServerApi) -> None:
    """A name sent decomposed is stored composed, as every laptop stores it."""
    op = team.op("model", "m-1", {**MODEL, "name": "Đu\u031bo\u031b\u0300ng hoa"})
    assert team.push([op]).json()["results"][0]["status"] == "applied"
    [change] = [c for c in team.pull_all()[0] if c["entity"] == "model"]
    assert change["fields"]["name"] == "Đường hoa"


def _refuse_record(engine: Engine, record_id: str) -> None:
    """A trigger that refuses one record id: the database's own refusal, unforeseen."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_one BEFORE INSERT ON records "
                    f"WHEN NEW.id = '{record_id}' BEGIN SELECT RAISE(ABORT, 'refused by DBA'); END"
                )
            )
            return
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


def test_a_refusal_by_the_database_is_rejected_alone_inside_the_group(
    engine: Engine, team: ServerApi, neighbour_team: ServerApi, far_team: ServerApi
) -> None:
    """Three pushes in one group: the refused operation is rejected, everything else of
    the three pushes commits in the same transaction."""
    _refuse_record(engine, "refused")
    jobs = [
        _job(engine, team, [team.op("task", "refused", TASK), team.op("task", "t-1", TASK)]),
        _job(engine, neighbour_team, [neighbour_team.op("task", "t-2", TASK)]),
        _job(engine, far_team, [far_team.op("task", "t-3", TASK)]),
    ]
    answers = push.apply_group(engine, jobs)
    assert [_statuses(a) for a in answers] == [["rejected", "applied"], ["applied"], ["applied"]]
    assert "refused by DBA" in answers[0]["results"][0]["message"]  # type: ignore[index]
    assert {"t-1", "t-2", "t-3"} <= _stored_ids(engine)
    assert "refused" not in _stored_ids(engine)


def test_a_value_the_driver_cannot_encode_is_rejected_alone(
    engine: Engine, team: ServerApi, neighbour_team: ServerApi
) -> None:
    """A lone surrogate that escaped the checks (a job built unchecked) reaches the
    driver: that operation is rejected, the rest of the group commits."""
    scope = auth.authenticate(engine, f"Bearer {team.token}", "vi")
    ops = [team.op("task", "broken", {**TASK, "title": "x\ud800"}), team.op("task", "t-1", TASK)]
    unchecked = push.PushJob(scope, ops, "vi", problems=(None, None))
    other = _job(engine, neighbour_team, [neighbour_team.op("task", "t-2", TASK)])
    answers = push.apply_group(engine, [unchecked, other])
    assert [_statuses(a) for a in answers] == [["rejected", "applied"], ["applied"]]
    message = answers[0]["results"][0]["message"]  # type: ignore[index]
    assert message.startswith("Máy chủ của thành phố không lưu được một giá trị của thao tác này")
    assert _stored_ids(engine) >= {"t-1", "t-2"}


def _fail_when_writing(monkeypatch: pytest.MonkeyPatch, record_id: str) -> None:
    """Inject a fault: writing the record ``record_id`` raises (any other error)."""
    write = stored.write

    def failing_write(connection: Any, changed: Sequence[stored.StoredRecord]) -> None:
        if any(record.id == record_id for record in changed):
            raise RuntimeError("injected fault")
        write(connection, changed)

    monkeypatch.setattr(stored, "write", failing_write)


def test_a_push_that_fails_for_another_reason_fails_alone(
    engine: Engine,
    team: ServerApi,
    neighbour_team: ServerApi,
    far_team: ServerApi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The failing push is rolled back whole (its valid operation too) and answered with
    a 500 and a message; the two other pushes of the group commit."""
    _fail_when_writing(monkeypatch, "boom")
    jobs = [
        _job(engine, team, [team.op("task", "boom", TASK), team.op("task", "t-1", TASK)]),
        _job(engine, neighbour_team, [neighbour_team.op("task", "t-2", TASK)]),
        _job(engine, far_team, [far_team.op("task", "t-3", TASK)]),
    ]
    failed, *others = push.apply_group(engine, jobs)
    assert isinstance(failed, ApiError)
    assert (failed.status, failed.message) == (500, FAILED_ALONE)
    assert [_statuses(a) for a in others] == [["applied"], ["applied"]]
    assert _stored_ids(engine) >= {"t-2", "t-3"}
    assert _stored_ids(engine).isdisjoint({"boom", "t-1"})


def test_the_writer_answers_only_the_failing_push_with_its_error(
    engine: Engine,
    team: ServerApi,
    neighbour_team: ServerApi,
    far_team: ServerApi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through the group writer: the failing push raises its ApiError, the others
    are answered ``applied``."""
    _fail_when_writing(monkeypatch, "boom")
    laptops = [neighbour_team, far_team] * 5
    jobs = [_job(engine, team, [team.op("task", "boom", TASK)])]
    jobs += [_job(engine, laptop, good_ops(laptop, 1)) for laptop in laptops]
    writer = PushWriter(engine)

    async def apply_all() -> list[Any]:
        return list(
            await asyncio.gather(*(writer.apply(job) for job in jobs), return_exceptions=True)
        )

    failed, *answers = asyncio.run(apply_all())
    writer.stop()
    assert isinstance(failed, ApiError) and failed.status == 500
    assert [_statuses(a) for a in answers] == [["applied"]] * 10


def _pusher(
    api: ServerApi,
    batches: list[list[dict[str, Any]]],
    start: threading.Barrier,
    answers: list[tuple[int, list[dict[str, Any]]]],
    errors: list[str],
) -> None:
    try:
        for ops in batches:
            start.wait(timeout=60)
            answer = send(api, ops)
            results = answer.json().get("results", []) if answer.status_code == 200 else []
            answers.append((answer.status_code, results))
    except Exception as exc:  # reported by the test, not lost in a thread
        errors.append(repr(exc))
    finally:
        api.close()


def test_bad_values_never_fail_other_communes_pushes_on_the_real_server(
    database_url: str, units: Units, tmp_path: Path
) -> None:
    """One laptop pushes a surrogate, NUL, 10**40, NaN and 17-deep JSON in every round
    while three laptops (two in another commune) push valid work at the same instant:
    nobody gets a 5xx, the bad operations are rejected, every valid one is applied."""
    with start_server(database_url, log_dir=tmp_path) as server:

        def laptop(unit_id: str, role: str = "team") -> ServerApi:
            code = make_enrollment_code(database_url, unit_id, role)
            return ServerApi(server.url).enroll(code, uuid7())

        bad = laptop(units.village.id)
        goods = [laptop(units.far_village.id), laptop(units.far_village.id)]
        goods.append(laptop(units.neighbour.id))
        bad_batches = [
            [bad_op(bad, n) for n in BAD_RECORDS] + good_ops(bad, 1) for _ in range(ROUNDS)
        ]
        batches = {id(g): [good_ops(g, GOOD_PER_PUSH) for _ in range(ROUNDS)] for g in goods}
        start = threading.Barrier(1 + len(goods))
        answers: list[tuple[int, list[dict[str, Any]]]] = []
        errors: list[str] = []
        threads = [
            threading.Thread(target=_pusher, args=(bad, bad_batches, start, answers, errors))
        ]
        threads += [
            threading.Thread(target=_pusher, args=(g, batches[id(g)], start, answers, errors))
            for g in goods
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        city = laptop(units.city.id, "reviewer")
        stored_ids = {c["record_id"] for c in city.pull_all()[0]}
    assert errors == []
    assert [status for status, _ in answers] == [200] * (ROUNDS * (1 + len(goods)))
    bad_ids = {op["record_id"] for batch in bad_batches for op in batch[: len(BAD_RECORDS)]}
    good_ids = {op["record_id"] for ops in batches.values() for batch in ops for op in batch}
    good_ids |= {batch[-1]["record_id"] for batch in bad_batches}
    statuses = {(r["status"], r["message"]) for _, results in answers for r in results}
    assert statuses == {("applied", None)} | {("rejected", m) for m in REASONS.values()}
    assert good_ids <= stored_ids
    assert bad_ids.isdisjoint(stored_ids)
