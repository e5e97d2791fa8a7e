"""A round reports what crossed the wire: cut requests count, the laptop's own records do not
come back as received, and duplicates are shown on the Đồng bộ page."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from danvan_desktop.session import Session
from danvan_desktop.sync.report import SyncReport
from danvan_desktop.sync.transport import LinkDown
from danvan_desktop.ui.sync.sync_page_data import report_text
from support.slowlink import SlowLink
from sync.conftest import Province, engine_through
from sync.test_library_pages import _city_id, cards, share_cards


def test_a_round_cut_mid_answer_reports_the_bytes_that_crossed(
    laptops: Callable[[str], Session], province: Province
) -> None:
    """Cut 6 s into the library's page: the round still counts the bytes received so far."""
    a = laptops("a")
    a.sync_now()
    share_cards(province.database_url, _city_id(province.database_url), cards(20, 20))
    host, port = province.server.url.removeprefix("http://").split(":")
    with SlowLink(upstream=(host, int(port)), bandwidth_bps=64_000, rtt_s=0.6) as link:
        engine = engine_through(a, link)
        threading.Timer(6.0, link.cut).start()
        with pytest.raises(LinkDown):
            engine.sync_once()
        engine.transport.close()
        down = link.counters().down
    assert engine.round_report.bytes_received >= 20_000
    assert engine.round_report.bytes_received <= down


def test_own_records_pushed_then_pulled_are_not_received(
    laptops: Callable[[str], Session],
) -> None:
    """Three models pushed, then a pull: the laptop reports 3 sent and 0 received."""
    a = laptops("a")
    a.sync_now()
    for name in ("Đèn đường", "Phân loại rác", "Vườn mẫu"):
        a.add_model(name=name, field_code=a.list_records("model_field")[0]["code"])
    pushed = a.sync_now()
    pulled = a.sync_now()
    assert (pushed.pushed, pushed.pulled) == (3, 0)
    assert pulled.pulled == 0


def test_the_sync_page_shows_duplicates_and_wire_bytes() -> None:
    """The Đồng bộ page's sentence names the duplicates and the bytes both ways."""
    report = SyncReport(pushed=2, duplicates=3, pulled=1, bytes_sent=1500, bytes_received=800)
    assert report_text(report) == (
        "Đồng bộ xong: gửi 2 thay đổi, máy chủ đã có sẵn 3, nhận 1, 0 xung đột, "
        "0 bị từ chối; 1.500 byte đi, 800 byte về."
    )
