"""Network library budgets: a new laptop receives the library over a dropping 2G link, the
team's own records go first, and searching 5,000 cards is quick.

Usage: ``python bench/network.py [--cards 5000] [--thumbnails N] [--own-records 50]
[--search-cards 5000] [--searches 300] [--skip-link]``. Prints each figure with its
budget; exits 1 when one is missed.

The real server (``danvan-server run`` on loopback, SQLite) holds ``--cards`` cards
shared by the city (written into its tables directly, lane numbers in order): each a
model's name, field, place, nine registration items and results made of sentences
drawn from resources/handbook, shuffled; the newest ``--thumbnails`` (default a tenth:
500 of 5,000) carry one 8 KB thumbnail each (incompressible bytes, as a JPEG is), the
rest name their photo only (on view).

1. **Library over the link.** A new team laptop, its setup synced on a good link,
   then syncs (``sync_until_done``) through the slow-link proxy: 64 kbit/s, 600 ms
   round trip, the link down 2 s every 30 s. Budget: ≤ 1.3 × the floor: one
   download of the same bytes (the gzip, as the server sends it, of the whole
   library in one page) at line rate with its two round trips (connection, request),
   stretched by the outages that fall within it.
2. **Own records first.** A second team laptop with ``--own-records`` new models
   waiting, on the same link, while the library is on the server: every request is
   logged in order; the push that empties its outbox must be answered before the
   library's first page is asked, and the outbox is empty then (the round stops at
   the first library page).
3. **Search.** A laptop store holding ``--search-cards`` cards: p95 of the «Mạng lưới»
   page's query (one page of 50 and the count) for folded words and filters ≤ 50 ms.

At 64 kbit/s the full library (5,000 cards, 500 thumbnails: about 8 MB on the wire)
takes about 15 minutes; ``--cards 500`` (50 thumbnails) about two and a half. The
run reported with issue 17's USB work measured ``--cards 500`` for 1 and 2 and the
full 5,000 cards for 3: the library took 143.7 s against a floor of 88.1 s (1.63 ×:
MISSED; 663 KB of gzip, 976 KB delivered: the rest is pages cut by the outages and
fetched again whole), own records went first (OK), search p95 20.6 ms (OK). Since
the lane streams its pages as lines (a cut keeps the complete cards; sync/library.py),
``--cards 500`` measured 103.3 s against the same floor of 88.1 s (1.17 ×: OK; 710 KB
on the wire, down from 961 KB). The budgets are ratios, so the verdicts hold the same
at either size.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/network_cards.py

from network_cards import FIELDS, cards, handbook_sentences
from sqlalchemy import insert

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.network import CardQuery
from danvan_desktop.session import Session
from danvan_desktop.store import network as network_store
from danvan_desktop.store.demo_data import model_fields
from danvan_desktop.sync import library as library_lane
from danvan_desktop.sync.backoff import Backoff
from danvan_desktop.sync.transport import SyncTransport
from danvan_server import auth, network
from danvan_server.db import make_engine, writing
from danvan_server.settings import Settings
from support.server_process import (
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
    start_server,
)
from support.slowlink import SlowLink
from support.team_laptop import enrolled_team_laptop

TIME_BUDGET = 1.3
SEARCH_P95_BUDGET_MS = 50.0
BANDWIDTH_BPS = 64_000
RTT_S = 0.6
CUT_EVERY_S = 30.0
CUT_FOR_S = 2.0
DEADLINE_S = 3 * 3600.0


def share_on_server(database_url: str, city_id: str, made: list[dict[str, Any]]) -> None:
    """Write the cards into the server's library lane as the city's shares, in order."""
    engine = make_engine(Settings(database_url=database_url))
    try:
        with writing(engine) as connection:
            start = network._next_lane_seq(connection)
            rows = [
                {
                    "id": wire["id"],
                    "model_uid": wire["model_uid"],
                    "sharer_unit_id": city_id,
                    "sharer_path": f"/{city_id}/",
                    "lane_seq": start + n,
                    "deleted": False,
                    "card": json.dumps(wire, ensure_ascii=False, separators=(",", ":")),
                    "updated_at": wire["updated_at"],
                    "updated_by": "bench",
                }
                for n, wire in enumerate(made)
            ]
            for first in range(0, len(rows), 500):
                connection.execute(insert(network.network_cards), rows[first : first + 500])
    finally:
        engine.dispose()


def reference_bytes(database_url: str, village: Any) -> int:
    """The gzip of the whole library in one page, as the server sends it to the village."""
    engine = make_engine(Settings(database_url=database_url))
    try:
        scope = auth.Scope("bench", "team", village)
        page = network.library_page(engine, scope, 0, 2**62)
    finally:
        engine.dispose()
    return len(gzip.compress(page, 9))


def floor_s(nbytes: int) -> float:
    """One download of ``nbytes`` at line rate with its two round trips (connection,
    request), stretched by the outages that fall within it."""
    ideal = 2 * RTT_S + nbytes * 8 / BANDWIDTH_BPS
    total = ideal
    for _ in range(50):  # the outages lengthen it, which may bring another
        total = ideal + CUT_FOR_S * int(total // CUT_EVERY_S)
    return total


# -- 1 and 2: over the link ----------------------------------------------------------
def _laptop(folder: Path, server_url: str, code: str) -> Session:
    laptop = enrolled_team_laptop(folder, server_url, code)
    laptop.sync_now()  # the team's setup, on a good link: not part of the measurement
    return laptop


class LinkWatch:
    """What the window does when the network comes back: the waiting round starts at
    once (``Backoff.retry_now`` and ``wake``), not after the rest of its back-off."""

    def __init__(self, link: SlowLink) -> None:
        self.link, self.backoff, self.wake = link, Backoff(), threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> LinkWatch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        was_up = True
        while not self._stop.wait(0.05):
            up = self.link.is_up
            if up and not was_up:
                self.backoff.retry_now()
                self.wake.set()
            was_up = up


class RequestLog:
    """Every request a laptop makes, in order: (seconds, method, path, outbox waiting)."""

    def __init__(self) -> None:
        self.entries: list[tuple[float, str, str, int]] = []
        self.laptop: Session | None = None
        self._original = SyncTransport.request

    def __enter__(self) -> RequestLog:
        log, original = self, self._original

        def request(transport: SyncTransport, method: str, path: str, **options: Any) -> Any:
            waiting = -1 if log.laptop is None else _waiting(log.laptop)
            log.entries.append((time.monotonic(), method, path, waiting))
            return original(transport, method, path, **options)

        SyncTransport.request = request  # type: ignore[method-assign, assignment]
        return self

    def __exit__(self, *_exc: object) -> None:
        SyncTransport.request = self._original  # type: ignore[method-assign]


def _waiting(laptop: Session) -> int:
    row = laptop.store.db.execute(
        "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')"
    ).fetchone()
    return int(row[0])


def over_the_link(count: int, thumbnails: int, own: int) -> tuple[bool, list[str]]:
    """Budgets 1 and 2; (both met, lines to print)."""
    with tempfile.TemporaryDirectory(prefix="danvan-bench-network-") as tmp:
        folder = Path(tmp)
        url = sqlite_url(folder)
        prepare_database(url, folder / "attachments")
        village = add_village(url, name="Tổ dân phố 5")
        with start_server(url, log_dir=folder) as server:
            fresh = _laptop(folder / "fresh", server.url, make_enrollment_code(url, village.id))
            busy = _laptop(folder / "busy", server.url, make_enrollment_code(url, village.id))
            share_on_server(url, village.ancestor_ids[0], cards(count, thumbnails))
            reference = reference_bytes(url, village)
            with SlowLink(
                upstream=("127.0.0.1", server.port),
                bandwidth_bps=BANDWIDTH_BPS,
                rtt_s=RTT_S,
                cut_every_s=CUT_EVERY_S,
                cut_for_s=CUT_FOR_S,
            ) as link:
                fresh.change_setting("server_url", f"http://127.0.0.1:{link.port}")
                with LinkWatch(link) as watch:
                    started = time.monotonic()
                    report = fresh.sync_until_done(
                        deadline_s=DEADLINE_S, wake=watch.wake, backoff=watch.backoff
                    )
                    took = time.monotonic() - started
                wire, cuts = link.counters(), link.cuts_seen
                received = fresh.network_card_count(CardQuery())
                ordered, order_lines = own_records_first(busy, link, own)
            fresh.close()
            busy.close()
    if received != count:
        raise SystemExit(f"the laptop holds {received} cards of {count}: {report}")
    floor = floor_s(reference)
    ratio = took / floor
    lines = [
        f"cards: {count} ({thumbnails} with an 8 KB thumbnail); the library gzip "
        f"{reference:,} bytes; on the wire {wire.total:,} (down {wire.down:,}); "
        f"{cuts} outages",
        f"library over 64 kbit/s, 600 ms, down {CUT_FOR_S:.0f} s every {CUT_EVERY_S:.0f} s: "
        f"{took:.1f} s; floor {floor:.1f} s; = {ratio:.3f} × (budget ≤ {TIME_BUDGET}) "
        f"{_verdict(ratio <= TIME_BUDGET)}",
        *order_lines,
    ]
    return ratio <= TIME_BUDGET and ordered, lines


def own_records_first(laptop: Session, link: SlowLink, own: int) -> tuple[bool, list[str]]:
    """Budget 2: ``own`` models waiting, the library waiting on the server; the round
    stops at the library's first page. (the order held, lines to print)"""
    rng = random.Random(46)
    for _ in range(own):
        laptop.add_model(**model_fields(rng, "Tổ dân phố 5", 2026))
    laptop.change_setting("server_url", f"http://127.0.0.1:{link.port}")
    stop = threading.Event()

    def progress(stage: str, _done: int, _total: int) -> None:
        if stage == "library":
            stop.set()  # the first page came: the order is decided

    with RequestLog() as log, LinkWatch(link) as watch:
        log.laptop = laptop
        started = time.monotonic()
        with contextlib.suppress(OperationCancelled):  # stopped at the first library page
            laptop.sync_until_done(
                deadline_s=DEADLINE_S,
                cancel=stop,
                progress=progress,
                wake=watch.wake,
                backoff=watch.backoff,
            )
    pushes = [e for e in log.entries if e[2].endswith("/push")]
    pages = [e for e in log.entries if e[2].startswith(f"{library_lane.PREFIX}/library")]
    if not pushes or not pages:
        return False, [f"own records first: no push or no library page asked {_verdict(False)}"]
    first_page = pages[0]
    ok = first_page[3] == 0 and all(e[0] < first_page[0] for e in pushes)
    return ok, [
        f"own records first: {own} models pushed in {len(pushes)} requests by "
        f"{pushes[-1][0] - started:.1f} s; the library's first page asked at "
        f"{first_page[0] - started:.1f} s with {first_page[3]} records waiting "
        f"{_verdict(ok)}"
    ]


# -- 3: search -----------------------------------------------------------------------
def search(count: int, searches: int) -> tuple[bool, list[str]]:
    """Budget 3: p95 of the page's query over ``count`` cards held in a laptop store."""
    with tempfile.TemporaryDirectory(prefix="danvan-bench-network-search-") as tmp:
        laptop = Session.open(Path(tmp) / "laptop", create=True)
        try:
            made = cards(count, count // 10, seed=7)
            for first in range(0, len(made), 500):
                items = [
                    {"id": w["id"], "seq": first + n + 1, "deleted": False, "card": w}
                    for n, w in enumerate(made[first : first + 500])
                ]
                network_store.apply_library_page(laptop.store.db, items, first + len(items))
            rng = random.Random(11)
            words = [w for s in handbook_sentences() for w in s.split() if len(w) > 3]
            queries = [_query(rng, words) for _ in range(searches)]
            times = []
            for query in queries:
                started = time.perf_counter()
                laptop.network_cards(query)
                laptop.network_card_count(query)
                times.append((time.perf_counter() - started) * 1000)
        finally:
            laptop.close()
    p95 = statistics.quantiles(times, n=20)[-1]
    ok = p95 <= SEARCH_P95_BUDGET_MS
    return ok, [
        f"search over {count} cards: {searches} queries, median "
        f"{statistics.median(times):.1f} ms, p95 {p95:.1f} ms "
        f"(budget ≤ {SEARCH_P95_BUDGET_MS:.0f} ms) {_verdict(ok)}"
    ]


def _query(rng: random.Random, words: list[str]) -> CardQuery:
    from danvan_desktop.core.vntext import fold_vietnamese

    text = " ".join(rng.sample(words, rng.randint(1, 3)))
    folded = fold_vietnamese(text) if rng.random() < 0.5 else text
    return CardQuery(
        text=folded.strip(".,:;()«»"),
        field_name=rng.choice((None, None, *FIELDS)),
        year=rng.choice((None, None, None, 2021, 2024)),
    )


def _verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def main() -> int:
    """Measure every budget; 1 when any is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--thumbnails", type=int, default=None, help="default: a tenth")
    parser.add_argument("--own-records", type=int, default=50)
    parser.add_argument("--search-cards", type=int, default=5000)
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--skip-link", action="store_true", help="measure search only")
    args = parser.parse_args()
    ok = True
    if not args.skip_link:
        thumbs = args.cards // 10 if args.thumbnails is None else args.thumbnails
        met, lines = over_the_link(args.cards, thumbs, args.own_records)
        ok &= met
        print("\n".join(lines), flush=True)
    met, lines = search(args.search_cards, args.searches)
    ok &= met
    print("\n".join(lines), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
