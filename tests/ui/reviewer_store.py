"""A commune reviewer's laptop for the window's tests, made without a server: its store as
enrolment with a commune reviewer's code leaves it (SyncEngine.enroll and
store/setup_merge.after_enrolment: the role, the commune as its unit, no team), and the
villages' records as its pulls bring them (store/sync_apply.apply_changes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from danvan_desktop.store.setup_merge import after_enrolment
from danvan_desktop.store.sync_apply import apply_changes

PHU_XUAN = 19768
COMMUNE_ID = "0190a000-0000-7000-8000-000000000046"
VILLAGE_ID = "0190a000-0000-7000-8000-000000000005"
COMMUNE = {
    "id": COMMUNE_ID,
    "unit_id": COMMUNE_ID,
    "server_version": 1,
    "level": "commune",
    "province_code": 46,
    "commune_code": PHU_XUAN,
    "name": "Phường Phú Xuân",
}
VILLAGE_FIELDS = {
    "level": "village",
    "province_code": 46,
    "commune_code": PHU_XUAN,
    "name": "Tổ dân phố 5",
    "village_kind": "to_dan_pho",
    "parent_unit_id": COMMUNE_ID,
}


def _pulled(entity: str, record_id: str, unit_id: str, version: int, **fields: Any) -> Any:
    return {
        "entity": entity,
        "record_id": record_id,
        "unit_id": unit_id,
        "server_version": version,
        "deleted": False,
        "fields": fields,
    }


def make_commune_reviewer_dir(data_dir: Path) -> Path:
    """A data folder enrolled as Phường Phú Xuân's reviewer, holding one village (closed)."""
    session = Session.open(data_dir, create=True)
    try:
        with session.store.db.atomic():  # what SyncEngine.enroll keeps of the answer
            session.store.set_meta("sync_role", "reviewer")
            session.store.set_meta("sync_unit_id", COMMUNE_ID)
            after_enrolment(session.records, {"role": "reviewer", "unit": COMMUNE})
        apply_changes(
            session.records, [_pulled("unit", VILLAGE_ID, VILLAGE_ID, 2, **VILLAGE_FIELDS)]
        )
    finally:
        session.close()
    return data_dir


def pull_model(session: Any, status: str = "reviewed") -> str:
    """A village's model as a pull brings it, in ``status`` (sent up for review); its id."""
    model_id = uuid7()
    version = int(session.store.db.execute("SELECT count(*) FROM model").fetchone()[0]) + 10
    model = _pulled(
        "model", model_id, VILLAGE_ID, version,
        name="Mô hình phân loại rác tại nguồn", field_code="economy", year=2026, status=status,
    )  # fmt: skip
    apply_changes(session.records, [model])
    return model_id
