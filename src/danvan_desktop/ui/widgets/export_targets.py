"""Where an export goes: the USB sticks plugged in, the last folder used, another folder.

A list the export dialog fills from ``Session.list_removable_volumes()`` (read
on a worker, refreshed on demand) and the «last_export_dir» setting. Each stick
shows its label, folder and free space; a stick that refuses writes is marked
«chỉ đọc» (the user may still try: the message then says how to unlock it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.session.reports import format_size
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from danvan_desktop.session.reports import Volume

HINT_STYLE = "color: #555;"
VolumeLister: TypeAlias = "Callable[[], list[Volume]]"


@dataclass(frozen=True)
class Target:
    """One place to write to."""

    path: Path
    volume: Volume | None = None

    @property
    def read_only(self) -> bool:
        """True for a stick known to refuse writes."""
        return self.volume is not None and self.volume.read_only


def volume_text(volume: Volume) -> str:
    """«USB KINGSTON (E:\\) — trống 7,5 GB / 14,9 GB», with «chỉ đọc» when locked."""
    text = tr(
        "ExportTargets",
        "{name} ({path}) — trống {free} / {total}",
        name=volume.display_name,
        path=str(volume.mount_path),
        free=format_size(volume.free_bytes),
        total=format_size(volume.total_bytes),
    )
    if volume.read_only:
        text += " — " + tr("ExportTargets", "chỉ đọc, không ghi được")
    return text


class WrappingLabel(QLabel):
    """A word-wrapped label that asks its layout for the height its text needs at its width.

    Qt lays a window out from minimum sizes that ignore how a wrapped text grows when it
    gets narrower; squeezed to such a minimum (a small screen, a shorter window), the
    label's lines would be drawn over its neighbours. Keeping the minimum height at
    ``heightForWidth`` of the current width makes the window's minimum honest instead.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        """Show ``text`` and ask for the height it needs."""
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width may need another number of lines."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width()) if self.width() > 0 else -1
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class TargetList(QListWidget):
    """The sticks, then the last folder used and any folder chosen, one of them selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folders: list[Path] = []
        self._volumes: list[Volume] = []

    def set_places(self, volumes: list[Volume], last_dir: Path | None) -> None:
        """Show ``volumes`` and ``last_dir`` (unless it is a stick's own folder, or is gone)."""
        chosen = self.chosen()
        self._volumes = list(volumes)
        if (
            last_dir is not None
            and last_dir.is_dir()
            and all(last_dir != v.mount_path for v in volumes)
            and last_dir not in self._folders
        ):
            self._folders.insert(0, last_dir)
        self._rebuild()
        wanted = chosen.path if chosen is not None else last_dir
        if wanted is None or not self._select(wanted):
            self._select_first_writable()

    def add_folder(self, folder: Path) -> None:
        """Offer ``folder`` (chosen with «Thư mục khác…») and select it."""
        if folder not in self._folders:
            self._folders.append(folder)
        self._rebuild()
        self._select(folder)

    def _rebuild(self) -> None:
        self.blockSignals(True)
        self.clear()
        for volume in self._volumes:
            self._add(volume_text(volume), Target(volume.mount_path, volume))
        for folder in self._folders:
            self._add(tr("ExportTargets", "Thư mục {path}", path=str(folder)), Target(folder))
        self.blockSignals(False)

    def _add(self, text: str, target: Target) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, target)
        if target.read_only:
            item.setForeground(Qt.GlobalColor.darkRed)
        self.addItem(item)

    def _select(self, path: Path) -> bool:
        """Select the place whose folder is ``path``; False when none is."""
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole).path == path:
                self.setCurrentRow(row)
                return True
        return False

    def _select_first_writable(self) -> None:
        for row in range(self.count()):
            if not self.item(row).data(Qt.ItemDataRole.UserRole).read_only:
                self.setCurrentRow(row)
                return

    def chosen(self) -> Target | None:
        """The selected place, or None."""
        item = self.currentItem()
        if item is None:
            return None
        target = item.data(Qt.ItemDataRole.UserRole)
        assert isinstance(target, Target)
        return target

    @property
    def volume_count(self) -> int:
        """How many sticks are listed."""
        return len(self._volumes)


class PlacesBox(QGroupBox):
    """«Lưu vào»: the list of places, a hint under it, «Làm mới» and «Thư mục khác…».

    Signals:
        loaded(): the sticks and the last folder used are listed.
        changed(): another place was selected.
    """

    loaded = Signal()
    changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        list_volumes: VolumeLister | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("ExportTargets", "Lưu vào"), parent)
        self._runner = runner
        self._list_volumes = list_volumes
        layout = QVBoxLayout(self)
        self.places = TargetList()
        self.places.setMinimumHeight(110)
        self.places.currentRowChanged.connect(lambda _row: self._place_changed())
        # In the layout under the list, never over it: its height follows its lines.
        self.hint = WrappingLabel()
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.hide()
        row = QHBoxLayout()
        self.refresh_button = QPushButton(tr("ExportTargets", "Làm mới danh sách USB"))
        self.refresh_button.clicked.connect(self.refresh)
        self.folder_button = QPushButton(tr("ExportTargets", "Thư mục khác…"))
        row.addWidget(self.refresh_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        layout.addWidget(self.places)
        layout.addWidget(self.hint)
        layout.addLayout(row)

    def refresh(self) -> None:
        """Read the sticks plugged in and the last folder used (DB lane)."""
        lister = self._list_volumes

        def load(ctx: JobContext) -> tuple[list[Volume], str | None]:
            volumes = lister() if lister is not None else ctx.session.list_removable_volumes()
            return volumes, ctx.session.setting("last_export_dir")

        self.refresh_button.setEnabled(False)
        self._runner.db(load, on_done=self._show, on_error=self._failed, owner=self)

    def _show(self, found: tuple[list[Volume], str | None]) -> None:
        volumes, last = found
        self.places.set_places(volumes, Path(last) if last else None)
        self.refresh_button.setEnabled(True)
        self._place_changed()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        text = error.message if isinstance(error, DanvanError) else type(error).__name__
        self._set_hint(tr("ExportTargets", "Không đọc được danh sách USB ({error}).", error=text))
        self.loaded.emit()

    def _place_changed(self) -> None:
        target = self.places.chosen()
        if target is not None and target.read_only:
            hint = tr(
                "ExportTargets",
                "USB này đang ở chế độ chỉ đọc: hãy gạt khóa chống ghi sang vị trí mở, cắm "
                "lại rồi bấm «Làm mới danh sách USB», hoặc chọn nơi lưu khác.",
            )
        elif self.places.volume_count == 0:
            hint = tr(
                "ExportTargets",
                "Chưa thấy USB nào: hãy cắm USB rồi bấm «Làm mới danh sách USB», hoặc bấm "
                "«Thư mục khác…».",
            )
        else:
            hint = ""
        self._set_hint(hint)
        self.changed.emit()

    def _set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """Lock the choice while an export runs."""
        for widget in (self.places, self.refresh_button, self.folder_button):
            widget.setEnabled(not busy)
