"""The pull half of a sync round: pages since the checkpoint, each applied with it.

Each page is applied in one local transaction together with the new checkpoint,
so a link that drops every minute still advances. The next page is fetched on a
helper thread while the current one is applied (``pull_prefetch.py``): the server and
the link work while the laptop writes. A page is asked for by its JSON bytes (what the
server measures), sized so its gzip on the wire is the link's batch budget: the JSON
per wire byte is measured on each page (``_wire_ratio``); until then it is taken as 4.
Each page costs the link a round trip in which nothing comes down, so fewer, fuller
pages bring a commune's 17,000 records (gzip about 15:1) sooner: 5 pages, not 18.

With protocol 2 the pull leaves out the versions this laptop wrote itself and holds
exactly (``engine.held_versions``), and is skipped altogether when every version the
server made since the checkpoint is one of those. Those versions are kept in the
store (``HELD_KEY``), written in the transaction that settles their answers, so a
round cut after the push, and a restarted laptop, still skip its own writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from danvan_desktop.store import sync_apply
from danvan_desktop.sync import protocol
from danvan_desktop.sync.pull_prefetch import PageFetcher, PulledPage
from danvan_desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from danvan_desktop.store.records import Records
    from danvan_desktop.sync.round_context import RoundContext

HELD_KEY = "sync_held_versions"  # meta: the versions this laptop holds exactly, as ranges
_STORED_RANGES = 100_000  # ranges kept in the store (the pull sends at most MAX_SKIP_RANGES)
ASSUMED_WIRE_RATIO = 4.0  # JSON bytes per wire byte of a page, before one is measured
MAX_WIRE_RATIO = 32.0  # a higher figure is not trusted (the server caps a page anyway)
MIN_RATIO_SAMPLE_BYTES = 8 * 1024  # a smaller page's gzip header and tail skew its ratio


def load_held_versions(records: Records) -> set[int]:
    """The versions this laptop wrote and holds exactly, above its checkpoint, as stored."""
    text = records.store.meta(HELD_KEY) or ""
    try:
        ranges = protocol.parse_ranges(text, limit=_STORED_RANGES)
    except ValueError:
        return set()  # unreadable: the pull downloads them again, nothing is lost
    since = sync_apply.checkpoint(records)
    return {v for low, high in ranges for v in range(max(low, since + 1), high + 1)}


def save_held_versions(records: Records, versions: Iterable[int]) -> None:
    """Store the held versions (in the caller's transaction when there is one)."""
    records.store.set_meta(HELD_KEY, protocol.format_ranges(versions, limit=_STORED_RANGES))


def pull_pages(engine: RoundContext, report: SyncReport) -> None:
    """Pull and apply pages until the server says there is no more.

    The next page is fetched on a helper thread while the current one is applied
    (``pull_prefetch.py``); pages are still applied in order, each with its checkpoint
    in one transaction, and a page fetched but not applied is dropped."""
    records = engine.records
    if _only_own_changes_since_checkpoint(engine):
        # Every version the server made since our checkpoint is one we wrote and
        # hold: a pull would bring nothing. Move the checkpoint, save a round trip.
        sync_apply.apply_page(records, [], next_seq=engine.pushed_high_seq)
        _forget_pulled_past(engine)
        return
    engine.check_cancel()
    since = sync_apply.checkpoint(records)
    _forget_pulled_past(engine)
    ratio = ASSUMED_WIRE_RATIO
    with PageFetcher(engine.transport, engine.cancel) as fetcher:
        fetcher.start(_page_path(engine, since, ratio))
        while True:
            page = fetcher.take()
            report.bytes_received += page.bytes_received
            ratio = _wire_ratio(page, ratio)
            if page.more:  # the server reads and sends it while this one is applied
                since = max(since, page.next_seq)
                fetcher.start(_page_path(engine, since, ratio))
            sync_apply.apply_page(  # the search index takes the pull's records on its last page
                records,
                page.changes,
                next_seq=page.next_seq,
                epoch=page.epoch,
                index_now=not page.more,
            )
            report.pulled += len(page.changes)
            report.pages += 1
            engine.progress("pull", page.next_seq, page.high_seq)
            _forget_pulled_past(engine)
            if not page.more:
                return
            engine.check_cancel()


def _page_path(engine: RoundContext, since: int, ratio: float) -> str:
    """The request for the page after ``since``: its gzip the link's batch budget (its JSON
    ``ratio`` times that), without the versions this laptop holds exactly."""
    budget = engine.transport.estimator.batch_budget_bytes() * ratio
    query = f"since={since}&max_bytes={int(budget)}"
    held = {version for version in engine.held_versions if version > since}
    if engine.compact and held:
        query += f"&skip={protocol.format_ranges(held)}"
    return f"{protocol.API_PREFIX}/pull?{query}"


def _wire_ratio(page: PulledPage, previous: float) -> float:
    """JSON bytes per wire byte, as ``page`` measured it (``previous`` when it is too small
    to tell), within 1 and ``MAX_WIRE_RATIO``."""
    if page.bytes_received < MIN_RATIO_SAMPLE_BYTES or page.body_bytes <= 0:
        return previous
    return min(MAX_WIRE_RATIO, max(1.0, page.body_bytes / page.bytes_received))


def _forget_pulled_past(engine: RoundContext) -> None:
    """Drop the held versions the checkpoint has passed, in memory and in the store."""
    since = sync_apply.checkpoint(engine.records)
    kept = {v for v in engine.held_versions if v > since}
    if kept != engine.held_versions:
        save_held_versions(engine.records, kept)
        engine.held_versions = kept


def _only_own_changes_since_checkpoint(engine: RoundContext) -> bool:
    since = sync_apply.checkpoint(engine.records)
    high = engine.pushed_high_seq
    if not engine.compact or high <= since or high - since > len(engine.held_versions):
        return False
    return all(version in engine.held_versions for version in range(since + 1, high + 1))
