"""The Đồng bộ page's tables: the sync log, the refused changes, the records from the
server this laptop could not store, and the log's export.

The lists are short (the newest 200 rounds; refusals and bad records are rare), read in
one DB-lane job with the rest of the page, so a plain table model over a list of
rows is enough. The export writes the log as CSV (UTF-8 with a byte-order mark,
so Excel on Windows shows the Vietnamese right) for support staff.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from danvan_desktop.core.i18n import tr as core_tr
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.ui.text import local_time_text, number_text, tr

ModelIndex = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column: its header and how a row shows in it."""

    header: str
    text: Callable[[Row], str]


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of dict rows."""

    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        """Show ``rows`` instead of what was shown."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        """How many rows (none under a row: this is a flat table)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """How many columns."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (and its tooltip, for long messages)."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self.columns[index.column()].text(self.rows[index.row()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def cell(self, row: int, column: int) -> str:
        """The text shown in one cell (for tests and the export)."""
        return self.columns[column].text(self.rows[row])


def result_text(row: Row) -> str:
    """A sync log result in words."""
    return {
        "ok": tr("SyncPage", "Thành công"),
        "error": tr("SyncPage", "Lỗi"),
    }.get(str(row.get("result")), str(row.get("result") or ""))


def entity_text(entity: str) -> str:
    """An entity's label in the user's language."""
    spec = ENTITIES.get(entity)
    if spec is None:
        return tr("SyncPage", "Xung đột") if entity == "conflict" else entity
    return core_tr("entities", spec.label)


def log_columns() -> list[Column]:
    """The sync log: when, bytes both ways, changes, result, error."""
    return [
        Column(tr("SyncPage", "Thời gian"), lambda r: local_time_text(r.get("started_at"))),
        Column(tr("SyncPage", "Gửi (byte)"), lambda r: number_text(r.get("bytes_sent") or 0)),
        Column(tr("SyncPage", "Nhận (byte)"), lambda r: number_text(r.get("bytes_received") or 0)),
        Column(tr("SyncPage", "Số thay đổi"), lambda r: number_text(r.get("operations") or 0)),
        Column(tr("SyncPage", "Kết quả"), result_text),
        Column(tr("SyncPage", "Lỗi"), lambda r: str(r.get("error") or "")),
    ]


def rejected_columns() -> list[Column]:
    """Refused changes: when, what, which record, the server's reason."""
    return [
        Column(tr("SyncPage", "Thời gian"), lambda r: local_time_text(r.get("created_at"))),
        Column(tr("SyncPage", "Loại hồ sơ"), lambda r: entity_text(str(r.get("entity")))),
        Column(tr("SyncPage", "Hồ sơ"), lambda r: str(r.get("title") or r.get("record_id"))),
        Column(tr("SyncPage", "Lý do"), lambda r: str(r.get("error") or "")),
    ]


def quarantine_columns() -> list[Column]:
    """Records from the server kept aside: when, what, which record, why."""
    return [
        Column(tr("SyncPage", "Thời gian"), lambda r: local_time_text(r.get("quarantined_at"))),
        Column(tr("SyncPage", "Loại hồ sơ"), lambda r: entity_text(str(r.get("entity")))),
        Column(tr("SyncPage", "Hồ sơ"), lambda r: str(r.get("record_id") or "")),
        Column(tr("SyncPage", "Lý do"), lambda r: str(r.get("reason") or "")),
    ]


def quarantine_note() -> str:
    """What the records kept aside are, and what the user should do about them."""
    return tr(
        "SyncPage",
        "Máy này không lưu được các bản ghi dưới đây từ máy chủ của thành phố (giá trị không "
        "hợp lệ); các bản ghi khác vẫn đồng bộ bình thường. Hãy báo cán bộ quản trị máy chủ "
        "mã hồ sơ và lý do; khi máy chủ sửa xong, lần đồng bộ sau sẽ tự nhận bản đã sửa.",
    )


def export_log(rows: list[Row], path: Path) -> Path:
    """Write the sync log to ``path`` as CSV (raw values, for support); returns the path."""
    names = ("started_at", "finished_at", "bytes_sent", "bytes_received", "operations")
    headers = [
        tr("SyncPage", "Bắt đầu (UTC)"),
        tr("SyncPage", "Kết thúc (UTC)"),
        tr("SyncPage", "Gửi (byte)"),
        tr("SyncPage", "Nhận (byte)"),
        tr("SyncPage", "Số thay đổi"),
        tr("SyncPage", "Kết quả"),
        tr("SyncPage", "Lỗi"),
    ]
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(n) for n in names] + [row.get("result"), row.get("error")])
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)  # a half-written export never takes the real name
    return path
