"""From start to main window: open the store, set up a new team, check, recover, back up.

The steps, each on a lane with the GUI thread only reacting:

1. open the store (creating the folder on first run);
2. read the language, whether the team is set up, and whether the last run
   ended uncleanly;
3. no team yet: the first-run wizard;
4. unclean shutdown: the full integrity check, behind a progress window; if it
   fails, the recovery dialog (restore a backup, carry on, or quit);
5. the main window; once it has painted, the sync scheduler; a few seconds
   later, the automatic backup when one is due (on the backup lane: the window and
   the pages' lanes never wait for it). After the first paint the window also loads,
   on the GUI thread in idle turns (MainWindow.warm_up), what the first sync round
   (ui/sync/sync_jobs.py ``ROUND_MODULES``) and the pages (ui/page_list.py) would
   otherwise import: the round on a worker thread, a page in the click of its visit.

The controller also rebuilds the window when the language changes and carries
out a restore (close the store, replace it, open it again).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import Translations
from danvan_desktop.ui.main_window import MainWindow
from danvan_desktop.ui.page_list import PAGE_MODULES, default_pages
from danvan_desktop.ui.start.jobs import auto_backup, full_check, restore_job, startup_facts
from danvan_desktop.ui.task_runner import BACKUP, DB, TaskRunner
from danvan_desktop.ui.text import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from danvan_desktop.ui.recovery_dialog import RecoveryDialog
    from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler, SyncTimings

log = logging.getLogger(__name__)


class StartOptions(NamedTuple):
    """How to start: the data folder, the first page, when to back up."""

    data_dir: Path
    start_page: str = "overview"
    auto_backup_delay_ms: int = 5000  # after the window is up, so the start stays quick
    log_path: Path | None = None
    sync_timings: SyncTimings | None = None  # None: the scheduler's defaults
    watch_network: bool = True  # follow Qt's network information (tests turn it off)


class AppController(QObject):
    """Takes the application from start to a main window, and back after big changes.

    Signals:
        main_window_shown(object): the main window (new or rebuilt) is on screen.
        wizard_shown(object): the first-run wizard is on screen.
        recovery_shown(object): the recovery dialog is on screen.
        finished(): the user chose to quit (the composition root ends the application).
    """

    main_window_shown = Signal(object)
    wizard_shown = Signal(object)
    recovery_shown = Signal(object)
    finished = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        translations: Translations,
        options: StartOptions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.bus = bus
        self.translations = translations
        self.options = options
        self.window: MainWindow | None = None
        self.wizard: QWidget | None = None
        self.recovery: RecoveryDialog | None = None
        self.check_report: Any = None
        self.check_progress: QProgressDialog | None = None  # the check after a crash
        self.restore_message: QMessageBox | None = None
        self._sync: SyncScheduler | None = None
        self.restart_version: str | None = None  # «Cài ngay»: restart once closed
        bus.language_changed.connect(self.change_language)
        bus.restart_for_update.connect(self.restart_for_update)

    @property
    def sync(self) -> SyncScheduler:
        """The sync scheduler, made when first needed: after the window's first paint,
        or by the Đồng bộ page (the sync modules are not needed to start)."""
        if self._sync is None:
            from danvan_desktop.ui.sync.sync_scheduler import SyncScheduler

            timings = self.options.sync_timings
            self._sync = SyncScheduler(self.runner, self.bus, timings=timings, parent=self)
        return self._sync

    # -- starting ---------------------------------------------------------------------
    def start(self) -> None:
        """Open the store and go on from there."""
        self.runner.open_session(
            self.options.data_dir, create=True, on_done=self._opened, on_error=self._open_failed
        )

    def _opened(self, _session: Any) -> None:
        self.runner.db(startup_facts, on_done=self._decide, on_error=self._open_failed)

    def _decide(self, facts: dict[str, Any]) -> None:
        self.translations.apply(str(facts["language"]))
        if not facts["initialised"]:
            self._show_wizard()
        elif facts["damaged"]:
            self._show_damaged(str(facts["damaged"]))
        elif facts["unclean"]:
            self._check_after_crash()
        else:
            self.show_main_window()

    def _show_wizard(self) -> None:
        from danvan_desktop.ui.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(self.runner)
        self.wizard = wizard
        wizard.team_created.connect(self.show_main_window)
        wizard.rejected.connect(self._quit)
        wizard.show()
        self.wizard_shown.emit(wizard)

    def _check_after_crash(self) -> None:
        from danvan_desktop.ui.progress import run_with_progress

        _task, dialog = run_with_progress(
            None,
            self.runner,
            DB,
            full_check,
            text=tr(
                "AppController",
                "Lần trước ứng dụng không đóng bình thường: đang kiểm tra toàn bộ dữ liệu… "
                "Với nhiều dữ liệu, việc này có thể mất một phút.",
            ),
            on_done=self._checked,
            on_error=self._open_failed,
            cancellable=False,
        )
        # Nothing else is on screen yet: say at once what the start is doing (a city's
        # store takes seconds), rather than after the usual delay against flashing.
        dialog.setWindowTitle(tr("AppController", "Đang kiểm tra dữ liệu"))
        dialog.show()
        self.check_progress = dialog

    def _checked(self, report: Any) -> None:
        self.check_progress = None
        self.check_report = report
        if report.ok:
            self.show_main_window()
            return
        self._show_recovery(
            title=tr("AppController", "Dữ liệu có lỗi"),
            explanation=tr(
                "AppController",
                "Lần trước ứng dụng không đóng bình thường, và kiểm tra toàn bộ dữ liệu thấy lỗi. "
                "Nên khôi phục bản sao lưu gần nhất; dữ liệu hiện tại được giữ lại thành một bản "
                "sao lưu riêng trước khi thay.",
            ),
            problems=list(report.problems) + ([report.advice] if report.advice else []),
            allow_continue=True,
        )

    def _show_damaged(self, found: str) -> None:
        # The store refuses writes until a restore or a passing check (store_health.py):
        # opening the window on it would only fail every save.
        self._show_recovery(
            title=tr("AppController", "Dữ liệu có lỗi"),
            explanation=tr(
                "AppController",
                "Lần kiểm tra trước thấy dữ liệu có lỗi, nên ứng dụng không ghi gì thêm vào "
                "dữ liệu này. Hãy khôi phục bản sao lưu gần nhất, hoặc thoát và nhờ cán bộ kỹ "
                "thuật kiểm tra (lệnh danvan check --full).",
            ),
            problems=[found],
            allow_continue=False,
        )

    def _open_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, DanvanError) else repr(error)
        if not isinstance(error, DanvanError):
            log.error("opening the store failed: %r", error)
        self._show_recovery(
            title=tr("AppController", "Không mở được dữ liệu"),
            explanation=tr(
                "AppController",
                "Không mở được dữ liệu trong thư mục {path}. Có thể khôi phục bản sao lưu gần "
                "nhất, hoặc thoát và nhờ cán bộ kỹ thuật kiểm tra.",
                path=self.options.data_dir,
            ),
            problems=[message],
            allow_continue=False,
        )

    def _show_recovery(
        self, *, title: str, explanation: str, problems: list[str], allow_continue: bool
    ) -> None:
        from danvan_desktop.ui.recovery_dialog import RecoveryDialog, backups_with_times

        data_dir = self.options.data_dir

        def show(backups: list[Any]) -> None:
            dialog = RecoveryDialog(
                title=title,
                explanation=explanation,
                problems=problems,
                backups=backups,
                allow_continue=allow_continue,
            )
            self.recovery = dialog
            dialog.finished.connect(lambda _code: self._recovery_answered(dialog))
            dialog.open()
            self.recovery_shown.emit(dialog)

        self.runner.db(lambda ctx: backups_with_times(data_dir), on_done=show)

    def _recovery_answered(self, dialog: RecoveryDialog) -> None:
        from danvan_desktop.ui.recovery_dialog import CONTINUE, RESTORE

        self.recovery = None
        if dialog.choice == RESTORE and dialog.chosen is not None:
            self.restore(dialog.chosen)
        elif dialog.choice == CONTINUE:
            self.show_main_window()
        else:
            self._quit()

    # -- the main window --------------------------------------------------------------
    def show_main_window(self, start_page: str | None = None) -> MainWindow:
        """Build and show the main window (again, after a language change or restore)."""
        self.wizard = None
        old = self.window
        pages = default_pages(
            self.runner, self.bus, request_restore=self.restore, sync_scheduler=lambda: self.sync
        )
        window = MainWindow(
            self.runner,
            self.bus,
            pages,
            start_page=start_page or self.options.start_page,
            log_path=self.options.log_path,
        )
        self.window = window
        window.closing.connect(lambda: self._window_closed(window))
        if old is not None:
            window.setGeometry(old.geometry())
            old.close()
            old.deleteLater()
        window.show()
        self.main_window_shown.emit(window)
        if old is None:
            QTimer.singleShot(self.options.auto_backup_delay_ms, self._auto_backup)
            watch = self.options.watch_network
            window.after_first_paint(lambda: self.sync.start(watch_network=watch))
            window.after_first_paint(lambda: self._warm_up(window))
        else:
            self.sync.republish()  # the new status bar shows the sync state at once
        return window

    def _warm_up(self, window: MainWindow) -> None:
        """Load what the first sync round and the pages' first visits need, in idle turns."""
        from danvan_desktop.ui.sync.sync_jobs import ROUND_MODULES

        window.warmed_up.connect(self._prepare_wording)
        window.warm_up((*ROUND_MODULES, *PAGE_MODULES))

    def _prepare_wording(self) -> None:
        """Read the sync messages' catalogue (~40 ms of Python) on the DB lane now that its
        modules are loaded, not in the Đồng bộ page's first read."""
        from danvan_desktop.ui.sync.wording import prepare

        if self.runner.session_open:
            self.runner.db(lambda _ctx: prepare(), on_error=log.warning)

    def _window_closed(self, window: MainWindow) -> None:
        if window is self.window:
            self._quit()

    def _auto_backup(self) -> None:
        if not self.runner.session_open:
            return
        self.runner.run(
            BACKUP, auto_backup, on_done=self._auto_backed_up, on_error=self._auto_backup_failed
        )

    def _auto_backed_up(self, path: Path | None) -> None:
        if path is not None:
            self.bus.backups_changed.emit()
        if path is not None and self.window is not None:
            self.window.statusBar().showMessage(
                tr("AppController", "Đã tự động sao lưu: {name}", name=Path(path).name), 10_000
            )

    def _auto_backup_failed(self, error: BaseException) -> None:
        log.error("automatic backup failed: %r", error)
        if self.window is not None:
            message = error.message if isinstance(error, DanvanError) else repr(error)
            self.window.statusBar().showMessage(
                tr("AppController", "Chưa tự động sao lưu được: {error}", error=message)
            )

    def change_language(self, language: str) -> None:
        """Switch language now: install the translators and rebuild the window."""
        self.translations.apply(language)
        if self.window is not None:
            self.show_main_window(self.window.current_key())

    # -- restoring --------------------------------------------------------------------
    def restore(self, path: Path) -> None:
        """Close the store, replace it with the backup at ``path``, and open it again."""
        page = self.window.current_key() if self.window is not None else None
        if self.window is not None:
            self.window.setEnabled(False)
        data_dir = self.options.data_dir

        def closed(_: Any) -> None:
            self.runner.db(
                restore_job(path, data_dir),
                on_done=lambda _safety: reopen(None),
                on_error=reopen,
            )

        def reopen(error: BaseException | None) -> None:
            self.runner.open_session(
                data_dir,
                on_done=lambda _s: self._restored(error, page),
                on_error=self._open_failed,
            )

        self.runner.close_session(on_done=closed)

    def _restored(self, error: BaseException | None, page: str | None) -> None:
        window = self.show_main_window(page or "settings")
        self.bus.data_changed.emit({"model", "meeting", "task", "member", "settings"})
        if error is None:
            text = tr("AppController", "Đã khôi phục dữ liệu từ bản sao lưu.")
        else:
            detail = error.message if isinstance(error, DanvanError) else repr(error)
            text = tr("AppController", "Chưa khôi phục được: {error}", error=detail)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, window.windowTitle(), text, parent=window)
        box.open()
        self.restore_message = box

    # -- restarting for an update ----------------------------------------------------
    def restart_for_update(self, version: str) -> None:
        """«Cài ngay»: close the window the usual way (pending saves flushed), close the
        store, then start the program again through its launcher so the switch runs."""
        self.restart_version = version
        if self.window is None:
            self._quit()
        else:
            self.window.close()  # the usual close path, which ends in _quit

    def _restart(self, _: Any = None) -> None:
        from danvan_desktop.session.release_switch import restart_program

        version, self.restart_version = self.restart_version, None  # asked once
        try:
            restart_program(sys.argv)  # replaces this process; returns only on failure
        except OSError:
            log.exception("restarting for update %s failed", version)
        self.finished.emit()  # could not restart: end as usual (the switch runs next start)

    def _quit(self) -> None:
        if self._sync is not None:  # a round on a slow link must not hold up the shutdown
            self._sync.stop()
        if self.restart_version is None:
            self.finished.emit()
        elif self.runner.session_open:  # closed after the saves the close path queued
            self.runner.close_session(on_done=self._restart)
        else:
            self._restart()
