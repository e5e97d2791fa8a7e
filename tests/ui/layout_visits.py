"""What the layout walk opens: every page of the window, each page's dialogs and states.

``Walk.check`` looks at one window with ``layout_checks.misfits``: a dialog as it
opened, the main window at 1366×768 (the laptop's screen) and at the size it opens
with there (``MainWindow.DEFAULT_SIZE``). ``visit_window`` shows each page of the
sidebar, then ``PAGE_VISITS`` opens what that page offers as a leader would (forms new
and filled, every tab, the questions asked before finalising or removing, an export
written onto a stick); ``visit_wizard`` fills in the first-run wizard page by page.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget, QWizard

from danvan_desktop.ui.main_window import DEFAULT_SIZE
from danvan_desktop.ui.widgets.form_widgets import FieldError
from danvan_desktop.usb import Volume

from .layout_checks import misfits, window_misfit
from .layout_visits_community import visit_mediations, visit_petitions
from .layout_visits_wave import visit_model_status, visit_network, visit_settings

SCREEN = (1366, 768)
WAIT_MS = 15_000


def class_name(cls: type) -> str:
    """``module.Class``: two classes may share a name (team_page.TeamPage, a wizard page)."""
    return f"{cls.__module__}.{cls.__qualname__}"


# -- waiting ------------------------------------------------------------------------------


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], object], what: str, timeout_ms: int = WAIT_MS) -> None:
    """Run the event loop until ``condition`` holds; TimeoutError naming ``what`` if never."""
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError(f"waited {timeout_ms} ms for {what}")
        wait(20)
        waited += 20


def _nothing(_ctx: object) -> None:
    """A job that does nothing: when it comes back, so has every job queued before it."""


def settle(runner: Any) -> None:
    """Wait until the jobs queued so far on the DB and read lanes have come back, twice."""
    for _ in range(2):
        for lane in ("db", "read"):
            done: list[object] = []
            runner.run(lane, _nothing, on_done=done.append)
            wait_until(partial(bool, done), f"the {lane} lane")
    wait(120)  # debounced refreshes, then the layouts settle


def shown_dialogs() -> list[QDialog]:
    """The dialogs on screen now."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


# -- the walk -----------------------------------------------------------------------------


class Walk:
    """Shows windows and collects what does not fit in them (``found``), which windows it
    checked (``checked``) and which dialog and wizard page classes it saw (``visited``)."""

    def __init__(self) -> None:
        self.language = "vi"
        self.found: list[dict[str, str]] = []
        self.visited: set[str] = set()
        self.checked: list[str] = []
        self.runner: Any = None
        self.shot = 0

    def check(self, top: QWidget, where: str) -> None:
        """Check ``top`` as it is now (the main window at both of its sizes)."""
        if not isinstance(top, QMainWindow):
            self._check_once(top, where)
            return
        width, height = DEFAULT_SIZE
        opening = f"{where}, window as it opens ({width}×{height})"
        for size, label in ((SCREEN, where), (DEFAULT_SIZE, opening)):
            top.resize(*size)
            QApplication.processEvents()
            self._check_once(top, label)
        top.resize(*SCREEN)
        QApplication.processEvents()

    def _check_once(self, top: QWidget, where: str) -> None:
        QApplication.processEvents()
        label = f"[{self.language}] {where}"
        self.checked.append(label)
        shots = os.environ.get("LAYOUT_WALK_SHOTS")
        if shots:  # a picture of each window checked, to look at what the report says
            self.shot += 1
            name = "".join(c if c.isalnum() else "-" for c in where)[:60]
            top.grab().save(str(Path(shots) / f"{self.shot:03d}-{self.language}-{name}.png"))
        too_big = window_misfit(top, label, top.screen().availableGeometry())
        found = ([too_big] if too_big else []) + misfits(top, label)
        self.found += [m.as_dict() for m in found]
        if isinstance(top, QDialog):
            self.visited.add(class_name(type(top)))
        if isinstance(top, QWizard) and top.currentPage() is not None:
            self.visited.add(class_name(type(top.currentPage())))

    def failed(self, where: str, error: BaseException) -> None:
        """Report a part of the walk that broke off, and close the dialogs it left open."""
        self.found.append(
            {"where": f"[{self.language}] {where}", "widget": "the walk", "problem": "broke off",
             "text": "".join(traceback.format_exception(error))[-1500:], "need": "-",
             "have": "-"}
        )  # fmt: skip
        for dialog in shown_dialogs():
            dialog.hide()

    @contextmanager
    def dialog(self, action: Callable[[], object], what: str) -> Iterator[Any]:
        """Run ``action``, wait for the dialog it opens, hand it over, then close it."""
        before = set(map(id, shown_dialogs()))
        action()
        wait_until(lambda: [d for d in shown_dialogs() if id(d) not in before], what)
        dialog = next(d for d in shown_dialogs() if id(d) not in before)
        wait_until(dialog.isEnabled, f"{what} to load")
        settle(self.runner)
        try:
            yield dialog
        finally:
            dialog.reject()
            wait_until(lambda: not dialog.isVisible(), f"{what} to close")
            settle(self.runner)

    def check_dialog(self, action: Callable[[], object], what: str) -> None:
        """Open a dialog, check it, close it."""
        with self.dialog(action, what) as dialog:
            self.check(dialog, what)

    def check_refused(self, dialog: QDialog, save: Callable[[], object], what: str) -> None:
        """Save the form as it is (empty: refused), then check it with its messages shown."""
        save()
        wait_until(lambda: any(e.isVisible() for e in dialog.findChildren(FieldError)), what)
        settle(self.runner)
        self.check(dialog, f"{what}, a save refused")

    def check_tabs(self, top: QWidget, tabs: Any, what: str) -> None:
        """Check ``top`` with each tab of ``tabs`` shown."""
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(self.runner)
            self.check(top, f"{what}, tab «{tabs.tabText(index)}»")
        tabs.setCurrentIndex(0)


# -- the pages ----------------------------------------------------------------------------


def visit_window(walk: Walk, window: Any) -> None:
    """Every page of the window, then what each page opens."""
    window.resize(*SCREEN)
    for key in window.page_keys():
        page = window.show_page(key)
        settle(walk.runner)
        walk.check(window, f"page {key}")
        visit = PAGE_VISITS.get(key)
        if visit is None:
            continue
        try:
            visit(walk, window, page)
        except Exception as error:  # reported; the other pages are still walked
            walk.failed(f"page {key} and its dialogs", error)
        window.show_page(key)
        settle(walk.runner)


def visit_models(walk: Walk, window: Any, page: Any) -> None:
    """The model form (a saved model, then a new one), each tab; the fields dialog."""
    for model_id, what in ((page.table_model.record_id(0), "model form"),
                           (None, "new model form")):  # fmt: skip
        with walk.dialog(partial(page.open_form, model_id), what) as form:
            walk.check_tabs(form, form.tabs, what)
            if model_id is None:
                walk.check_refused(form, form.save, what)
    walk.check_dialog(page.edit_fields, "model fields dialog")
    visit_model_status(walk, page)


def _open_meeting(walk: Walk, page: Any, state: str) -> Any:
    row = next(i for i, r in enumerate(page.model.rows) if r["state"] == state)
    editor = page.editor
    loaded: list[str] = []
    editor.loaded.connect(loaded.append)
    page.open_meeting(page.model.record_id(row))
    wait_until(lambda: loaded, f"the {state} meeting")
    editor.loaded.disconnect(loaded.append)
    settle(walk.runner)
    return editor


def visit_meetings(walk: Walk, window: Any, page: Any) -> None:
    """The new-meeting dialog; a draft and a final meeting in the editor, each tab, the
    restored-draft note and the finalise and correct questions."""
    with walk.dialog(page.new_record, "new meeting dialog") as dialog:
        walk.check(dialog, "new meeting dialog")
        dialog.kind.setCurrentIndex(dialog.kind.findData("community"))
        walk.check(dialog, "new meeting dialog, a community meeting")
        dialog.kind.setCurrentIndex(dialog.kind.findData("year_end"))
        walk.check(dialog, "new meeting dialog, a year-end review and its period")
    editor = _open_meeting(walk, page, "draft")
    walk.check_tabs(window, editor.tabs, "meeting editor (draft)")
    editor.restored.show_for([dt.datetime.now(dt.UTC).isoformat()])
    walk.check(window, "meeting editor (draft) with the restored-draft note")
    editor.restored.hide()
    walk.check_dialog(editor.finalise, "finalise question")
    page.show_list()
    settle(walk.runner)
    editor = _open_meeting(walk, page, "final")
    walk.check_tabs(window, editor.tabs, "meeting editor (final)")
    walk.check_dialog(editor.correct, "correction question")
    page.show_list()


def visit_tasks(walk: Walk, window: Any, page: Any) -> None:
    """Each filter of the list; the task dialog."""
    for code in ("open", "overdue", "done", "all"):
        page.set_filter(code)
        settle(walk.runner)
        walk.check(window, f"page tasks, filter {code}")
    with walk.dialog(page.new_record, "task dialog") as dialog:
        walk.check(dialog, "task dialog")
        walk.check_refused(dialog, dialog.save, "task dialog")


def visit_team(walk: Walk, window: Any, page: Any) -> None:
    """The member dialog (new, then a member), the remove question."""
    with walk.dialog(page.new_record, "member dialog (new)") as dialog:
        walk.check(dialog, "member dialog (new)")
        walk.check_refused(dialog, dialog.save, "member dialog (new)")
    page.table.selectRow(0)
    walk.check_dialog(page.edit_selected, "member dialog (a member)")
    walk.check_dialog(page.remove_selected, "remove member question")


def visit_regulation(walk: Walk, window: Any, page: Any) -> None:
    """The regulation filled from the city's model (nothing saved)."""
    page.confirm_replace = lambda: True
    page.fill_from_model()
    settle(walk.runner)
    walk.check(window, "page regulation, filled from the model")


def visit_exemplars(walk: Walk, window: Any, page: Any) -> None:
    """The exemplar form (new, one), the proposal, the decision and the checklist."""
    with walk.dialog(page.new_record, "exemplar dialog (new)") as dialog:
        walk.check(dialog, "exemplar dialog (new)")
        walk.check_refused(dialog, dialog.submit, "exemplar dialog (new)")
    page.select_name("Trần Thị Bích")  # proposed, not yet decided
    walk.check_dialog(page.edit_exemplar, "exemplar dialog")
    walk.check_dialog(page.propose, "proposal dialog")
    with walk.dialog(page.decide, "decision dialog") as dialog:
        walk.check(dialog, "decision dialog")
        walk.check_refused(dialog, dialog.submit, "decision dialog")
    walk.check_dialog(page.edit_criteria, "criteria dialog")


def visit_handbook(walk: Walk, window: Any, page: Any) -> None:
    """A document open; a search; the bookmarked and new views."""
    page.open_document(page.entries[0].slug)
    settle(walk.runner)
    walk.check(window, "page handbook, a document open")
    page.search.setText("noi nhan")
    wait(400)
    settle(walk.runner)
    walk.check(window, "page handbook, search hits")
    for view in ("bookmarked", "new", "all"):
        page.set_view(view)
        settle(walk.runner)
        walk.check(window, f"page handbook, view {view}")


def visit_reports(walk: Walk, window: Any, page: Any) -> None:
    """Each kind of document with its preview; the export dialog: no stick, two sticks,
    then a report written onto one."""
    first = page.current_kind()
    for row in range(page.kind_list.count()):
        page.kind_list.setCurrentRow(row)
        page.update_preview()
        settle(walk.runner)
        walk.check(window, f"page reports, «{page.kind_list.item(row).text()}»")
    page.select_kind(first)
    page.update_preview()
    settle(walk.runner)
    with tempfile.TemporaryDirectory(prefix="usb-") as tmp:
        stick = Path(tmp) / "KINGSTON"
        stick.mkdir()
        page.list_volumes = lambda: []  # no stick plugged in
        walk.check_dialog(page.open_export, "export dialog (no stick)")
        page.list_volumes = lambda: [  # stick detection cannot be staged here
            Volume(stick, "KINGSTON", "vfat", 15_500_000_000, 7_900_000_000, True, False, "sdb1"),
            Volume(Path(tmp) / "SD", "THE NHO", "vfat", 7_800_000_000, 1_200_000_000, True, True,
                   "sdc1"),
        ]  # fmt: skip
        with walk.dialog(page.open_export, "export dialog") as dialog:
            walk.check(dialog, "export dialog (two sticks)")
            dialog.formats["pdf"].setChecked(True)
            ended: list[object] = []
            dialog.exported.connect(ended.append)
            dialog.export_failed.connect(ended.append)
            dialog.export_button.click()
            wait_until(lambda: ended, "the export to end")
            settle(walk.runner)
            walk.check(dialog, "export dialog (written)")
        page.list_volumes = None


def visit_sync(walk: Walk, window: Any, page: Any) -> None:
    """Each tab (a conflict selected); the USB bundle dialogs (write, import)."""
    from danvan_desktop.ui.sync.bundle_dialog import IMPORT, WRITE

    walk.check_tabs(window, page.tabs, "page sync")
    finished: list[object] = []
    page.scheduler.round_finished.connect(finished.append)
    with socket.socket() as probe:  # a port nobody listens on: the round cannot connect
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    walk.runner.db(lambda ctx: ctx.session.change_setting("server_url", dead))
    page.sync_now()
    wait_until(lambda: finished, "a round with no server")
    settle(walk.runner)
    walk.check(window, "page sync, a round that could not reach the server")
    for mode in (WRITE, IMPORT):
        walk.check_dialog(partial(page.open_bundle_dialog, mode), f"bundle dialog ({mode})")


PAGE_VISITS: dict[str, Callable[[Walk, Any, Any], None]] = {
    "models": visit_models,
    "network": visit_network,
    "meetings": visit_meetings,
    "tasks": visit_tasks,
    "petitions": visit_petitions,
    "mediations": visit_mediations,
    "team": visit_team,
    "regulation": visit_regulation,
    "exemplars": visit_exemplars,
    "handbook": visit_handbook,
    "reports": visit_reports,
    "sync": visit_sync,
    "settings": visit_settings,
}


def visit_wizard(walk: Walk, wizard: Any) -> None:
    """Each page of the first-run wizard, filled in as a leader would."""
    wizard.show()
    settle(walk.runner)
    walk.check(wizard, "first-run wizard, place")
    wizard.place_page.village.setText("Tổ dân phố 5")
    wizard.next()
    wizard.team_page.leader.setText("Nguyễn Văn An")
    walk.check(wizard, "first-run wizard, team")
    wizard.team_page.phone.setText("0905-abc")
    wizard.next()  # refused: the message is beside the phone number
    walk.check(wizard, "first-run wizard, team, a wrong phone number")
    wizard.team_page.phone.clear()
    wizard.next()
    walk.check(wizard, "first-run wizard, server")
    wizard.hide()
