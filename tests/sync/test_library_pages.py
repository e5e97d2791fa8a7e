"""The library lane streams its pages: a link cut mid-page keeps the cards that arrived.

The real server holds cards with 8 KB thumbnails (bench/network_cards.py); the laptop
pulls them through the slow-link proxy (64 kbit/s, 600 ms), which is cut a few
seconds into the page.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import insert

from danvan_desktop.core.network import CardQuery
from danvan_desktop.session import Session
from danvan_desktop.store import network as network_store
from danvan_desktop.sync import library
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.transport import LinkDown
from danvan_server import network
from danvan_server.db import make_engine, writing
from danvan_server.settings import Settings
from support.bench_import import import_bench
from support.server_process import PHU_XUAN, add_village
from support.slowlink import SlowLink
from sync.conftest import Province, engine_through

cards = import_bench("network_cards").cards


def share_cards(database_url: str, city_id: str, made: list[dict[str, Any]]) -> None:
    """Write the cards into the server's library lane as the city's shares, in order."""
    engine = make_engine(Settings(database_url=database_url))
    with writing(engine) as connection:
        start = network._next_lane_seq(connection)
        connection.execute(
            insert(network.network_cards),
            [
                {
                    "id": wire["id"],
                    "model_uid": wire["model_uid"],
                    "sharer_unit_id": city_id,
                    "sharer_path": f"/{city_id}/",
                    "lane_seq": start + n,
                    "deleted": False,
                    "card": json.dumps(wire, ensure_ascii=False, separators=(",", ":")),
                    "updated_at": wire["updated_at"],
                    "updated_by": "test",
                }
                for n, wire in enumerate(made)
            ],
        )
    engine.dispose()


def _city_id(database_url: str) -> str:
    """The city unit's id (the root every village hangs from)."""
    return str(add_village(database_url, commune_code=PHU_XUAN, name="Tổ 6").ancestor_ids[0])


def test_a_cut_mid_page_keeps_the_complete_cards(
    laptops: Callable[[str], Session], province: Province
) -> None:
    """Cut 6 s into a 20-card page: the cards that arrived stay, the checkpoint at the last."""
    a = laptops("a")
    share_cards(province.database_url, _city_id(province.database_url), cards(20, 20))
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(upstream=(host, int(port)), bandwidth_bps=64_000, rtt_s=0.6) as link:
        engine = engine_through(a, link)
        threading.Timer(6.0, link.cut).start()
        with pytest.raises(LinkDown):
            library.pull_library(engine, SyncReport())
        engine.transport.close()
    held = a.network_card_count(CardQuery())
    assert held >= 2
    assert network_store.checkpoint(a.store.db) == held
