"""The «Mạng lưới» page's budgets over the large demo set, the handbook and 5,000 cards.

Usage: ``python bench/network_gui.py --data-dir DIR [--cards 5000] [--runs 5]``, with
``QT_QPA_PLATFORM`` set (``offscreen`` by default). DIR holds a set-up team with the
large demo set (``danvan --data-dir DIR init ...`` then ``danvan --data-dir DIR demo
--size large``, about a minute), closed. The bench loads the bundled handbook into it
when it has none and writes cards until it holds ``--cards`` of them, through the path
the sync applies (store/network.py's ``apply_library_page``), with realistic text: the
sentences of resources/handbook. Prints every figure beside its budget; exits 1 when a
budget is missed, 2 when it cannot measure.

Budgets (issue 17, DESIGN.md):

- opening the page: its list painted with its first rows ≤ 150 ms after the page is
  made (the median of ``--runs`` opens; the worst is printed too);
- searching: p95 ≤ 50 ms over typed, folded queries (one word, two words, «mo hinh
  rac», a village's name, ...), each the page's first read: ``network_cards`` for a
  page of rows plus ``network_card_count``, on the read lane as the page runs them;
- typing those queries into the page never blocks the GUI thread more than 50 ms (a
  5 ms heartbeat; a stall is the longest gap between two beats, less the beat).

The window's other searches (models, meetings, petitions) read the records' own index
(store/search.py), which holds no card: the cards are searched on this page alone, so
the page's search is the one measured against the library.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIRST_PAINT_BUDGET_MS = 150.0
SEARCH_P95_BUDGET_MS = 50.0
STALL_BUDGET_MS = 50.0
HEARTBEAT_MS = 5
KEY_INTERVAL_MS = 90
MIN_MODELS = 100_000
WAIT_S = 120.0
QUERIES = [
    "mo hinh rac",
    "rac",
    "an ninh",
    "hoa giai",
    "khu dan cu",
    "phu xuan",
    "kim long",
    "to dan pho 7",
    "thon la chu",
    "nuoc sach",
    "dan van kheo",
    "camera",
    "phụ nữ",
    "đường",
    "x",
]
VILLAGES = [("Tổ dân phố", n) for n in range(1, 21)] + [
    ("Thôn", name) for name in ("La Chữ", "Lại Thế", "Thủy Dương", "Dương Nỗ", "Hương Sơ")
]
COMMUNES = [
    (19768, "Phường Phú Xuân"),
    (19753, "Phường Thuận Hóa"),
    (19774, "Phường Kim Long"),
    (19777, "Phường Hương An"),
    (19789, "Phường Thủy Xuân"),
    (19810, "Phường Dương Nỗ"),
    (19813, "Phường Hóa Châu"),
]
FIELDS = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"]
NAMES = [
    "Phân loại rác tại nguồn",
    "Thắp sáng đường quê",
    "Camera an ninh khu dân cư",
    "Tổ hòa giải ba cùng",
    "Nước sạch cho mọi nhà",
    "Đường hoa tự quản",
    "Quỹ khuyến học dòng họ",
    "Chi hội phụ nữ tiết kiệm",
    "Đổi rác lấy quà",
    "Khu dân cư không có tội phạm",
    "Bữa cơm nghĩa tình",
    "Tuyến phố văn minh",
]


def sentences() -> list[str]:
    """The handbook's sentences (realistic Vietnamese text for the cards)."""
    from danvan_desktop.core.paths import resources_dir

    folder = resources_dir() / "handbook"
    found: list[str] = []
    for path in sorted(folder.glob("*.md")):
        text = re.sub(r"[#*>|`\-]+", " ", path.read_text(encoding="utf-8"))
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            sentence = " ".join(sentence.split())
            if 40 <= len(sentence) <= 240:
                found.append(sentence)
    return found


def bench_card(number: int, rng: random.Random, pool: list[str]) -> dict[str, Any]:
    """One realistic card (nothing about any resident), as the server sends it."""
    kind, village = VILLAGES[number % len(VILLAGES)]
    code, commune = COMMUNES[number % len(COMMUNES)]
    year = 2019 + number % 7
    level = "city" if number % 5 == 0 else "commune"
    return {
        "id": f"bench-card-{number:05d}",
        "model_uid": f"bench-model-{number:05d}",
        "source_unit": f"bench-unit-{number % 300}",
        "name": f"{NAMES[number % len(NAMES)]} {kind.lower()} {village}",
        "field_name": FIELDS[number % len(FIELDS)],
        "commune_code": code,
        "commune_name": commune,
        "village_name": f"{kind} {village}",
        "summary": [
            ["Sự cần thiết", " ".join(rng.sample(pool, 2))],
            ["Nội dung và cách làm", " ".join(rng.sample(pool, 3))],
        ],
        "results": " ".join(rng.sample(pool, 2)),
        "indicators": [["Hộ tham gia", f"{40 + number % 200} hộ"]],
        "recognitions": [
            {
                "level": level,
                "decision_no": f"{number % 90 + 1}/QĐ-UBND",
                "decided_on": f"{year}-11-20",
            }
        ],
        "year": year,
        "shared_level": "city",
        "shared_on": f"{year}-12-01",
        "updated_at": f"{year}-12-01T08:00:00Z",
        "contact": None,
        "photos": [],
    }


# -- preparing the folder ----------------------------------------------------------------
def check_folder(data_dir: Path) -> None:
    """SystemExit(2) when the folder cannot be measured."""
    path = data_dir / "danvan.sqlite3"
    if not path.is_file():
        raise SystemExit(f"{data_dir} holds no store: build the large demo set first (--help)")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        models = int(conn.execute("SELECT count(*) FROM model WHERE deleted = 0").fetchone()[0])
    finally:
        conn.close()
    if models < MIN_MODELS:
        print(f"{data_dir} has {models} models; the budgets need {MIN_MODELS}", file=sys.stderr)
        raise SystemExit(2)


def prepare(data_dir: Path, cards: int) -> None:
    """Load the handbook when missing; write cards until the library holds ``cards``."""
    from danvan_desktop.session import Session
    from danvan_desktop.store import network

    session = Session.open(data_dir)
    try:
        if not session.handbook_entries():
            session.load_bundled_handbook()
        db = session.store.db
        held = int(db.execute("SELECT count(*) FROM network_card").fetchone()[0])
        if held >= cards:
            return
        rng, pool = random.Random(17), sentences()
        started = time.perf_counter()
        for first in range(held, cards, 500):
            items = [
                {"id": f"bench-card-{n:05d}", "seq": n + 1, "card": bench_card(n, rng, pool)}
                for n in range(first, min(first + 500, cards))
            ]
            network.apply_library_page(db, items, first + len(items))
        print(f"wrote {cards - held} cards in {time.perf_counter() - started:.1f} s")
    finally:
        session.close()


# -- measuring, inside one Qt application ------------------------------------------------
class Lab:
    """The window's pieces the page needs, and a way to wait on the GUI thread."""

    def __init__(self, data_dir: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from danvan_desktop.ui.events import EventBus
        from danvan_desktop.ui.task_runner import TaskRunner

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.runner = TaskRunner()
        self.bus = EventBus()
        opened: list[Any] = []
        self.runner.open_session(data_dir, on_done=opened.append, on_error=self.fail)
        self.wait(lambda: bool(opened), "the store to open")

    def fail(self, error: BaseException) -> None:
        print(f"cannot measure: {error}", file=sys.stderr)
        raise SystemExit(2)

    def wait(self, done: Callable[[], bool], what: str) -> None:
        """Run the event loop until ``done``; SystemExit(2) after WAIT_S."""
        from PySide6.QtCore import QEventLoop

        deadline = time.perf_counter() + WAIT_S
        while not done():
            if time.perf_counter() > deadline:
                print(f"cannot measure: waited {WAIT_S:g} s for {what}", file=sys.stderr)
                raise SystemExit(2)
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    def close(self) -> None:
        closed: list[Any] = []
        self.runner.close_session(on_done=closed.append)
        self.wait(lambda: bool(closed), "the store to close")
        self.runner.shutdown()


def first_paint_ms(lab: Lab) -> float:
    """Milliseconds from making the page to its list painted with rows."""
    from PySide6.QtCore import QEvent, QObject

    from danvan_desktop.ui.network.network_page import NetworkPage

    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and page.model.rowCount() and not painted:
                painted.append(time.perf_counter())
            return False

    started = time.perf_counter()
    page = NetworkPage(lab.runner, lab.bus)
    watch = Watch()
    page.table.viewport().installEventFilter(watch)
    page.resize(1280, 720)
    page.show()
    lab.wait(lambda: bool(painted), "the page's first paint")
    elapsed = (painted[0] - started) * 1000
    page.close()
    page.deleteLater()
    return elapsed


def search_times_ms(lab: Lab, runs: int) -> dict[str, list[float]]:
    """Each query's times, read as the page's first page of a search reads it."""
    from danvan_desktop.core.network import CardQuery
    from danvan_desktop.ui.network.network_page import card_pages
    from danvan_desktop.ui.widgets.paged_records import PAGE_SIZE

    def job(ctx: Any) -> dict[str, list[float]]:
        times: dict[str, list[float]] = {q: [] for q in QUERIES}
        for _ in range(runs):
            for text in QUERIES:
                fetch = card_pages(CardQuery(text=text))
                started = time.perf_counter()
                fetch(ctx, None, PAGE_SIZE, True)
                times[text].append((time.perf_counter() - started) * 1000)
        return times

    result: list[dict[str, list[float]]] = []
    lab.runner.read(job, on_done=result.append, on_error=lab.fail)
    lab.wait(lambda: bool(result), "the searches")
    return result[0]


def typing_stall_ms(lab: Lab) -> float:
    """The longest GUI stall while the queries are typed into the page, key by key."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from danvan_desktop.ui.network.network_page import NetworkPage

    page = NetworkPage(lab.runner, lab.bus)
    page.resize(1280, 720)
    page.show()
    loads: list[int] = []
    page.loaded.connect(loads.append)
    lab.wait(lambda: bool(loads), "the page's list")
    clock, worst = QElapsedTimer(), [0.0]
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0] - HEARTBEAT_MS)
        last[0] = now

    heartbeat = QTimer(interval=HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    for text in QUERIES:
        before = len(loads)
        page.search.clear()
        for end in range(1, len(text) + 1):
            page.search.setText(text[:end])
            pause = time.perf_counter() + KEY_INTERVAL_MS / 1000
            lab.wait(lambda p=pause: time.perf_counter() >= p, "a key")  # type: ignore[misc]
        lab.wait(lambda b=before: len(loads) > b, f"the results of «{text}»")  # type: ignore[misc]
    heartbeat.stop()
    page.close()
    page.deleteLater()
    return worst[0]


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def report(name: str, value: float, budget: float) -> bool:
    """Print a figure beside its budget; True when it is within."""
    ok = value <= budget
    print(f"{name:<52} {value:8.1f} ms  (budget {budget:g} ms)  {'ok' if ok else 'OVER'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    check_folder(args.data_dir)
    prepare(args.data_dir, args.cards)
    lab = Lab(args.data_dir)
    try:
        first_paint_ms(lab)  # warm-up: the page cache and the modules
        paints = [first_paint_ms(lab) for _ in range(args.runs)]
        times = search_times_ms(lab, args.runs)
        stall = typing_stall_ms(lab)
    finally:
        lab.close()
    print(f"{args.cards} cards, the handbook, {MIN_MODELS:,}+ models; {args.runs} runs each")
    print(f"first paint, worst of {args.runs}: {max(paints):.1f} ms")
    for text, values in times.items():
        print(f"  search «{text}»: median {statistics.median(values):6.1f} ms")
    every = [v for values in times.values() for v in values]
    ok = report("page opened to its list painted (median)", statistics.median(paints), 150.0)
    ok &= report("search p95 (cards + count, first page)", p95(every), SEARCH_P95_BUDGET_MS)
    ok &= report("longest GUI stall while typing searches", stall, STALL_BUDGET_MS)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
