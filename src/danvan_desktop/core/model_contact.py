"""A model's contact on its network card: only the one the team agreed to give.

The team records on the model form whether it agrees to give a contact to the
network (``contact_consent``) and the contact it gives (``contact_name``,
``contact_role``, ``contact_phone``: fields of ``model``, store schema 15). A card
carries ``consented_contact`` of its model and nothing else: the reviewer who shares
the card cannot type another, and the city's server derives it again from the model
it holds, both when a card is shared and whenever the model changes (so a withdrawn
consent takes the contact off every laptop's card at their next sync).

``contact_problems`` is the laptop's rule when a team saves its consent: agreeing
needs a name and a phone number (the phone's format is ``core.field_rules``'
``TEXT_FORMATS``). Shared by the laptop and the server; standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr

CONSENT = "contact_consent"
CONTACT_FIELDS = ("contact_name", "contact_role", "contact_phone")
CONSENT_FIELDS = (CONSENT, *CONTACT_FIELDS)


def has_consent(fields: Mapping[str, Any]) -> bool:
    """Whether the model's team agreed to give a contact (stored 1, or true on the wire)."""
    value = fields.get(CONSENT)
    return value is True or (isinstance(value, int) and value == 1)


def _part(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    return " ".join(value.split()) if isinstance(value, str) else ""


def consented_contact(fields: Mapping[str, Any]) -> str | None:
    """The contact a card of this model carries: «name (role), phone», or None when the
    team did not agree (or gave nothing)."""
    if not has_consent(fields):
        return None
    name, role, phone = (_part(fields, n) for n in CONTACT_FIELDS)
    who = f"{name} ({role})" if name and role else name or role
    text = ", ".join(part for part in (who, phone) if part)
    return text or None


def contact_problems(
    entity: str, record: Mapping[str, Any], changed: set[str]
) -> list[FieldProblem]:
    """A consent saved without the name or the phone number it gives (laptop only)."""
    if entity != "model" or not has_consent(record) or not changed.intersection(CONSENT_FIELDS):
        return []
    problems = []
    if not _part(record, "contact_name"):
        problems.append(
            FieldProblem(
                "contact_name",
                tr(
                    "validation",
                    "Tổ đồng ý chia sẻ liên hệ nhưng chưa ghi người liên hệ: hãy nhập họ tên, "
                    "hoặc bỏ chọn «Đồng ý chia sẻ thông tin liên hệ với mạng lưới».",
                ),
            )
        )
    if not _part(record, "contact_phone"):
        problems.append(
            FieldProblem(
                "contact_phone",
                tr(
                    "validation",
                    "Tổ đồng ý chia sẻ liên hệ nhưng chưa ghi số điện thoại: hãy nhập số điện "
                    "thoại của người liên hệ, hoặc bỏ chọn «Đồng ý chia sẻ thông tin liên hệ "
                    "với mạng lưới».",
                ),
            )
        )
    return problems
