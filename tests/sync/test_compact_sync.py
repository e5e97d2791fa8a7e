"""Protocol 2 end to end: a laptop's own new records cross the link once, and what it does
not hold exactly still comes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from danvan_desktop.session import Session
from danvan_desktop.store import sync_apply
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.transport import LinkDown, SyncTransport, TransportResponse
from support.sync_engines import transport_at
from sync.conftest import Province


def _model(laptop: Session, name: str) -> str:
    return str(laptop.add_model(name=name, field_code="new_rural", year=2026).record_id)


def test_own_new_records_are_not_downloaded_again(
    laptops: Callable[[str], Session],
) -> None:
    """Fifty new models go up; nothing comes back down, and the checkpoint moves past them."""
    a, b = laptops("a"), laptops("b")
    a.sync_now()
    ids = [_model(a, f"Mô hình {n}") for n in range(50)]
    report = a.sync_now()
    assert (report.pushed, report.pulled, report.pages) == (50, 0, 0)
    assert sync_apply.checkpoint(a.records) == a.server_health()["high_seq"]
    b.sync_now()
    assert {r["id"] for r in b.list_records("model")} == set(ids)


def test_changes_of_another_laptop_still_arrive_after_a_push(
    laptops: Callable[[str], Session],
) -> None:
    """B's new record, made while A pushed its own, reaches A in the same round."""
    a, b = laptops("a"), laptops("b")
    a.sync_now()
    theirs = _model(b, "Của máy B")
    b.sync_now()
    _model(a, "Của máy A")
    report = a.sync_now()
    assert report.pulled >= 1
    assert a.get_record("model", theirs)["name"] == "Của máy B"


def test_merged_version_is_downloaded(laptops: Callable[[str], Session]) -> None:
    """A edits a record B changed meanwhile: the merged version comes back with B's field."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Mô hình chung")
    a.sync_now()
    b.sync_now()
    b.update_model(model_id, scope="Toàn tổ dân phố")
    b.sync_now()
    a.update_model(model_id, name="Mô hình chung (đổi tên)")
    a.sync_now()
    record = a.get_record("model", model_id)
    assert (record["name"], record["scope"]) == ("Mô hình chung (đổi tên)", "Toàn tổ dân phố")


class _PullDown(SyncTransport):
    """The network dies as soon as the pull starts (the push went through)."""

    def request(self, method: str, path: str, **options: Any) -> TransportResponse:
        """Fail every pull with LinkDown."""
        if "/pull" in path:
            raise LinkDown("pull cut")
        return super().request(method, path, **options)


def test_exact_version_on_a_base_never_pulled_is_still_downloaded(
    laptops: Callable[[str], Session], province: Province
) -> None:
    """A's first edit merged with B's but its pull failed; A's next edit builds exactly on
    the merged version, which A never pulled: B's field must still reach A."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Mô hình")
    a.sync_now()
    b.sync_now()
    b.update_model(model_id, scope="Của B")
    b.sync_now()
    a.update_model(model_id, name="Tên mới của A")
    transport = transport_at(province.server.url, kind=_PullDown)
    try:
        SyncEngine(a.records, transport).sync_once()
    except LinkDown:
        pass
    finally:
        transport.close()
    assert a.get_record("model", model_id)["scope"] is None  # the merged version never came
    a.update_model(model_id, content="Nội dung của A")
    a.sync_now()
    record = a.get_record("model", model_id)
    assert (record["name"], record["scope"], record["content"]) == (
        "Tên mới của A",
        "Của B",
        "Nội dung của A",
    )
