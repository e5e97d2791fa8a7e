"""The data the layout walk shows: a demo team, its rounds with the city's server, a store
a crash left damaged.

The demo team is what ``danvan demo`` makes (Phường Phú Xuân, Huế, the small set), with
this year's exemplars (one proposed, one decided) and a backup. Its sync history is
real: the team's data goes up to the city's server started on loopback, a deputy's
laptop edits the same model's «Nội dung và cách làm», and the conflict comes back.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from danvan_desktop.session import Session

PHU_XUAN = 19768
CITY_SERVER = "https://dongbo.hue.gov.vn"  # shown instead of the loopback address

EXEMPLARS = (  # (kind, name, position, achievement, proposal: (criteria, form, level, decided))
    ("individual", "Trần Thị Bích", "Chi hội trưởng Chi hội Phụ nữ",
     "Vận động 14 hộ hiến đất mở rộng kiệt 12", (["mo_hinh", "van_dong"], "Giấy khen", "phường",
                                                 False)),
    ("individual", "Lê Văn Cường", "Chi hội trưởng Chi hội Cựu chiến binh",
     "Hòa giải thành 4 vụ việc trong tổ dân phố", (["hoa_giai"], "Giấy khen", "phường", True)),
    ("collective", "Chi hội Cựu chiến binh tổ dân phố 5", "",
     "Duy trì mô hình «Camera an ninh» suốt năm", None),
)  # fmt: skip


def make_demo(data_dir: Path) -> Path:
    """A demo team as ``danvan demo`` makes it, with exemplars and a backup."""
    session = Session.open(data_dir, create=True)
    try:
        session.initialise_team(
            province_code=46,
            commune_code=PHU_XUAN,
            village_name="Tổ dân phố 5",
            village_kind="to_dan_pho",
            team_name="Tổ dân vận tổ dân phố 5",
            leader_name="Nguyễn Văn An",
        )
        session.fill_demo(size="small")
        year = dt.date.today().year
        models = [m["id"] for m in session.list_records("model")][:2]
        meetings = [m["id"] for m in session.list_records("meeting")][:2]
        for kind, name, position, achievement, proposal in EXEMPLARS:
            saved = session.save_exemplar(
                kind=kind, name=name, position=position or None, achievement=achievement,
                year=year, linked_model_ids=models, linked_meeting_ids=meetings,
            )  # fmt: skip
            if proposal is None or saved.record_id is None:
                continue
            ticked, form, level, decided = proposal
            made = session.propose_commendation(
                saved.record_id, form=form, level=level, ticked=ticked
            )
            if decided and made.record_id:
                session.decide_commendation(
                    made.record_id,
                    decision_number="125-QĐ/ĐU",
                    decision_date=dt.date(year, 1, 20),
                    decided_by="Đảng ủy phường Phú Xuân",
                )
        session.make_backup()  # Cài đặt and the recovery dialog list a backup
    finally:
        session.close()
    return data_dir


def break_store(data_dir: Path, language: str) -> None:
    """The store as a killed run leaves it, with an index that no longer matches its table
    (so the full check after the crash fails), in ``language``."""
    import sqlite3

    from danvan_desktop.store.database import OPEN_MARKER, STORE_FILE

    session = Session.open(data_dir)
    try:
        session.change_setting("language", language)
    finally:
        session.close()
    conn = sqlite3.connect(data_dir / STORE_FILE)
    conn.execute("PRAGMA writable_schema = ON")
    index = conn.execute(
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master "
        "WHERE name = 'idx_model_year'"
    ).fetchone()
    conn.execute("DELETE FROM sqlite_master WHERE name = 'idx_model_year'")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(data_dir / STORE_FILE)
    conn.execute(
        "INSERT INTO model (id, name, year, deleted, dirty) VALUES ('x', 'Hỏng', 2026, 0, 0)"
    )
    conn.commit()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", index)
    conn.commit()
    conn.close()
    (data_dir / OPEN_MARKER).write_text("12345", encoding="ascii")


def add_sync_history(data_dir: Path) -> None:
    """Enroll the team and a deputy's laptop with the city's server on loopback, sync, and
    edit one model on both so that a conflict comes back; then name the city's address."""
    from support.server_process import add_village, make_enrollment_code, sqlite_url, start_server

    with tempfile.TemporaryDirectory(prefix="layout-server-") as tmp:
        folder = Path(tmp)
        url = sqlite_url(folder)
        leader = Session.open(data_dir)
        deputy = Session.open(folder / "deputy", create=True)
        try:
            with start_server(url, log_dir=folder) as server:
                village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
                for session, name in ((leader, "Máy tổ trưởng"), (deputy, "Máy tổ phó")):
                    session.enroll_device(
                        server_url=server.url,
                        code=make_enrollment_code(url, village.id),
                        device_name=name,
                    )
                    session.sync_now()
                model = leader.list_records("model")[0]
                notes = (
                    (deputy, " Mỗi hộ góp 3 ngày công."),
                    (leader, " Mỗi hộ góp 2 ngày công và 200.000 đồng."),
                )
                for session, note in notes:
                    session.update_record("model", model["id"], content=model["content"] + note)
                    session.sync_now()
            leader.change_setting("server_url", CITY_SERVER)
        finally:
            deputy.close()
            leader.close()
