"""The pull fetches its next page while the current one is applied (sync/pull_prefetch.py).

One laptop pushes a few hundred models to the real server on loopback; another pulls
them in small pages (its link estimate is fixed, so the pages are), straight or through
the slow-link proxy, which delays answers, cuts the link and lets a cancel land while a
page is in flight.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.session import Session
from danvan_desktop.store import sync_apply
from danvan_desktop.store.demo_data import model_fields
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.pull import pull_pages
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport import LinkDown, SyncTransport
from support.slowlink import SlowLink
from support.sync_engines import engine_at, transport_at
from sync.conftest import Province, new_laptop

MODELS = 120
SMALL_PAGE = 4 * 1024  # the link's batch budget: pages of 16 KB (four budgets)
ONE_PAGE = 4 * 1024 * 1024  # pages as big as the server gives: the whole pull in one


class _FixedBudget(ThroughputEstimator):
    """The link's estimate with a batch budget fixed by the test (so are the pages)."""

    def __init__(self, budget: int) -> None:
        super().__init__()
        self._budget = budget

    def batch_budget_bytes(self, link_uptime_estimate_s: float | None = None) -> int:
        return self._budget


@pytest.fixture
def author(province: Province, tmp_path: Path) -> Iterator[dict[str, int]]:
    """A laptop that pushed MODELS models; {model id: server version}."""
    laptop = new_laptop(tmp_path / "author")
    laptop.enroll_device(server_url=province.server.url, code=province.code())
    rng = random.Random(7)
    for _ in range(MODELS):
        laptop.add_model(**model_fields(rng, "Tổ dân phố 5", 2026))
    laptop.sync_now()
    versions = {
        str(row["id"]): int(row["server_version"])
        for row in laptop.store.db.query("SELECT id, server_version FROM model")
    }
    laptop.close()
    yield versions


@pytest.fixture
def puller(province: Province, tmp_path: Path) -> Callable[[str], Session]:
    """Enrolled laptops that have pulled nothing yet, by folder name."""
    made: list[Session] = []

    def make(name: str) -> Session:
        laptop = new_laptop(tmp_path / name)
        laptop.enroll_device(server_url=province.server.url, code=province.code())
        made.append(laptop)
        return laptop

    yield make  # type: ignore[misc]
    for laptop in made:
        laptop.close()


def _engine(laptop: Session, url: str, budget: int = SMALL_PAGE) -> SyncEngine:
    """A sync engine of ``laptop`` whose pull pages are four ``budget`` large."""
    return engine_at(laptop, url, _FixedBudget(budget))


class _AskedFor(SyncTransport):
    """The real transport, noting the ``since`` of every pull page it is asked for."""

    asked: list[int]

    def get(self, path: str, **kwargs: Any) -> Any:
        if "/pull?" in path:
            self.asked.append(int(path.split("since=")[1].split("&")[0]))
        return super().get(path, **kwargs)


def _models(laptop: Session) -> list[dict[str, Any]]:
    """The laptop's models as stored, without the time each row was written here."""
    rows = laptop.store.db.query("SELECT * FROM model ORDER BY id")
    return [{k: v for k, v in row.items() if k != "updated_at"} for row in rows]


def _checkpoint(laptop: Session) -> int:
    return sync_apply.checkpoint(laptop.records)


def _prefetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "sync-pull-prefetch"]


def _link(province: Province, rtt_s: float) -> SlowLink:
    return SlowLink(upstream=("127.0.0.1", province.server.port), rtt_s=rtt_s)


def test_many_small_pages_make_the_store_one_page_makes(
    province: Province, author: dict[str, int], puller: Callable[[str], Session]
) -> None:
    """Pulled in small pages with the next one prefetched, the store equals one pulled whole."""
    paged, whole = puller("paged"), puller("whole")
    paged_report, whole_report = SyncReport(), SyncReport()
    for laptop, budget, report in (
        (paged, SMALL_PAGE, paged_report),
        (whole, ONE_PAGE, whole_report),
    ):
        engine = _engine(laptop, province.server.url, budget)
        pull_pages(engine, report)
        engine.transport.close()
    assert whole_report.pages == 1
    assert paged_report.pages >= 5
    assert len(_models(paged)) == MODELS
    assert _models(paged) == _models(whole)
    assert _checkpoint(paged) == _checkpoint(whole)


def test_the_next_page_is_asked_for_before_this_one_is_applied(
    province: Province, author: dict[str, int], puller: Callable[[str], Session]
) -> None:
    """When a page has been applied, the page after it has already been asked for."""
    laptop = puller("paged")
    transport = transport_at(
        province.server.url, estimator=_FixedBudget(SMALL_PAGE), kind=_AskedFor
    )
    transport.asked = []
    engine = SyncEngine(laptop.records, transport)
    asked_when_applied: list[tuple[int, list[int]]] = []

    def progress(stage: str, done: int, total: int) -> None:
        asked_when_applied.append((done, list(transport.asked)))

    engine.progress = progress
    pull_pages(engine, SyncReport())
    transport.close()
    assert len(asked_when_applied) >= 5
    for end, asked in asked_when_applied[:-1]:
        assert asked[-1] == end


def test_each_page_is_applied_in_order_with_its_checkpoint(
    province: Province, author: dict[str, int], puller: Callable[[str], Session]
) -> None:
    """After each page the store's checkpoint is that page's end, and it only moves on."""
    laptop = puller("paged")
    seen: list[tuple[int, int, int]] = []  # (page end, checkpoint, models held)

    def progress(stage: str, done: int, total: int) -> None:
        held = laptop.store.db.execute("SELECT count(*) FROM model").fetchone()[0]
        seen.append((done, _checkpoint(laptop), held))

    engine = _engine(laptop, province.server.url)
    engine.progress = progress
    pull_pages(engine, SyncReport())
    engine.transport.close()
    ends = [end for end, _, _ in seen]
    assert len(seen) >= 5
    assert ends == sorted(set(ends))
    for end, checkpoint, held in seen:
        assert checkpoint == end
        assert held == sum(1 for version in author.values() if version <= end)


def test_a_cut_while_the_next_page_is_in_flight_keeps_the_last_applied_page(
    province: Province, author: dict[str, int], puller: Callable[[str], Session]
) -> None:
    """The link cut while page 3 is on its way: the checkpoint stays at page 2's end, page 3
    is not half-applied, and the next round pulls the rest."""
    laptop = puller("cut")
    with _link(province, rtt_s=0.4) as link:
        engine = _engine(laptop, f"http://127.0.0.1:{link.port}")
        ends: list[int] = []

        def cut_after_page_two(stage: str, done: int, total: int) -> None:
            ends.append(done)
            if len(ends) == 2:
                link.cut()  # page 3 was asked for before page 2 was applied

        engine.progress = cut_after_page_two
        with pytest.raises(LinkDown):
            pull_pages(engine, SyncReport())
        assert _checkpoint(laptop) == ends[1]
        held = {str(row["id"]) for row in laptop.store.db.query("SELECT id FROM model")}
        assert held == {i for i, version in author.items() if version <= ends[1]}
        assert 0 < len(held) < MODELS
        link.restore()
        engine.progress = lambda stage, done, total: None
        engine.sync_once()
        engine.transport.close()
    assert len(_models(laptop)) == MODELS
    assert _prefetch_threads() == []


def test_a_cancel_while_the_next_page_is_in_flight_stops_at_once(
    province: Province, author: dict[str, int], puller: Callable[[str], Session]
) -> None:
    """Cancelled while page 2 takes 2 s to come, the pull stops within 1 s at page 1's end."""
    laptop = puller("cancel")
    with _link(province, rtt_s=2.0) as link:
        engine = _engine(laptop, f"http://127.0.0.1:{link.port}")
        ends: list[int] = []
        cancelled_at: list[float] = []

        def cancel_after_page_one(stage: str, done: int, total: int) -> None:
            ends.append(done)
            engine.cancel.set()
            cancelled_at.append(time.monotonic())

        engine.progress = cancel_after_page_one
        with pytest.raises(OperationCancelled):
            pull_pages(engine, SyncReport())
        stopped_after = time.monotonic() - cancelled_at[0]
        engine.transport.close()
    assert stopped_after < 1.0
    assert ends == [_checkpoint(laptop)]
    assert _prefetch_threads() == []


def test_a_failed_apply_does_not_wait_for_the_page_in_flight(
    province: Province,
    author: dict[str, int],
    puller: Callable[[str], Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page that cannot be written (a full disk) stops the pull within 1 s, though the next
    page takes 2 s to come; the checkpoint stays where it was."""
    laptop = puller("disk-full")
    with _link(province, rtt_s=2.0) as link:
        engine = _engine(laptop, f"http://127.0.0.1:{link.port}")
        failed_at: list[float] = []

        def disk_full(*args: object, **kwargs: object) -> None:
            failed_at.append(time.monotonic())
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(sync_apply, "apply_page", disk_full)
        with pytest.raises(OSError, match="No space left"):
            pull_pages(engine, SyncReport())
        stopped_after = time.monotonic() - failed_at[0]
        engine.transport.close()
    assert stopped_after < 1.0
    assert _checkpoint(laptop) == 0
    assert _prefetch_threads() == []
