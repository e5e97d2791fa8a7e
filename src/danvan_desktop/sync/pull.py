"""The pull half of a sync round: pages since the checkpoint, each applied with it.

Each page is applied in one local transaction together with the new checkpoint,
so a link that drops every minute still advances. With protocol 2 the pull
leaves out the versions this laptop wrote itself and holds exactly
(``engine.held_versions``), and is skipped altogether when every version the
server made since the checkpoint is one of those. Those versions are kept in the
store (``HELD_KEY``), written in the transaction that settles their answers, so a
round cut after the push, and a restarted laptop, still skip its own writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from danvan_desktop.store import sync_apply
from danvan_desktop.sync import protocol
from danvan_desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from danvan_desktop.store.records import Records
    from danvan_desktop.sync.round_context import RoundContext

HELD_KEY = "sync_held_versions"  # meta: the versions this laptop holds exactly, as ranges
_STORED_RANGES = 100_000  # ranges kept in the store (the pull sends at most MAX_SKIP_RANGES)


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
    """Pull and apply pages until the server says there is no more."""
    records = engine.records
    if _only_own_changes_since_checkpoint(engine):
        # Every version the server made since our checkpoint is one we wrote and
        # hold: a pull would bring nothing. Move the checkpoint, save a round trip.
        sync_apply.apply_page(records, [], next_seq=engine.pushed_high_seq)
        _forget_pulled_past(engine)
        return
    while True:
        engine.check_cancel()
        since = sync_apply.checkpoint(records)
        budget = engine.transport.estimator.batch_budget_bytes() * 4
        query = f"since={since}&max_bytes={int(budget)}"
        _forget_pulled_past(engine)
        if engine.compact and engine.held_versions:
            query += f"&skip={protocol.format_ranges(engine.held_versions)}"
        response = engine.transport.get(f"{protocol.API_PREFIX}/pull?{query}", cancel=engine.cancel)
        report.bytes_received += response.bytes_received
        page = response.json()
        changes = page.get("changes", [])
        sync_apply.apply_page(  # the search index takes the pull's records on its last page
            records,
            changes,
            next_seq=int(page["next"]),
            epoch=page.get("epoch"),
            index_now=not page.get("more"),
        )
        report.pulled += len(changes)
        report.pages += 1
        engine.progress("pull", int(page["next"]), int(page.get("high_seq") or page["next"]))
        if not page.get("more"):
            _forget_pulled_past(engine)
            return


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
