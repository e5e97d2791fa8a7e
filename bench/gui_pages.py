"""bench/gui.py's page figures: the start on the overview and every page's first visit.

Issue 22's budget, on any store (the demo set and the city reviewer's store alike):
every page's first paint ≤ 150 ms and no GUI stall over 50 ms. Run in the child
process bench/gui.py starts (``--child-pages``), inside the real application:

- the start on the default page (Tổng quan), as a user starts it: the longest GUI
  stall from the window shown to ``START_WATCH_MS`` later (the page's figures
  arriving, the deferred work after the first paint, the sync scheduler's start);
- then each sidebar page, in order, made by its first visit as a click makes it:
  its first paint is the time from the click to the page painted with its data
  (every job the page, or a widget inside it, queued has answered and the page
  has painted since; a page that queued none: its first paint after the click);
  its stall is the longest gap between two heartbeats from the click to
  ``VISIT_WATCH_MS`` after its first paint (the page's own making included: a
  click that builds a page for 80 ms freezes the window for 80 ms).

A stall is the longest gap between two beats of a 5 ms QTimer, less the beat.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIRST_PAINT_BUDGET_MS = 150.0
STALL_BUDGET_MS = 50.0
HEARTBEAT_MS = 5
START_WATCH_MS = 3000  # after the window is shown: its first seconds
VISIT_WATCH_MS = 700  # after a page's first paint
PAINT_AFTER_DATA_MS = 300  # a page whose answer changed nothing on screen paints no more
VISIT_TIMEOUT_S = 20.0  # a page whose data takes longer is reported as not answering
START_PAGE = "overview"  # the application's default
NEUTRAL_PAGE = "settings"  # where a visit starts from


class Heartbeat:
    """A 5 ms QTimer; ``worst`` is the longest gap between beats since ``reset``."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self.worst = 0.0
        self._timer = QTimer(interval=HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = self._clock.nsecsElapsed()
        self.worst = max(self.worst, (now - self._last) / 1e6 - HEARTBEAT_MS)
        self._last = now

    def reset(self) -> None:
        """Forget the gaps so far (the next gap counts from now)."""
        self._last = self._clock.nsecsElapsed()
        self.worst = 0.0

    def stop(self) -> None:
        """Stop beating."""
        self._timer.stop()


class PaintWatch:
    """Times of the Paint events of one page and the widgets inside it.

    The filter sits on those widgets only (an application-wide one would run Python
    for every event of the window, and add its own stall to the page's)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class _Filter(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watch.paints.append(time.perf_counter())
                return False

        self.paints: list[float] = []
        self._filter = _Filter()

    def follow(self, page: Any) -> None:
        """Record the paints of ``page`` and its widgets from now on."""
        from PySide6.QtWidgets import QWidget

        self.paints = []
        for widget in [page, *page.findChildren(QWidget)]:
            widget.installEventFilter(self._filter)


def _spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait(condition: Callable[[], bool], what: str, timeout_s: float = VISIT_TIMEOUT_S) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"waited {timeout_s:g} s for {what}")
        _spin(1)


def _page_jobs(runner: Any, page: Any) -> list[int]:
    """The jobs still waiting to answer whose owner is ``page`` or a widget inside it."""
    import shiboken6

    waiting = []
    for job_id, callbacks in list(runner._pending.items()):
        owner = callbacks.owner
        if owner is None or not shiboken6.isValid(owner):
            continue
        if _inside(owner, page):
            waiting.append(job_id)
    return waiting


def _inside(obj: Any, page: Any) -> bool:
    """``obj`` is ``page`` or one of its children's children (widgets, models, timers)."""
    while obj is not None:
        if obj is page:
            return True
        obj = obj.parent()
    return False


def visit(window: Any, runner: Any, key: str, watch: PaintWatch, beat: Heartbeat) -> dict[str, Any]:
    """Click ``key`` in the sidebar (its first visit); its first paint and its stall (ms)."""
    beat.reset()
    clicked = time.perf_counter()
    row = window.page_keys().index(key)
    window.sidebar.setCurrentRow(row)  # as a click does: the page is made and shown
    page = window.current_page()
    watch.follow(page)
    try:
        _wait(lambda: not _page_jobs(runner, page), f"the {key} page's data", VISIT_TIMEOUT_S)
    except TimeoutError as exc:
        return {"first_paint_ms": None, "stall_ms": beat.worst, "error": str(exc)}
    answered = time.perf_counter()
    _wait(lambda: bool(watch.paints), f"the {key} page's first paint")
    deadline = time.perf_counter() + PAINT_AFTER_DATA_MS / 1000
    while not [t for t in watch.paints if t >= answered] and time.perf_counter() < deadline:
        _spin(1)
    after = [t for t in watch.paints if t >= answered]
    painted = after[0] if after else max(answered, watch.paints[0])
    _spin(VISIT_WATCH_MS)
    return {"first_paint_ms": (painted - clicked) * 1000, "stall_ms": beat.worst}


def child_pages(data_dir: Path, start_page: str, pages: list[str]) -> dict[str, Any]:
    """Start on ``start_page`` and watch its first seconds, then visit ``pages``."""
    import sys

    from PySide6.QtWidgets import QApplication

    from danvan_desktop.ui.app_controller import AppController, StartOptions
    from danvan_desktop.ui.events import EventBus
    from danvan_desktop.ui.look import Translations, register_fonts
    from danvan_desktop.ui.task_runner import TaskRunner

    app = QApplication(sys.argv[:1])
    register_fonts(app)
    runner, bus = TaskRunner(), EventBus()
    options = StartOptions(data_dir, start_page=start_page, auto_backup_delay_ms=3_600_000)
    controller = AppController(runner, bus, Translations(app), options)
    shown: list[float] = []
    controller.main_window_shown.connect(lambda _w: shown.append(time.perf_counter()))
    controller.start()
    _wait(lambda: bool(shown), "the main window")
    beat = Heartbeat()  # from the window shown
    window: Any = controller.window
    start_key = window.current_key()
    _spin(START_WATCH_MS)
    figures: dict[str, Any] = {"start_page": start_key, "start_stall_ms": beat.worst}
    figures["keys"], figures["pages"] = window.page_keys(), {}
    watch = PaintWatch()
    for key in pages:
        figures["pages"][key] = visit(window, runner, key, watch, beat)
    beat.stop()
    window.close()
    runner.shutdown(timeout_ms=2000)  # the store is closed; a lane still reading is left
    return figures


def measure_pages(
    data_dir: Path, run_child: Callable[..., dict[str, Any]], timeout_s: float
) -> dict[str, Any]:
    """A start on the overview; then each page's first visit, each from a start of its
    own (on Cài đặt; Cài đặt itself from the overview), so no page waits for another's
    reads. ``run_child(data_dir, timeout_s, args)`` runs bench/gui.py with ``args``."""
    figures = run_child(data_dir, timeout_s, ("--child-pages", START_PAGE))
    for key in figures["keys"]:
        start = NEUTRAL_PAGE if key != NEUTRAL_PAGE else START_PAGE
        try:
            one = run_child(data_dir, timeout_s + VISIT_TIMEOUT_S, ("--child-pages", start, key))
            figures["pages"][key] = one["pages"][key]
        except Exception as exc:  # BenchError: the child failed or hung; say so, go on
            reason = str(exc).splitlines()[0]
            figures["pages"][key] = {"first_paint_ms": None, "stall_ms": None, "error": reason}
    return figures


def report_pages(
    figures: dict[str, Any], report: Callable[[str, float, float, str], bool]
) -> list[bool]:
    """Print the page figures with ``report``; one verdict each."""
    name = f"longest GUI stall, first {START_WATCH_MS / 1000:g} s on {figures['start_page']}"
    results = [report(name, figures["start_stall_ms"], STALL_BUDGET_MS, "ms")]
    for key, page in figures["pages"].items():
        if page["first_paint_ms"] is None:
            print(f"{key}: not measured: {page['error']}  OVER")
            results.append(False)
            continue
        paint, stall = page["first_paint_ms"], page["stall_ms"]
        results.append(report(f"{key}: first paint", paint, FIRST_PAINT_BUDGET_MS, "ms"))
        results.append(report(f"{key}: longest GUI stall", stall, STALL_BUDGET_MS, "ms"))
    return results
