"""Self-test: a store in a temporary folder, and every document written from it and read back.

The store is made as ``danvan init`` makes one (a team in Phường Phú Xuân, Huế),
then a model and a meeting are added through the Session, as the window adds
them; every kind of document is exported in each of its formats with the same
Session call the Báo cáo page uses, and each file is read back (``readback.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.selftest_outcome import Outcome, failed, passed
from danvan_desktop.selftest.readback import read_back

HUE_PROVINCE = 46
PHU_XUAN = 19768
TEAM = {
    "province_code": HUE_PROVINCE,
    "commune_code": PHU_XUAN,
    "village_name": "Tổ dân phố 5",
    "village_kind": "to_dan_pho",
    "team_name": "Tổ dân vận tổ dân phố 5",
    "leader_name": "Nguyễn Văn An",
}
MODEL = {"name": "Tuyến đường hoa kiểu mẫu", "field_code": "new_rural"}
MEETING_STARTS = dt.datetime(2026, 3, 5, 19, 30)


class Records(NamedTuple):
    """The ids of what the test store holds, for the documents about one record."""

    model_id: str
    meeting_id: str


class StoreCheck(NamedTuple):
    """The store check's line, and the records it made (None when it failed)."""

    outcome: Outcome
    records: Records | None


def describe(error: BaseException) -> str:
    """An error as one short line: our message, or the exception's kind and text."""
    if isinstance(error, DanvanError):
        return error.message
    return f"{type(error).__name__}: {error}"


def make_store(data_dir: Path) -> StoreCheck:
    """Make the store in ``data_dir``: a team, a model and a meeting (closed again)."""
    from danvan_desktop.session import Session

    try:
        session = Session.open(data_dir, create=True)
        try:
            session.initialise_team(**TEAM)
            model = session.add_model(**MODEL).record_id
            meeting = session.create_meeting(kind="regular", starts_at=MEETING_STARTS).record_id
        finally:
            session.close()
    except Exception as error:  # any failure is the check's answer, not a crash
        text = tr("SelfTest", "kho dữ liệu thử: {error}", error=describe(error))
        return StoreCheck(failed(text), None)
    if model is None or meeting is None:
        return StoreCheck(failed(tr("SelfTest", "kho dữ liệu thử: không thêm được bản ghi")), None)
    text = tr("SelfTest", "kho dữ liệu thử: đã lập tổ, thêm một mô hình và một cuộc họp")
    return StoreCheck(passed(text), Records(model, meeting))


def write_every_document(data_dir: Path, records: Records, folder: Path) -> Iterator[Outcome]:
    """Export every kind of document in each of its formats into ``folder``; read each back."""
    from danvan_desktop.session import Session

    try:
        session = Session.open(data_dir)
    except Exception as error:
        yield failed(
            tr("SelfTest", "văn bản: không mở được kho thử ({error})", error=describe(error))
        )
        return
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for kind in session.report_kinds():
            params: dict[str, Any] = {}
            if "id" in kind.params:
                is_minutes = kind.name == "meeting_minutes"
                params["id"] = records.meeting_id if is_minutes else records.model_id
            for format_name in kind.formats:
                what = tr(
                    "SelfTest",
                    "văn bản «{kind}» ({format})",
                    kind=kind.label(),
                    format=format_name.upper(),
                )
                try:
                    written = session.export_report(
                        kind.name, format_name, folder, removable=False, **params
                    )
                    problem = read_back(written.path, format_name)
                except Exception as error:
                    problem = describe(error)
                if problem is None:
                    yield passed(tr("SelfTest", "{what}: đã ghi và đọc lại", what=what))
                else:
                    yield failed(f"{what}: {problem}")
    finally:
        session.close()
