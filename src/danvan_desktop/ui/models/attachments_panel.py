"""Photos and documents of one record: thumbnails, add, open, remove.

Files are copied into the data folder by content (store/attachments.py) on the
DB lane, behind a progress window that can be cancelled between files.
Thumbnails are decoded and scaled on the read lane as QImage (safe off the GUI
thread) and turned into icons here. Opening hands the stored copy to the
system's viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.attachments import is_image
from danvan_desktop.core.errors import DanvanError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.progress import run_with_progress
from danvan_desktop.ui.task_runner import DB, JobContext, TaskRunner
from danvan_desktop.ui.text import number_text, tr
from danvan_desktop.ui.widgets.form_widgets import FieldError

THUMB = 96
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

ChooseFiles = Callable[[QWidget], list[Path]]
OpenFile = Callable[[Path], bool]


def choose_files_dialog(parent: QWidget) -> list[Path]:
    """Ask the user for photos or documents to attach."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        tr("AttachmentsPanel", "Chọn ảnh hoặc tài liệu"),
        "",
        tr(
            "AttachmentsPanel",
            "Ảnh và tài liệu (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.doc *.docx *.xls "
            "*.xlsx *.odt *.txt);;Mọi tệp (*)",
        ),
    )
    return [Path(n) for n in names]


def open_with_system(path: Path) -> bool:
    """Open the file with the system's viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def thumbnails(paths: dict[str, Path]) -> dict[str, QImage]:
    """Scaled pictures for the image files (read lane; QImage is thread-safe)."""
    out: dict[str, QImage] = {}
    for key, path in paths.items():
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            size.scale(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)
            reader.setScaledSize(size)
        image = reader.read()
        if not image.isNull():
            out[key] = image
    return out


def add_files(ctx: JobContext, paths: list[Path], owner_entity: str, owner_id: str) -> int:
    """Attach each file in turn, stopping between files when cancelled (DB lane)."""
    for done, path in enumerate(paths):
        ctx.check_cancelled()
        ctx.progress(done, len(paths), path.name)
        ctx.session.add_attachment(path, owner_entity=owner_entity, owner_id=owner_id)
    return len(paths)


class AttachmentsPanel(QWidget):
    """The attachments of one record.

    Signals:
        attachments_changed(int): how many attachments the record now has.
        thumbnails_shown(): the thumbnails of the current list are drawn.
    """

    attachments_changed = Signal(int)
    thumbnails_shown = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        owner_entity: str = "model",
        choose_files: ChooseFiles = choose_files_dialog,
        open_file: OpenFile = open_with_system,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self._choose_files = choose_files
        self._open_file = open_file
        self.owner_entity = owner_entity
        self.owner_id: str | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.files = QListWidget()
        self.files.setViewMode(QListView.ViewMode.IconMode)
        self.files.setIconSize(QSize(THUMB, THUMB))
        self.files.setGridSize(QSize(THUMB + 60, THUMB + 48))
        self.files.setResizeMode(QListView.ResizeMode.Adjust)
        self.files.setWordWrap(True)
        self.files.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        layout.addWidget(self.files, 1)
        self.error = FieldError()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("AttachmentsPanel", "Thêm ảnh, tài liệu…"))
        self.open_button = QPushButton(tr("AttachmentsPanel", "Mở"))
        self.remove_button = QPushButton(tr("AttachmentsPanel", "Gỡ khỏi mô hình"))
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.files.itemActivated.connect(lambda item: self._open(item))

    def set_owner(self, owner_id: str | None) -> None:
        """Show the attachments of this record (None: not yet saved)."""
        self.owner_id = owner_id
        self.setEnabled(owner_id is not None)
        self.files.clear()
        if owner_id is not None:
            self.reload()

    def reload(self) -> None:
        """Read the list again."""
        if self.owner_id is None:
            return
        entity, owner_id = self.owner_entity, self.owner_id
        self._runner.db(
            lambda ctx: ctx.session.attachments_of(entity, owner_id), on_done=self._show, owner=self
        )

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.files.clear()
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        images: dict[str, Path] = {}
        for row in rows:
            size_kb = max(1, round(int(row["size"]) / 1024))
            item = QListWidgetItem(file_icon, str(row["file_name"]))
            item.setToolTip(
                tr(
                    "AttachmentsPanel",
                    "{name} — {size} KB",
                    name=row["file_name"],
                    size=number_text(size_kb),
                )
            )
            item.setData(PATH_ROLE, str(row["path"]))
            item.setData(ID_ROLE, str(row["id"]))
            self.files.addItem(item)
            if is_image(row.get("mime_type")) and row.get("present"):
                images[str(row["id"])] = Path(row["path"])
        self.attachments_changed.emit(len(rows))
        if images:
            self._runner.read(lambda ctx: thumbnails(images), on_done=self._set_thumbs, owner=self)
        else:
            self.thumbnails_shown.emit()

    def _set_thumbs(self, images: dict[str, QImage]) -> None:
        for i in range(self.files.count()):
            item = self.files.item(i)
            image = images.get(str(item.data(ID_ROLE)))
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
        self.thumbnails_shown.emit()

    def add(self) -> None:
        """Choose files and attach them."""
        if self.owner_id is None:
            return
        paths = self._choose_files(self)
        if not paths:
            return
        self.error.clear_message()
        entity, owner_id = self.owner_entity, self.owner_id
        run_with_progress(
            self,
            self._runner,
            DB,
            lambda ctx: add_files(ctx, paths, entity, owner_id),
            text=tr("AttachmentsPanel", "Đang chép tệp vào dữ liệu của tổ…"),
            on_done=self._added,
            on_error=self._failed,
        )

    def _added(self, _: Any) -> None:
        self._bus.data_changed.emit({"attachment"})
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.reload()
        if isinstance(error, DanvanError):
            self.error.show_message(error.message)
        else:
            self._runner.failed.emit(error)

    def open_selected(self) -> None:
        """Open the selected files with the system's viewer."""
        for item in self.files.selectedItems():
            self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        if not self._open_file(Path(str(item.data(PATH_ROLE)))):
            self.error.show_message(
                tr(
                    "AttachmentsPanel",
                    "Không mở được tệp {name}: máy chưa có chương trình xem loại tệp này.",
                    name=item.text(),
                )
            )

    def remove_selected(self) -> None:
        """Unlink the selected files from the record (the stored copy stays for backups)."""
        ids = [str(item.data(ID_ROLE)) for item in self.files.selectedItems()]
        if not ids:
            return

        def remove(ctx: JobContext) -> None:
            for record_id in ids:
                ctx.session.delete_record("attachment", record_id)

        self._runner.db(remove, on_done=self._added, owner=self)
