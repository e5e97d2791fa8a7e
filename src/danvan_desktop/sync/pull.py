"""The pull half of a sync round: pages since the checkpoint, each applied with it.

Each page is applied in one local transaction together with the new checkpoint,
so a link that drops every minute still advances. With protocol 2 the pull
leaves out the versions this laptop wrote itself and holds exactly
(``engine.held_versions``), and is skipped altogether when every version the
server made since the checkpoint is one of those.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan_desktop.store import sync_apply
from danvan_desktop.sync import protocol
from danvan_desktop.sync.report import SyncReport

if TYPE_CHECKING:
    from danvan_desktop.sync.round_context import RoundContext


def pull_pages(engine: RoundContext, report: SyncReport) -> None:
    """Pull and apply pages until the server says there is no more."""
    records = engine.records
    if _only_own_changes_since_checkpoint(engine):
        # Every version the server made since our checkpoint is one we wrote and
        # hold: a pull would bring nothing. Move the checkpoint, save a round trip.
        sync_apply.apply_page(records, [], next_seq=engine.pushed_high_seq)
        return
    while True:
        engine.check_cancel()
        since = sync_apply.checkpoint(records)
        budget = engine.transport.estimator.batch_budget_bytes() * 4
        query = f"since={since}&max_bytes={int(budget)}"
        engine.held_versions = {v for v in engine.held_versions if v > since}
        if engine.compact and engine.held_versions:
            query += f"&skip={protocol.format_ranges(engine.held_versions)}"
        response = engine.transport.get(f"{protocol.API_PREFIX}/pull?{query}", cancel=engine.cancel)
        report.bytes_received += response.bytes_received
        page = response.json()
        changes = page.get("changes", [])
        sync_apply.apply_page(records, changes, next_seq=int(page["next"]), epoch=page.get("epoch"))
        report.pulled += len(changes)
        report.pages += 1
        engine.progress("pull", int(page["next"]), int(page.get("high_seq") or page["next"]))
        if not page.get("more"):
            return


def _only_own_changes_since_checkpoint(engine: RoundContext) -> bool:
    since = sync_apply.checkpoint(engine.records)
    high = engine.pushed_high_seq
    if not engine.compact or high <= since or high - since > len(engine.held_versions):
        return False
    return all(version in engine.held_versions for version in range(since + 1, high + 1))
