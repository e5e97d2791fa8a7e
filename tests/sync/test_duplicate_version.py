"""A lost push answer costs no download: the replay's ``duplicate`` says the laptop holds
that version (protocol 3), and the laptop keeps it in its store until its pull has gone
past it.

The real server sits behind the slow-link proxy (2 s round trip, so an answer is a second
on its way back); the link is cut as soon as the server has committed the push.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, inspect, select, text, update

from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from danvan_desktop.store import sync_apply
from danvan_desktop.sync import protocol
from danvan_desktop.sync.pull import HELD_KEY
from danvan_desktop.sync.transport import LinkDown
from danvan_server import schema
from danvan_server.db import applied_ops, make_engine, meta
from danvan_server.settings import Settings
from support.server_process import ServerApi, prepare_database, sqlite_url
from support.slowlink import SlowLink
from sync.conftest import Province

MODELS = 12


def _models(laptop: Session, count: int) -> list[str]:
    return [
        str(laptop.add_model(name=f"Mô hình {n}", field_code="new_rural", year=2026).record_id)
        for n in range(count)
    ]


@contextmanager
def _cut_once_applied(province: Province, link: SlowLink, count: int) -> Iterator[None]:
    """Cut the link as soon as the server holds ``count`` answered operations."""
    engine = create_engine(province.database_url)
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.02):
            with engine.connect() as connection:
                done = connection.execute(select(func.count()).select_from(applied_ops))
                if done.scalar_one() >= count:
                    link.cut()
                    return

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        engine.dispose()


def _lose_the_answer(province: Province, laptop: Session, link: SlowLink, count: int) -> None:
    """One round whose push the server applies and whose answer the link drops."""
    laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
    with _cut_once_applied(province, link, count), pytest.raises(LinkDown):
        laptop.sync_now()
    link.restore()


@pytest.fixture
def slow_link(province: Province) -> Iterator[SlowLink]:
    """A 2 s round-trip link in front of the real server."""
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(upstream=(host, int(port)), rtt_s=2.0) as link:
        yield link


def _answered_ops(province: Province) -> int:
    engine = create_engine(province.database_url)
    with engine.connect() as connection:
        count = int(connection.execute(select(func.count()).select_from(applied_ops)).scalar_one())
    engine.dispose()
    return count


def test_retry_after_a_lost_answer_downloads_none_of_its_own_records(
    province: Province, laptops: Callable[[str], Session], slow_link: SlowLink
) -> None:
    """The replay is answered duplicate with the versions; the next pull brings back zero."""
    a = laptops("a")
    a.sync_now()
    already = _answered_ops(province)
    _models(a, MODELS)
    _lose_the_answer(province, a, slow_link, already + MODELS)
    report = a.sync_now()
    assert (report.pushed, report.duplicates, report.pulled) == (0, MODELS, 0)
    assert sync_apply.checkpoint(a.records) == a.server_health()["high_seq"]


def test_held_versions_are_kept_in_the_store_until_pulled_past(
    province: Province, laptops: Callable[[str], Session]
) -> None:
    """A settled exact answer is written to the store with the outbox, not only to memory."""
    a = laptops("a")
    a.sync_now()
    _models(a, 3)
    before = sync_apply.checkpoint(a.records)
    from danvan_desktop.sync.engine import SyncEngine
    from danvan_desktop.sync.push import push_outbox
    from danvan_desktop.sync.report import SyncReport

    with a._transport() as transport:
        push_outbox(SyncEngine(a.records, transport), SyncReport())
    assert a.store.meta(HELD_KEY) == f"{before + 1}-{before + 3}"
    a.sync_now()
    assert a.store.meta(HELD_KEY) == ""


def _replay_answer(province: Province, protocol_version: int) -> dict[str, Any]:
    """A device pushes one new model, then replays it with ``protocol_version``."""
    code = province.code()
    api = ServerApi(province.server.url).enroll(code, device_id=uuid7())
    op = api.op("model", uuid7(), {"name": "Sân chơi", "field_code": "new_rural", "year": 2026})
    assert api.push([op]).json()["results"][0].get("exact") is True
    body = json.dumps({"device_id": api.device_id, "ops": [op]}, ensure_ascii=False)
    again = api.request(
        "POST",
        "/push",
        content=body.encode(),
        headers={
            "Content-Type": "application/json",
            protocol.HEADER_PROTOCOL: str(protocol_version),
        },
    )
    api.close()
    return dict(again.json()["results"][0])


def test_replay_answers_duplicate_exact_to_a_protocol_3_client(province: Province) -> None:
    """Protocol 3: the duplicate keeps the first answer's ``exact``."""
    result = _replay_answer(province, 3)
    assert (result["status"], result.get("exact")) == ("duplicate", True)


def test_replay_answers_a_protocol_2_client_as_released(province: Province) -> None:
    """Protocol 2 (the released client): the duplicate carries no ``exact``."""
    result = _replay_answer(province, 2)
    assert (result["status"], "exact" in result) == ("duplicate", False)


def test_a_schema_4_database_gains_the_exact_mark(tmp_path: Path) -> None:
    """Upgraded in place: applied_ops.exact exists, false for the answers given before."""
    url = sqlite_url(tmp_path)
    prepare_database(url, tmp_path / "attachments")
    engine = make_engine(Settings(database_url=url))
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE applied_ops DROP COLUMN exact"))
        connection.execute(update(meta).where(meta.c.key == "schema_version").values(value="4"))
    upgraded = schema.upgrade(engine)
    columns = {column["name"] for column in inspect(engine).get_columns("applied_ops")}
    engine.dispose()
    assert upgraded and "exact" in columns
