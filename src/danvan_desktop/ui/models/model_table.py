"""The model list as a lazily fetched table: keyset pages read on the read lane.

The view asks ``canFetchMore``/``fetchMore`` as the user scrolls; each fetch is
one ``Session.model_page`` call on the read lane, and rows are inserted when it
comes back, so the GUI thread never waits for the store. Rows are tuples (a
100k-row list stays small). Sorting is done by the store in Vietnamese order.
While the user searches, the table shows the hits (with their snippets) in
relevance order, narrowed by the same filters; sorting a column then sorts them.
A generation number drops answers to questions no longer asked.

Nothing here names PySide's ``Qt`` namespace before the list's first paint: its
first use builds some ninety Python enums (about 11 ms, a tenth of a bare
window's start). The roles are the plain ints the view passes; the column titles
are a small C++ model of their own (``header_titles``) that the page gives the
header, since a ``headerData`` in Python would be handed Qt's Orientation enum
from the first paint on; ``sort`` meets Qt's SortOrder only when the user sorts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QStandardItemModel

from danvan_desktop.core.lazy import lazy_module
from danvan_desktop.core.lists import ModelFilter
from danvan_desktop.core.vocab import MODEL_STATUSES, label
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, tr

if TYPE_CHECKING:
    from danvan_desktop.core import highlight
else:  # with the first search, not to start (core/lazy.py)
    highlight = lazy_module("danvan_desktop.core.highlight")

PAGE_SIZE = 100
SEARCH_LIMIT = 200
# Qt's values of Qt::ItemDataRole and Qt::AlignmentFlag (fixed by Qt; a test compares
# them with PySide's enums). The roles ``data`` answers: the view asks for a dozen
# roles per cell on every paint, and most get None at once.
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
USER_ROLE = 0x100  # Qt.ItemDataRole.UserRole
HIGHLIGHT_ROLE = USER_ROLE + 1  # text with highlight markers, for the delegate
ID_ROLE = USER_ROLE + 2
ANSWERED_ROLES = frozenset({DISPLAY_ROLE, TOOLTIP_ROLE, ALIGNMENT_ROLE, HIGHLIGHT_ROLE, ID_ROLE})
RIGHT_ALIGNED = 0x02 | 0x80  # Qt.AlignmentFlag.AlignRight | AlignVCenter

# row tuple positions
R_ID, R_NAME, R_FIELD, R_STATUS, R_YEAR, R_UPDATED, R_SNIPPET, R_REPLICATED = range(8)
COLUMNS = ("name", "field_code", "status", "year", "updated_at")  # sortable, in column order
ModelIndex = QModelIndex | QPersistentModelIndex


def strip_marks(text: str) -> str:
    """Text without the highlight markers."""
    return text.replace(highlight.HIGHLIGHT_START, "").replace(highlight.HIGHLIGHT_END, "")


class ListQuery(NamedTuple):
    """What the table shows: filters, search text, order."""

    flt: ModelFilter = ModelFilter()
    search: str = ""
    order: str | None = "name"  # None: relevance (search only)
    descending: bool = False


class Answer(NamedTuple):
    """A read-lane answer: rows, the next cursor, and the total when counted."""

    rows: list[tuple[Any, ...]]
    after: tuple[Any, str] | None
    total: int | None


def _row(
    r: dict[str, Any],
    snippet: str | None = None,
    replicated: frozenset[str] | set[str] = frozenset(),
) -> tuple[Any, ...]:
    return (
        r["id"],
        r["name"],
        r["field_code"],
        r["status"],
        r["year"],
        r["updated_at"],
        snippet,
        r["id"] in replicated,  # «Được nhân rộng»: computed from replication links
    )


def fetch_page(
    ctx: JobContext, query: ListQuery, after: tuple[Any, str] | None, limit: int, count: bool
) -> Answer:
    """One page of the plain list (read lane; no sqlite-utils needed for it)."""
    session, db = ctx.session, ctx.plain_reader
    order = query.order or "name"
    page = session.model_page(
        query.flt, order=order, descending=query.descending, limit=limit, after=after, db=db
    )
    total = session.model_count(query.flt, db=db) if count else None
    replicated = session.replicated_models([r["id"] for r in page.rows], db=db)
    return Answer([_row(r, None, replicated) for r in page.rows], page.after, total)


def count_models(ctx: JobContext, query: ListQuery) -> int:
    """How many models the plain list shows (read lane)."""
    return ctx.session.model_count(query.flt, db=ctx.plain_reader)


def fetch_hits(ctx: JobContext, query: ListQuery) -> Answer:
    """Search hits narrowed by the filters, relevance first unless a column is sorted."""
    session, db = ctx.session, ctx.reader
    hits = session.quick_search(query.search, entities=("model",), limit=SEARCH_LIMIT, db=db)
    snippets: dict[str, str] = {}
    for hit in hits:
        snippets.setdefault(hit.target_id, hit.snippet)
    ids = tuple(snippets)
    flt = query.flt._replace(ids=ids)
    page = session.model_page(
        flt,
        order=query.order or "name",
        descending=query.descending,
        limit=len(ids) + 1,
        db=db,
    )
    replicated = session.replicated_models([r["id"] for r in page.rows], db=db)
    rows = [_row(r, snippets.get(r["id"]), replicated) for r in page.rows]
    if query.order is None:
        rank = {record_id: i for i, record_id in enumerate(ids)}
        rows.sort(key=lambda row: rank[row[R_ID]])
    return Answer(rows, None, len(rows))


class ModelTableModel(QAbstractTableModel):
    """Models in the list, fetched page by page in the background.

    Signals:
        total_changed(int): how many models the current query shows.
        loading_changed(bool): a fetch started (True) or the last one came back (False).
        first_rows_shown(): the first page of a new query is in the table.
    """

    total_changed = Signal(int)
    loading_changed = Signal(bool)
    first_rows_shown = Signal()

    def __init__(self, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.query = ListQuery()
        self.rows: list[tuple[Any, ...]] = []
        self.total: int | None = None
        self.field_names: dict[str, str] = {}
        self._after: tuple[Any, str] | None = None
        self._more = False
        self._fetching = False
        self._generation = 0
        self._started = False
        self.header_titles = QStandardItemModel(self)
        self._show_titles()

    # -- what to show -----------------------------------------------------------------
    def set_field_names(self, names: dict[str, str]) -> None:
        """Names to show for field codes."""
        self.field_names = dict(names)
        if self.rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))

    def set_query(self, query: ListQuery) -> None:
        """Show another query (filters, search, order); starts again from the top."""
        if query == self.query and self._started:
            return
        self.query = query
        self.reload()

    def start(self) -> None:
        """Fetch the first page unless a query has already started."""
        if not self._started:
            self.reload()

    def reload(self) -> None:
        """Forget the rows and fetch the first page of the current query."""
        self._started = True
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._after = None
        self._more = False
        self._fetching = False
        self.endResetModel()
        self._show_titles()  # the snippet column comes and goes with the search
        self._fetch(first=True)

    def refresh(self) -> None:
        """Re-read the rows already shown (after an edit), keeping the scroll position."""
        if not self._started:
            return
        if self.query.search:
            self.reload()
            return
        self._generation += 1
        generation, query, limit = self._generation, self.query, max(len(self.rows), PAGE_SIZE)
        self._set_fetching(True)
        self._runner.read(
            lambda ctx: fetch_page(ctx, query, None, limit, True),
            on_done=lambda answer: self._refreshed(generation, answer),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )

    # -- fetching ---------------------------------------------------------------------
    def _set_fetching(self, value: bool) -> None:
        self._fetching = value
        self.loading_changed.emit(value)

    def _fetch(self, *, first: bool) -> None:
        generation, query, after = self._generation, self.query, self._after
        self._set_fetching(True)
        if query.search:
            job = lambda ctx: fetch_hits(ctx, query)  # noqa: E731
        else:
            job = lambda ctx: fetch_page(ctx, query, after, PAGE_SIZE, False)  # noqa: E731
        self._runner.read(
            job,
            on_done=lambda answer: self._arrived(generation, answer, first),
            on_error=lambda error: self._failed(generation, error),
            owner=self,
        )
        if first and not query.search:
            # Counted after the first page is read (the same lane, in order): counting
            # 100k models takes longer than reading the rows the user sees first.
            self._runner.read(
                lambda ctx: count_models(ctx, query),
                on_done=lambda total: self._counted(generation, total),
                on_error=lambda error: self._failed(generation, error),
                owner=self,
            )

    def _arrived(self, generation: int, answer: Answer, first: bool) -> None:
        if generation != self._generation:
            return
        self._set_fetching(False)
        if answer.rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(answer.rows) - 1)
            self.rows.extend(answer.rows)
            self.endInsertRows()
        self._after = answer.after
        self._more = answer.after is not None
        if answer.total is not None:
            self._counted(generation, answer.total)
        if first:
            self.first_rows_shown.emit()

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.total_changed.emit(total)

    def _refreshed(self, generation: int, answer: Answer) -> None:
        if generation != self._generation:
            return
        self._set_fetching(False)
        old_ids = [r[R_ID] for r in self.rows]
        if [r[R_ID] for r in answer.rows] == old_ids:
            self.rows = answer.rows
            if self.rows:
                last = self.index(len(self.rows) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self.rows = answer.rows
            self.endResetModel()
        self._after = answer.after
        self._more = answer.after is not None
        if answer.total is not None:
            self._counted(generation, answer.total)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._set_fetching(False)
        self._runner.failed.emit(error)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """More pages wait and none is being fetched."""
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        """Ask the read lane for the next page."""
        if self.canFetchMore(parent):
            self._fetch(first=False)

    @property
    def fetching(self) -> bool:
        """True while a page is being read."""
        return self._fetching

    # -- the table --------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows fetched so far."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Five columns, plus the snippet while searching."""
        if parent.isValid():
            return 0
        return len(COLUMNS) + (1 if self.query.search else 0)

    def titles(self) -> list[str]:
        """The column titles shown now."""
        titles = [
            tr("ModelTable", "Tên mô hình"),
            tr("ModelTable", "Lĩnh vực"),
            tr("ModelTable", "Trạng thái"),
            tr("ModelTable", "Năm"),
            tr("ModelTable", "Cập nhật"),
            tr("ModelTable", "Đoạn khớp"),
        ]
        return titles[: self.columnCount()]

    def _show_titles(self) -> None:
        titles = self.titles()
        if self.header_titles.columnCount() != len(titles):
            self.header_titles.setColumnCount(len(titles))
            self.header_titles.setHorizontalHeaderLabels(titles)

    def data(self, index: ModelIndex, role: int = DISPLAY_ROLE) -> Any:
        """Cell text; the highlight role carries the search markers."""
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        number = index.row()
        if number >= len(self.rows):
            return None
        row = self.rows[number]
        column = index.column()
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return self._text(row, column)
        if role == ALIGNMENT_ROLE:
            return RIGHT_ALIGNED if column == 3 else None
        if role == ID_ROLE:
            return row[R_ID]
        return row[R_SNIPPET] if column == len(COLUMNS) else None  # HIGHLIGHT_ROLE

    def _text(self, row: tuple[Any, ...], column: int) -> str:
        if column == 0:
            return str(row[R_NAME] or "")
        if column == 1:
            code = str(row[R_FIELD] or "")
            return self.field_names.get(code, code)
        if column == 2:
            status = label(MODEL_STATUSES, str(row[R_STATUS] or ""))
            if row[R_REPLICATED]:
                return tr("ModelTable", "{status} · Được nhân rộng", status=status)
            return status
        if column == 3:
            return "" if row[R_YEAR] is None else str(row[R_YEAR])
        if column == 4:
            return date_text(row[R_UPDATED])
        return strip_marks(str(row[R_SNIPPET] or ""))

    def sort(self, column: int, order: QtCore.Qt.SortOrder | None = None) -> None:
        """Sort in the store (Vietnamese order for names); ascending unless told."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order is not None and order == QtCore.Qt.SortOrder.DescendingOrder
        self.set_query(self.query._replace(order=COLUMNS[column], descending=descending))

    def record_id(self, row: int) -> str | None:
        """The id of the model shown in ``row``."""
        return str(self.rows[row][R_ID]) if 0 <= row < len(self.rows) else None

    def row_of(self, record_id: str) -> int | None:
        """The row showing ``record_id`` (None when not fetched)."""
        for i, row in enumerate(self.rows):
            if row[R_ID] == record_id:
                return i
        return None
