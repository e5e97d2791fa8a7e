"""Checking the store: a cheap check at open, the full ``integrity_check`` on demand.

A check that finds the file damaged (or cannot even read it: "database disk image is
malformed") marks the store so that nothing writes into it until a check passes
again or a backup replaces it (store/store_health.py); a check that passes removes
the mark. Wrong settings and broken foreign-key links are reported too, but they are
not damage of the file and leave no mark.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from danvan_desktop.core.i18n import tr
from danvan_desktop.store import store_health
from danvan_desktop.store.connection import EXPECTED_PRAGMAS, pragmas_of
from danvan_desktop.store.database import Store


@dataclass
class CheckReport:
    """The outcome of a check: ok, what was found, and what the user should do."""

    ok: bool
    full: bool
    problems: list[str] = field(default_factory=list)
    advice: str = ""
    damaged: bool = False  # the file itself is damaged (the store is now marked)


def check_store(store: Store, *, full: bool = False) -> CheckReport:
    """Run ``quick_check`` (or ``integrity_check`` when ``full``) and the foreign-key check."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [r[0] for r in store.db.execute(f"PRAGMA {pragma}").fetchall()]
        found = [r for r in rows if r != "ok"]
        damage = list(found)
        links = [
            tr("store", "Sai liên kết khóa ngoại ở bảng {table}", table=r[0])
            for r in store.db.execute("PRAGMA foreign_key_check").fetchall()
        ]
    except sqlite3.DatabaseError as exc:  # the check cannot read the file: that is damage
        found = [str(exc)]
        damage = [tr("store", "Tệp dữ liệu bị hỏng: {error}", error=exc)]
        links = []
    if damage:
        store_health.mark_damaged(store.path, "; ".join(found)[:500], full=full)
    else:
        store_health.clear_damage_mark(store.path, full=full)
    problems = damage + links + _settings_problems(store)
    advice = store_health.damage_advice() if problems else ""
    return CheckReport(
        ok=not problems, full=full, problems=problems, advice=advice, damaged=bool(damage)
    )


def _settings_problems(store: Store) -> list[str]:
    try:
        settings = pragmas_of(store.db)
    except sqlite3.DatabaseError:
        return []  # reported above as damage
    return [
        tr(
            "store",
            "Thiết lập {name} là {value}, cần {expected}",
            name=name,
            value=settings[name],
            expected=expected,
        )
        for name, expected in EXPECTED_PRAGMAS.items()
        if settings[name] != expected
    ]
