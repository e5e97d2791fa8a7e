"""Mạng lưới: the city's recognised models shared as cards, read with no network at all.

The library lives on this laptop (sync and USB bundles bring it). The search box folds
what is typed (with or without diacritics: «mo hinh rac» finds «Phân loại rác tại
nguồn») and waits for a pause; the field, commune, level and year filters come from the
cards held (``network_facets``). The list is in Vietnamese order and reads its rows a
page at a time on the read lane as the user scrolls (ui/widgets/paged_records.py), so
the GUI thread never waits for the store. Opening a card shows its page
(card_dialog.py), where a team learns from it and replicates it.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from danvan_desktop.core.lists import RowsPage
from danvan_desktop.core.network import CardFacets, CardQuery, NetworkCard
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.network.card_texts import level_text, place_text
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import number_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.page import Page
from danvan_desktop.ui.widgets.paged_records import Fetch, PagedRecordModel
from danvan_desktop.ui.widgets.record_table import Column, record_view

SEARCH_DELAY_MS = 150
REFRESH_DELAY_MS = 300
WATCHED = {"network_card"}  # what a sync or bundle reports when the library changed


def card_row(card: NetworkCard) -> dict[str, Any]:
    """One row of the list: what a card shows at a glance."""
    return {
        "id": card.id,
        "name": card.name,
        "field_name": card.field_name,
        "place": place_text(card),
        "level": level_text(card.highest_level),
        "year": card.year,
    }


def card_pages(query: CardQuery) -> Fetch:
    """Pages of the cards ``query`` asks for (offsets; the first page counts them all)."""

    def fetch(ctx: JobContext, after: tuple[Any, ...] | None, limit: int, count: bool) -> RowsPage:
        offset = int(after[0]) if after else 0
        session, db = ctx.session, ctx.plain_reader
        asked = CardQuery(
            text=query.text,
            field_name=query.field_name,
            commune_code=query.commune_code,
            level=query.level,
            year=query.year,
            offset=offset,
            limit=limit,
        )
        cards = session.network_cards(asked, db=db)
        total = session.network_card_count(asked, db=db) if count else None
        more = (offset + limit,) if len(cards) == limit else None
        return RowsPage([card_row(c) for c in cards], more, total)

    return fetch


def load_facets(ctx: JobContext) -> CardFacets:
    """The values the filters offer (read lane)."""
    return ctx.session.network_facets(db=ctx.plain_reader)


class NetworkPage(Page):
    """The network library page.

    Signals:
        loaded(int): the list now shows the first page of this many cards.
        card_opened(object): a card's page is on screen (the dialog).
    """

    loaded = Signal(int)
    card_opened = Signal(object)

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(runner, bus, parent=parent)
        self.dialog: QWidget | None = None
        self._question: CardQuery | None = None
        self.model = PagedRecordModel(
            runner,
            [
                Column("name", tr("NetworkPage", "Tên mô hình"), width=0),
                Column("field_name", tr("NetworkPage", "Lĩnh vực"), width=26),
                Column("place", tr("NetworkPage", "Nơi thực hiện"), width=38),
                Column("level", tr("NetworkPage", "Cấp công nhận"), width=16),
                Column("year", tr("NetworkPage", "Năm"), "int", width=7),
            ],
            self,
        )
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._build()
        self._connect()
        self.refresh_on(WATCHED, REFRESH_DELAY_MS)
        self.refresh()
        self._load_facets()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = self.column()
        layout.addLayout(self.title_row(tr("NetworkPage", "Mạng lưới mô hình «Dân vận khéo»")))
        intro = QLabel(
            tr(
                "NetworkPage",
                "Các mô hình đã được công nhận, do cấp xã, phường hoặc thành phố chia sẻ để các "
                "tổ học tập, nhân rộng. Đọc được cả khi không có mạng.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            tr("NetworkPage", "Tìm mô hình (Ctrl+F) — gõ có dấu hay không dấu đều được")
        )
        bar.addWidget(self.search, 3)
        self.field_filter = QComboBox()
        self.commune_filter = QComboBox()
        self.level_filter = QComboBox()
        self.year_filter = QComboBox()
        self.field_filter.addItem(tr("NetworkPage", "Mọi lĩnh vực"), None)
        self.commune_filter.addItem(tr("NetworkPage", "Mọi xã, phường"), None)
        self.level_filter.addItem(tr("NetworkPage", "Mọi cấp công nhận"), None)
        self.year_filter.addItem(tr("NetworkPage", "Mọi năm"), None)
        for combo in self.filters():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(combo, 1)
        layout.addLayout(bar)
        self.table = record_view(self.model)
        self.table.setEditTriggers(self.table.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)

    def filters(self) -> tuple[QComboBox, QComboBox, QComboBox, QComboBox]:
        """The field, commune, level and year filters, in that order."""
        return (self.field_filter, self.commune_filter, self.level_filter, self.year_filter)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        for combo in self.filters():
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.activated.connect(self._open_index)
        self.model.page_loaded.connect(self._loaded)
        self.model.load_failed.connect(self._failed)

    # -- reading ----------------------------------------------------------------------
    def current_query(self) -> CardQuery:
        """The question the search box and the filters describe."""
        return CardQuery(
            text=self.search.text().strip(),
            field_name=self.field_filter.currentData(),
            commune_code=self.commune_filter.currentData(),
            level=self.level_filter.currentData(),
            year=self.year_filter.currentData(),
        )

    def refresh(self) -> None:
        """Read the list again (read lane): in place when the question is the same."""
        self._search_timer.stop()
        question = self.current_query()
        if question == self._question:
            self.model.refresh()
            self._load_facets()
        else:
            self._question = question
            self.model.load(card_pages(question))

    def _load_facets(self) -> None:
        self._runner.read(load_facets, on_done=self._fill_facets, owner=self)

    def _fill_facets(self, facets: CardFacets) -> None:
        choices: tuple[list[tuple[Any, str]], ...] = (
            [(name, name) for name in facets.field_names],
            [(code, name) for code, name in facets.communes],
            [(level, level_text(level)) for level in facets.levels],
            [(year, str(year)) for year in facets.years],
        )
        for combo, items in zip(self.filters(), choices, strict=True):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _loaded(self, page: RowsPage) -> None:
        total = self.model.total or 0
        if self._question is not None and self._question.text:
            text = tr("NetworkPage", "Tìm thấy {count} mô hình.", count=number_text(total))
        elif total == 0:
            text = tr(
                "NetworkPage",
                "Chưa có mô hình nào trên mạng lưới: thẻ mô hình đến cùng lần đồng bộ với máy "
                "chủ của thành phố hoặc gói dữ liệu USB.",
            )
        else:
            text = tr("NetworkPage", "{count} mô hình.", count=number_text(total))
        self.count_label.setText(text)
        self.message.clear()
        if page.total is not None:
            self.loaded.emit(total)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(error))

    # -- actions ----------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _open_index(self, index: QModelIndex) -> None:
        card_id = self.model.record_id(index.row())
        if card_id:
            self.open_card(card_id)

    def open_card(self, card_id: str) -> QWidget:
        """Open a card's page."""
        from danvan_desktop.ui.network.card_dialog import CardDialog  # not needed to start

        dialog = CardDialog(self._runner, self._bus, card_id, parent=self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        self.card_opened.emit(dialog)
        return dialog
