"""Provinces and communes from the ``vietnam-provinces`` package (post-2025 two-level map).

Villages and residential groups are not in any package: teams enter their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

HUE_PROVINCE_CODE = 46


@dataclass(frozen=True)
class Place:
    """A province or a commune: its official code and name."""

    code: int
    name: str


@cache
def provinces() -> tuple[Place, ...]:
    """Every province-level unit, Huế first, then by code."""
    from vietnam_provinces import Province  # imported on first use: it costs ~25 ms

    items = [Place(int(p.code), p.name) for p in Province.iter_all()]
    items.sort(key=lambda p: (p.code != HUE_PROVINCE_CODE, p.code))
    return tuple(items)


@cache
def communes_of(province_code: int) -> tuple[Place, ...]:
    """The communes and wards of a province, by code."""
    from vietnam_provinces import Province, ProvinceCode, Ward

    try:
        code = Province.from_code(ProvinceCode(province_code)).code
    except ValueError:
        return ()
    return tuple(
        sorted(
            (Place(int(w.code), w.name) for w in Ward.iter_by_province(code)), key=lambda p: p.code
        )
    )


def province_name(province_code: int) -> str | None:
    """The official name of a province, or None for an unknown code."""
    for place in provinces():
        if place.code == province_code:
            return place.name
    return None


def commune_name(province_code: int, commune_code: int) -> str | None:
    """The official name of a commune of the province, or None when it is not there."""
    for place in communes_of(province_code):
        if place.code == commune_code:
            return place.name
    return None


def commune_exists(province_code: int, commune_code: int) -> bool:
    """True when the commune code belongs to the province."""
    return commune_name(province_code, commune_code) is not None
