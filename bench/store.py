"""Store budgets on the large demo set (100k models, 50k meetings).

Usage: ``python bench/store.py [--data-dir DIR]``. Without a folder it builds the
large demo set in a temporary one (about a minute). Prints each figure against
its budget and exits 1 when any budget is missed.

Budgets (DESIGN.md, issue 3): search as you type p95 ≤ 50 ms over the query mix;
save one record p95 ≤ 10 ms; open the store ≤ 200 ms; first page of the model list
(50 rows, Vietnamese order) ≤ 150 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.store.database import Store
from danvan_desktop.store.lists import ModelFilter, model_page

# Typed without diacritics: 1–2-letter prefixes, common words, several-word phrases.
QUERIES = [
    "d",
    "t",
    "h",
    "q",
    "th",
    "ng",
    "kh",
    "tr",
    "duong",
    "thon",
    "dan",
    "ho",
    "nuoc",
    "rac",
    "hoa",
    "an ninh",
    "dan van kheo",
    "duong hoa sang xanh",
    "quy khuyen hoc dong ho",
    "ve sinh duong lang",
    "hien dat mo rong duong",
    "camera an ninh vi binh yen",
    "phan loai rac thai tai nguon",
    "nguyen van",
    "to hoa giai o co so",
    "nuoi bo sinh san giup ho ngheo",
]
BUDGETS = {"search_p95_ms": 50.0, "save_p95_ms": 10.0, "open_ms": 200.0, "first_page_ms": 150.0}


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def build(data_dir: Path) -> None:
    """Make the large demo set in ``data_dir``."""
    session = Session.open(data_dir, create=True)
    try:
        session.initialise_team(
            province_code=46,
            commune_code=19768,
            village_name="Tổ dân phố 5",
            team_name="Tổ dân vận tổ dân phố 5",
            leader_name="Nguyễn Văn An",
        )
        session.fill_demo(size="large")
    finally:
        session.close()


def measure(data_dir: Path) -> dict[str, float]:
    """Every figure, in milliseconds."""
    opens = []
    for _ in range(5):
        start = time.perf_counter()
        store = Store.open(data_dir)
        opens.append((time.perf_counter() - start) * 1000)
        store.close()
    session = Session.open(data_dir)
    try:
        db = session.store.db
        pages = []
        for _ in range(5):
            start = time.perf_counter()
            model_page(db, ModelFilter(), order="name", limit=50)
            pages.append((time.perf_counter() - start) * 1000)
        searches = []
        for _ in range(3):
            for query in QUERIES:
                # as typed: every prefix of the query, one keystroke at a time
                for end in range(1, len(query) + 1):
                    if query[end - 1] == " ":
                        continue
                    start = time.perf_counter()
                    session.search(query[:end], limit=20)
                    searches.append((time.perf_counter() - start) * 1000)
        ids = [r[0] for r in db.execute("SELECT id FROM model ORDER BY random() LIMIT 300")]
        rng = random.Random(1)
        saves = []
        for model_id in ids:
            start = time.perf_counter()
            session.update_model(model_id, outputs=f"{rng.randint(1, 10_000)} m đường bê tông")
            saves.append((time.perf_counter() - start) * 1000)
    finally:
        session.close()
    return {
        "search_p95_ms": p95(searches),
        "save_p95_ms": p95(saves),
        "open_ms": max(opens[1:]),
        "first_page_ms": max(pages),
    }


def main() -> int:
    """Run the bench; 0 when every budget holds."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    tmp = None
    data_dir = args.data_dir
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory()
        data_dir = Path(tmp.name)
    if not Store.exists(data_dir):
        print(f"building the large demo set in {data_dir} …", flush=True)
        build(data_dir)
    figures = measure(data_dir)
    failed = False
    for name, value in figures.items():
        ok = value <= BUDGETS[name]
        failed |= not ok
        print(
            f"{name:15} {value:8.1f} ms  budget {BUDGETS[name]:6.1f} ms  {'ok' if ok else 'OVER'}"
        )
    if tmp is not None:
        tmp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
