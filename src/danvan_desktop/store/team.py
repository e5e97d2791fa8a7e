"""The team's own records: its unit, the team, members, regulation settings, field list.

``initialise`` makes a new store usable in one transaction: the unit (commune
from vietnam-provinces, village typed by the team), the team, its leader, the
regulation with default settings and the default list of model fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from danvan_desktop.core.errors import FieldProblem, StoreError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.place_names import document_place
from danvan_desktop.core.vocab import commune_in_name, village_in_name
from danvan_desktop.store import model_fields
from danvan_desktop.store.changes import Changes
from danvan_desktop.store.places import commune_name, province_name
from danvan_desktop.store.records import Records

DEFAULT_MEETING_PERIOD = "monthly"
DEFAULT_MEETING_DAY = 25
DEFAULT_REPORTING_PERIODS = ("half_year", "year")


@dataclass(frozen=True)
class TeamSetup:
    """What the first-run wizard or ``danvan init`` asks for."""

    province_code: int
    commune_code: int
    village_name: str
    team_name: str
    leader_name: str
    village_kind: str = "thon"
    leader_phone: str | None = None


def default_recipients(commune: str, village: str) -> list[str]:
    """Who receives the team's reports by default (data, editable in the regulation): the
    commune's Party committee and Front committee, and the village's Party cell, named as
    a sentence writes them («Đảng ủy phường Phú Xuân», «Chi bộ tổ dân phố 5»)."""
    inside = commune_in_name(commune)
    return [
        tr("team", "Đảng ủy {commune}", commune=inside),
        tr("team", "Ủy ban Mặt trận Tổ quốc Việt Nam {commune}", commune=inside),
        party_cell_name(village),
    ]


def party_cell_name(village: str) -> str:
    """The village's Party cell: «Chi bộ tổ dân phố 5», «Chi bộ thôn An Lỗ»."""
    return tr("team", "Chi bộ {village}", village=village_in_name(village))


def initialise(records: Records, setup: TeamSetup) -> Changes:
    """Create the unit, team, leader, regulation and field list of a new store."""
    store = records.store
    if store.home_unit_id is not None:
        raise StoreError(
            tr(
                "team",
                "Thư mục dữ liệu này đã được khởi tạo cho một tổ: hãy dùng thư mục khác hoặc "
                "mở dữ liệu đã có.",
            )
        )
    province = province_name(setup.province_code)
    if province is None:
        raise ValidationError(
            [
                FieldProblem(
                    "province_code",
                    tr(
                        "team",
                        "«Mã tỉnh, thành phố» {code} không có trong danh mục: hãy chọn tỉnh, "
                        "thành phố từ danh sách (Huế là 46).",
                        code=setup.province_code,
                    ),
                )
            ]
        )
    commune = commune_name(setup.province_code, setup.commune_code) or ""
    changes = Changes()
    with records.db.atomic():
        unit = changes.add(
            records.save(
                "unit",
                {
                    "level": "village",
                    "province_code": setup.province_code,
                    "commune_code": setup.commune_code,
                    "commune_name": commune,
                    "name": setup.village_name,
                    "village_kind": setup.village_kind,
                },
            )
        )
        store.set_meta("home_unit_id", unit.record_id)
        team = changes.add(records.save("team", {"name": setup.team_name}))
        store.set_meta("team_id", team.record_id)
        changes.add(
            records.save(
                "member",
                {
                    "team_id": team.record_id,
                    "full_name": setup.leader_name,
                    "role": "leader",
                    "position": tr("team", "Bí thư chi bộ"),
                    "phone": setup.leader_phone,
                    "position_order": 1,
                },
            )
        )
        changes.add(
            records.save(
                "regulation",
                {
                    "team_id": team.record_id,
                    "meeting_period": DEFAULT_MEETING_PERIOD,
                    "meeting_day": DEFAULT_MEETING_DAY,
                    "reporting_periods": json.dumps(list(DEFAULT_REPORTING_PERIODS)),
                    "report_recipients": json.dumps(
                        default_recipients(commune, setup.village_name)
                    ),
                    "issuing_body": setup.team_name,
                    "managing_body": party_cell_name(setup.village_name),
                    "document_place": document_place(commune) if commune else None,
                },
            )
        )
        for change in model_fields.make_city_defaults(records):
            changes.add(change)  # the city's, under its ids: not sent (store/model_fields.py)
    return changes


def team_id(records: Records) -> str:
    """The id of this store's team (StoreError before init)."""
    value = records.store.meta("team_id")
    if value is None:
        raise StoreError(
            tr("team", "Chưa khởi tạo tổ dân vận: hãy chạy «danvan init» hoặc trình hướng dẫn.")
        )
    return value


def regulation(records: Records) -> dict[str, object]:
    """The team's regulation settings record."""
    rows = list(records.rows("regulation", "team_id = ?", [team_id(records)], limit=1))
    if not rows:
        raise StoreError(tr("team", "Tổ chưa có quy chế hoạt động: hãy tạo quy chế."))
    return rows[0]
