"""The team's regulation: its settings record, and its text made from the city's model.

The model text (``resources/regulation/quy-che-mau.md``) is Markdown with
placeholders in braces, such as ``{ten_to}`` or ``{ky_hop}``; ``model_text``
fills them from the store (team, village, commune, roster) and from the
regulation's settings, which the caller may pass unsaved (the form being edited).
A placeholder this release does not know is left as it is, so an older model
text and a newer one both work. The text is document text, written in
Vietnamese whatever the interface language, like every official paper the
reports box makes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.paths import resources_dir
from danvan_desktop.core.vndate import short_date
from danvan_desktop.core.vocab import MEMBER_ROLES, REPORTING_PERIODS, in_running_text
from danvan_desktop.store import team as team_store
from danvan_desktop.store.changes import Change
from danvan_desktop.store.records import Records

if TYPE_CHECKING:
    from sqlite_utils import Database

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
DEFAULT_MEETING_DAY = team_store.DEFAULT_MEETING_DAY
# How each reporting period reads inside "Tổ báo cáo kết quả hoạt động …".
REPORTING_WORDS = {"month": "hằng tháng", "quarter": "hằng quý", "half_year": "6 tháng",
                   "year": "cả năm"}  # fmt: skip
# What earlier releases put among the recipients in place of the Party cell's name.
OLD_CELL_RECIPIENT = "Chi bộ thôn, tổ dân phố"
# A date left to be written in by hand.
BLANK_DATE = "……"
ROLE_ORDER = {"leader": 0, "deputy": 1, "member": 2}
JSON_LISTS = ("reporting_periods", "report_recipients")


def model_text_path() -> Path:
    """Where the city's model regulation lives."""
    return resources_dir() / "regulation" / "quy-che-mau.md"


def read_model_text(path: Path | None = None) -> str:
    """The model regulation with its placeholders."""
    text = (path or model_text_path()).read_text(encoding="utf-8")
    return unicodedata.normalize("NFC", text)


def json_list(value: Any) -> list[str]:
    """A stored JSON list (or a list) as a list of non-empty strings."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else []
        except ValueError:
            value = value.splitlines()
    if not isinstance(value, list | tuple):
        return []
    return [str(item).strip() for item in value if str(item).strip()]


def settings(db: Database, team_id: str | None) -> dict[str, Any]:
    """The team's regulation record with its JSON lists read; empty without a team."""
    rows = list(
        db.query(
            "SELECT * FROM regulation WHERE team_id = ? AND deleted = 0 ORDER BY rowid LIMIT 1",
            [team_id],
        )
    )
    if not rows:
        return {}
    row = dict(rows[0])
    for name in JSON_LISTS:
        row[name] = json_list(row.get(name))
    return row


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _meta(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def roster_lines(db: Database, team_id: str | None, today: dt.date) -> list[str]:
    """The members still serving, leader first: "- Nguyễn Văn An, Bí thư chi bộ: Tổ trưởng."."""
    rows = list(
        db.query(
            "SELECT full_name, role, position, organisation, position_order FROM member "
            "WHERE team_id = ? AND deleted = 0 AND (term_end IS NULL OR term_end >= ?) "
            "ORDER BY full_name_sort",
            [team_id, today.isoformat()],
        )
    )
    rows.sort(key=lambda r: (ROLE_ORDER.get(str(r["role"]), 3), r["position_order"] or 999))
    lines = []
    for row in rows:
        who = str(row["full_name"])
        where = row["position"] or row["organisation"]
        if where:
            who += f", {where}"
        lines.append(f"- {who}: {MEMBER_ROLES.get(str(row['role']), str(row['role']))}.")
    return lines


def _meeting_words(period: str, day: int | None) -> tuple[str, str]:
    day = day or DEFAULT_MEETING_DAY
    if period == "quarterly":
        return "mỗi quý một lần", f"vào ngày {day:02d} của tháng cuối quý"
    return "mỗi tháng một lần", f"vào ngày {day:02d} hằng tháng"


def _reporting_words(periods: list[str]) -> str:
    words = [REPORTING_WORDS[p] for p in REPORTING_WORDS if p in periods]
    if not words:
        return "khi cấp trên yêu cầu"
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]
    return f"định kỳ {joined}"


def _recipient_lines(recipients: list[str], cell: str, *names: str) -> str:
    """The list under «Báo cáo gửi:», each name as a sentence writes it («Đảng ủy phường
    Phú Xuân»), the old placeholder for the Party cell replaced by ``cell``."""
    if not recipients:
        return f"- {cell or 'Chi bộ'}."
    named = [cell if name == OLD_CELL_RECIPIENT and cell else name for name in recipients]
    lines = [f"- {in_running_text(name, *names)};" for name in named]
    lines[-1] = lines[-1][:-1] + "."
    return "\n".join(lines)


def facts(
    db: Database, overrides: Mapping[str, Any] | None = None, *, today: dt.date | None = None
) -> dict[str, str]:
    """The value of every placeholder, from the store and the (possibly unsaved) settings."""
    today = today or dt.date.today()
    team_id = _meta(db, "team_id")
    current = settings(db, team_id)
    current.update({k: v for k, v in (overrides or {}).items() if k != "text"})
    team = next(iter(db.query("SELECT name FROM team WHERE id = ?", [team_id])), {})
    unit_sql = "SELECT name, commune_name FROM unit WHERE id = ?"
    unit = next(iter(db.query(unit_sql, [_meta(db, "home_unit_id")])), {})
    team_name = str(team.get("name") or "Tổ dân vận")
    village = str(unit.get("name") or "")
    commune = str(unit.get("commune_name") or "")
    cell = str(current.get("managing_body") or "")
    if village and not cell.lower().startswith("chi bộ"):
        cell = team_store.party_cell_name(village)
    members = roster_lines(db, team_id, today)
    period = str(current.get("meeting_period") or team_store.DEFAULT_MEETING_PERIOD)
    day = current.get("meeting_day")
    how_often, when = _meeting_words(period, int(day) if day else None)
    adopted = current.get("adopted_on")
    if isinstance(adopted, str) and adopted:
        adopted = dt.date.fromisoformat(adopted[:10])
    return {
        "ten_to": team_name,
        "thon": _lower_first(village) if village else "địa bàn",
        "xa": _lower_first(str(unit.get("commune_name") or "xã, phường")),
        "chi_bo": in_running_text(cell, village) if cell else "chi bộ",
        "dia_danh": str(current.get("document_place") or ""),
        "so_thanh_vien": str(len(members)),
        "thanh_vien": "\n".join(members) or "- (Chưa có thành viên.)",
        "ky_hop": how_often,
        "ngay_hop": when,
        "ky_bao_cao": _reporting_words(json_list(current.get("reporting_periods"))),
        "noi_nhan": _recipient_lines(
            json_list(current.get("report_recipients")), cell, *filter(None, (commune, village))
        ),
        "ngay_thong_qua": short_date(adopted) if isinstance(adopted, dt.date) else BLANK_DATE,
    }


def fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with each known ``{placeholder}`` replaced; unknown ones stay."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def model_text(
    db: Database, overrides: Mapping[str, Any] | None = None, *, today: dt.date | None = None
) -> str:
    """The city's model regulation filled in for this team."""
    return fill(read_model_text(), facts(db, overrides, today=today))


def regulation_text(db: Database, *, today: dt.date | None = None) -> str:
    """The team's own text, or the model filled in when the team has not written one."""
    text = settings(db, _meta(db, "team_id")).get("text")
    return str(text) if text and str(text).strip() else model_text(db, today=today)


# -- saving ------------------------------------------------------------------------------
def _problems(fields: Mapping[str, Any]) -> list[FieldProblem]:
    problems = []
    day = fields.get("meeting_day")
    if day not in (None, "") and not (str(day).isdigit() and 1 <= int(day) <= 31):
        problems.append(
            FieldProblem(
                "meeting_day",
                tr("regulation", "«Ngày họp trong kỳ» phải từ 1 đến 31: hãy chọn lại ngày họp."),
            )
        )
    unknown = [p for p in json_list(fields.get("reporting_periods")) if p not in REPORTING_PERIODS]
    if unknown:
        problems.append(
            FieldProblem(
                "reporting_periods",
                tr(
                    "regulation",
                    "Không có kỳ báo cáo {value}: hãy chọn trong tháng, quý, 6 tháng, năm.",
                    value=", ".join(unknown),
                ),
            )
        )
    return problems


def save(records: Records, fields: Mapping[str, Any], *, role: str = "team") -> Change:
    """Change the team's regulation (settings and text); validated, tracked."""
    values = dict(fields)
    for name in JSON_LISTS:
        if name in values:
            values[name] = json.dumps(json_list(values[name]), ensure_ascii=False)
    if isinstance(values.get("text"), str):
        values["text"] = unicodedata.normalize("NFC", values["text"]).strip() or None
    problems = _problems(values)
    if problems:
        raise ValidationError(problems)
    current = team_store.regulation(records)
    return records.save("regulation", values, record_id=str(current["id"]), role=role)
