"""What the Báo cáo page offers the leader to start from: drafts of the review's texts,
drawn from the records of the period and nothing else.

- situation: the opinions recorded at the period's meetings (their words, without who
  said them) and the fields the residents' petitions were about;
- shortcomings: what the records show fell short (regular meetings not held, tasks
  overdue, petitions overdue for an answer, disputes not settled); the causes are the
  leader's to write;
- next tasks: the tasks still open, the petitions still waiting for an answer and the
  disputes without an outcome, to follow up;
- lessons and proposals: nothing (the records hold none), so nothing is offered.

A suggestion is only a starting point: the leader edits it before it is kept.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlite_utils import Database

import danvan_desktop.reports.builders.figures as fig
from danvan_desktop.core.schedule import held_before
from danvan_desktop.core.vocab import PETITION_FIELDS
from danvan_desktop.reports.builders.common import count_text, day_text
from danvan_desktop.reports.builders.periods import ReportPeriod, slice_label
from danvan_desktop.reports.builders.scope import Scope, team_scope
from danvan_desktop.store.mediations import PENDING, mediation_count
from danvan_desktop.store.petitions import petition_count

SHOWN = 10  # opinions and open tasks listed one by one; more are counted
OPINION_CHARS = 240  # an opinion's words are cut (at a word) past this


def _short(text: str, limit: int = OPINION_CHARS) -> str:
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def _opinions(db: Database, scope: Scope, period: ReportPeriod, as_of: dt.date) -> list[str]:
    """The words of the opinions of the period's held meetings (first versions), in order."""
    before = min(period.after_end, held_before(as_of))
    rows = db.execute(
        "SELECT o.content FROM opinion o JOIN meeting m ON m.id = o.meeting_id "
        "WHERE o.deleted = 0 AND m.deleted = 0 AND m.supersedes_id IS NULL "
        f"AND m.starts_at >= ? AND m.starts_at < ? AND {scope.in_clause('m.unit_id')} "
        "ORDER BY m.starts_at, m.rowid, coalesce(o.position_order, 0), o.rowid",
        [period.start.isoformat(), before, *scope.unit_ids],
    ).fetchall()
    seen: dict[str, None] = {}
    for (content,) in rows:
        words = _short(str(content or ""))
        if words:
            seen.setdefault(words, None)
    return list(seen)


def _situation(opinions: list[str], petitions: fig.PetitionCounts) -> str:
    lines: list[str] = []
    if opinions:
        lines.append(
            "Ý kiến của Nhân dân và thành viên Tổ tại các cuộc họp trong kỳ tập trung vào:"
        )
        lines += [f"- {words}" for words in opinions[:SHOWN]]
        if len(opinions) > SHOWN:
            lines.append(f"- Và {count_text(len(opinions) - SHOWN)} ý kiến khác.")
    if petitions.received:
        top = Counter(petitions.by_field).most_common()
        fields = "; ".join(
            f"{PETITION_FIELDS.get(code, code).lower()} ({count_text(n)})" for code, n in top if n
        )
        lines.append(
            f"Trong kỳ, Tổ tiếp nhận {count_text(petitions.received)} kiến nghị, phản ánh của "
            f"Nhân dân về: {fields}."
        )
    return "\n".join(lines)


def _shortcomings(
    one: fig.UnitFigures, petitions: fig.PetitionCounts, cases: fig.MediationCounts
) -> str:
    lines: list[str] = []
    if one.missed:
        missed = ", ".join(slice_label(s, one.meeting_period) for s in one.missed)
        lines.append(f"- Chưa họp định kỳ đủ theo Quy chế: chưa họp {missed}.")
    if one.tasks_overdue:
        lines.append(f"- Còn {count_text(one.tasks_overdue)} nhiệm vụ quá hạn chưa hoàn thành.")
    if petitions.overdue:
        lines.append(
            f"- Còn {count_text(petitions.overdue)} kiến nghị, phản ánh của Nhân dân quá hạn "
            "chưa được trả lời."
        )
    if cases.not_settled:
        lines.append(f"- Có {count_text(cases.not_settled)} vụ việc hòa giải không thành.")
    return "\n".join(lines)


def _open_tasks(db: Database, scope: Scope) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT title, owner_name, deadline FROM task WHERE deleted = 0 AND status = 'open' "
            f"AND {scope.in_clause()} ORDER BY deadline IS NULL, deadline, rowid",
            scope.unit_ids,
        )
    )


def _next_tasks(db: Database, scope: Scope, as_of: dt.date) -> str:
    lines: list[str] = []
    tasks = _open_tasks(db, scope)
    for task in tasks[:SHOWN]:
        details = [str(task["owner_name"])] if task["owner_name"] else []
        if task["deadline"]:
            details.append(f"hạn {day_text(task['deadline'])}")
        lines.append(f"- {task['title']}" + (f" ({', '.join(details)})" if details else "") + ".")
    if len(tasks) > SHOWN:
        lines.append(f"- Và {count_text(len(tasks) - SHOWN)} nhiệm vụ khác chưa hoàn thành.")
    unit = scope.unit_ids[0]
    waiting = petition_count(db, today=as_of, state="waiting", unit_id=unit)
    if waiting:
        lines.append(
            f"- Theo dõi, đôn đốc việc trả lời {count_text(waiting)} kiến nghị, phản ánh của "
            "Nhân dân còn chờ."
        )
    pending = mediation_count(db, outcome=PENDING, unit_id=unit)
    if pending:
        lines.append(f"- Tiếp tục phối hợp hòa giải {count_text(pending)} vụ việc chưa có kết quả.")
    return "\n".join(lines)


def suggested_texts(db: Database, period: ReportPeriod, *, as_of: dt.date) -> dict[str, str]:
    """Drafts of the leader's texts for the team's report of ``period`` (``as_of``: the
    report's date); an empty text where the records say nothing."""
    scope = team_scope(db)
    issued_on, as_of = as_of, min(as_of, period.end)
    one = fig.unit_figures(db, scope, period, as_of=as_of, issued_on=issued_on)[0]
    petitions = fig.petition_counts(db, scope.unit_ids, period, as_of=as_of)
    cases = fig.mediation_counts(db, scope.unit_ids, period)
    return {
        "situation": _situation(_opinions(db, scope, period, as_of), petitions),
        "shortcomings": _shortcomings(one, petitions, cases),
        "lessons": "",
        "next_tasks": _next_tasks(db, scope, as_of),
        "proposals": "",
    }
