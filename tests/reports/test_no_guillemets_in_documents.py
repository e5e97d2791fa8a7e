"""Documents quote as Decree 30 does (“…”): no «…» from a UI string or a label reaches them.

Every document kind is built from a real store in both presets; every string it holds
(its stored JSON) and every line of its DOCX and XLSX is searched for « and ».
"""

from __future__ import annotations

import io
from typing import Any

import docx
import openpyxl
import pytest
from builder_records import ISSUED, add_villages, team_quarter

from danvan_desktop.reports.builders import REPORT_KINDS, build_report
from danvan_desktop.reports.document_json import document_to_json
from danvan_desktop.reports.registry import render
from danvan_desktop.session import Session

GUILLEMETS = ("«", "»")


def _params(kind: str, meeting_id: str, model_id: str) -> dict[str, Any]:
    if kind == "meeting_minutes":
        return {"id": meeting_id}
    if kind == "model_registration":
        return {"id": model_id}
    if kind in ("periodic_report", "commune_rollup"):
        return {"period": "quarter", "quarter": 1, "year": 2026}
    if kind in ("model_statistics", "commendation_list"):
        return {"year": 2026}
    return {}


def _docx_text(data: bytes) -> str:
    result = docx.Document(io.BytesIO(data))
    lines = [p.text for p in result.paragraphs]
    lines += [cell.text for table in result.tables for row in table.rows for cell in row.cells]
    for section in result.sections:
        lines += [p.text for p in section.header.paragraphs]
    return "\n".join(lines)


def _xlsx_text(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


@pytest.mark.parametrize("preset", ["state", "party"])
def test_no_document_kind_carries_guillemets(session: Session, preset: str) -> None:
    """Every kind, in DOCX, XLSX and its stored copy, holds neither « nor »."""
    quarter = team_quarter(session)
    add_villages(session)
    model_id = next(iter(quarter.models.values()))
    found: dict[str, list[str]] = {}
    for kind in REPORT_KINDS.values():
        params = _params(kind.name, quarter.meeting_id, model_id)
        document = build_report(
            session.store.db, kind.name, preset=preset, issued_on=ISSUED, **params
        )
        texts = [document_to_json(document), _docx_text(render(document, "docx"))]
        if "xlsx" in kind.formats:
            texts.append(_xlsx_text(render(document, "xlsx")))
        marks = [mark for mark in GUILLEMETS if any(mark in text for text in texts)]
        if marks:
            found[kind.name] = marks
    assert found == {}
