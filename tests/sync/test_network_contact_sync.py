"""A card's contact is the one the team agreed to give, through the real server on
loopback (SQLite and PostgreSQL): it reaches the team's other laptop, a reviewer cannot
add one, and a withdrawn consent takes it off every laptop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from danvan_desktop.core.network import CardQuery
from danvan_desktop.session import Session
from sync.conftest import Province
from sync.test_network_sync import CONSENTED, city_reviewer, province, recognise_on_server

__all__ = ["city_reviewer", "province"]  # fixtures of the network test, shared here

NAME = "Phân loại rác tại nguồn"
LAN = "Nguyễn Thị Lan (Tổ trưởng), 0905 123 456"


def recognised_model(a: Session, province: Province, reviewer: Session, **fields: Any) -> str:
    """A model of team A with ``fields``, recognised on the server, known to the reviewer."""
    field = a.list_records("model_field")[0]["code"]
    model_id = a.add_model(name=NAME, field_code=field, **fields).record_id
    assert model_id is not None
    a.sync_now()
    recognise_on_server(province.database_url, model_id)
    reviewer.sync_now()
    return model_id


def contacts(laptop: Session) -> list[str | None]:
    """The contact of every card the laptop holds, after a sync."""
    laptop.sync_now()
    return [c.contact for c in laptop.network_cards(CardQuery())]


def test_a_consented_contact_reaches_the_teams_other_laptop(
    laptops: Callable[[str], Session], province: Province, city_reviewer: Session
) -> None:
    """The team agreed on laptop A: laptop B's card carries the contact A recorded."""
    a, b = laptops("a"), laptops("b")
    model_id = recognised_model(a, province, city_reviewer, **CONSENTED)
    city_reviewer.share_model(model_id)
    city_reviewer.sync_now()
    assert contacts(b) == [LAN]


def test_no_consent_no_contact_even_from_an_old_reviewers_laptop(
    laptops: Callable[[str], Session], province: Province, city_reviewer: Session
) -> None:
    """A card queued with a typed contact (as an earlier release let a reviewer do) is
    stored by the server without it when the team did not agree."""
    a, b = laptops("a"), laptops("b")
    model_id = recognised_model(a, province, city_reviewer)
    card = city_reviewer.share_model(model_id)
    city_reviewer.store.db.execute(
        "UPDATE network_card SET contact = ? WHERE id = ?", ["0905 999 888", card.id]
    )
    city_reviewer.sync_now()
    assert contacts(b) == [None]
    assert contacts(city_reviewer) == [None]


def test_a_withdrawn_consent_takes_the_contact_off_the_other_laptop(
    laptops: Callable[[str], Session], province: Province, city_reviewer: Session
) -> None:
    """The team unticks its consent on A and syncs: B's card loses the contact at its
    next sync, and so does the reviewer's."""
    a, b = laptops("a"), laptops("b")
    model_id = recognised_model(a, province, city_reviewer, **CONSENTED)
    city_reviewer.share_model(model_id)
    city_reviewer.sync_now()
    assert contacts(b) == [LAN]
    a.update_model(
        model_id, contact_consent=False, contact_name=None, contact_role=None, contact_phone=None
    )
    a.sync_now()
    assert contacts(b) == [None]
    assert contacts(city_reviewer) == [None]


def test_a_consent_given_later_reaches_the_card(
    laptops: Callable[[str], Session], province: Province, city_reviewer: Session
) -> None:
    """A card shared without consent gains the contact once the team agrees and syncs."""
    a, b = laptops("a"), laptops("b")
    model_id = recognised_model(a, province, city_reviewer)
    city_reviewer.share_model(model_id)
    city_reviewer.sync_now()
    assert contacts(b) == [None]
    a.update_model(model_id, **CONSENTED)
    a.sync_now()
    assert contacts(b) == [LAN]
