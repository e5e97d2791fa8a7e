"""Demo people: Vietnamese names that agree with the person's gender, and a team's roster.

A woman's middle name is mostly «Thị» and never «Văn»; a man's is mostly «Văn» and never
«Thị»; in Huế's royal clan women are «Tôn Nữ …» and men «Tôn Thất …». In the mountain
communes of A Lưới and Nam Đông (Tà Ôi, Pa Cô, Cơ Tu people) the family name is mostly
«Hồ». A team's roster follows DOMAIN.md: the Party cell secretary leads it, the head of
the village and the head of the Front work committee are its deputies, the heads of the
associations, the youth union secretary and the village militia leader are members, a
respected elder too in the mountain villages; the women's association head is a woman.
The positions are those the app offers (``core.vocab.member_positions``).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.vocab import MEMBER_POSITIONS, VILLAGE_HEADS

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
    "Hà",
    "Đoàn",
    "Trương",
    "Lương",
)
MOUNTAIN_FAMILY = ("Hồ", "Hồ", "Hồ", "Lê", "Nguyễn", "Trần", "Quỳnh", "Võ")
MIDDLE_M = ("Văn", "Văn", "Văn", "Văn", "Đức", "Hữu", "Quang", "Minh", "Công", "Xuân", "Thanh")
MIDDLE_F = ("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Diệu", "Bích")
ROYAL_MIDDLE_M = ("Quang", "Minh", "Đức", "Hữu", "Long")  # «Tôn Thất Quang …»
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
MOUNTAIN_GIVEN_M = ("Thân", "Bốn", "Sáu", "Quang", "Ngọt", "Lai", "Dũng", "Phong", "Kiên", "Nhân")
MOUNTAIN_GIVEN_F = ("Hoa", "Thu", "Lan", "Bông", "Xuân", "Nhị", "Hiền", "Mai", "Liên", "Đào")
FEMALE_MARKS = ("Thị", "Tôn Nữ")  # a name holding either is a woman's
MALE_MARKS = ("Văn", "Tôn Thất")  # a name holding either is a man's


@dataclass(frozen=True)
class Person:
    """A demo person: the name, and whether she is a woman."""

    name: str
    female: bool


def make_person(
    rng: random.Random, female: bool | None = None, *, mountain: bool = False
) -> Person:
    """A plausible full name for a woman (``female``), a man, or either (None)."""
    if female is None:
        female = rng.random() < 0.5
    if mountain:
        given = MOUNTAIN_GIVEN_F if female else MOUNTAIN_GIVEN_M
        middle = "Thị" if female else "Văn"
        return Person(f"{rng.choice(MOUNTAIN_FAMILY)} {middle} {rng.choice(given)}", female)
    if rng.random() < 0.06:  # the Nguyễn Phước clan, common in Huế
        if female:
            return Person(f"Tôn Nữ {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}", True)
        return Person(f"Tôn Thất {rng.choice(ROYAL_MIDDLE_M)} {rng.choice(GIVEN_M)}", False)
    middles, givens = (MIDDLE_F, GIVEN_F) if female else (MIDDLE_M, GIVEN_M)
    return Person(f"{rng.choice(FAMILY)} {rng.choice(middles)} {rng.choice(givens)}", female)


def person(rng: random.Random, female: bool | None = None) -> str:
    """A plausible Vietnamese full name (a woman's, a man's, or either)."""
    return make_person(rng, female).name


# (position code of core.vocab.MEMBER_POSITIONS, role, organisation, female: True, False or
# None for either), in the roster's order; the village head's title follows its kind.
_LEAD = (
    ("party_secretary", "leader", "Chi bộ", None),
    ("village_head", "deputy", None, None),
    ("front_head", "deputy", "Ban công tác Mặt trận", None),
    ("women", "member", "Hội Liên hiệp Phụ nữ", True),
    ("youth", "member", "Đoàn Thanh niên", None),
    ("veterans", "member", "Hội Cựu chiến binh", False),
)
_REST = {
    "ward": (
        ("security_order", "member", "Tổ bảo vệ an ninh, trật tự ở cơ sở", False),
        ("elderly", "member", "Hội Người cao tuổi", None),
        ("respected", "member", None, None),
        ("clan_head", "member", None, False),
    ),
    "commune": (
        ("farmers", "member", "Hội Nông dân", None),
        ("militia", "member", "Dân quân", False),
        ("elderly", "member", "Hội Người cao tuổi", None),
        ("clan_head", "member", None, False),
    ),
    "mountain": (
        ("village_elder", "member", None, False),
        ("militia", "member", "Dân quân", False),
        ("farmers", "member", "Hội Nông dân", None),
        ("respected", "member", None, None),
    ),
}
VILLAGE_KINDS_OF_PLACE = {"ward": "to_dan_pho", "commune": "thon", "mountain": "thon"}


def roster(
    rng: random.Random,
    team_id: str,
    place: str,
    size: int = 9,
    *,
    leader: bool = True,
    taken: Collection[str] = (),
) -> Iterator[dict[str, Any]]:
    """A team's ``size`` members (7 to 10) as member fields, leader first, no two of the
    same name nor named as one of ``taken``; without ``leader`` the leader is left out (the
    team already has one)."""
    heads = VILLAGE_HEADS[VILLAGE_KINDS_OF_PLACE[place]]
    names = set(taken)
    for order, (code, role, organisation, female) in enumerate(
        (*_LEAD, *_REST[place])[:size], start=1
    ):
        if order == 1 and not leader:
            continue
        who = make_person(rng, female, mountain=place == "mountain")
        while who.name in names:
            who = make_person(rng, female, mountain=place == "mountain")
        names.add(who.name)
        position = heads if code == "village_head" else MEMBER_POSITIONS[code]
        yield {
            "team_id": team_id,
            "full_name": who.name,
            "role": role,
            "organisation": organisation,
            "position": position,
            "position_order": order,
        }
