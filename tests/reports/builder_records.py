"""Hand-made records for the builder tests: a team's first quarter of 2026, and a commune.

``team_quarter`` types what a leader would type (through the Session, tracked):
one meeting with everything the minutes form asks for, three models, indicator
readings, resources, exemplars and commendations. ``add_villages`` loads two
more villages of the same commune (and one of another) as already-synced
records, the way a reviewer's store receives them.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument

from danvan_desktop.core.ids import uuid7
from danvan_desktop.reports.document import Document
from danvan_desktop.reports.registry import render
from danvan_desktop.session import Session
from danvan_desktop.store.bulk import insert_synced

PHU_XUAN = 19768
VY_DA = 19777
# The day the quarter's report is issued: the first quarter is over.
ISSUED = dt.date(2026, 4, 6)


@dataclass
class TeamQuarter:
    """The ids of the records ``team_quarter`` made."""

    meeting_id: str
    models: dict[str, str] = field(default_factory=dict)


def _add(session: Session, entity: str, **fields: Any) -> str:
    record_id = session.add_record(entity, **fields).record_id
    assert record_id is not None
    return record_id


def _meeting(session: Session) -> str:
    meeting_id = _add(
        session,
        "meeting",
        team_id=session.team_id,
        kind="regular",
        title="Họp Tổ dân vận tháng 3 năm 2026",
        starts_at="2026-03-05T19:30",
        ends_at="2026-03-05T21:15",
        place="Nhà văn hóa Tổ dân phố 5",
        chair="Nguyễn Văn An",
        secretary="Trần Thị Bích",
        state="draft",
        version=1,
    )
    for name, present, reason in (
        ("Nguyễn Văn An", True, None),
        ("Trần Thị Bích", True, None),
        ("Lê Văn Cường", True, None),
        ("Lê Thị Hoa", False, "đi công tác"),
    ):
        _add(
            session,
            "attendance",
            meeting_id=meeting_id,
            name=name,
            present=present,
            absence_reason=reason,
        )
    _add(
        session,
        "attendance",
        meeting_id=meeting_id,
        name="Phan Văn Tùng",
        present=True,
        is_guest=True,
        organisation="Phó Chủ tịch Ủy ban MTTQ Việt Nam phường",
    )
    first = _add(
        session,
        "agenda_item",
        meeting_id=meeting_id,
        position_order=1,
        title="Đánh giá kết quả tháng 02/2026",
        notes="Tổ đã vận động 14 hộ hiến 320 m² đất mở rộng kiệt 12.",
    )
    second = _add(
        session,
        "agenda_item",
        meeting_id=meeting_id,
        position_order=2,
        title="Phân công nhiệm vụ tháng 3",
    )
    for item, order, speaker, text in (
        (first, 2, "Trần Thị Bích", "Nhất trí; mời người có uy tín cùng đi vận động."),
        (first, 1, "Lê Văn Cường", "Đề nghị gặp riêng từng hộ còn băn khoăn."),
        (second, 1, "Nguyễn Văn An", "Giao các chi hội trưởng phụ trách từng nhóm hộ."),
        (None, 1, "Phan Văn Tùng", "Ủy ban MTTQ phường sẽ hỗ trợ xi măng."),
    ):
        _add(
            session,
            "opinion",
            meeting_id=meeting_id,
            agenda_item_id=item,
            position_order=order,
            speaker=speaker,
            content=text,
        )
    _add(
        session,
        "conclusion",
        meeting_id=meeting_id,
        position_order=1,
        content="Hoàn thành vận động hiến đất trước ngày 20/3/2026.",
    )
    _add(
        session,
        "vote",
        meeting_id=meeting_id,
        subject="Thông qua phương án mở rộng kiệt 12",
        in_favour=4,
        against=0,
        abstain=0,
    )
    _add(
        session,
        "task",
        meeting_id=meeting_id,
        status="open",
        deadline="2026-03-20",
        title="Vận động 06 hộ còn lại ký cam kết hiến đất",
        owner_name="Lê Văn Cường",
    )
    done = _add(
        session,
        "task",
        meeting_id=meeting_id,
        status="open",
        deadline="2026-03-31",
        title="Báo cáo kết quả về Chi bộ",
        owner_name="Nguyễn Văn An",
    )
    session.mark_task_done(done, on=dt.date(2026, 3, 30))
    return meeting_id


def _models(session: Session) -> dict[str, str]:
    models = {
        "flowers": _add(
            session,
            "model",
            name="Tuyến đường hoa kiểu mẫu",
            field_code="new_rural",
            status="registered",
            year=2026,
            start_date="2026-01-15",
            situation="Kiệt 12 hẹp, nhiều rác.\nNgười dân muốn làm đẹp đường.",
            goals="100% hộ tham gia trồng hoa.",
            scope="62 hộ dân kiệt 12.",
        ),
        "mediation": _add(
            session,
            "model",
            name="Tổ hòa giải ở cơ sở",
            year=2025,
            field_code="defence_security",
            status="registered",
        ),
        "study": _add(
            session,
            "model",
            name="Quỹ khuyến học dòng họ",
            year=2026,
            field_code="culture_society",
            status="registered",
        ),
    }
    for key in ("flowers", "mediation"):
        session.move_model(models[key], status="in_progress")
    flowers = models["flowers"]
    for indicator, unit, value, day in (
        ("Ngày công đóng góp", "ngày công", 120, "2026-03-10"),
        ("Ngày công đóng góp", "ngày công", 80, "2026-04-02"),
        ("Đất hiến", "m²", 320, "2026-03-12"),
    ):
        _add(
            session,
            "indicator_reading",
            model_id=flowers,
            indicator=indicator,
            unit_label=unit,
            value=value,
            read_on=day,
        )
    _add(
        session,
        "resource_contribution",
        model_id=flowers,
        kind="land",
        amount=320,
        unit_label="m²",
        contributed_on="2026-03-12",
        contributor="Hộ ông Hoàng Văn Dũng",
    )
    _add(
        session,
        "resource_contribution",
        model_id=flowers,
        kind="money",
        amount=5_000_000,
        unit_label="đồng",
        contributed_on="2026-02-20",
    )
    return models


def _exemplars(session: Session) -> None:
    bich = _add(
        session,
        "exemplar",
        kind="individual",
        name="Trần Thị Bích",
        year=2026,
        position="Chi hội trưởng Chi hội Phụ nữ",
        achievement="Vận động 14 hộ hiến đất mở rộng kiệt 12",
    )
    anh = _add(
        session,
        "exemplar",
        kind="individual",
        name="Đặng Văn Ánh",
        year=2026,
        position="Tổ viên",
        achievement="Hòa giải thành 04 vụ việc",
    )
    veterans = _add(
        session,
        "exemplar",
        kind="collective",
        year=2026,
        name="Chi hội Cựu chiến binh tổ dân phố 5",
        achievement="Góp 200 ngày công làm đường",
    )
    for exemplar, form, level in (
        (bich, "Giấy khen", "xã"),
        (anh, "Bằng khen", "thành phố"),
        (veterans, "Giấy khen", "xã"),
    ):
        _add(
            session,
            "commendation",
            exemplar_id=exemplar,
            year=2026,
            state="proposed",
            form=form,
            level=level,
        )
    _add(
        session,
        "commendation",
        exemplar_id=bich,
        year=2025,
        state="decided",
        form="Giấy khen",
        level="xã",
        decision_number="15/QĐ-UBND",
    )


def team_quarter(session: Session) -> TeamQuarter:
    """The team's first quarter of 2026, typed through the session."""
    for name, position in (
        ("Trần Thị Bích", "Chi hội trưởng Chi hội Phụ nữ"),
        ("Lê Văn Cường", "Chi hội trưởng Hội Cựu chiến binh"),
        ("Lê Thị Hoa", "Bí thư Chi đoàn"),
    ):
        session.add_member(full_name=name, position=position)
    made = TeamQuarter(_meeting(session), _models(session))
    _exemplars(session)
    session.finalise_meeting(made.meeting_id)
    return made


# -- a commune's villages, as synced records -----------------------------------------
def _village(
    session: Session,
    rows: dict[str, list[dict[str, Any]]],
    *,
    name: str,
    commune: int,
    meeting_period: str,
) -> tuple[str, str]:
    unit_id, team_id = uuid7(), uuid7()
    rows["unit"].append(
        {
            "id": unit_id,
            "unit_id": unit_id,
            "level": "village",
            "province_code": 46,
            "commune_code": commune,
            "name": name,
            "commune_name": "Phường Phú Xuân" if commune == PHU_XUAN else "Phường Vỹ Dạ",
        }
    )
    rows["team"].append({"id": team_id, "unit_id": unit_id, "name": f"Tổ dân vận {name}"})
    rows["regulation"].append(
        {
            "id": uuid7(),
            "unit_id": unit_id,
            "team_id": team_id,
            "meeting_period": meeting_period,
            "meeting_day": 20,
        }
    )
    return unit_id, team_id


def _meetings(
    rows: dict[str, list[dict[str, Any]]], unit_id: str, team_id: str, days: list[tuple[str, str]]
) -> list[str]:
    ids = []
    for kind, day in days:
        meeting_id = uuid7()
        ids.append(meeting_id)
        rows["meeting"].append(
            {
                "id": meeting_id,
                "unit_id": unit_id,
                "team_id": team_id,
                "kind": kind,
                "title": f"Họp ngày {day}",
                "state": "final",
                "starts_at": f"{day}T08:00",
                "ends_at": f"{day}T10:00",
            }
        )
    return ids


def _model(rows: dict[str, list[dict[str, Any]]], unit_id: str, **fields: Any) -> None:
    rows["model"].append({"id": uuid7(), "unit_id": unit_id, **fields})


def add_villages(session: Session) -> None:
    """Thôn An Hòa (monthly, 10 regular meetings in 2026) and Tổ dân phố 7 (quarterly, all
    four) in Phú Xuân, plus Thôn Vỹ Dạ 1 of another ward, as synced records."""
    rows: dict[str, list[dict[str, Any]]] = {
        e: []
        for e in (
            "unit",
            "team",
            "regulation",
            "model",
            "meeting",
            "task",
            "exemplar",
            "commendation",
        )
    }
    an_hoa, an_hoa_team = _village(
        session, rows, name="Thôn An Hòa", commune=PHU_XUAN, meeting_period="monthly"
    )
    days = [("regular", f"2026-{month:02d}-18") for month in range(1, 11)]
    meetings = _meetings(rows, an_hoa, an_hoa_team, [*days, ("adhoc", "2026-07-02")])
    for index, (status, done_on, deadline) in enumerate(
        [
            ("done", "2026-02-01", "2026-02-10"),
            ("done", "2026-05-03", "2026-05-10"),
            ("done", "2026-09-09", "2026-09-30"),
            ("open", None, "2026-11-30"),
        ]
    ):
        rows["task"].append(
            {
                "id": uuid7(),
                "unit_id": an_hoa,
                "meeting_id": meetings[index],
                "title": f"Nhiệm vụ {index + 1}",
                "status": status,
                "done_on": done_on,
                "deadline": deadline,
            }
        )
    _model(
        rows,
        an_hoa,
        name="Thắp sáng đường quê",
        field_code="new_rural",
        status="in_progress",
        year=2026,
    )
    _model(
        rows,
        an_hoa,
        name="Tổ hợp tác trồng rau an toàn",
        field_code="economy",
        status="recognised",
        year=2025,
    )
    exemplar = uuid7()
    rows["exemplar"].append(
        {
            "id": exemplar,
            "unit_id": an_hoa,
            "kind": "individual",
            "name": "Hồ Thị Lan",
            "year": 2026,
        }
    )
    rows["commendation"].append(
        {
            "id": uuid7(),
            "unit_id": an_hoa,
            "exemplar_id": exemplar,
            "year": 2026,
            "state": "proposed",
            "form": "Giấy khen",
            "level": "xã",
        }
    )
    tdp7, tdp7_team = _village(
        session, rows, name="Tổ dân phố 7", commune=PHU_XUAN, meeting_period="quarterly"
    )
    _meetings(
        rows,
        tdp7,
        tdp7_team,
        [
            ("regular", "2026-03-20"),
            ("regular", "2026-06-20"),
            ("regular", "2026-09-20"),
            ("regular", "2026-12-20"),
            ("year_end", "2026-12-27"),
        ],
    )
    _model(
        rows,
        tdp7,
        name="Quỹ khuyến học",
        field_code="culture_society",
        status="registered",
        year=2026,
    )
    other, other_team = _village(
        session, rows, name="Thôn Vỹ Dạ 1", commune=VY_DA, meeting_period="monthly"
    )
    _meetings(rows, other, other_team, [("regular", "2026-01-20")])
    _model(
        rows,
        other,
        name="Mô hình của phường khác",
        field_code="economy",
        status="registered",
        year=2026,
    )
    version = 1
    db = session.store.db
    with db.atomic():
        for entity, batch in rows.items():
            version = insert_synced(db, entity, batch, first_version=version)


# -- reading rendered files back -----------------------------------------------------
def write_rendered(document: Document, fmt: str, folder: Path) -> Path:
    """Render ``document`` to ``fmt`` into ``folder``; the file's path."""
    path = folder / f"document.{fmt}"
    path.write_bytes(render(document, fmt))
    return path


def docx_of(document: Document) -> DocxDocument:
    """The document rendered to DOCX and opened again with python-docx."""
    return docx.Document(io.BytesIO(render(document, "docx")))


def docx_lines(result: DocxDocument) -> list[str]:
    """The text of every body paragraph, in order (tables not included)."""
    return [paragraph.text for paragraph in result.paragraphs]


def docx_table_rows(result: DocxDocument, index: int) -> list[list[str]]:
    """The cell texts of one table of the body, row by row."""
    return [[cell.text for cell in row.cells] for row in result.tables[index].rows]
