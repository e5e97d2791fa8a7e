"""The team's list of model fields (lĩnh vực): add, rename, reorder, remove.

Every change goes through the Session on the DB lane and is announced as
``data_changed({"model_field"})``, so the model list's filter and the model form
show the new list. A field some models still use cannot be removed: the message
beside the name says how many use it. The city's fields come first, marked «Lĩnh vực
của thành phố»: the city renames them on its server, so a team cannot rename, move or
remove them (their buttons are off); the team's own fields follow and move among
themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.schema import MODEL_FIELD
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import number_text, tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
CITY_ROLE = Qt.ItemDataRole.UserRole + 3


class ModelFieldsDialog(QDialog):
    """Edit the list of model fields.

    Signals:
        changed(): the list was changed and read again.
    """

    changed = Signal()

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self.rows: list[dict[str, Any]] = []
        self.setWindowTitle(tr("ModelFieldsDialog", "Danh sách lĩnh vực"))
        layout = QVBoxLayout(self)
        note = QLabel(
            tr(
                "ModelFieldsDialog",
                "Các lĩnh vực để xếp mô hình «Dân vận khéo». Chỉ xóa được lĩnh vực chưa có mô "
                "hình nào; mô hình giữ lĩnh vực của mình khi đổi tên lĩnh vực.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.name = QLineEdit()
        watch_length(self.name, MODEL_FIELD, "name")
        self.name_error: FieldError = add_row(
            form, tr("ModelFieldsDialog", "Tên lĩnh vực"), self.name
        )
        layout.addLayout(form)
        grid = QGridLayout()
        self.add_button = QPushButton(tr("ModelFieldsDialog", "Thêm lĩnh vực"))
        self.rename_button = QPushButton(tr("ModelFieldsDialog", "Đổi tên"))
        self.up_button = QPushButton(tr("ModelFieldsDialog", "Lên trên"))
        self.down_button = QPushButton(tr("ModelFieldsDialog", "Xuống dưới"))
        self.remove_button = QPushButton(tr("ModelFieldsDialog", "Xóa"))
        buttons = (self.add_button, self.rename_button, self.up_button, self.down_button)
        for column, button in enumerate((*buttons, self.remove_button)):
            grid.addWidget(button, 0, column)
        layout.addLayout(grid)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_field)
        self.rename_button.clicked.connect(self.rename_field)
        self.up_button.clicked.connect(lambda: self.move_field(-1))
        self.down_button.clicked.connect(lambda: self.move_field(1))
        self.remove_button.clicked.connect(self.remove_field)
        self.list.currentItemChanged.connect(self._selected)
        # The name box starts focused and empty: a list that took the focus would select
        # its first field by itself and fill the box with that name under the user's typing.
        self.name.setFocus()
        self.resize(560, 460)
        self.reload()

    # -- reading ----------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the fields again (DB lane) and select ``select`` (an id) if given."""
        self._runner.db(
            lambda ctx: ctx.session.model_field_rows(),
            on_done=lambda rows: self._show(rows, select),
            owner=self,
        )

    def _show(self, rows: list[dict[str, Any]], select: str | None) -> None:
        self.rows = rows
        self.list.clear()
        for row in rows:
            text = row["name"]
            if row["models"]:
                count = number_text(row["models"])
                text = tr("ModelFieldsDialog", "{name} ({count} mô hình)", name=text, count=count)
            city = bool(row.get("city"))
            if city:
                text = tr("ModelFieldsDialog", "{name} · Lĩnh vực của thành phố", name=text)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row["id"])
            item.setData(NAME_ROLE, row["name"])
            item.setData(CITY_ROLE, city)
            if city:
                item.setToolTip(
                    tr(
                        "ModelFieldsDialog",
                        "Lĩnh vực của thành phố: thành phố đặt tên và thứ tự; tổ không sửa hay "
                        "xóa được.",
                    )
                )
            self.list.addItem(item)
            if row["id"] == select:
                self.list.setCurrentItem(item)
        self._enable()

    def _selected(self, item: QListWidgetItem | None) -> None:
        self.name_error.clear_message()
        if item is not None:
            self.name.setText(str(item.data(NAME_ROLE)))
        self._enable()

    def _enable(self) -> None:
        row = self.list.currentRow()
        chosen = row >= 0 and not self._is_city(row)  # a team changes only its own
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0 and not self._is_city(row - 1))
        self.down_button.setEnabled(chosen and row < self.list.count() - 1)

    def _is_city(self, row: int) -> bool:
        item = self.list.item(row)
        return item is not None and bool(item.data(CITY_ROLE))

    def current_id(self) -> str | None:
        """The id of the selected field."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    # -- changing ---------------------------------------------------------------------
    def add_field(self) -> None:
        """Add a field named as typed, at the end of the list."""
        name = self.name.text()
        self._change(lambda ctx: ctx.session.add_model_field(name=name))

    def rename_field(self) -> None:
        """Give the selected field the name typed."""
        field_id, name = self.current_id(), self.name.text()
        if field_id is not None:
            self._change(lambda ctx: ctx.session.rename_model_field(field_id, name=name))

    def move_field(self, offset: int) -> None:
        """Move the selected field up (-1) or down (+1)."""
        field_id = self.current_id()
        if field_id is not None:
            self._change(lambda ctx: ctx.session.move_model_field(field_id, offset=offset))

    def remove_field(self) -> None:
        """Remove the selected field (refused while models use it)."""
        field_id = self.current_id()
        if field_id is not None:
            self._change(lambda ctx: ctx.session.remove_model_field(field_id), select_after=False)

    def _change(self, job: Callable[[JobContext], Any], *, select_after: bool = True) -> None:
        self.name_error.clear_message()
        self._runner.db(
            job,
            on_done=lambda result: self._changed(result, select_after),
            on_error=self._failed,
            owner=self,
        )

    def _changed(self, result: Any, select_after: bool) -> None:
        self._bus.data_changed.emit({"model_field"})
        if not select_after:
            self.name.clear()
        self.reload(result.record_id if select_after else None)
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.name_error.show_message(" ".join(p.message for p in error.problems))
        elif isinstance(error, DanvanError):
            self.name_error.show_message(error.message)
        else:
            raise error
