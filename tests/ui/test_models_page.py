"""The model list: Vietnamese order, lazy pages, search as you type, filters, sorting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models import model_table
from danvan_desktop.ui.models.model_table import (
    ALIGNMENT_ROLE,
    DISPLAY_ROLE,
    HIGHLIGHT_ROLE,
    PAGE_SIZE,
    RIGHT_ALIGNED,
    TOOLTIP_ROLE,
    USER_ROLE,
    ListQuery,
)
from danvan_desktop.ui.models.models_page import ModelsPage
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.widgets.highlight_delegate import HighlightDelegate

from .helpers import WAIT_MS, double_click_row, make_team_dir, type_text

NAMES = ["Đường hoa", "Ăn sạch", "An toàn giao thông", "Bếp ăn tình thương", "Dân vận khéo"]


def _fill(session: Session) -> None:
    for i, name in enumerate(NAMES):
        field = "new_rural" if i % 2 else "culture_society"
        session.add_model(name=name, field_code=field, year=2025 + i % 2, situation=f"Lý do {i}")
    camera = session.add_model(
        name="Camera an ninh",
        field_code="defence_security",
        year=2026,
        content="Lắp camera ở các ngõ xóm, nhờ bà con đóng góp",
    )
    assert camera.record_id is not None
    session.move_model(camera.record_id, status="in_progress")


@pytest.fixture
def page(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, translations: Any
) -> ModelsPage:
    """The models page over a team with six models."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    widget = ModelsPage(runner, bus)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.table_model.rowCount() == 6, timeout=WAIT_MS)
    return widget


def test_first_page_read_once_with_field_names_and_counted_after(
    qtbot: QtBot,
    runner: TaskRunner,
    bus: EventBus,
    tmp_path: Path,
    translations: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Opening the list reads its first page once, shows field names with its first rows,
    and counts the models after the rows are read."""
    data_dir = make_team_dir(tmp_path / "data", _fill)
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    reads: list[str] = []
    real_page, real_count = model_table.fetch_page, model_table.count_models

    def page_read(*args: Any) -> Any:
        reads.append("page")
        return real_page(*args)

    def count_read(*args: Any) -> Any:
        reads.append("count")
        return real_count(*args)

    monkeypatch.setattr(model_table, "fetch_page", page_read)
    monkeypatch.setattr(model_table, "count_models", count_read)
    widget = ModelsPage(runner, bus)
    qtbot.addWidget(widget)
    first_rows: list[str] = []
    widget.table_model.first_rows_shown.connect(
        lambda: first_rows.extend(widget.table_model.index(r, 1).data() for r in range(6))
    )
    widget.show()
    qtbot.waitUntil(lambda: widget.table_model.total == 6, timeout=WAIT_MS)
    assert reads == ["page", "count"]
    assert "Xây dựng nông thôn mới, đô thị văn minh" in first_rows
    assert "new_rural" not in first_rows
    assert widget.count_label.text() == "6 mô hình."


def _names(page: ModelsPage) -> list[str]:
    model = page.table_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_models_listed_in_vietnamese_order(page: ModelsPage) -> None:
    """a < ă, d < đ: the list follows Vietnamese order."""
    assert _names(page) == [
        "An toàn giao thông",
        "Ăn sạch",
        "Bếp ăn tình thương",
        "Camera an ninh",
        "Dân vận khéo",
        "Đường hoa",
    ]


def test_columns_show_labels_not_codes(qtbot: QtBot, page: ModelsPage) -> None:
    """Field and status show their Vietnamese names; the year its number."""
    qtbot.waitUntil(lambda: page.field_filter.count() > 1, timeout=WAIT_MS)
    row = _names(page).index("Camera an ninh")
    model = page.table_model
    cells = [model.index(row, c).data() for c in range(4)]
    assert cells == ["Camera an ninh", "Quốc phòng - an ninh", "Đang triển khai", "2026"]
    assert page.count_label.text() == "6 mô hình."


def test_sorting_a_column_descending(qtbot: QtBot, page: ModelsPage) -> None:
    """Clicking the name header twice sorts Z to A in Vietnamese order."""
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _names(page)[:1] == ["Đường hoa"], timeout=WAIT_MS)
    assert _names(page)[-2:] == ["Ăn sạch", "An toàn giao thông"]


def test_filter_by_status(qtbot: QtBot, page: ModelsPage) -> None:
    """Choosing a status shows only the models in it."""
    page.status_filter.setCurrentIndex(page.status_filter.findText("Đang triển khai"))
    qtbot.waitUntil(lambda: _names(page) == ["Camera an ninh"], timeout=WAIT_MS)
    assert page.count_label.text() == "1 mô hình."


def test_filter_by_field_and_year(qtbot: QtBot, page: ModelsPage) -> None:
    """Field and year filters combine."""
    qtbot.waitUntil(lambda: page.year_filter.count() == 3, timeout=WAIT_MS)
    page.field_filter.setCurrentIndex(page.field_filter.findData("new_rural"))
    page.year_filter.setCurrentIndex(page.year_filter.findData(2026))
    qtbot.waitUntil(lambda: page.table_model.total == 2, timeout=WAIT_MS)
    assert _names(page) == ["Ăn sạch", "Bếp ăn tình thương"]


def test_search_without_diacritics_highlights(qtbot: QtBot, page: ModelsPage) -> None:
    """Typing "duong" finds "Đường hoa" and marks the match in the snippet column."""
    page.focus_search()
    QTest.keyClicks(page.search, "duong")  # ASCII only: keyClicks is safe here
    qtbot.waitUntil(lambda: _names(page) == ["Đường hoa"], timeout=WAIT_MS)
    model = page.table_model
    assert model.columnCount() == 6
    snippet = model.index(0, 5).data(HIGHLIGHT_ROLE)
    assert snippet == f"{HIGHLIGHT_START}Đường{HIGHLIGHT_END} hoa"
    assert model.index(0, 5).data() == "Đường hoa"
    assert page.count_label.text() == "Tìm thấy 1 mô hình."
    # The snippet column (and only it) is drawn with the matches highlighted.
    assert isinstance(page.table.itemDelegateForColumn(5), HighlightDelegate)
    assert not isinstance(page.table.itemDelegateForColumn(0), HighlightDelegate)


def _header_titles(page: ModelsPage) -> list[str]:
    header = page.table.horizontalHeader()
    return [header.model().headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())]


def test_header_titles_follow_the_columns(qtbot: QtBot, page: ModelsPage) -> None:
    """The header names the five columns, adds «Đoạn khớp» while searching, drops it after."""
    columns = ["Tên mô hình", "Lĩnh vực", "Trạng thái", "Năm", "Cập nhật"]
    assert _header_titles(page) == columns
    page.focus_search()
    QTest.keyClicks(page.search, "duong")  # ASCII only: keyClicks is safe here
    qtbot.waitUntil(lambda: _names(page) == ["Đường hoa"], timeout=WAIT_MS)
    assert _header_titles(page) == [*columns, "Đoạn khớp"]
    page.search.clear()
    qtbot.waitUntil(lambda: page.table_model.rowCount() == 6, timeout=WAIT_MS)
    assert _header_titles(page) == columns


def test_sorting_turns_on_after_the_first_paint(qtbot: QtBot, page: ModelsPage) -> None:
    """Once the first rows are drawn, the name column shows the ascending arrow and the
    headers sort; turning sorting on reads nothing again."""
    qtbot.waitUntil(page.table.isSortingEnabled, timeout=WAIT_MS)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _names(page)[0] == "An toàn giao thông"


def test_roles_are_qts_values() -> None:
    """The plain role and alignment numbers the table uses are Qt's own."""
    assert Qt.ItemDataRole.DisplayRole.value == DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == TOOLTIP_ROLE
    assert Qt.ItemDataRole.TextAlignmentRole.value == ALIGNMENT_ROLE
    assert Qt.ItemDataRole.UserRole.value == USER_ROLE
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert right.value == RIGHT_ALIGNED


def test_search_typed_in_vietnamese_finds_body_text(qtbot: QtBot, page: ModelsPage) -> None:
    """Typing «đóng góp» finds the model whose content says it, with a snippet."""
    type_text(page.search, "đóng góp")
    qtbot.waitUntil(lambda: _names(page) == ["Camera an ninh"], timeout=WAIT_MS)
    snippet = page.table_model.index(0, 5).data(HIGHLIGHT_ROLE)
    assert f"{HIGHLIGHT_START}đóng{HIGHLIGHT_END} {HIGHLIGHT_START}góp{HIGHLIGHT_END}" in snippet


def test_search_waits_for_a_pause(qtbot: QtBot, page: ModelsPage) -> None:
    """Keystrokes within the delay make one search, not one per key."""
    queries: list[str] = []
    original = page.table_model.set_query

    def recording(query: ListQuery) -> None:
        queries.append(query.search)
        original(query)

    page.table_model.set_query = recording  # type: ignore[method-assign]
    QTest.keyClicks(page.search, "camera")
    qtbot.waitUntil(lambda: _names(page) == ["Camera an ninh"], timeout=WAIT_MS)
    assert queries == ["camera"]


def test_clearing_the_search_shows_everything(qtbot: QtBot, page: ModelsPage) -> None:
    """An empty search box brings the whole list back, in name order."""
    QTest.keyClicks(page.search, "camera")
    qtbot.waitUntil(lambda: _names(page) == ["Camera an ninh"], timeout=WAIT_MS)
    page.search.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 6, timeout=WAIT_MS)
    assert page.table_model.columnCount() == 5
    assert _names(page)[0] == "An toàn giao thông"


def test_ctrl_f_and_ctrl_n(qtbot: QtBot, page: ModelsPage) -> None:
    """Ctrl+F puts the cursor in the search box; Ctrl+N opens an empty form."""
    page.focus_search()
    assert page.search.hasFocus() or page.focusWidget() is page.search
    page.new_record()
    assert page.form is not None and page.form.model_id is None


def test_lazy_fetching_pages(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """250 models arrive a page at a time as the view asks for more."""

    def many(session: Session) -> None:
        for i in range(250):
            session.add_model(name=f"Mô hình số {i:03d}", field_code="other", year=2026)

    data_dir = make_team_dir(tmp_path / "many", many)
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    widget = ModelsPage(runner, bus)
    qtbot.addWidget(widget)
    model = widget.table_model
    qtbot.waitUntil(lambda: model.rowCount() >= PAGE_SIZE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not model.fetching, timeout=WAIT_MS)
    assert model.total == 250
    assert model.rowCount() < 250
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.fetching, timeout=WAIT_MS)
    assert model.rowCount() == 250
    assert model.index(249, 0).data() == "Mô hình số 249"


def test_a_double_click_opens_one_form(qtbot: QtBot, page: ModelsPage) -> None:
    """A double-click on a row opens the model's form once, not twice."""
    opened: list[Any] = []
    page.form_opened.connect(opened.append)
    double_click_row(page.table, 0)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    qtbot.wait(100)
    assert len(opened) == 1


def test_one_form_per_model_whatever_opens_it(qtbot: QtBot, page: ModelsPage) -> None:
    """A double-click, then another request for the same model: one form, the active window."""
    opened: list[Any] = []
    page.form_opened.connect(opened.append)
    double_click_row(page.table, 0)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    form = opened[0]
    again = page.open_form(page.table_model.record_id(0))
    assert again is form and len(opened) == 1
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=WAIT_MS)


def test_a_new_model_once_saved_has_one_form(qtbot: QtBot, page: ModelsPage) -> None:
    """After a new model's form saves, asking for that model brings the same form back."""
    form = page.open_form(None)
    qtbot.waitUntil(lambda: form.isEnabled(), timeout=WAIT_MS)
    form.name.setText("Vườn rau sạch")
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        form.save()
    assert page.open_form(str(saved.args[0])) is form
