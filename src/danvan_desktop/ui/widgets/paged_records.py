"""A record table that reads its rows page by page on the read lane, as the model list does.

The meetings and task lists can hold tens of thousands of rows. The view asks
``canFetchMore``/``fetchMore`` as the user scrolls; each fetch is one call of the
page's ``fetch(ctx, after, count)`` on the read lane, returning a ``RowsPage``
(store/lists.py), and rows are appended when it comes back, so the GUI thread
never waits for the store. ``load`` starts a new question from the top;
``refresh`` reads the rows already shown again in one go (after an edit), so the
scroll position stays. A generation number drops answers to questions no longer
asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QWidget

from danvan_desktop.core.lists import RowsPage
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel

PAGE_SIZE = 100
ModelIndex = QModelIndex | QPersistentModelIndex
# fetch(ctx, after, limit, count): one page after the cursor ``after`` (None: the first)
Fetch = Callable[[JobContext, tuple[Any, ...] | None, int, bool], RowsPage]


class PagedRecordModel(RecordTableModel):
    """Rows of records fetched page by page in the background.

    Signals:
        page_loaded(object): a page came back (the RowsPage) and its rows are shown;
            the first page of a question carries the totals.
        load_failed(object): a fetch failed (the exception).
    """

    page_loaded = Signal(object)
    load_failed = Signal(object)

    def __init__(
        self, runner: TaskRunner, columns: list[Column], parent: QWidget | None = None
    ) -> None:
        super().__init__(columns, parent)
        self._runner = runner
        self._fetch: Fetch | None = None
        self._after: tuple[Any, ...] | None = None
        self._fetching = False
        self._generation = 0
        self.total: int | None = None

    # -- questions --------------------------------------------------------------------
    def load(self, fetch: Fetch) -> None:
        """Show what ``fetch`` reads, from its first page."""
        self._fetch = fetch
        self._generation += 1
        self._after = None
        self._read(first=True)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these rows only (a list read whole, such as search hits)."""
        self._fetch = None
        self._generation += 1
        self._after = None
        self._fetching = False
        super().set_rows(rows)

    def refresh(self) -> None:
        """Read the rows shown so far again, in one page; keep the place in the list."""
        if self._fetch is None:
            return
        self._generation += 1
        self._read(first=True, limit=max(len(self.rows), PAGE_SIZE))

    # -- fetching ---------------------------------------------------------------------
    @property
    def fetching(self) -> bool:
        """True while a page is being read."""
        return self._fetching

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """More pages wait and none is being read."""
        return not parent.isValid() and self._after is not None and not self._fetching

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        """Ask the read lane for the next page."""
        if self.canFetchMore(parent):
            self._read(first=False)

    def _read(self, *, first: bool, limit: int = PAGE_SIZE) -> None:
        fetch, after, generation = self._fetch, None if first else self._after, self._generation
        if fetch is None:
            return
        self._fetching = True
        self._runner.read(
            lambda ctx: fetch(ctx, after, limit, first),
            on_done=lambda page: self._arrived(generation, page, first),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )

    def _arrived(self, generation: int, page: RowsPage, first: bool) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if first:
            self.total = page.total
            rows = [dict(r) for r in page.rows]
            if rows and [r.get("id") for r in rows] == [r.get("id") for r in self.rows]:
                self.rows = rows  # the same records (a refresh): the view keeps its place
                last = self.index(len(rows) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            else:
                self.beginResetModel()
                self.rows = rows
                self.endResetModel()
        elif page.rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self.rows.extend(dict(r) for r in page.rows)
            self.endInsertRows()
        self._after = page.after
        self.page_loaded.emit(page)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
            self._after = None  # no retry loop: the next load or refresh asks again
        self.load_failed.emit(error)
