"""Which units a report covers: the team's own village, or every village of a commune.

A team's store holds its own unit; a reviewer's store (and the large demo set)
holds many villages, each with its ``commune_code``. Records carry their unit in
the synced ``unit_id`` column, so one ``unit_id IN (...)`` filter scopes every
query. Each unit also brings its regulation's meeting period (monthly when the
store has none, as the model regulation says), its petition answer period (None: the
default) and its review cut-off days, so a roll-up judges each village by its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schedule import Cutoffs

DEFAULT_MEETING_PERIOD = "monthly"


@dataclass(frozen=True)
class ScopeUnit:
    """One village or residential group in a report's scope."""

    id: str
    name: str
    meeting_period: str
    meeting_day: int | None
    answer_days: int | None = None  # the regulation's petition_answer_days (None: default)
    # the regulation's review cut-off days
    cutoffs: Cutoffs = dataclasses.field(default_factory=Cutoffs)


@dataclass(frozen=True)
class Scope:
    """The units a report covers, in Vietnamese order, and what to call them together."""

    units: tuple[ScopeUnit, ...]
    label: str
    commune_code: int | None = None

    @property
    def unit_ids(self) -> list[str]:
        """The ids, for ``unit_id IN (...)``."""
        return [unit.id for unit in self.units]

    def in_clause(self, column: str = "unit_id") -> str:
        """``column IN (?, ?, ...)`` with one mark per unit."""
        return f"{column} IN ({', '.join('?' for _ in self.units)})"


_UNIT_SQL = (
    "SELECT u.id, u.name, u.commune_name, u.commune_code, r.meeting_period, r.meeting_day, "
    "r.petition_answer_days, r.half_year_cutoff, r.year_cutoff "
    "FROM unit u LEFT JOIN team t ON t.unit_id = u.id AND t.deleted = 0 "
    "LEFT JOIN regulation r ON r.team_id = t.id AND r.deleted = 0 "
    "WHERE u.deleted = 0 AND {where} GROUP BY u.id ORDER BY u.name_sort, u.id"
)


def _scope_unit(row: dict[str, Any]) -> ScopeUnit:
    return ScopeUnit(
        id=str(row["id"]),
        name=str(row["name"] or ""),
        meeting_period=str(row["meeting_period"] or DEFAULT_MEETING_PERIOD),
        meeting_day=row["meeting_day"],
        answer_days=int(row["petition_answer_days"]) if row["petition_answer_days"] else None,
        cutoffs=Cutoffs.of(row),
    )


def _problem(field: str, message: str) -> ValidationError:
    return ValidationError([FieldProblem(field, message)])


def team_scope(db: Database) -> Scope:
    """The store's own unit (the team's village)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'home_unit_id'").fetchone()
    if row is None:
        raise _problem(
            "unit",
            tr(
                "ReportBuilders",
                "Chưa khởi tạo tổ dân vận nên chưa có số liệu để báo cáo: hãy chạy trình "
                "hướng dẫn hoặc lệnh «danvan init».",
            ),
        )
    rows = list(db.query(_UNIT_SQL.format(where="u.id = ?"), [row[0]]))
    if not rows:
        raise _problem("unit", tr("ReportBuilders", "Không tìm thấy đơn vị của tổ trong dữ liệu."))
    return Scope((_scope_unit(rows[0]),), str(rows[0]["name"]), rows[0]["commune_code"])


def home_commune_code(db: Database) -> int | None:
    """The commune of the store's own unit, if it has one."""
    row = db.execute(
        "SELECT u.commune_code FROM unit u JOIN meta m ON m.key = 'home_unit_id' AND m.value = u.id"
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def commune_scope(db: Database, commune_code: int | None = None) -> Scope:
    """Every village and residential group of a commune (the store's own by default)."""
    code = commune_code if commune_code is not None else home_commune_code(db)
    if code is None:
        raise _problem(
            "commune_code", tr("ReportBuilders", "Hãy chọn xã, phường cần tổng hợp báo cáo.")
        )
    rows = list(
        db.query(_UNIT_SQL.format(where="u.level = 'village' AND u.commune_code = ?"), [code])
    )
    if not rows:
        raise _problem(
            "commune_code",
            tr(
                "ReportBuilders",
                "Dữ liệu chưa có thôn, tổ dân phố nào thuộc xã, phường mã {code}: hãy đồng bộ "
                "dữ liệu hoặc chọn xã, phường khác.",
                code=code,
            ),
        )
    label = str(rows[0]["commune_name"] or code)
    return Scope(tuple(_scope_unit(row) for row in rows), label, code)
