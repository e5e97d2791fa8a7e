"""Sổ tay: the handbook's topics, a reader, search without diacritics, bookmarks, news.

Left, the topics (sections, then documents) or, while searching, the hits with the
matched words marked; right, the document rendered from its Markdown by a
QTextBrowser, entirely offline. Reading a document marks it read on this laptop;
«Mới cập nhật» lists the documents that are new or changed (a province
publication, a newer bundled version) and not yet read. Reads run on the read
lane, marks on the DB lane; nothing waits on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.handbook.handbook_reader import HandbookReader
from danvan_desktop.ui.handbook.handbook_text import hit_html, search_tokens
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.page import Page

SEARCH_DELAY_MS = 150
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
ALL, BOOKMARKED, NEW = "all", "bookmarked", "new"


def refresh_index(ctx: JobContext) -> None:
    """Search only the document shown for each slug (DB lane, after a sync)."""
    ctx.session.refresh_handbook_index()


class TopicsPane(QStackedWidget):
    """The left pane (topics, hits or a note), wide enough for a topic's whole title."""

    def sizeHint(self) -> QSize:
        """About fifty characters wide."""
        return QSize(self.fontMetrics().averageCharWidth() * 52, super().sizeHint().height())


class HandbookPage(Page):
    """The handbook page.

    Signals:
        entries_shown(): the topic tree was (re)built from the store.
        document_shown(str): the reader shows the document with this slug.
        hits_shown(): the search hits of the text typed were listed.
    """

    entries_shown = Signal()
    document_shown = Signal(str)
    hits_shown = Signal()

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(runner, bus, parent=parent)
        self.entries: list[Any] = []
        self.current_slug: str | None = None
        self.current_document: dict[str, Any] | None = None
        self.view = ALL
        self._tokens: list[str] = []
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._build()
        bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = self.column()
        top = self.title_row(tr("HandbookPage", "Sổ tay công tác dân vận"))
        self.filters = QButtonGroup(self)
        self.show_all = self._filter_button(tr("HandbookPage", "Tất cả"), ALL, top)
        self.show_bookmarks = self._filter_button(
            tr("HandbookPage", "Đã đánh dấu"), BOOKMARKED, top
        )
        self.show_new = self._filter_button(tr("HandbookPage", "Mới cập nhật"), NEW, top)
        self.show_all.setChecked(True)
        layout.addLayout(top)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            tr("HandbookPage", "Tìm trong sổ tay (Ctrl+F) — gõ có dấu hay không dấu đều được")
        )
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        layout.addWidget(self.search)
        self.news = QLabel()
        self.news.setWordWrap(True)
        self.news.hide()
        layout.addWidget(self.news)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_reader())
        # Room for a topic's whole title on a 1366-pixel screen; the reader takes the rest.
        self.left.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def _filter_button(self, text: str, view: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.clicked.connect(lambda _checked=False: self.set_view(view))
        self.filters.addButton(button)
        row.addWidget(button)
        return button

    def _build_left(self) -> QWidget:
        self.left = TopicsPane()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.itemSelectionChanged.connect(self._tree_selected)
        self.hits = QListWidget()
        self.hits.setWordWrap(True)
        self.hits.setSpacing(2)
        self.hits.itemSelectionChanged.connect(self._hit_selected)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(8, 8, 8, 8)
        for widget in (self.tree, self.hits, self.empty):
            self.left.addWidget(widget)
        return self.left

    def _build_reader(self) -> QWidget:
        self.reading = HandbookReader()
        self.reading.bookmark_toggled.connect(self._toggle_bookmark)
        # The parts tests and the shortcuts reach for.
        self.reader = self.reading.browser
        self.doc_info = self.reading.doc_info
        self.bookmark_button = self.reading.bookmark_button
        return self.reading

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search.setFocus()
        self.search.selectAll()

    # -- the topics -------------------------------------------------------------------
    def _on_data_changed(self, entities: set[str]) -> None:
        if "handbook_doc" in set(entities):
            self._runner.db(refresh_index, on_done=lambda _r: self.refresh(), owner=self)

    def refresh(self) -> None:
        """Read the documents and their marks again (read lane)."""
        self._runner.read(
            lambda ctx: ctx.session.handbook_entries(db=ctx.reader),
            on_done=self.show_entries,
            owner=self,
        )

    def show_entries(self, entries: list[Any]) -> None:
        """Rebuild the topic tree for the current view."""
        self.entries = list(entries)
        new = [e for e in self.entries if e.is_new]
        self.show_new.setText(
            tr("HandbookPage", "Mới cập nhật ({count})", count=len(new))
            if new
            else tr("HandbookPage", "Mới cập nhật")
        )
        if new:
            self.news.setText(
                tr(
                    "HandbookPage",
                    "Có {count} tài liệu mới hoặc vừa cập nhật mà bạn chưa đọc: {titles}.",
                    count=len(new),
                    titles="; ".join(e.title for e in new),
                )
            )
        self.news.setVisible(bool(new))
        self._fill_tree()
        self.entries_shown.emit()

    def set_view(self, view: str) -> None:
        """Show all documents, the bookmarked ones, or the new ones."""
        self.view = view
        for button, name in ((self.show_all, ALL), (self.show_bookmarks, BOOKMARKED),
                             (self.show_new, NEW)):  # fmt: skip
            button.setChecked(name == view)
        self.search.clear()
        self._fill_tree()

    def _shown_entries(self) -> list[Any]:
        if self.view == BOOKMARKED:
            return [e for e in self.entries if e.bookmarked]
        if self.view == NEW:
            return [e for e in self.entries if e.is_new]
        return self.entries

    def _fill_tree(self) -> None:
        if self.search.text().strip():
            return
        shown = self._shown_entries()
        self.tree.blockSignals(True)
        self.tree.clear()
        sections: dict[str, QTreeWidgetItem] = {}
        for entry in shown:
            parent = sections.get(entry.section)
            if parent is None:
                parent = QTreeWidgetItem([entry.section or tr("HandbookPage", "Khác")])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                bold = parent.font(0)
                bold.setBold(True)
                parent.setFont(0, bold)
                self.tree.addTopLevelItem(parent)
                sections[entry.section] = parent
            item = QTreeWidgetItem([self._item_text(entry)])
            item.setData(0, SLUG_ROLE, entry.slug)
            item.setToolTip(0, entry.title)
            if entry.is_new:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
            parent.addChild(item)
            if entry.slug == self.current_slug:
                item.setSelected(True)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._show_left(self.tree if shown else self.empty, self._empty_text())

    @staticmethod
    def _item_text(entry: Any) -> str:
        text = entry.title
        if entry.bookmarked:
            text = tr("HandbookPage", "★ {title}", title=text)
        if entry.is_new:
            text = tr("HandbookPage", "{title} (mới)", title=text)
        return str(text)

    def _empty_text(self) -> str:
        if self.search.text().strip():
            return tr("HandbookPage", "Không tìm thấy tài liệu nào: hãy thử từ khác, ngắn hơn.")
        if self.view == BOOKMARKED:
            return tr(
                "HandbookPage",
                "Chưa đánh dấu tài liệu nào: mở một tài liệu và bấm «Đánh dấu trang».",
            )
        if self.view == NEW:
            return tr("HandbookPage", "Không có tài liệu mới: bạn đã đọc hết.")
        return tr("HandbookPage", "Sổ tay chưa có tài liệu.")

    def _show_left(self, widget: QWidget, empty_text: str) -> None:
        self.empty.setText(empty_text)
        self.left.setCurrentWidget(widget)

    def _tree_selected(self) -> None:
        items = self.tree.selectedItems()
        slug = items[0].data(0, SLUG_ROLE) if items else None
        if slug:
            self.open_document(str(slug))

    # -- searching --------------------------------------------------------------------
    def _run_search(self) -> None:
        text = self.search.text()
        self._tokens = search_tokens(text)
        if not self._tokens:
            self._fill_tree()
            return
        self._runner.read(
            lambda ctx: ctx.session.search_handbook(text, db=ctx.reader),
            on_done=lambda hits: self._show_hits(text, hits),
            owner=self,
        )

    def _show_hits(self, text: str, hits: list[Any]) -> None:
        if text != self.search.text():
            return  # the user typed on; a newer search is coming
        self.hits.blockSignals(True)
        self.hits.clear()
        slugs = {e.id: e.slug for e in self.entries}
        for hit in hits:
            item = QListWidgetItem()
            item.setData(SLUG_ROLE, slugs.get(hit.record_id))
            label = QLabel(hit_html(hit.title, hit.snippet))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(6, 4, 6, 4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.hits.addItem(item)
            self.hits.setItemWidget(item, label)
            item.setSizeHint(label.sizeHint())
        self.hits.blockSignals(False)
        self._show_left(self.hits if hits else self.empty, self._empty_text())
        self.hits_shown.emit()

    def _hit_selected(self) -> None:
        items = self.hits.selectedItems()
        slug = items[0].data(SLUG_ROLE) if items else None
        if slug:
            self.open_document(str(slug))

    # -- reading ----------------------------------------------------------------------
    def open_document(self, slug: str) -> None:
        """Show the document ``slug`` (read lane) and mark it read (DB lane)."""
        self._runner.read(
            lambda ctx: ctx.session.handbook_document(slug, db=ctx.reader),
            on_done=self._show_document,
            owner=self,
        )

    def _show_document(self, document: dict[str, Any] | None) -> None:
        if document is None:
            return
        slug = str(document["slug"])
        self.current_slug, self.current_document = slug, document
        self.reading.show_document(document, self._tokens if self.search.text() else [])
        if document.get("is_new") or not document.get("read"):
            self._runner.db(
                lambda ctx: ctx.session.mark_handbook_read(slug),
                on_done=lambda _r: self.refresh(),
                owner=self,
            )
        self.document_shown.emit(slug)

    def marked_words(self) -> list[str]:
        """The words marked in the reader now (what the user sees highlighted)."""
        return self.reading.marked_words()

    # -- bookmarks --------------------------------------------------------------------
    def _toggle_bookmark(self, on: bool) -> None:
        slug = self.current_slug
        if slug is None:
            return
        self._runner.db(
            lambda ctx: ctx.session.bookmark_handbook(slug, on=on),
            on_done=lambda _r: self.refresh(),
            owner=self,
        )
