"""The «Đồng bộ với máy chủ» box of the Đồng bộ page: what the connection, the queue and
the last sync are, «Đồng bộ ngay» and «Dừng», a round's progress and outcome, the notes
about the clock and the version, and the USB bundle buttons.

It shows what it is given; the page (ui/sync/sync_page.py) reads the store, asks the
scheduler and connects the buttons. The words are chosen when shown: a kept error
(a round's, the sync log's) arrives already reworded into the window's language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.session.sync import is_sync_report
from danvan_desktop.ui.sync.sync_page_data import report_text
from danvan_desktop.ui.text import local_time_text, number_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

NOTE_STYLE = "background: #fff4e0; border: 1px solid #e0b060; padding: 6px;"


def connection_text(state: dict[str, Any]) -> str:
    """Whether the city's server answers; a laptop never enrolled has never reached it."""
    online = state.get("online")
    if not state.get("enrolled"):
        return tr("SyncPage", "Chưa kết nối máy chủ")
    if online is None:
        return tr("SyncPage", "Chưa kiểm tra kết nối")
    if online:
        return tr("SyncPage", "Đã kết nối máy chủ")
    if state.get("retry_in_s"):
        return tr(
            "SyncPage",
            "Mất kết nối máy chủ; tự thử lại sau {seconds} giây",
            seconds=max(1, round(state["retry_in_s"])),
        )
    return tr("SyncPage", "Mất kết nối máy chủ")


def last_sync_words(state: dict[str, Any]) -> str:
    """When the last sync was («qua USB» for a reply bundle), or «chưa đồng bộ»."""
    when = local_time_text(state.get("last_sync"))
    if not when:
        return tr("SyncPage", "chưa đồng bộ")
    if state.get("last_sync_usb"):
        return tr("SyncPage", "{when} qua USB", when=when)
    return when


class SyncBox(QGroupBox):
    """Status, «Đồng bộ ngay», progress, outcome and notes (the page connects the buttons)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("SyncPage", "Đồng bộ với máy chủ"), parent)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.sync_button = QPushButton(tr("SyncPage", "Đồng bộ ngay"))
        self.cancel_button = QPushButton(tr("SyncPage", "Dừng"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.hide()  # an empty line would leave a gap while idle
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.clock_note = QLabel()
        self.too_old_note = QLabel()
        for note in (self.clock_note, self.too_old_note):
            note.setWordWrap(True)
            note.setStyleSheet(NOTE_STYLE)
            note.hide()
        self.bundle_write_button = QPushButton(tr("SyncPage", "Ghi gói ra USB…"))
        self.bundle_import_button = QPushButton(tr("SyncPage", "Nhập gói trả lời…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_line)
        layout.addLayout(buttons)
        for widget in (self.progress_label, self.result_label, self.error_label):
            layout.addWidget(widget)
        layout.addWidget(self.clock_note)
        layout.addWidget(self.too_old_note)
        layout.addStretch(1)
        usb = QHBoxLayout()  # Không có mạng? A signed bundle on a stick instead.
        usb.addWidget(QLabel(tr("SyncPage", "Không có mạng?")))
        usb.addWidget(self.bundle_write_button)
        usb.addWidget(self.bundle_import_button)
        usb.addStretch(1)
        layout.addLayout(usb)

    def show_state(self, state: dict[str, Any], pending: int) -> None:
        """Connection, ``pending`` changes, last sync, the notes, the last round's error."""
        self.status_line.setText(
            tr(
                "SyncPage",
                "{connection}. Thay đổi chờ gửi: {pending}. Đồng bộ lần cuối: {last}.",
                connection=connection_text(state),
                pending=number_text(pending),
                last=last_sync_words(state),
            )
        )
        _show_note(self.clock_note, state.get("clock_note"))
        too_old = None
        if state.get("too_old"):
            too_old = tr(
                "SyncPage",
                "Phiên bản ứng dụng này đã cũ, máy chủ của thành phố không nhận dữ liệu từ nó "
                "nữa: hãy "
                "cập nhật ứng dụng. Trong lúc chờ, mọi thay đổi vẫn được giữ trên máy và xếp "
                "hàng chờ gửi ({pending} thay đổi).",
                pending=number_text(pending),
            )
        _show_note(self.too_old_note, too_old)
        error = state.get("error")
        self.error_label.setText(
            tr("SyncPage", "Lần đồng bộ trước chưa xong: {error}", error=error)
            if error and not state.get("too_old")
            else ""
        )
        self.error_label.setVisible(bool(self.error_label.text()))
        syncing = bool(state.get("syncing"))
        self.sync_button.setEnabled(not syncing and bool(state.get("enrolled")))
        self.cancel_button.setEnabled(syncing)

    def round_started(self) -> None:
        """A round began: a busy bar, «Dừng»."""
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_label.setText(tr("SyncPage", "Đang kết nối máy chủ của thành phố…"))
        self.progress_label.show()
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)

    def round_progress(self, stage: str, done: int, total: int) -> None:
        """How far the push (or the pull) has come."""
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(min(done, total) if total > 0 else 0)
        if stage == "push":
            text = tr(
                "SyncPage",
                "Đang gửi thay đổi lên máy chủ: {done}/{total}",
                done=number_text(done),
                total=number_text(total),
            )
        else:
            text = tr("SyncPage", "Đang nhận dữ liệu từ máy chủ…")
        self.progress_label.setText(text)

    def round_finished(self, outcome: object) -> None:
        """What the round did, that it was stopped, or that it failed (the error shows
        from the state)."""
        self.progress.hide()
        self.progress_label.clear()
        self.progress_label.hide()
        self.cancel_button.setEnabled(False)
        if is_sync_report(outcome):
            self.result_label.setText(report_text(outcome))
        elif isinstance(outcome, OperationCancelled):
            self.result_label.setText(tr("SyncPage", "Đã dừng đồng bộ theo yêu cầu."))
        else:
            self.result_label.setText(tr("SyncPage", "Chưa đồng bộ được."))


def _show_note(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
