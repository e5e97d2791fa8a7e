"""Demo places: what kind of place a commune of Huế is, and its villages' names.

Three kinds, each with its own models, opinions and petitions in the demo: a ward
(«phường», urban: residential groups, «tổ dân phố», numbered), a lowland commune («xã» of
the plains, the lagoon and the coast: villages, «thôn», with their own names) and a
mountain commune (A Lưới and the former Nam Đông: thôn of the Tà Ôi, Pa Cô and Cơ Tu
people, forest and upland fields). The communes are the real ones of ``vietnam-provinces``;
village names are plausible names of the region, not a register.
"""

from __future__ import annotations

WARD, COMMUNE, MOUNTAIN = "ward", "commune", "mountain"
MOUNTAIN_COMMUNES = ("Xã A Lưới", "Xã Nam Đông", "Xã Khe Tre", "Xã Long Quảng")
LOWLAND_VILLAGES = (
    "Phú Lương",
    "An Truyền",
    "Dưỡng Mong",
    "Hà Thanh",
    "Thanh Dạ",
    "Mỹ Lợi",
    "Vĩnh Xương",
    "Hòa Xuân",
    "Lương Viện",
    "Tân Mỹ",
    "Kế Võ",
    "Phước Yên",
    "Phò Ninh",
    "Thế Chí",
    "Hải Nhuận",
    "Vân Quật",
    "An Lộc",
    "Mỹ Xuyên",
    "Thủy Lập",
    "Hòa Duân",
    "Lại Ân",
    "Đông Di",
    "Xuân Tùy",
    "Bao La",
    "Quảng Lợi",
)
MOUNTAIN_VILLAGES = (
    "A Ka",
    "Pâr Lieng",
    "Ta Lo",
    "Kăn Sâm",
    "A Hố",
    "Hợp Thành",
    "A Ngo",
    "Pi Ây",
    "Tu Viêng",
    "Lê Triêng",
    "Ka Vá",
    "A Diên",
    "A Sáp",
    "Ka Tư",
    "A Rồng",
    "Ta Rá",
)


def place_kind(commune_name: str) -> str:
    """``ward``, ``commune`` or ``mountain`` for a commune of Huế, by its name."""
    if commune_name.startswith("Phường"):
        return WARD
    if commune_name.startswith(MOUNTAIN_COMMUNES):
        return MOUNTAIN
    return COMMUNE


def village_name(kind: str, index: int, offset: int = 0) -> str:
    """The ``index``-th village of a commune of ``kind`` (0 first): «Tổ dân phố 3» in a
    ward, «Thôn Phú Lương» in a commune (a second round numbered: «Thôn Phú Lương 2»);
    ``offset`` starts another commune's list elsewhere, so neighbours differ."""
    if kind == WARD:
        return f"Tổ dân phố {index + 1}"
    names = MOUNTAIN_VILLAGES if kind == MOUNTAIN else LOWLAND_VILLAGES
    name, round_ = names[(index + offset) % len(names)], index // len(names)
    return f"Thôn {name}" + (f" {round_ + 1}" if round_ else "")


def commune_word(kind: str) -> str:
    """How the commune's own bodies are named: «phường» or «xã» («UBND phường»)."""
    return "phường" if kind == WARD else "xã"
