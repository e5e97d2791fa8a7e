"""Budget: a commune's year-end roll-up, built from the store and rendered, in time.

Budgets (DESIGN.md, 2-core machine), each measured as build (the real builder
reading a real store on disk) + render: DOCX <= 2 s, PDF <= 3 s, XLSX <= 2 s.
The store is generated into a temporary folder: one commune of --villages
villages with --models models and --meetings meetings in the year (each with
attendance, opinions and a task), indicator readings, resources, exemplars and
commendation proposals, loaded as synced records the way a reviewer receives
them. Each format runs --runs times in one process; the budget is held against
the slowest run (the first pays the one-time loading a user pays too). Prints
the figures; exits 1 when a budget is missed.

    .venv/bin/python bench/reports.py [--models 500] [--meetings 1200] [--villages 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS, MODEL_STATUSES
from danvan_desktop.reports.presets import load_preset
from danvan_desktop.reports.registry import renderer_for
from danvan_desktop.session import Session
from danvan_desktop.store.bulk import insert_synced
from danvan_desktop.store.demo_data import OPINIONS, model_fields, person

BUDGETS_S = {"docx": 2.0, "pdf": 3.0, "xlsx": 2.0}
COMMUNE = 19768  # Phường Phú Xuân
YEAR = 2026
ISSUED = dt.date(YEAR + 1, 1, 8)


def _villages(count: int) -> tuple[list[dict[str, Any]], ...]:
    units, teams, regulations = [], [], []
    for index in range(count):
        unit_id, team_id = uuid7(), uuid7()
        name = f"Thôn {index + 1}" if index % 3 else f"Tổ dân phố {index + 1}"
        units.append(
            {
                "id": unit_id,
                "unit_id": unit_id,
                "level": "village",
                "name": name,
                "province_code": 46,
                "commune_code": COMMUNE,
                "commune_name": "Phường Phú Xuân",
            }
        )
        teams.append({"id": team_id, "unit_id": unit_id, "name": f"Tổ dân vận {name}"})
        period = "quarterly" if index % 7 == 0 else "monthly"
        regulations.append(
            {
                "id": uuid7(),
                "unit_id": unit_id,
                "team_id": team_id,
                "meeting_period": period,
                "meeting_day": 25,
            }
        )
    return units, teams, regulations


def _models(rng: random.Random, units: list[dict[str, Any]], count: int) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {"model": [], "indicator_reading": [], "resource_contribution": []}
    for index in range(count):
        unit = units[index % len(units)]
        model_id = uuid7()
        fields = model_fields(rng, unit["name"], YEAR - index % 3)
        rows["model"].append(
            {
                "id": model_id,
                "unit_id": unit["id"],
                "status": rng.choice(list(MODEL_STATUSES)),
                **fields,
            }
        )
        day = dt.date(YEAR, 1 + index % 12, 10).isoformat()
        rows["indicator_reading"].append(
            {
                "id": uuid7(),
                "unit_id": unit["id"],
                "model_id": model_id,
                "indicator": "Ngày công đóng góp",
                "unit_label": "ngày công",
                "read_on": day,
                "value": rng.randint(5, 90),
            }
        )
        rows["resource_contribution"].append(
            {
                "id": uuid7(),
                "unit_id": unit["id"],
                "model_id": model_id,
                "kind": "money",
                "unit_label": "đồng",
                "contributed_on": day,
                "amount": rng.randint(1, 50) * 100_000,
            }
        )
    return rows


def _meetings(
    rng: random.Random, units: list[dict[str, Any]], teams: list[dict[str, Any]], count: int
) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {"meeting": [], "attendance": [], "opinion": [], "task": []}
    for index in range(count):
        village = index % len(units)
        unit_id, team_id = units[village]["id"], teams[village]["id"]
        nth = index // len(units)
        day = dt.date(YEAR, 1 + nth % 12, 20 if nth < 12 else 5)
        meeting_id = uuid7()
        rows["meeting"].append(
            {
                "id": meeting_id,
                "unit_id": unit_id,
                "team_id": team_id,
                "kind": "regular" if nth < 12 else "adhoc",
                "state": "final",
                "title": f"Họp Tổ dân vận tháng {day.month:02d}/{YEAR}",
                "starts_at": f"{day.isoformat()}T08:00",
                "ends_at": f"{day.isoformat()}T10:00",
                "version": 1,
            }
        )
        for _ in range(8):
            rows["attendance"].append(
                {
                    "id": uuid7(),
                    "unit_id": unit_id,
                    "name": person(rng),
                    "meeting_id": meeting_id,
                    "present": int(rng.random() > 0.15),
                }
            )
        for order in (1, 2):
            rows["opinion"].append(
                {
                    "id": uuid7(),
                    "unit_id": unit_id,
                    "meeting_id": meeting_id,
                    "speaker": person(rng),
                    "content": rng.choice(OPINIONS),
                    "position_order": order,
                }
            )
        deadline = day + dt.timedelta(days=20)
        done = rng.random() < 0.7
        rows["task"].append(
            {
                "id": uuid7(),
                "unit_id": unit_id,
                "meeting_id": meeting_id,
                "title": "Vận động các hộ còn lại",
                "owner_name": person(rng),
                "deadline": deadline.isoformat(),
                "status": "done" if done else "open",
                "done_on": deadline.isoformat() if done else None,
            }
        )
    return rows


def _exemplars(rng: random.Random, units: list[dict[str, Any]]) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {"exemplar": [], "commendation": []}
    for unit in units:
        exemplar_id = uuid7()
        rows["exemplar"].append(
            {
                "id": exemplar_id,
                "unit_id": unit["id"],
                "kind": "individual",
                "name": person(rng),
                "year": YEAR,
            }
        )
        rows["commendation"].append(
            {
                "id": uuid7(),
                "unit_id": unit["id"],
                "year": YEAR,
                "exemplar_id": exemplar_id,
                "state": "proposed",
                "form": "Giấy khen",
                "level": "xã",
            }
        )
    return rows


def make_store(folder: Path, *, villages: int, models: int, meetings: int) -> Session:
    """A reviewer's store holding one commune's year."""
    session = Session.open(folder, create=True)
    rng = random.Random(2026)
    units, teams, regulations = _villages(villages)
    tables: dict[str, list[Any]] = {"unit": units, "team": teams, "regulation": regulations}
    tables["model_field"] = [
        {"id": uuid7(), "code": code, "name": name, "position_order": n}
        for n, (code, name) in enumerate(DEFAULT_MODEL_FIELDS, start=1)
    ]
    for extra in (
        _models(rng, units, models),
        _meetings(rng, units, teams, meetings),
        _exemplars(rng, units),
    ):
        tables.update(extra)
    version = 1
    with session.store.db.atomic():
        for entity, rows in tables.items():
            version = insert_synced(session.store.db, entity, rows, first_version=version)
    # A reviewer names its own office once, in the laptop's settings.
    session.change_setting(
        "report_letterhead",
        {
            "issuing_body": "Ban Dân vận Đảng ủy phường Phú Xuân",
            "place": "Huế",
            "managing_body": "Đảng ủy phường Phú Xuân",
            "signer_name": "Lê Quang Vinh",
            "signer_role": "Trưởng ban",
            "recipients": ["Ban Tuyên giáo và Dân vận Thành ủy"],
        },
    )
    return session


def main(argv: list[str] | None = None) -> int:
    """Time build + render of every format; return 1 when one is over its budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--meetings", type=int, default=1200)
    parser.add_argument("--villages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    over = False
    with tempfile.TemporaryDirectory(prefix="danvan-bench-reports-") as folder:
        made = time.perf_counter()
        session = make_store(
            Path(folder), villages=args.villages, models=args.models, meetings=args.meetings
        )
        print(
            f"store: {args.villages} villages, {args.models} models, {args.meetings} meetings, "
            f"made in {time.perf_counter() - made:.2f} s"
        )
        try:
            for name, budget in BUDGETS_S.items():
                renderer = renderer_for(name)
                builds, totals, size = [], [], 0
                for _ in range(args.runs):
                    started = time.perf_counter()
                    document = session.build_report(
                        "commune_rollup",
                        period="year",
                        year=YEAR,
                        issued_on=ISSUED,
                        commune_code=COMMUNE,
                    )
                    built = time.perf_counter()
                    size = len(renderer.render(document, load_preset(document.preset)))
                    builds.append(built - started)
                    totals.append(time.perf_counter() - started)
                worst = max(totals)
                verdict = "ok" if worst <= budget else "OVER BUDGET"
                over = over or worst > budget
                print(
                    f"{name:5s} build {max(builds):5.2f} s  build+render first {totals[0]:5.2f} s"
                    f"  max {worst:5.2f} s  budget {budget:.1f} s  {size / 1024:6.0f} KiB"
                    f"  {verdict}"
                )
        finally:
            session.close()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
