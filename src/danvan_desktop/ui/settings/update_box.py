"""Cài đặt's «Cập nhật» box: a new version ready, what changed, install it; or a USB stick.

A release arrives by sync (the library lane stages it) or from a stick; the box says
when one is staged complete and verified, shows the manifest's notes in the leader's
language, and offers «Cài khi mở lại» (the switcher installs it at the next start) and
«Cài ngay» (the request is written now and the window asks to be restarted:
``restart_requested``). «Tìm bản cập nhật trên USB» looks for
``danvan-releases/`` on the mounted sticks and stages the newest release found. Every
check and copy runs on the DB lane, never on the GUI thread.

Signals:
    restart_requested(str): «Cài ngay» wrote its request for this version; the window
        may close and start again so the switcher installs it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.session.release_switch import last_switch_message
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import number_text, tr

log = logging.getLogger(__name__)


def load_update_state(ctx: JobContext) -> dict[str, Any]:
    """The staged release (or None) and the last switch's outcome (DB lane; release_switch
    is imported with the box, not here: no module is loaded on a worker thread)."""
    session = ctx.session
    return {
        "pending": session.pending_release(),
        "last_switch": last_switch_message(session.store.data_dir),
    }


def import_newest_from_stick(ctx: JobContext) -> Any:
    """Stage the newest release found on the mounted sticks; None when there is none."""
    found = ctx.session.stick_releases()
    if not found:
        return None
    return ctx.session.import_release_from_stick(found[0].folder, cancel=ctx.cancelled)


def megabytes_text(size: int) -> str:
    """A size in MB with one decimal (at least 0,1)."""
    return number_text(max(0.1, round(size / 1_000_000, 1)))


class UpdateBox(QGroupBox):
    """The «Cập nhật» box of the Cài đặt page."""

    restart_requested = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tr("UpdateBox", "Cập nhật"), parent)
        self._runner = runner
        self.pending: Any = None
        layout = QVBoxLayout(self)
        self.status = QLabel(tr("UpdateBox", "Đang kiểm tra bản cập nhật…"))
        self.notes = QLabel()
        self.message = QLabel()
        for label in (self.status, self.notes, self.message):
            label.setWordWrap(True)
            layout.addWidget(label)
        self.notes.hide()
        buttons = QHBoxLayout()
        self.install_later = QPushButton(tr("UpdateBox", "Cài khi mở lại"))
        self.install_now = QPushButton(tr("UpdateBox", "Cài ngay"))
        self.from_stick = QPushButton(tr("UpdateBox", "Tìm bản cập nhật trên USB"))
        for button in (self.install_later, self.install_now, self.from_stick):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._show_buttons(False)
        self.install_later.clicked.connect(lambda: self.install(now=False))
        self.install_now.clicked.connect(lambda: self.install(now=True))
        self.from_stick.clicked.connect(self.look_on_stick)

    # -- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Look for a staged release again (DB lane)."""
        self._runner.db(load_update_state, on_done=self._show_state, owner=self)

    def _show_state(self, state: dict[str, Any]) -> None:
        self.show_pending(state.get("pending"))
        if state.get("last_switch") and not self.message.text():
            self.message.setText(str(state["last_switch"]))

    def show_pending(self, pending: Any) -> None:
        """Show a staged release (version, size, notes) or say there is none."""
        self.pending = pending
        if pending is None:
            self.status.setText(
                tr(
                    "UpdateBox",
                    "Chưa có bản cập nhật mới. Ứng dụng tự tìm bản mới mỗi lần đồng bộ với máy "
                    "chủ của thành phố; không có mạng thì tìm trên USB.",
                )
            )
            self.notes.hide()
            self._show_buttons(False)
            return
        self.status.setText(
            tr(
                "UpdateBox",
                "Phiên bản {version} đã tải về và kiểm tra xong ({size} MB), sẵn sàng để cài. "
                "Dữ liệu được sao lưu trước khi cài.",
                version=pending.version,
                size=megabytes_text(pending.size),
            )
        )
        self.notes.setText(tr("UpdateBox", "Có gì mới: {notes}", notes=pending.notes))
        self.notes.setVisible(bool(pending.notes))
        self._show_buttons(True)

    def _show_buttons(self, ready: bool) -> None:
        self.install_later.setVisible(ready)
        self.install_now.setVisible(ready)

    # -- actions ----------------------------------------------------------------------
    def install(self, *, now: bool) -> None:
        """Write the install request (DB lane): at the next start, or now."""
        self.install_later.setEnabled(False)
        self.install_now.setEnabled(False)
        self._runner.db(
            lambda ctx: ctx.session.install_release(now),
            on_done=lambda release: self._requested(release, now),
            on_error=self._failed,
            owner=self,
        )

    def _requested(self, release: Any, now: bool) -> None:
        self.install_later.setEnabled(True)
        self.install_now.setEnabled(True)
        if now:
            self.message.setText(
                tr(
                    "UpdateBox",
                    "Bản {version} sẽ được cài ngay khi ứng dụng mở lại: hãy đóng rồi mở lại "
                    "ứng dụng.",
                    version=release.version,
                )
            )
            self.restart_requested.emit(release.version)
        else:
            self.message.setText(
                tr(
                    "UpdateBox",
                    "Bản {version} sẽ được cài vào lần mở ứng dụng tới.",
                    version=release.version,
                )
            )

    def look_on_stick(self) -> None:
        """Find a release on the mounted sticks and stage it (DB lane)."""
        self.from_stick.setEnabled(False)
        self.message.setText(tr("UpdateBox", "Đang tìm và kiểm tra bản cập nhật trên USB…"))
        self._runner.db(
            import_newest_from_stick, on_done=self._from_stick, on_error=self._failed, owner=self
        )

    def _from_stick(self, release: Any) -> None:
        self.from_stick.setEnabled(True)
        if release is None:
            self.message.setText(
                tr(
                    "UpdateBox",
                    "Không thấy bản cập nhật nào trên USB: hãy cắm USB có thư mục "
                    "danvan-releases do thành phố chép vào, rồi bấm lại.",
                )
            )
            return
        self.message.setText(
            tr(
                "UpdateBox",
                "Đã lấy bản {version} từ USB và kiểm tra xong.",
                version=release.version,
            )
        )
        self.show_pending(release)

    def _failed(self, error: BaseException) -> None:
        for button in (self.install_later, self.install_now, self.from_stick):
            button.setEnabled(True)
        message = error.message if isinstance(error, DanvanError) else str(error)
        log.warning("update action failed: %s: %s", type(error).__name__, message)
        self.message.setText(message)
