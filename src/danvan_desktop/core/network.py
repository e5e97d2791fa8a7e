"""The network library's vocabulary: a card is a recognised model shared for others to learn.

A reviewer shares a recognised model as a card (a commune reviewer with the teams of
its commune, a city reviewer with all); every laptop below the sharer holds the cards
and reads them offline. A card never carries anything about individual residents.

The store keeps cards (store/network.py), sync and USB bundles carry them, the
session offers them (session/network.py) and the window shows them (ui/network/).
Replicating a card registers a model in the leader's team and writes a replication
link (session/replication.py). These types are the contract between those parts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SHARE_LEVELS = ("commune", "city")  # who shared it: the teams of one commune, or all
MAX_CARD_PHOTOS = 3


@dataclass(frozen=True)
class CardRecognition:
    """One recognition of the card's model: the level, the decision and its date."""

    level: str  # "commune" or "city"
    decision_no: str
    decided_on: dt.date


@dataclass(frozen=True)
class CardPhoto:
    """A photo of the card: the thumbnail travels with the card, the full photo on view."""

    attachment_id: str
    caption: str
    has_thumbnail: bool  # the small image is held on this laptop
    has_full: bool  # the full photo has been downloaded


@dataclass(frozen=True)
class NetworkCard:
    """A model shared with the network, as every laptop below the sharer holds it."""

    id: str  # the card's own id (not the model's)
    model_uid: str  # the source model's record id
    source_unit: str  # the village unit that runs the model
    name: str
    field_name: str  # the model's field, as shown («Kinh tế»)
    commune_code: int
    commune_name: str
    village_name: str
    # The ten registration items, in the form's order: (label, text); empty ones left out.
    summary: tuple[tuple[str, str], ...]
    results: str
    # (indicator, latest value with its unit), e.g. ("Hộ phân loại rác", "120 hộ")
    indicators: tuple[tuple[str, str], ...]
    recognitions: tuple[CardRecognition, ...]
    year: int  # the year the model was registered
    shared_level: str  # one of SHARE_LEVELS
    shared_on: dt.date
    updated_at: str  # ISO timestamp of the last change on the server
    contact: str | None = None  # only when the team agreed
    photos: tuple[CardPhoto, ...] = field(default_factory=tuple)

    @property
    def highest_level(self) -> str | None:
        """The highest recognition level, "city" above "commune"."""
        levels = {r.level for r in self.recognitions}
        for level in reversed(SHARE_LEVELS):
            if level in levels:
                return level
        return None


@dataclass(frozen=True)
class CardQuery:
    """What the «Mạng lưới» page asks for: folded text, filters, one page."""

    text: str = ""  # folded search: «mo hinh rac» finds «Phân loại rác tại nguồn»
    field_name: str | None = None
    commune_code: int | None = None
    level: str | None = None  # highest recognition level
    year: int | None = None
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class CardFacets:
    """The values the filters offer, each listed once, in Vietnamese order."""

    field_names: tuple[str, ...]
    communes: tuple[tuple[int, str], ...]
    levels: tuple[str, ...]
    years: tuple[int, ...]


@dataclass(frozen=True)
class Replication:
    """A model replicated from a source model: where, by which unit, since when."""

    source_model_uid: str
    replicating_unit: str
    village_name: str
    model_uid: str  # the model registered in the replicating team
    status: str  # that model's status code
    replicated_on: dt.date
