"""The «Mạng lưới» page: folded search, filters, a card's page, «Học tập, nhân rộng»."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.store import network
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.network.card_dialog import CardDialog
from danvan_desktop.ui.network.network_page import NetworkPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, double_click_row, make_team_dir, type_text


def wire_card(card_id: str, name: str, **over: Any) -> dict[str, Any]:
    """A card from another village, as the server sends it."""
    card: dict[str, Any] = {
        "id": card_id,
        "model_uid": f"model-{card_id}",
        "source_unit": "unit-kim-long-3",
        "name": name,
        "field_name": "Văn hóa - xã hội",
        "commune_code": 19768,
        "commune_name": "Phường Kim Long",
        "village_name": "Tổ dân phố 3",
        "summary": [["Nội dung và cách làm", "Các hộ để riêng rác hữu cơ."]],
        "results": "Giảm một nửa lượng rác chôn lấp.",
        "indicators": [["Hộ phân loại rác", "120 hộ"]],
        "recognitions": [
            {"level": "commune", "decision_no": "12/QĐ-UBND", "decided_on": "2024-05-02"}
        ],
        "year": 2024,
        "shared_level": "city",
        "shared_on": "2024-06-01",
        "updated_at": "2024-06-01T08:00:00Z",
        "contact": "Chị Lan, 0905 123 456",
        "photos": [],
    }
    card.update(over)
    return card


CARDS = [
    wire_card("c1", "Phân loại rác tại nguồn"),
    wire_card(
        "c2",
        "Thắp sáng đường quê",
        field_name="Kinh tế",
        year=2023,
        summary=[["Nội dung và cách làm", "Mỗi hộ góp một bóng đèn trước ngõ."]],
        results="Đường thôn sáng đèn mỗi tối.",
        indicators=[],
    ),
    wire_card(
        "c3",
        "Ánh sáng an ninh",
        summary=[["Nội dung và cách làm", "Camera ở các ngã ba."]],
        results="Không còn trộm cắp vặt.",
        indicators=[],
        field_name="Quốc phòng - an ninh",
        commune_code=19753,
        commune_name="Phường Thuận Hóa",
    ),
]


def _fill(session: Session) -> None:
    items = [{"id": c["id"], "seq": n, "card": c} for n, c in enumerate(CARDS, start=1)]
    network.apply_library_page(session.store.db, items, len(items))


@pytest.fixture
def page(qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path) -> NetworkPage:
    """The network page over a team laptop holding three cards."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    network_page = NetworkPage(runner, bus)
    qtbot.addWidget(network_page)
    network_page.resize(1180, 640)
    with qtbot.waitSignal(network_page.loaded, timeout=WAIT_MS):
        network_page.show()
    return network_page


def _names(page: NetworkPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_cards_are_listed_in_vietnamese_order(page: NetworkPage) -> None:
    """«Ánh sáng» before «Phân loại» before «Thắp sáng»."""
    assert _names(page) == ["Ánh sáng an ninh", "Phân loại rác tại nguồn", "Thắp sáng đường quê"]


def test_search_typed_without_marks_finds_the_card(qtbot: QtBot, page: NetworkPage) -> None:
    """Typing «mo hinh rac» narrows the list to «Phân loại rác tại nguồn»."""
    type_text(page.search, "mo hinh rac")
    qtbot.waitUntil(lambda: _names(page) == ["Phân loại rác tại nguồn"], timeout=WAIT_MS)
    assert page.count_label.text() == "Tìm thấy 1 mô hình."


def test_field_filter_offers_the_card_fields(qtbot: QtBot, page: NetworkPage) -> None:
    """The field filter lists each field of the cards once, in Vietnamese order."""
    qtbot.waitUntil(lambda: page.field_filter.count() == 4, timeout=WAIT_MS)
    items = [page.field_filter.itemText(i) for i in range(page.field_filter.count())]
    assert items == ["Mọi lĩnh vực", "Kinh tế", "Quốc phòng - an ninh", "Văn hóa - xã hội"]


def test_field_filter_narrows_the_list(qtbot: QtBot, page: NetworkPage) -> None:
    """Choosing «Kinh tế» shows only that field's cards."""
    qtbot.waitUntil(lambda: page.field_filter.count() == 4, timeout=WAIT_MS)
    page.field_filter.setCurrentIndex(page.field_filter.findData("Kinh tế"))
    qtbot.waitUntil(lambda: _names(page) == ["Thắp sáng đường quê"], timeout=WAIT_MS)


def test_commune_filter_narrows_the_list(qtbot: QtBot, page: NetworkPage) -> None:
    """Choosing «Phường Thuận Hóa» shows only the cards of that commune."""
    qtbot.waitUntil(lambda: page.commune_filter.count() == 3, timeout=WAIT_MS)
    page.commune_filter.setCurrentIndex(page.commune_filter.findData(19753))
    qtbot.waitUntil(lambda: _names(page) == ["Ánh sáng an ninh"], timeout=WAIT_MS)


def test_year_filter_narrows_the_list(qtbot: QtBot, page: NetworkPage) -> None:
    """Choosing 2023 shows only the model registered that year."""
    qtbot.waitUntil(lambda: page.year_filter.count() == 3, timeout=WAIT_MS)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2023))
    qtbot.waitUntil(lambda: _names(page) == ["Thắp sáng đường quê"], timeout=WAIT_MS)


def _open(qtbot: QtBot, page: NetworkPage, name: str) -> CardDialog:
    with qtbot.waitSignal(page.card_opened, timeout=WAIT_MS) as opened:
        double_click_row(page.table, _names(page).index(name))
    dialog: CardDialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.card is not None, timeout=WAIT_MS)
    return dialog


def test_opening_a_card_shows_its_page(qtbot: QtBot, page: NetworkPage) -> None:
    """Double-clicking a card opens its page: name, place, items, recognition, contact."""
    dialog = _open(qtbot, page, "Phân loại rác tại nguồn")
    texts = [
        dialog.facts.itemAt(i).widget().text()
        for i in range(dialog.facts.count())
        if dialog.facts.itemAt(i).widget() is not None
    ]
    assert dialog.title.text() == "Phân loại rác tại nguồn"
    assert "Tổ dân phố 3, Phường Kim Long" in texts
    assert "Các hộ để riêng rác hữu cơ." in texts
    assert "Cấp xã, phường: quyết định số 12/QĐ-UBND ngày 02/05/2024" in texts
    assert "Chị Lan, 0905 123 456" in texts


def test_replicate_registers_a_prefilled_model(
    qtbot: QtBot, page: NetworkPage, runner: TaskRunner
) -> None:
    """«Học tập, nhân rộng», confirmed, registers the model and writes its link."""
    dialog = _open(qtbot, page, "Phân loại rác tại nguồn")
    dialog._confirm = lambda _parent, _title, _text: True
    with qtbot.waitSignal(dialog.replicated, timeout=WAIT_MS) as done:
        dialog.replicate_button.click()
    model_id = done.args[0]
    model = call(qtbot, runner, lambda ctx: ctx.session.get_record("model", model_id))
    links = call(qtbot, runner, lambda ctx: ctx.session.list_records("replication_link"))
    assert (model["name"], model["status"], model["content"]) == (
        "Phân loại rác tại nguồn",
        "registered",
        "Các hộ để riêng rác hữu cơ.",
    )
    assert [(r["source_model_id"], r["model_id"]) for r in links] == [("model-c1", model_id)]


def test_replicate_opens_the_new_model(qtbot: QtBot, page: NetworkPage) -> None:
    """After replicating, the new model's form is on screen."""
    dialog = _open(qtbot, page, "Phân loại rác tại nguồn")
    dialog._confirm = lambda _parent, _title, _text: True
    with qtbot.waitSignal(dialog.model_opened, timeout=WAIT_MS) as opened:
        dialog.replicate_button.click()
    form = opened.args[0]
    qtbot.waitUntil(lambda: form.record is not None, timeout=WAIT_MS)
    assert form.record["name"] == "Phân loại rác tại nguồn"


def test_replicate_declined_writes_nothing(
    qtbot: QtBot, page: NetworkPage, runner: TaskRunner
) -> None:
    """Saying no to the confirmation registers nothing."""
    dialog = _open(qtbot, page, "Phân loại rác tại nguồn")
    dialog._confirm = lambda _parent, _title, _text: False
    dialog.replicate_button.click()
    assert call(qtbot, runner, lambda ctx: ctx.session.list_records("model")) == []


def test_a_team_laptop_has_no_withdraw(qtbot: QtBot, page: NetworkPage) -> None:
    """A team laptop offers «Học tập, nhân rộng», never «Thu hồi»."""
    dialog = _open(qtbot, page, "Phân loại rác tại nguồn")
    assert (dialog.replicate_button.isVisible(), dialog.withdraw_button.isVisible()) == (
        True,
        False,
    )


# -- the source team: «Được nhân rộng» and «Nơi nhân rộng» -----------------------------------
def _fill_source(session: Session) -> None:
    """A team whose model «Tổ tự quản» was replicated by another village (a pulled link)."""
    from danvan_desktop.store.sync_apply import apply_changes

    model = session.add_model(name="Tổ tự quản", field_code="economy", year=2024)
    link = {
        "model_id": "replica-1",
        "source_model_id": model.record_id,
        "source_unit_id": session.store.home_unit_id,
        "source_model_name": "Tổ tự quản",
        "card_id": "c9",
        "village_name": "Thôn Lại Thế",
        "model_status": "in_progress",
        "replicated_on": "2025-02-03",
    }
    change = {
        "entity": "replication_link",
        "record_id": "link-1",
        "unit_id": "unit-lai-the",
        "server_version": 7,
        "deleted": False,
        "fields": link,
    }
    apply_changes(session.records, [change])


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    """A team's data folder holding one model that another village replicated."""
    return make_team_dir(tmp_path / "source", _fill_source)


def test_model_list_marks_a_replicated_model(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, source_dir: Path
) -> None:
    """The model list shows «Được nhân rộng» beside the status of a model with a link."""
    from danvan_desktop.ui.models.models_page import ModelsPage

    opened: list[Any] = []
    runner.open_session(source_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    models = ModelsPage(runner, bus)
    qtbot.addWidget(models)
    qtbot.waitUntil(lambda: models.table_model.rowCount() == 1, timeout=WAIT_MS)
    assert models.table_model.index(0, 2).data() == "Đã đăng ký · Được nhân rộng"


def test_replications_panel_says_where_status_and_date(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, source_dir: Path
) -> None:
    """«Nơi nhân rộng» lists the village, its model's status and the date."""
    from danvan_desktop.ui.network.replications_panel import ReplicationsPanel

    opened: list[Any] = []
    runner.open_session(source_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    model_id = call(qtbot, runner, lambda ctx: ctx.session.list_records("model")[0]["id"])
    panel = ReplicationsPanel(runner, bus)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.set_model(model_id, "registered")
    row = [panel.table_model.index(0, c).data() for c in range(3)]
    assert row == ["Thôn Lại Thế", "Đang triển khai", "03/02/2025"]
    assert panel.summary.text() == ("Được nhân rộng: mô hình đã được học tập, nhân rộng ở 1 nơi.")


# -- a sync brings or withdraws cards ---------------------------------------------------------
def _sync_applies(qtbot: QtBot, runner: TaskRunner, bus: EventBus, items: list[Any]) -> None:
    """Apply a library page as the sync does (DB lane), then finish the round as the
    scheduler does."""
    from danvan_desktop.sync.report import SyncReport
    from danvan_desktop.ui.sync.sync_jobs import RoundOutcome
    from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler

    call(qtbot, runner, lambda ctx: network.apply_library_page(ctx.session.store.db, items, 99))
    scheduler = SyncScheduler(runner, bus)
    scheduler._round_done(RoundOutcome(SyncReport(library_cards=len(items)), None))


def test_page_lists_a_card_a_sync_brought(
    qtbot: QtBot, page: NetworkPage, runner: TaskRunner, bus: EventBus
) -> None:
    """A card applied by a sync round appears on the open page without a click."""
    card = wire_card("c4", "Đổi rác lấy quà")
    _sync_applies(qtbot, runner, bus, [{"id": "c4", "seq": 4, "card": card}])
    qtbot.waitUntil(lambda: "Đổi rác lấy quà" in _names(page), timeout=WAIT_MS)
    assert page.count_label.text() == "4 mô hình."


def test_page_drops_a_card_a_sync_withdrew(
    qtbot: QtBot, page: NetworkPage, runner: TaskRunner, bus: EventBus
) -> None:
    """A card withdrawn on the server leaves the open page after the round."""
    _sync_applies(qtbot, runner, bus, [{"id": "c2", "seq": 4, "deleted": True}])
    qtbot.waitUntil(
        lambda: _names(page) == ["Ánh sáng an ninh", "Phân loại rác tại nguồn"], timeout=WAIT_MS
    )


def test_open_card_says_a_sync_withdrew_it(
    qtbot: QtBot, page: NetworkPage, runner: TaskRunner, bus: EventBus
) -> None:
    """An open card withdrawn by a sync says so and turns «Học tập, nhân rộng» off."""
    dialog = _open(qtbot, page, "Phân loại rác tại nguồn")
    with qtbot.waitSignal(dialog.gone, timeout=WAIT_MS):
        _sync_applies(qtbot, runner, bus, [{"id": "c1", "seq": 4, "deleted": True}])
    assert (dialog.title.text(), dialog.replicate_button.isEnabled()) == (
        "Thẻ đã được thu hồi",
        False,
    )
    assert dialog.message.text().startswith("Thẻ này đã được thu hồi khỏi mạng lưới")


def test_open_card_shows_what_a_sync_updated(
    qtbot: QtBot, page: NetworkPage, runner: TaskRunner, bus: EventBus
) -> None:
    """An open card updated by a sync shows the new results, each row once."""
    dialog = _open(qtbot, page, "Phân loại rác tại nguồn")
    card = wire_card("c1", "Phân loại rác tại nguồn", results="Giảm hai phần ba lượng rác.")
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        _sync_applies(qtbot, runner, bus, [{"id": "c1", "seq": 4, "card": card}])
    texts = [
        dialog.facts.itemAt(i).widget().text()
        for i in range(dialog.facts.count())
        if dialog.facts.itemAt(i).widget() is not None
    ]
    assert texts.count("Giảm hai phần ba lượng rác.") == 1
    assert "Giảm một nửa lượng rác chôn lấp." not in texts
