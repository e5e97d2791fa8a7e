"""Realistic demo data for Huế: a team's own year (small) or a reviewer's city (large).

Names, villages and model ideas are Vietnamese and plausible; communes are the
real ones of Huế from ``vietnam-provinces``. The small set goes through the
ordinary tracked saves, like a leader typing; the large set (100k models, 50k
meetings) is loaded as already-synced data, like a reviewer's first pull.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS, MODEL_STATUSES
from danvan_desktop.store.bulk import insert_synced
from danvan_desktop.store.database import Store
from danvan_desktop.store.places import HUE_PROVINCE_CODE, communes_of

FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Tôn Nữ",
    "Hà",
    "Đoàn",
    "Trương",
    "Lương",
)
MIDDLE_M = ("Văn", "Đức", "Hữu", "Quang", "Minh", "Công", "Ngọc", "Xuân", "Thanh")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Diệu", "Bích", "Phương")
GIVEN_M = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hùng",
    "Khoa",
    "Lộc",
    "Minh",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Toàn",
    "Trung",
    "Việt",
    "Vũ",
)
GIVEN_F = (
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Thảo",
    "Trang",
    "Tuyết",
    "Yến",
)
ORGS = (
    "Hội Cựu chiến binh",
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Hội Người cao tuổi",
    "Đoàn Thanh niên",
    "Ban công tác Mặt trận",
    "Công an viên",
    "Dân quân",
)
MODEL_IDEAS = (
    ("Tuyến đường hoa sáng - xanh - sạch - đẹp", "new_rural"),
    ("Hiến đất mở rộng đường giao thông nông thôn", "new_rural"),
    ("Thắp sáng đường quê", "new_rural"),
    ("Tổ hòa giải ở cơ sở gắn với dân vận khéo", "defence_security"),
    ("Camera an ninh vì bình yên thôn xóm", "defence_security"),
    ("Quỹ khuyến học dòng họ", "culture_society"),
    ("Phân loại rác thải tại nguồn", "culture_society"),
    ("Nhà văn hóa - điểm sinh hoạt cộng đồng", "culture_society"),
    ("Tổ hợp tác trồng rau an toàn", "economy"),
    ("Nuôi bò sinh sản giúp hộ nghèo", "economy"),
    ("Dịch vụ công trực tuyến đến từng hộ", "political_system"),
    ("Chi bộ lắng nghe ý kiến nhân dân", "political_system"),
    ("Mái ấm tình thương", "other"),
)
OPINIONS = (
    "Đề nghị tổ chức ra quân vệ sinh đường làng vào sáng chủ nhật cuối tháng.",
    "Một số hộ chưa đồng thuận hiến đất, cần vận động thêm, gặp gỡ từng hộ.",
    "Đề nghị Ủy ban nhân dân xã hỗ trợ xi măng để bê tông hóa đoạn đường còn lại.",
    "Cần biểu dương các hộ đã tích cực đóng góp ngày công.",
    "Đèn đường đoạn gần trường học bị hỏng, đề nghị sửa sớm.",
)


@dataclass
class DemoSize:
    """How much to make."""

    units: int
    models: int
    meetings: int


SIZES = {
    "small": DemoSize(units=1, models=40, meetings=24),
    "large": DemoSize(units=2000, models=100_000, meetings=50_000),
}


def person(rng: random.Random) -> str:
    """A plausible Vietnamese full name."""
    if rng.random() < 0.5:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def model_fields(rng: random.Random, village: str, year: int) -> dict[str, Any]:
    """The ten registration items of a plausible model."""
    idea, field = rng.choice(MODEL_IDEAS)
    households = rng.randint(20, 300)
    return {
        "name": f"{idea} ở {village}",
        "situation": f"{village} có {households} hộ; đường làng xuống cấp, rác thải chưa được "
        "thu gom, một số hộ còn khó khăn, cần huy động sức dân.",
        "goals": f"Đến cuối năm {year}, 100% hộ tham gia; tiêu chí đánh giá: số hộ tham gia, "
        "số mét đường được làm mới, mức độ hài lòng của người dân.",
        "content": "Họp dân bàn bạc, công khai kế hoạch; phân công đảng viên phụ trách từng "
        "nhóm hộ; vận động hiến đất, góp ngày công; kiểm tra, biểu dương hằng tháng.",
        "scope": f"Toàn bộ {households} hộ dân {village}.",
        "actors": "Tổ dân vận chủ trì; các chi hội đoàn thể phối hợp; chi bộ lãnh đạo.",
        "resources": f"Nhân dân đóng góp {rng.randint(50, 900)} ngày công và "
        f"{rng.randint(10, 400)} triệu đồng; ngân sách xã hỗ trợ vật tư.",
        "timeline": f"Từ tháng {rng.randint(1, 6):02d}/{year} đến tháng 12/{year}; sơ kết "
        "sau 6 tháng.",
        "outputs": f"{rng.randint(100, 3000)} m đường bê tông, {rng.randint(5, 60)} bóng đèn, "
        "bảng tin công khai.",
        "sustainability": "Đưa vào hương ước, quy ước của thôn; nhân rộng sang các thôn lân cận.",
        "field_code": field,
        "year": year,
    }


def _members(rng: random.Random, team_id: str) -> Iterator[dict[str, Any]]:
    yield {
        "team_id": team_id,
        "full_name": person(rng),
        "role": "leader",
        "position": "Bí thư chi bộ",
        "position_order": 1,
    }
    yield {
        "team_id": team_id,
        "full_name": person(rng),
        "role": "deputy",
        "position": "Trưởng thôn",
        "position_order": 2,
    }
    yield {
        "team_id": team_id,
        "full_name": person(rng),
        "role": "deputy",
        "position": "Trưởng ban công tác Mặt trận",
        "position_order": 3,
    }
    for i, org in enumerate(rng.sample(ORGS, 6), start=4):
        yield {
            "team_id": team_id,
            "full_name": person(rng),
            "role": "member",
            "organisation": org,
            "position": "Chi hội trưởng",
            "position_order": i,
        }


def fill_small(session_like: Any, *, seed: int = 1, today: dt.date | None = None) -> None:
    """One team's two years through tracked saves (``session_like`` is a Session)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    team_id = session_like.team_id
    village = str(session_like.get_record("unit", session_like.store.home_unit_id)["name"])
    members = [session_like.add_member(**m).record_id for m in list(_members(rng, team_id))[1:]]
    names = [session_like.get_record("member", i)["full_name"] for i in members]
    for i in range(SIZES["small"].models):
        result = session_like.add_model(**model_fields(rng, village, today.year - i % 2))
        if i % 3:
            session_like.move_model(result.record_id, status="in_progress")
    for month in range(SIZES["small"].meetings):
        day = (today.replace(day=1) - dt.timedelta(days=30 * month)).replace(day=25)
        meeting_id = session_like.add_meeting(
            kind="regular",
            title=f"Họp Tổ dân vận tháng {day.month:02d}/{day.year}",
            starts_at=f"{day.isoformat()}T08:00",
            ends_at=f"{day.isoformat()}T10:00",
            place="Nhà văn hóa",
            chair=names[0],
            secretary=names[-1],
        ).record_id
        for member_id, name in zip(members, names, strict=True):
            present = rng.random() > 0.15
            session_like.add_record(
                "attendance",
                meeting_id=meeting_id,
                member_id=member_id,
                name=name,
                present=present,
                absence_reason=None if present else "Bận việc gia đình",
            )
        session_like.add_record(
            "opinion",
            meeting_id=meeting_id,
            speaker=rng.choice(names),
            content=rng.choice(OPINIONS),
            position_order=1,
        )
        task = session_like.add_task(
            meeting_id=meeting_id,
            title="Vận động các hộ còn lại",
            owner_name=rng.choice(names),
            deadline=(day + dt.timedelta(days=20)).isoformat(),
        )
        if month > 1:
            session_like.mark_task_done(task.record_id, on=day + dt.timedelta(days=10))
        if month > 0:
            session_like.finalise_meeting(meeting_id)


def fill_large(
    store: Store,
    *,
    seed: int = 1,
    size: DemoSize | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> None:
    """A city of villages as a reviewer sees it, loaded as already-synced records."""
    size = size or SIZES["large"]
    rng = random.Random(seed)
    communes = communes_of(HUE_PROVINCE_CODE)
    db = store.db
    version = 1
    statuses = list(MODEL_STATUSES)
    with db.atomic():
        units, teams, members, fields = [], [], [], []
        for i in range(size.units):
            commune = communes[i % len(communes)]
            unit_id, team_id = uuid7(), uuid7()
            village = f"Thôn {i // len(communes) + 1}" if i % 3 else f"Tổ dân phố {i // 3 + 1}"
            units.append(
                {
                    "id": unit_id,
                    "unit_id": unit_id,
                    "level": "village",
                    "province_code": HUE_PROVINCE_CODE,
                    "commune_code": commune.code,
                    "commune_name": commune.name,
                    "name": f"{village}, {commune.name}",
                    "village_kind": "thon" if i % 3 else "to_dan_pho",
                }
            )
            teams.append({"id": team_id, "unit_id": unit_id, "name": f"Tổ dân vận {village}"})
            for m in _members(rng, team_id):
                members.append({"id": uuid7(), "unit_id": unit_id, **m})
        has_fields = db.execute("SELECT count(*) FROM model_field").fetchone()[0]
        for pos, (code, name) in enumerate(() if has_fields else DEFAULT_MODEL_FIELDS, start=1):
            fields.append({"id": uuid7(), "code": code, "name": name, "position_order": pos})
        for entity, rows in (
            ("unit", units),
            ("team", teams),
            ("member", members),
            ("model_field", fields),
        ):
            version = insert_synced(db, entity, rows, first_version=version)
        version = _large_models(store, rng, units, statuses, size, version, progress)
        _large_meetings(store, rng, units, teams, size, version, progress)


def _large_models(
    store: Store,
    rng: random.Random,
    units: list[dict[str, Any]],
    statuses: list[str],
    size: DemoSize,
    version: int,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    batch: list[dict[str, Any]] = []
    for i in range(size.models):
        unit = units[i % len(units)]
        fields = model_fields(rng, unit["name"], 2020 + i % 7)
        batch.append(
            {"id": uuid7(), "unit_id": unit["id"], "status": rng.choice(statuses), **fields}
        )
        if len(batch) == 5000 or i == size.models - 1:
            version = insert_synced(store.db, "model", batch, first_version=version)
            batch = []
            if progress:
                progress("model", i + 1, size.models)
    return version


def _large_meetings(
    store: Store,
    rng: random.Random,
    units: list[dict[str, Any]],
    teams: list[dict[str, Any]],
    size: DemoSize,
    version: int,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    rows: dict[str, list[dict[str, Any]]] = {
        "meeting": [],
        "attendance": [],
        "opinion": [],
        "conclusion": [],
        "task": [],
    }
    start = dt.date(2020, 1, 25)
    for i in range(size.meetings):
        unit, team = units[i % len(units)], teams[i % len(teams)]
        day = start + dt.timedelta(days=30 * (i // len(units)) % 2400)
        meeting_id = uuid7()
        rows["meeting"].append(
            {
                "id": meeting_id,
                "unit_id": unit["id"],
                "team_id": team["id"],
                "kind": "regular",
                "title": f"Họp Tổ dân vận tháng {day.month:02d}/{day.year}",
                "starts_at": f"{day.isoformat()}T08:00",
                "ends_at": f"{day.isoformat()}T10:00",
                "place": "Nhà văn hóa",
                "chair": person(rng),
                "secretary": person(rng),
                "state": "final",
                "number": i // len(units) + 1,
                "number_year": day.year,
                "version": 1,
            }
        )
        for _ in range(8):
            present = rng.random() > 0.15
            rows["attendance"].append(
                {
                    "id": uuid7(),
                    "unit_id": unit["id"],
                    "meeting_id": meeting_id,
                    "name": person(rng),
                    "present": int(present),
                    "absence_reason": None if present else "Đi làm xa",
                }
            )
        for pos in (1, 2):
            rows["opinion"].append(
                {
                    "id": uuid7(),
                    "unit_id": unit["id"],
                    "meeting_id": meeting_id,
                    "speaker": person(rng),
                    "content": rng.choice(OPINIONS),
                    "position_order": pos,
                }
            )
        rows["conclusion"].append(
            {
                "id": uuid7(),
                "unit_id": unit["id"],
                "meeting_id": meeting_id,
                "position_order": 1,
                "content": "Thống nhất giao các chi hội vận động hội viên.",
            }
        )
        rows["task"].append(
            {
                "id": uuid7(),
                "unit_id": unit["id"],
                "meeting_id": meeting_id,
                "title": "Vận động các hộ còn lại tham gia mô hình",
                "owner_name": person(rng),
                "status": rng.choice(["open", "done"]),
                "deadline": (day + dt.timedelta(days=20)).isoformat(),
            }
        )
        if len(rows["meeting"]) == 2000 or i == size.meetings - 1:
            for entity, batch in rows.items():
                version = insert_synced(store.db, entity, batch, first_version=version)
                batch.clear()
            if progress:
                progress("meeting", i + 1, size.meetings)
    return version
