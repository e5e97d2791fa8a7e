"""Demo cards of the network library: recognised models of other villages in Huế.

Written as a sync writes them (store/network.py's ``upsert_card``) but without moving the
library lane's checkpoint, so a demo laptop that later syncs still receives the whole
library. The cards describe what a village did and achieved; none names a resident.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_desktop.store import network

if TYPE_CHECKING:
    from sqlite_utils import Database

# (name, field, commune code, commune, village, how, results, indicator, level, year)
_CARDS: tuple[tuple[str, str, int, str, str, str, str, tuple[str, str], str, int], ...] = (
    (
        "Phân loại rác tại nguồn",
        "Văn hóa - xã hội",
        19774,
        "Phường Kim Long",
        "Tổ dân phố 3",
        "Mỗi hộ để riêng rác hữu cơ làm phân bón; tổ dân vận đến từng nhà hướng dẫn.",
        "Lượng rác phải chôn lấp của tổ giảm gần một nửa sau một năm.",
        ("Hộ phân loại rác", "126/140 hộ"),
        "city",
        2023,
    ),
    (
        "Thắp sáng đường quê",
        "Kinh tế",
        19810,
        "Phường Dương Nỗ",
        "Thôn Dương Nỗ Đông",
        "Các hộ góp tiền và ngày công lắp đèn chiếu sáng trên các kiệt, hẻm.",
        "Hơn 2 km đường kiệt có đèn chiếu sáng mỗi tối.",
        ("Bóng đèn đã lắp", "84 bóng"),
        "commune",
        2024,
    ),
    (
        "Camera an ninh khu dân cư",
        "Quốc phòng - an ninh",
        19753,
        "Phường Thuận Hóa",
        "Tổ dân phố 12",
        "Tổ dân vận vận động các hộ cùng lắp camera ở các ngã ba, kết nối với công an phường.",
        "Hai năm liền không còn trộm cắp vặt trên địa bàn tổ.",
        ("Camera đã lắp", "16 camera"),
        "city",
        2022,
    ),
    (
        "Tổ hòa giải ba cùng",
        "Xây dựng hệ thống chính trị",
        19768,
        "Phường Phú Xuân",
        "Tổ dân phố 9",
        "Tổ trưởng, trưởng ban công tác Mặt trận và chi hội trưởng cùng đến hòa giải.",
        "Mọi vụ việc mâu thuẫn trong năm được hòa giải thành ở cơ sở.",
        ("Vụ việc hòa giải thành", "11/11 vụ"),
        "commune",
        2024,
    ),
    (
        "Đường hoa tự quản",
        "Văn hóa - xã hội",
        19777,
        "Phường Hương An",
        "Thôn La Chữ",
        "Mỗi hộ nhận chăm một đoạn đường hoa trước ngõ; đoàn viên thanh niên trồng thêm.",
        "Tuyến đường hoa dài 1,5 km, được phường chọn làm tuyến đường kiểu mẫu.",
        ("Hộ nhận chăm hoa", "72 hộ"),
        "commune",
        2025,
    ),
    (
        "Quỹ khuyến học dòng họ",
        "Văn hóa - xã hội",
        19789,
        "Phường Thủy Xuân",
        "Tổ dân phố 6",
        "Các dòng họ lập quỹ khuyến học, trao thưởng cho học sinh giỏi vào dịp đầu năm học.",
        "Không còn học sinh bỏ học vì hoàn cảnh khó khăn trong tổ.",
        ("Suất học bổng mỗi năm", "35 suất"),
        "city",
        2023,
    ),
)


def card(number: int) -> dict[str, Any]:
    """The wire form of the demo card ``number`` (as the server would send it)."""
    name, field, code, commune, village, how, results, indicator, level, year = _CARDS[number]
    return {
        "id": f"demo-card-{number + 1}",
        "model_uid": f"demo-network-model-{number + 1}",
        "source_unit": f"demo-unit-{code}-{number + 1}",
        "name": name,
        "field_name": field,
        "commune_code": code,
        "commune_name": commune,
        "village_name": village,
        "summary": [["Nội dung và cách làm", how]],
        "results": results,
        "indicators": [list(indicator)],
        "recognitions": [
            {
                "level": level,
                "decision_no": f"{17 + number * 9}/QĐ-UBND",
                "decided_on": f"{year}-11-{10 + number:02d}",
            }
        ],
        "year": year,
        "shared_level": "city",
        "shared_on": f"{year}-12-01",
        "updated_at": f"{year}-12-01T08:00:00Z",
        "contact": None,
        "photos": [],
    }


def fill_small(db: Database) -> None:
    """Write the demo cards (the checkpoint stays where it was)."""
    with db.atomic():
        for number in range(len(_CARDS)):
            network.upsert_card(db, card(number))
