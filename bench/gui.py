"""GUI budgets on the large demo set (100k models, 50k meetings).

Usage: ``python bench/gui.py [--data-dir DIR] [--runs N]``; set QT_QPA_PLATFORM
(``offscreen`` by default, or ``xcb`` under ``xvfb-run``). Without a folder it
builds the large demo set in a temporary one (``danvan init`` + ``danvan demo
--size large``, about 40 s). Prints every figure against its budget and exits 1
when a budget is missed.

Budgets (DESIGN.md):

- cold start to an interactive main window (window shown and the first page of
  the model list painted) ≤ 1.5 × a bare PySide6 window started the same way:
  both are child processes started alternately, timed from spawn to the line
  they print once painted; medians compared;
- typing a search never blocks the GUI thread more than 50 ms;
- scrolling the 100k-model list never blocks the GUI thread more than 50 ms;
- RSS after browsing (the whole list scrolled, searches typed) ≤ 300 MB.

Event-loop stalls are measured inside the application process by a 5 ms
QTimer heartbeat: a stall is the longest gap between two beats, less the beat.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STALL_BUDGET_MS = 50.0
RSS_BUDGET_MB = 300.0
START_RATIO_BUDGET = 1.5
HEARTBEAT_MS = 5
KEY_INTERVAL_MS = 90  # a quick typist
QUERIES = ["d", "th", "duong", "dan van kheo", "camera an ninh", "hoa", "nuoc sach", "ng"]

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Dân vận khéo"))
window.resize(1280, 720)
window.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


# -- the parent: build data, time starts, run the interactive child --------------------
def build_large(data_dir: Path) -> None:
    """The large demo set, made with the headless commands."""
    cli = [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir)]
    subprocess.run(
        [*cli, "init", "--commune", "19768", "--village", "Tổ dân phố 5", "--team",
         "Tổ dân vận tổ dân phố 5", "--leader", "Nguyễn Văn An"],
        check=True,
    )  # fmt: skip
    subprocess.run([*cli, "demo", "--size", "large"], check=True, stdout=subprocess.DEVNULL)


def time_to_ready(command: list[str]) -> float:
    """Seconds from spawning ``command`` to its READY line."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "READY" in line:
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command[:3]} ended without READY ({process.wait()})")
    process.wait(60)
    return elapsed


def measure_starts(data_dir: Path, runs: int) -> tuple[float, float]:
    """Median start times (bare window, application), started alternately."""
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    app_cmd = [sys.executable, "-m", "danvan_desktop.app", "--data-dir", str(data_dir),
               "--page", "models", "--report-ready", "--quit-when-ready"]  # fmt: skip
    time_to_ready(bare_cmd)  # warm the page cache for both
    time_to_ready(app_cmd)
    bare, app = [], []
    for _ in range(runs):
        bare.append(time_to_ready(bare_cmd))
        app.append(time_to_ready(app_cmd))
    return statistics.median(bare), statistics.median(app)


def run_interactive(data_dir: Path) -> dict[str, Any]:
    """Run the browsing session in a child process and read its figures."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--data-dir", str(data_dir)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    return dict(json.loads(line))


def report(name: str, value: float, budget: float, unit: str) -> bool:
    """Print one figure against its budget; True when within."""
    ok = value <= budget
    print(
        f"{name:<48} {value:9.1f} {unit:<3} (budget ≤ {budget:g} {unit}) {'ok' if ok else 'OVER'}"
    )
    return ok


def main() -> int:
    """Measure every GUI budget; exit 1 when one is missed."""
    parser = argparse.ArgumentParser(description="GUI budgets on the large demo set")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child_main(args.data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(tmp) / "large"
            print("building the large demo set…", flush=True)
            build_large(data_dir)
        bare, app = measure_starts(data_dir, args.runs)
        figures = run_interactive(data_dir)
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, runs: {args.runs}")
    print(f"bare PySide6 window to painted (median):          {bare * 1000:9.1f} ms")
    print(f"application to model list painted (median):       {app * 1000:9.1f} ms")
    results = [
        report("cold start ratio (application / bare window)", app / bare, START_RATIO_BUDGET, "×"),
        report("longest GUI stall while typing", figures["typing_stall_ms"], STALL_BUDGET_MS, "ms"),
        report(
            "longest GUI stall while scrolling", figures["scroll_stall_ms"], STALL_BUDGET_MS, "ms"
        ),
        report("RSS after browsing", figures["rss_mb"], RSS_BUDGET_MB, "MB"),
    ]
    print(
        f"rows scrolled through: {figures['rows']}, searches typed: {len(QUERIES)}, slowest "
        f"search answer after the last key: {figures['search_answer_ms']:.1f} ms"
    )
    return 0 if all(results) else 1


# -- the child: the real window, a heartbeat, typing and scrolling ----------------------
def rss_mb() -> float:
    """The resident set size of this process now, in MB."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        pages = int(statm.read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    import resource  # no /proc (macOS): the peak instead

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def child_main(data_dir: Path) -> int:
    """Open the application on ``data_dir``, type searches, scroll the list; print figures."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from danvan_desktop.ui.app_controller import AppController, StartOptions
    from danvan_desktop.ui.events import EventBus
    from danvan_desktop.ui.look import Translations, register_fonts
    from danvan_desktop.ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    register_fonts(app)
    runner, bus = TaskRunner(), EventBus()
    options = StartOptions(data_dir, start_page="models", auto_backup_delay_ms=3_600_000)
    controller = AppController(runner, bus, Translations(app), options)

    def spin(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def spin_until(condition: Any, timeout_ms: int = 60_000) -> None:
        clock = QElapsedTimer()
        clock.start()
        while not condition():
            if clock.elapsed() > timeout_ms:
                raise TimeoutError("the application did not answer in time")
            spin(2)

    controller.start()
    spin_until(lambda: controller.window is not None)
    window: Any = controller.window
    page: Any = window.page("models")
    model = page.table_model
    spin_until(lambda: model.rowCount() > 0 and not model.fetching)
    spin(300)

    beat = QElapsedTimer()
    gaps = {"current": 0.0}

    def heartbeat() -> None:
        if beat.isValid():
            gaps["current"] = max(gaps["current"], beat.nsecsElapsed() / 1e6 - HEARTBEAT_MS)
        beat.restart()

    timer = QTimer(interval=HEARTBEAT_MS)
    timer.timeout.connect(heartbeat)
    timer.start()

    # typing searches like a person, without diacritics
    gaps["current"] = 0.0
    slowest_answer = 0.0
    for query in QUERIES:
        page.search.clear()
        spin(300)
        page.search.setFocus()
        for char in query:
            QTest.keyClicks(page.search, char)  # ASCII only
            spin(KEY_INTERVAL_MS)
        clock = QElapsedTimer()
        clock.start()
        spin_until(lambda q=query: model.query.search == q and not model.fetching)
        slowest_answer = max(slowest_answer, clock.nsecsElapsed() / 1e6)
    typing_stall = gaps["current"]
    page.search.clear()
    spin_until(lambda: model.query.search == "" and not model.fetching and model.rowCount() > 0)
    spin(300)

    # scrolling to the end of the list, a screenful at a time, then jumping
    gaps["current"] = 0.0
    bar = page.table.verticalScrollBar()
    steps = 0
    while model.canFetchMore() or model.fetching or bar.value() < bar.maximum():
        if steps % 25 == 0:
            bar.setValue(bar.value() + bar.pageStep())
        else:
            bar.setValue(bar.maximum())
        spin(16)
        steps += 1
    scroll_stall = gaps["current"]
    timer.stop()
    figures = {
        "typing_stall_ms": typing_stall,
        "scroll_stall_ms": scroll_stall,
        "search_answer_ms": slowest_answer,
        "rows": model.rowCount(),
        "rss_mb": rss_mb(),
    }
    print(json.dumps(figures), flush=True)
    window.close()
    runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
