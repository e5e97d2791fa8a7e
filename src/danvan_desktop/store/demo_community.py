"""Demo petitions and mediation cases: a few per team, with matters of its kind of place.

A ward's residents write about alley lights, drains and rented rooms; a lowland
village's about irrigation ditches, sand trucks and land given for roads; a mountain
village's about landslides on the field road, its water pipe and wood cut in its
forest. Bodies are the commune's own («UBND phường», «Công an xã»). The small set goes
through the Session like a leader typing (one petition is made from a meeting opinion,
keeping the link); the large set adds two petitions and one case to each village as
already-synced records, with their people.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.store.demo_places import COMMUNE, MOUNTAIN, WARD, commune_word

# (title, field, details, the body it goes to ({xa}: phường or xã), the answer that came
# back). By kind of place; the first four go to a body, the fifth names nobody.
PETITIONS: dict[str, tuple[tuple[str, str, str | None, str | None, str | None], ...]] = {
    WARD: (
        (
            "Đèn chiếu sáng kiệt 12 hỏng nhiều tháng chưa sửa",
            "infrastructure",
            "Ba bóng đèn đoạn từ nhà sinh hoạt cộng đồng đến ngã ba kiệt 12 không sáng, buổi "
            "tối học sinh đi học về phải đi trong tối.",
            "UBND {xa}",
            "Phường đã giao đơn vị quản lý chiếu sáng thay ba bóng đèn LED và kiểm tra tủ điện.",
        ),
        (
            "Mương thoát nước trước chợ bị tắc, mưa lớn gây ngập",
            "environment",
            "Rác và bùn đất lấp kín đoạn mương khoảng 40 m; mỗi lần mưa nước tràn vào các nhà "
            "thấp.",
            "UBND {xa}",
            "Phường đã giao tổ dân phố phối hợp đơn vị vệ sinh nạo vét xong trong tuần.",
        ),
        (
            "Đề nghị xem xét hỗ trợ hộ cận nghèo sửa nhà trước mùa mưa bão",
            "social_policy",
            "Mái tôn nhà cấp bốn của hộ thủng nhiều chỗ; trong nhà có người già neo đơn.",
            "UBND {xa}",
            None,
        ),
        (
            "Xe chở vật liệu xây dựng chạy nhanh qua kiệt có trường mầm non",
            "security",
            "Từ 6 giờ sáng xe ba gác chở gạch, cát chạy nhanh qua cổng trường lúc phụ huynh đưa "
            "trẻ đến lớp.",
            "Công an {xa}",
            "Công an phường đã làm việc với chủ công trình, cấm xe chạy giờ đưa đón trẻ.",
        ),
        (
            "Chậm chỉnh lý giấy chứng nhận sau khi hiến đất mở rộng kiệt",
            "land",
            "Các hộ hiến đất mở rộng kiệt năm trước chưa được chỉnh lý diện tích trên giấy.",
            None,
            None,
        ),
        (
            "Đề nghị tăng chuyến thu gom rác sinh hoạt trong dịp Tết",
            "environment",
            None,
            "UBND {xa}",
            None,
        ),
    ),
    COMMUNE: (
        (
            "Kênh mương nội đồng bị bồi lấp, không dẫn nước vào ruộng được",
            "infrastructure",
            "Đoạn kênh dài khoảng 200 m ở xứ đồng phía nam bị bồi lấp, ruộng cuối kênh khô nứt.",
            "UBND {xa}",
            "Xã đã bố trí kinh phí nạo vét kênh trước vụ Đông Xuân.",
        ),
        (
            "Bãi rác tự phát ven đường liên thôn gây ô nhiễm",
            "environment",
            "Rác đổ ven đường gần cầu, bốc mùi; mưa xuống rác trôi ra kênh.",
            "UBND {xa}",
            "Xã đã dọn bãi rác, đặt biển cấm và giao thôn giám sát.",
        ),
        (
            "Đề nghị xem xét hỗ trợ hộ cận nghèo sửa nhà trước mùa mưa bão",
            "social_policy",
            "Nhà của hộ đã xuống cấp, tường nứt; hộ có người khuyết tật.",
            "UBND {xa}",
            None,
        ),
        (
            "Xe tải chở cát chạy tốc độ cao qua đường liên thôn",
            "security",
            "Từ 5 giờ sáng xe chở cát chạy nhanh qua trường mầm non, nguy cơ tai nạn cho trẻ em.",
            "Công an {xa}",
            "Công an xã đã làm việc với chủ xe và đặt biển hạn chế tốc độ.",
        ),
        (
            "Chậm cấp giấy chứng nhận quyền sử dụng đất sau khi hiến đất làm đường",
            "land",
            "Các hộ hiến đất mở rộng đường năm trước chưa được chỉnh lý lại diện tích trên giấy.",
            None,
            None,
        ),
        (
            "Đề nghị sớm chi trả tiền hỗ trợ lúa bị thiệt hại do lũ",
            "social_policy",
            None,
            "UBND {xa}",
            None,
        ),
    ),
    MOUNTAIN: (
        (
            "Đường vào khu sản xuất bị sạt lở sau mưa lũ",
            "infrastructure",
            "Đoạn đường đất khoảng 300 m vào khu rẫy bị sạt, xe máy chở nông sản không qua được.",
            "UBND {xa}",
            "Xã đã điều máy thông tuyến tạm thời và đưa đoạn đường vào kế hoạch làm kiên cố.",
        ),
        (
            "Ống nước tự chảy về thôn bị vỡ, nhiều hộ thiếu nước sinh hoạt",
            "infrastructure",
            "Đoạn ống qua suối bị lũ cuốn gãy; hơn 30 hộ phải gánh nước từ suối.",
            "UBND {xa}",
            "Xã đã hỗ trợ ống mới, thanh niên trong thôn góp công nối lại.",
        ),
        (
            "Đề nghị hỗ trợ làm nhà cho hộ nghèo trước mùa mưa",
            "social_policy",
            "Nhà tạm của hộ dột nát, mùa mưa năm ngoái phải ở nhờ nhà Gươl.",
            "UBND {xa}",
            None,
        ),
        (
            "Người lạ vào khai thác gỗ ở rừng cộng đồng của thôn",
            "security",
            "Tổ tuần rừng gặp người lạ cưa cây gỗ lớn gần đầu nguồn, đã chụp ảnh báo thôn.",
            "Kiểm lâm địa bàn",
            "Kiểm lâm đã cùng tổ tuần rừng kiểm tra, lập biên bản và thu giữ số gỗ.",
        ),
        (
            "Chậm chi trả tiền dịch vụ môi trường rừng cho hộ nhận khoán",
            "social_policy",
            "Các hộ nhận khoán bảo vệ rừng chưa nhận tiền của năm trước.",
            None,
            None,
        ),
        (
            "Đề nghị bố trí giáo viên dạy thêm cho học sinh lớp 9 của thôn",
            "health_education",
            None,
            "UBND {xa}",
            None,
        ),
    ),
}
# (title, kind of dispute, what happened, outcome: settled | not_settled | passed_on | None);
# the first two were settled.
MEDIATIONS: dict[str, tuple[tuple[str, str, str, str | None], ...]] = {
    WARD: (
        (
            "Tranh chấp lối đi chung giữa hai hộ liền kề",
            "land",
            "Hộ phía trong xây tường rào lấn lối đi chung rộng 1,2 m mà hai hộ vẫn dùng từ trước.",
            "settled",
        ),
        (
            "Mâu thuẫn do nuôi chó thả rông, không rọ mõm",
            "neighbours",
            "Chó của một hộ cắn gà và đuổi trẻ em; hai gia đình lời qua tiếng lại nhiều lần.",
            "settled",
        ),
        (
            "Mâu thuẫn vợ chồng, có dấu hiệu bạo lực gia đình",
            "family",
            "Người vợ đến nhà sinh hoạt cộng đồng trình bày việc chồng say rượu, đập phá đồ đạc.",
            "passed_on",
        ),
        (
            "Tiếng ồn karaoke kéo dài sau 22 giờ",
            "environment",
            "Nhiều hộ phản ánh tiếng hát karaoke đến khuya làm mất giấc ngủ người già và trẻ nhỏ.",
            None,
        ),
    ),
    COMMUNE: (
        (
            "Tranh chấp bờ ruộng giữa hai hộ liền canh",
            "land",
            "Một hộ đắp lại bờ ruộng lấn sang thửa bên cạnh khoảng nửa mét sau mùa lũ.",
            "settled",
        ),
        (
            "Bò thả rông phá lúa của hộ bên cạnh",
            "neighbours",
            "Bò của một hộ nhiều lần vào ruộng lúa non của hộ khác; hai bên to tiếng ngoài đồng.",
            "settled",
        ),
        (
            "Mâu thuẫn giữa anh em về chia đất thừa kế",
            "inheritance",
            "Ba anh em không thống nhất cách chia mảnh vườn cha mẹ để lại, không có di chúc.",
            "passed_on",
        ),
        (
            "Nước thải chuồng heo chảy sang vườn nhà bên",
            "environment",
            "Nước thải từ chuồng heo của một hộ chảy qua vườn rau của hộ bên cạnh, bốc mùi.",
            None,
        ),
    ),
    MOUNTAIN: (
        (
            "Tranh chấp ranh giới rẫy giữa hai gia đình",
            "land",
            "Hai gia đình cùng nhận một khoảnh rẫy cũ bỏ hoang nhiều năm là của mình.",
            "settled",
        ),
        (
            "Vay tiền mua giống không trả đúng hẹn",
            "civil_contract",
            "Một hộ vay tiền mua giống keo, đến hẹn chưa trả; hai bên giận nhau không nói chuyện.",
            "settled",
        ),
        (
            "Mâu thuẫn vợ chồng do chồng say rượu",
            "family",
            "Người chồng thường say rượu, la mắng vợ con; người vợ về nhà mẹ đẻ.",
            "passed_on",
        ),
        (
            "Hai nhóm thanh niên xô xát sau đám cưới",
            "minor_offence",
            "Sau tiệc cưới, hai nhóm thanh niên uống rượu rồi xô xát, một người bị thương nhẹ.",
            None,
        ),
    ),
}
PARTICIPANTS = "Tổ hòa giải ở cơ sở; {leader}, tổ trưởng tổ dân vận; trưởng ban công tác Mặt trận"
ELDER = "; già làng"


def _body(body: str | None, place: str) -> str | None:
    return body.format(xa=commune_word(place)) if body else None


def fill_small(
    session_like: Any,
    rng: random.Random,
    person: Callable[[random.Random], str],
    today: dt.date,
    *,
    place: str = WARD,
) -> None:
    """A team's petitions and cases through the Session (``session_like``), as if typed."""
    leader = str(session_like.team_members()[0]["full_name"])
    for i, (title, field, details, body, answer) in enumerate(PETITIONS[place]):
        received = today - dt.timedelta(days=110 - 18 * i)
        passed = received + dt.timedelta(days=3) if body else None
        answered = passed + dt.timedelta(days=12 + i) if passed and answer else None
        petitioners = [] if i == 4 else [{"full_name": person(rng), "kind": "person"}]
        session_like.save_petition(
            title=title,
            details=details,
            received_on=received.isoformat(),
            raised_by="undisclosed" if i == 4 else ("household" if i % 2 else "person"),
            field_code=field,
            passed_to=_body(body, place),
            passed_on=passed.isoformat() if passed else None,
            answer=answer if answered else None,
            answered_on=answered.isoformat() if answered else None,
            petitioners=petitioners,
        )
    opinions = session_like.list_records("opinion", limit=1)
    if opinions:
        session_like.petition_from_opinion(str(opinions[0]["id"]))
    participants = PARTICIPANTS.format(leader=leader) + (ELDER if place == MOUNTAIN else "")
    for i, (title, kind, summary, outcome) in enumerate(MEDIATIONS[place]):
        mediated = today - dt.timedelta(days=90 - 25 * i)
        session_like.save_mediation(
            title=title,
            dispute_kind=kind,
            summary=summary,
            mediated_on=mediated.isoformat(),
            participants=participants,
            outcome=outcome,
            outcome_on=(mediated + dt.timedelta(days=2)).isoformat() if outcome else None,
            passed_to=_body("Công an {xa}", place) if outcome == "passed_on" else None,
            parties=[
                {"full_name": person(rng), "side": "first"},
                {"full_name": person(rng), "side": "second"},
            ],
        )


def large_rows(
    rng: random.Random,
    unit_id: str,
    person: Callable[[random.Random], str],
    year: int,
    *,
    place: str = WARD,
) -> dict[str, list[dict[str, Any]]]:
    """Two petitions (passed on; answered when the matter was) and one settled case of a
    village, with their people, as already-synced rows for ``store.bulk.insert_synced``."""
    rows: dict[str, list[dict[str, Any]]] = {
        "petition": [],
        "petitioner": [],
        "mediation": [],
        "mediation_party": [],
    }
    for title, field, details, body, answer in rng.sample(PETITIONS[place][:4], 2):
        received = dt.date(year, rng.randint(1, 10), rng.randint(1, 28))
        petition_id = uuid7()
        rows["petition"].append(
            {
                "id": petition_id,
                "unit_id": unit_id,
                "title": title,
                "details": details,
                "received_on": received.isoformat(),
                "field_code": field,
                "passed_to": _body(body, place),
                "passed_on": (received + dt.timedelta(days=2)).isoformat(),
                "answer": answer,
                "answered_on": (received + dt.timedelta(days=20)).isoformat() if answer else None,
            }
        )
        rows["petitioner"].append(
            {
                "id": uuid7(),
                "unit_id": unit_id,
                "petition_id": petition_id,
                "full_name": person(rng),
            }
        )
    title, kind, summary, _ = MEDIATIONS[place][rng.randrange(2)]
    mediated = dt.date(year, rng.randint(1, 11), rng.randint(1, 28))
    mediation_id = uuid7()
    rows["mediation"].append(
        {
            "id": mediation_id,
            "unit_id": unit_id,
            "title": title,
            "dispute_kind": kind,
            "summary": summary,
            "mediated_on": mediated.isoformat(),
            "outcome": "settled",
            "outcome_on": (mediated + dt.timedelta(days=1)).isoformat(),
        }
    )
    for side in ("first", "second"):
        rows["mediation_party"].append(
            {
                "id": uuid7(),
                "unit_id": unit_id,
                "mediation_id": mediation_id,
                "side": side,
                "full_name": person(rng),
            }
        )
    return rows
