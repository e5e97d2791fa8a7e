"""Exemplars and commendations: evidence, scoring against the commune's checklist, decisions.

The checklist of criteria differs from commune to commune, so it is data: the
laptop setting «commendation_criteria», a list of ``{code, text, points}`` the
team edits to match what its commune published (a default list until then). A
proposal keeps the criteria it was scored on (code, text and points, as they
were) in its ``criteria`` field and their sum in ``score``, so a later change of
the checklist does not rewrite an old proposal. A commendation moves from
«proposed» to «decided» when the decision (number, date, who decided) is known.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from danvan_desktop.core import field_rules
from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schema import COMMENDATION
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.store.changes import Change
from danvan_desktop.store.records import Records
from danvan_desktop.store.settings import get_setting, set_setting

if TYPE_CHECKING:
    from sqlite_utils import Database

CRITERIA_KEY = "commendation_criteria"
PROPOSED = "proposed"
DECIDED = "decided"


@dataclass(frozen=True)
class Criterion:
    """One item of the checklist and the points it is worth."""

    code: str
    text: str
    points: float


def default_criteria() -> list[Criterion]:
    """A sensible checklist (100 points) until the commune's own is typed in."""
    items = (
        ("mo_hinh", tr("commendation", "Có mô hình “Dân vận khéo” được công nhận hoặc đang "
                                       "triển khai có hiệu quả"), 30),
        ("van_dong", tr("commendation", "Vận động được bà con hiến đất, góp ngày công, tiền "
                                        "hoặc vật tư cho việc chung"), 20),
        ("hoa_giai", tr("commendation", "Tham gia hòa giải thành các vụ việc ở khu dân cư"), 15),
        ("nam_tinh_hinh", tr("commendation", "Nắm và phản ánh kịp thời ý kiến, kiến nghị của "
                                             "bà con"), 10),
        ("du_hop", tr("commendation", "Dự đầy đủ các cuộc họp của tổ trong năm"), 10),
        ("nhan_rong", tr("commendation", "Có cách làm được nơi khác học tập, nhân rộng"), 10),
        ("guong_mau", tr("commendation", "Gương mẫu chấp hành chủ trương, chính sách và quy "
                                         "định ở địa phương"), 5),
    )  # fmt: skip
    return [Criterion(code, text, float(points)) for code, text, points in items]


def criteria(db: Database) -> list[Criterion]:
    """The checklist in use on this laptop."""
    stored = get_setting(db, CRITERIA_KEY)
    if not stored:
        return default_criteria()
    return [Criterion(str(i["code"]), str(i["text"]), float(i["points"])) for i in stored]


def _code_for(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", fold_vietnamese(text)).strip("_")[:30] or "tieu_chi"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def set_criteria(db: Database, items: Iterable[Mapping[str, Any]]) -> list[Criterion]:
    """Replace the checklist (``text`` and ``points`` each; ``code`` kept when given).

    Each row is held to core's rules (``core.field_rules``): its text is storable text, its
    points a finite number (the points add up to a proposal's ``score``) of 0 or more. The
    first row that breaks one is named, and nothing is saved.
    """
    out: list[Criterion] = []
    taken: set[str] = set()
    for number, item in enumerate(items, start=1):
        text = unicodedata.normalize("NFC", str(item.get("text") or "")).strip()
        if not text:
            continue  # an empty row is a row the user did not fill: dropped
        points = _row_points(number, text, item.get("points"))
        code = str(item.get("code") or "") or _code_for(text, taken)
        if code in taken:
            code = _code_for(text, taken)
        taken.add(code)
        out.append(Criterion(code, text, points))
    set_setting(db, CRITERIA_KEY, [asdict(c) for c in out])
    return out


def _row_points(number: int, text: str, points: Any) -> float:
    """The points of the ``number``-th row, once the row keeps core's rules (a
    ValidationError naming the row and what to fix otherwise)."""
    if field_rules.text_problem(text) is not None:
        raise _refused(
            "text",
            tr(
                "commendation",
                "Tiêu chí thứ {number} có ký tự không lưu được (thường do dán từ một phần mềm "
                "khác): hãy xóa đoạn chữ đó rồi gõ lại.",
                number=number,
            ),
        )
    try:
        value = float(str(points).replace(",", "."))
    except ValueError:
        value = -1.0
    if field_rules.value_problem(COMMENDATION.field("score"), value) is not None:
        raise _refused(
            "points",
            tr(
                "commendation",
                "Điểm của tiêu chí thứ {number} phải là một số cụ thể, không phải vô cực hay "
                "NaN: hãy sửa lại ô điểm, ví dụ 12,5.",
                number=number,
            ),
        )
    if value < 0:
        raise _refused(
            "points",
            tr(
                "commendation",
                "Điểm của tiêu chí thứ {number} phải là số từ 0 trở lên: hãy sửa lại ô điểm.",
                number=number,
            ),
        )
    return value


def _refused(name: str, message: str) -> ValidationError:
    return ValidationError([FieldProblem(name, message)])


def score_of(checklist: Sequence[Criterion], ticked: Iterable[str]) -> tuple[float, list[Any]]:
    """The score of the ticked criteria and what to keep of them in the record."""
    chosen = set(ticked)
    kept = [asdict(c) for c in checklist if c.code in chosen]
    return float(sum(c["points"] for c in kept)), kept


# -- reading -----------------------------------------------------------------------------
def years(db: Database, *, today: dt.date | None = None) -> list[int]:
    """Years with exemplars or commendations, and this year, newest first."""
    found = {
        int(r[0])
        for r in db.execute(
            "SELECT year FROM exemplar WHERE deleted = 0 UNION "
            "SELECT year FROM commendation WHERE deleted = 0"
        )
        if r[0] is not None
    }
    found.add((today or dt.date.today()).year)
    return sorted(found, reverse=True)


def exemplar_rows(db: Database, year: int) -> list[dict[str, Any]]:
    """The year's exemplars in Vietnamese order, each with its latest commendation."""
    rows = list(
        db.query(
            "SELECT e.id, e.kind, e.name, e.position, e.achievement, e.year, "
            "e.linked_model_ids, e.linked_meeting_ids, c.id AS commendation_id, c.state, "
            "c.form, c.level, c.decision_number, c.decision_date, c.decided_by, c.score, "
            "c.criteria, c.achievement AS proposal_achievement FROM exemplar e "
            "LEFT JOIN commendation c ON c.id = (SELECT id FROM commendation WHERE "
            "exemplar_id = e.id AND deleted = 0 AND year = e.year ORDER BY rowid DESC LIMIT 1) "
            "WHERE e.deleted = 0 AND e.year = ? ORDER BY e.name_sort, e.id",
            [year],
        )
    )
    for row in rows:
        for name in ("linked_model_ids", "linked_meeting_ids", "criteria"):
            row[name] = json.loads(row[name]) if row[name] else []
    return rows


@dataclass(frozen=True)
class YearSummary:
    """How a year's commendations stand."""

    year: int
    exemplars: int
    individuals_commended: int
    collectives_commended: int
    proposed: int


def year_summary(db: Database, year: int) -> YearSummary:
    """Counts for «30 cá nhân được khen thưởng năm 2023»."""
    counts: dict[tuple[str, str], int] = {}
    for kind, state, n in db.execute(
        "SELECT e.kind, c.state, count(*) FROM commendation c JOIN exemplar e "
        "ON e.id = c.exemplar_id AND e.deleted = 0 WHERE c.deleted = 0 AND c.year = ? "
        "GROUP BY e.kind, c.state",
        [year],
    ):
        counts[(str(kind), str(state))] = int(n)
    exemplars = db.execute(
        "SELECT count(*) FROM exemplar WHERE deleted = 0 AND year = ?", [year]
    ).fetchone()[0]
    return YearSummary(
        year=year,
        exemplars=int(exemplars),
        individuals_commended=counts.get(("individual", DECIDED), 0),
        collectives_commended=counts.get(("collective", DECIDED), 0),
        proposed=sum(n for (_kind, state), n in counts.items() if state == PROPOSED),
    )


def evidence_choices(db: Database) -> dict[str, list[dict[str, Any]]]:
    """The models and meetings an exemplar may cite, newest first."""
    models = list(
        db.query("SELECT id, name, year FROM model WHERE deleted = 0 ORDER BY year DESC, name_sort")
    )
    meetings = list(
        db.query(
            "SELECT id, title, starts_at FROM meeting WHERE deleted = 0 "
            "ORDER BY starts_at DESC, title_sort"
        )
    )
    return {"models": models, "meetings": meetings}


# -- writing -----------------------------------------------------------------------------
def _missing_links(db: Database, table: str, ids: list[str]) -> list[str]:
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    live = {
        r[0]
        for r in db.execute(f"SELECT id FROM [{table}] WHERE deleted = 0 AND id IN ({marks})", ids)
    }
    return [i for i in ids if i not in live]


def save_exemplar(
    records: Records, fields: Mapping[str, Any], *, record_id: str | None = None, role: str = "team"
) -> Change:
    """Create or change an exemplar; linked models and meetings must exist."""
    values = dict(fields)
    problems = []
    for name, table, what in (
        ("linked_model_ids", "model", tr("commendation", "mô hình")),
        ("linked_meeting_ids", "meeting", tr("commendation", "cuộc họp")),
    ):
        if name not in values:
            continue
        ids = list(dict.fromkeys(str(i) for i in values[name] or []))
        values[name] = ids
        if _missing_links(records.db, table, ids):
            problems.append(
                FieldProblem(
                    name,
                    tr(
                        "commendation",
                        "Có {what} làm minh chứng đã bị xóa: hãy chọn lại danh sách {what}.",
                        what=what,
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    return records.save("exemplar", values, record_id=record_id, role=role)


def propose(
    records: Records,
    *,
    exemplar_id: str,
    form: str,
    level: str,
    ticked: Iterable[str],
    achievement: str | None = None,
    year: int | None = None,
    commendation_id: str | None = None,
    role: str = "team",
) -> Change:
    """Propose a commendation scored on the ticked criteria (or re-score a proposal)."""
    score, kept = score_of(criteria(records.db), ticked)
    fields: dict[str, Any] = {
        "form": form,
        "level": level,
        "achievement": achievement,
        "score": score,
        "criteria": kept,
    }
    if commendation_id is None:
        exemplar = records.get("exemplar", exemplar_id)
        fields.update(exemplar_id=exemplar_id, year=year or exemplar["year"], state=PROPOSED)
    elif records.get("commendation", commendation_id)["state"] == DECIDED:
        raise ValidationError(
            [
                FieldProblem(
                    "state",
                    tr(
                        "commendation",
                        "Khen thưởng này đã có quyết định: không chấm lại điểm được; hãy sửa "
                        "phần quyết định nếu cần.",
                    ),
                )
            ]
        )
    return records.save("commendation", fields, record_id=commendation_id, role=role)


def decide(
    records: Records,
    commendation_id: str,
    *,
    decision_number: str | None,
    decision_date: str | dt.date | None,
    decided_by: str | None,
    form: str | None = None,
    level: str | None = None,
    role: str = "team",
) -> Change:
    """Record the decision on a commendation: number, date and who decided (all needed).

    ``form`` and ``level`` are those the decision grants: None keeps the proposal's, any
    text replaces them, and an empty one is refused (a decision always has both).
    """
    given: dict[str, Any] = {
        "decision_number": (decision_number or "").strip(),
        "decision_date": decision_date or None,
        "decided_by": (decided_by or "").strip(),
    }
    for name, value in (("form", form), ("level", level)):
        if value is not None:
            given[name] = value.strip()
    problems = [
        FieldProblem(
            name,
            tr(
                "commendation",
                "Chưa có «{label}»: hãy nhập {label_lower} ghi trên quyết định khen thưởng.",
                label=tr("fields", label),
                label_lower=tr("fields", label).lower(),
            ),
        )
        for name, label in (
            ("decision_number", "Số quyết định"),
            ("decision_date", "Ngày quyết định"),
            ("decided_by", "Cơ quan quyết định"),
            ("form", "Hình thức khen thưởng"),
            ("level", "Cấp khen thưởng"),
        )
        if name in given and not given[name]
    ]
    if problems:
        raise ValidationError(problems)
    return records.save(
        "commendation", {**given, "state": DECIDED}, record_id=commendation_id, role=role
    )
