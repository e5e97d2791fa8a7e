"""The registration of one "Dân vận khéo" model: the ten items, field, unit and dates.

A registration is a «BẢN ĐĂNG KÝ», not a report: it carries no number of its own
(no "Số: …/BC-…" line), only the place and date it was signed. The ten items follow
the city's registration form (DOMAIN.md) in its order, each a numbered heading
with the team's text under it; an item left empty says so instead of vanishing,
because a reviewer checks that all ten were answered.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.errors import NotFoundError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.schema import MODEL
from danvan_desktop.core.vocab import MODEL_STATUSES, commune_in_name
from danvan_desktop.reports.builders.common import Issue, day_text, make_document
from danvan_desktop.reports.builders.letterhead import resolve_letterhead
from danvan_desktop.reports.document import (
    Block,
    Document,
    DocumentKind,
    Heading,
    LabelledLine,
    LabelledLines,
    Paragraph,
)

TEN_ITEMS = (
    "name",
    "situation",
    "goals",
    "content",
    "scope",
    "actors",
    "resources",
    "timeline",
    "outputs",
    "sustainability",
)
EMPTY_ITEM = "(Chưa điền nội dung)"


def load_model(db: Database, model_id: str) -> dict[str, Any]:
    """The live model row with its field's and unit's names; NotFoundError when absent.
    The field's name is the one lists show (``field_labels``: the city's before an older
    copy with the same code, a removed field's last name)."""
    from danvan_desktop.store.model_fields import field_labels

    rows = list(
        db.query(
            "SELECT m.*, u.name AS unit_name, u.commune_name "
            "FROM model m LEFT JOIN unit u ON u.id = m.unit_id WHERE m.id = ? AND m.deleted = 0",
            [model_id],
        )
    )
    if not rows:
        raise NotFoundError(
            tr(
                "ReportBuilders",
                "Không tìm thấy mô hình có mã {id}: có thể mô hình đã bị xóa; hãy chọn lại.",
                id=model_id,
            )
        )
    row = rows[0]
    row["field_name"] = field_labels(db).get(str(row.get("field_code") or ""))
    return row


def _paragraphs(text: str | None) -> list[Block]:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [Paragraph.of(line) for line in lines] or [Paragraph.of(EMPTY_ITEM, italic=True)]


def _facts(model: dict[str, Any]) -> LabelledLines:
    unit = model.get("unit_name") or ""
    if model.get("commune_name"):
        commune = str(model["commune_name"])
        unit = f"{unit}, {commune_in_name(commune)}" if unit else commune
    lines = [
        LabelledLine("Đơn vị đăng ký", unit),
        LabelledLine("Lĩnh vực", str(model.get("field_name") or model.get("field_code") or "")),
        LabelledLine("Năm đăng ký", str(model.get("year") or "")),
        LabelledLine("Trạng thái", MODEL_STATUSES.get(model["status"], model["status"])),
    ]
    if model.get("start_date"):
        lines.append(LabelledLine(MODEL.field("start_date").label, day_text(model["start_date"])))
    if model.get("end_date"):
        lines.append(LabelledLine(MODEL.field("end_date").label, day_text(model["end_date"])))
    if model.get("recognition_level"):
        recognised = str(model["recognition_level"])
        if model.get("recognised_on"):
            recognised += f" (ngày {day_text(model['recognised_on'])})"
        lines.append(LabelledLine("Được công nhận", recognised))
    return LabelledLines(lines, bold_labels=True)


def build_model_registration(db: Database, issue: Issue, *, model_id: str) -> Document:
    """The registration of model ``model_id``."""
    model = load_model(db, model_id)
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    blocks: list[Block] = [_facts(model)]
    for number, name in enumerate(TEN_ITEMS, start=1):
        blocks.append(Heading(f"{number}. {MODEL.field(name).label}", level=2))
        blocks += _paragraphs(model.get(name))
    if model.get("review_comment"):
        blocks.append(Heading("Nhận xét của cấp trên", level=2))
        blocks += _paragraphs(model["review_comment"])
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.REGISTRATION,
        title="Bản đăng ký",
        subtitle=f"Mô hình “Dân vận khéo” năm {model.get('year') or issue.issued_on.year}",
        blocks=blocks,
        number=None,
        has_number_line=False,
    )
