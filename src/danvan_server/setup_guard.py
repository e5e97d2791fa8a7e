"""No second setup of a unit: one team, one regulation, one leader per village.

A laptop's setup (``danvan init`` or the first-run wizard) makes a team, its leader, its
regulation and the city's six model fields. A laptop of store schema 10 or later
enrolled for a unit the server already holds a team for takes that team (protocol 3's
``team_id`` in the enroll answer, ``store/setup_merge.py``) and pushes none of them. Two
laptops set up as new teams and enrolled for the same new village before either synced
both push their own setup, and so does an older laptop (the released client adb94dd:
store schema 7, protocol 2) replacing a village's laptop, online or on a USB stick. The
rule therefore applies to every push of a team device, whatever its schema, and keeps a
second setup out of the city's data operation by operation, each refusal with its reason
(the laptop lists it with its other refusals; its sync goes on):

- a team record for a unit that holds a live team already is refused;
- a regulation for a unit that holds a live regulation already is refused;
- a model field whose code, or whose name folded (diacritics and case aside), is that of
  a live field of the unit is refused: models name their field by code, and the six
  defaults have the same codes everywhere, so the laptop's models still find theirs;
- a record naming a team (a member, the leader among them; a regulation; a meeting)
  that is not the unit's team, while the unit holds one, is refused: it belongs to the
  refused team, and the city's team keeps its own roster and meetings;
- a new record of a meeting's minutes (agenda, attendance, decisions...) whose meeting
  the server does not hold, while the unit holds a team, is refused: its meeting was
  refused, and no laptop should pull a record whose meeting it will never see.

Since protocol 3 the refusals of a team, a regulation and a record of another team carry
``reason`` ``unit_has_team`` and the unit's ``team_id``; those of the minutes,
``meeting_missing`` and the same ``team_id`` (``Refusal.wire``). A laptop of this
release seeing them moves onto that team (``store/setup_merge.py``: its setup dropped,
its members and meetings renamed onto the team) and sends them again, so the second of
two new laptops ends up on the first one's team. The released client reads only the
message.

Whatever the laptop's schema, a team's own model field (one it adds or renames) named
like one of the city's fields (city_fields.py) but with another code is refused: the
city's field is the one to use. A field with the city field's code is a copy of it made
by an earlier release's setup and is left alone (lists take each code once).

Records that name no team (models, petitions, exemplars, tasks...) belong to the unit
and apply as before. The unit's setup records are read once per transaction, and only
when an operation needs them (``SetupGuard``); the team and meeting an operation names
are fetched with the operation's own records (``named_parents``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.sync.protocol import REASON_MEETING_MISSING, REASON_UNIT_HAS_TEAM
from danvan_server.auth import Scope
from danvan_server.db import records
from danvan_server.messages import say
from danvan_server.records import RecordKey, StoredRecord

SETUP_ENTITIES = ("team", "regulation", "model_field")
# entity → its fields that name a team (member, regulation, meeting)
TEAM_REFS: dict[str, tuple[str, ...]] = {
    spec.name: refs
    for spec in ENTITIES.values()
    if (refs := tuple(f.name for f in spec.fields if f.ref == "team"))
}
# entity → the field naming the meeting it belongs to (the parts of a meeting's minutes)
MEETING_PARTS: dict[str, str] = {
    spec.name: spec.parent
    for spec in ENTITIES.values()
    if spec.parent is not None and spec.field(spec.parent).ref == "meeting"
}


@dataclass(frozen=True)
class Refusal:
    """Why an operation would bring a second setup into its unit: the message, and (for
    the laptop to act on, protocol 3) the reason code and the unit's team."""

    message: str
    reason: str | None = None
    team_id: str | None = None

    def wire(self) -> dict[str, str]:
        """The refusal's keys beside ``message`` in the operation's result."""
        keys = {"reason": self.reason, "team_id": self.team_id}
        return {key: value for key, value in keys.items() if value is not None}


def named_parents(op: dict[str, Any]) -> list[RecordKey]:
    """The team and the meeting ``op`` names (read with the operation's own records)."""
    fields = op.get("fields")
    if not isinstance(fields, dict):
        return []
    entity = op.get("entity")
    keys: list[RecordKey] = [
        ("team", value)
        for name in TEAM_REFS.get(str(entity), ())
        if isinstance(value := fields.get(name), str)
    ]
    meeting = MEETING_PARTS.get(str(entity))
    if meeting is not None and isinstance(value := fields.get(meeting), str):
        keys.append(("meeting", value))
    return keys


class SetupGuard:
    """The duplicate-setup rule over one transaction: ``state`` holds the records its
    operations touch (and those they name); each unit's live setup records are read when
    an operation first needs them, and the records kept since are laid over them."""

    def __init__(self, connection: Connection, state: dict[RecordKey, StoredRecord]) -> None:
        self._connection = connection
        self._state = state
        self._read: dict[str, dict[RecordKey, dict[str, Any]]] = {}
        self._kept: dict[str, dict[RecordKey, StoredRecord]] = {}
        self._city: dict[tuple[str, ...], list[dict[str, Any]]] = {}

    def note(self, record: StoredRecord) -> None:
        """A record written by this transaction (a setup record counts from now on)."""
        if record.entity in SETUP_ENTITIES:
            self._kept.setdefault(record.unit_id, {})[record.key] = record

    def refusal(
        self, op: dict[str, Any], scope: Scope, current: StoredRecord | None, language: str
    ) -> Refusal | None:
        """Why ``op`` would bring a second setup into the unit (None when it would not)."""
        if scope.role != "team" or op["kind"] != "upsert":
            return None
        if op["entity"] == "model_field":
            city = self._city_clash(op, scope, current)
            if city is not None:
                message = say(
                    language,
                    "«{name}» là lĩnh vực của thành phố trên máy chủ của thành phố; tổ không "
                    "thêm lĩnh vực riêng trùng tên đó: hãy dùng lĩnh vực «{name}» đã có.",
                    name=city,
                )
                return Refusal(message)
        entity, unit_id = op["entity"], scope.unit.id
        if current is None or current.deleted:  # the record would become live
            refusal = self._second_setup(op, unit_id, current, language)
            if refusal:
                return refusal
        for name in TEAM_REFS.get(entity, ()):
            value = op["fields"].get(name)
            was = current.fields.get(name) if current is not None else None
            if isinstance(value, str) and value != was and not self._team_of(value, unit_id):
                message = say(
                    language,
                    "Hồ sơ này thuộc tổ dân vận do máy này tự tạo, mà máy chủ của thành phố "
                    "không nhận vì thôn/tổ đã có tổ dân vận: hãy cập nhật Dân vận khéo lên bản "
                    "mới, đăng ký lại máy rồi nhập lại hồ sơ vào tổ của thôn/tổ.",
                )
                return self._race(message, REASON_UNIT_HAS_TEAM, unit_id)
        if current is None and self._meeting_missing(op, unit_id):
            message = say(
                language,
                "Cuộc họp của hồ sơ này không có trên máy chủ của thành phố (máy chủ đã không "
                "nhận cuộc họp đó): hãy xem lý do trong danh sách thao tác bị từ chối.",
            )
            return self._race(message, REASON_MEETING_MISSING, unit_id)
        return None

    def _race(self, message: str, reason: str, unit_id: str) -> Refusal:
        """A refusal naming the unit's team (the one a laptop that lost the race joins)."""
        teams = sorted(self._live(unit_id, "team"))
        return Refusal(message, reason, teams[0] if teams else None)

    def _meeting_missing(self, op: dict[str, Any], unit_id: str) -> bool:
        """Whether ``op`` is a part of a meeting's minutes whose meeting the server does not
        hold, while the unit holds a team (its meeting was refused)."""
        meeting = MEETING_PARTS.get(op["entity"])
        value = op["fields"].get(meeting) if meeting is not None else None
        if not isinstance(value, str) or ("meeting", value) in self._state:
            return False
        return bool(self._live(unit_id, "team"))

    def _second_setup(
        self, op: dict[str, Any], unit_id: str, current: StoredRecord | None, language: str
    ) -> Refusal | None:
        entity, record_id = op["entity"], op["record_id"]
        if entity == "team" and set(self._live(unit_id, "team")) - {record_id}:
            message = say(
                language,
                "Thôn/tổ này đã có tổ dân vận trên máy chủ của thành phố; máy chủ không nhận "
                "tổ thứ hai do máy này tự tạo. Hãy cập nhật Dân vận khéo lên bản mới rồi đăng "
                "ký lại máy để nhận tổ, thành viên và quy chế của thôn/tổ từ máy chủ.",
            )
            return self._race(message, REASON_UNIT_HAS_TEAM, unit_id)
        if entity == "regulation" and set(self._live(unit_id, "regulation")) - {record_id}:
            message = say(
                language,
                "Tổ dân vận của thôn/tổ này đã có quy chế hoạt động trên máy chủ của thành "
                "phố; máy chủ không nhận quy chế thứ hai. Hãy cập nhật Dân vận khéo lên bản "
                "mới rồi đăng ký lại máy để nhận quy chế từ máy chủ, rồi sửa quy chế đó.",
            )
            return self._race(message, REASON_UNIT_HAS_TEAM, unit_id)
        if entity == "model_field":
            clash = self._field_clash(op, unit_id, current)
            if clash is not None:
                return Refusal(
                    say(
                        language,
                        "Thôn/tổ này đã có lĩnh vực «{name}» trên máy chủ của thành phố; máy chủ "
                        "không nhận lĩnh vực trùng tên hoặc trùng mã: hãy dùng lĩnh vực đã có.",
                        name=clash,
                    )
                )
        return None

    def _field_clash(
        self, op: dict[str, Any], unit_id: str, current: StoredRecord | None
    ) -> str | None:
        """The name of the unit's live field with this field's code or folded name."""
        fields = {**(current.fields if current is not None else {}), **op["fields"]}
        code, name = fields.get("code"), fold_vietnamese(str(fields.get("name") or ""))
        for record_id, held in self._live(unit_id, "model_field").items():
            if record_id == op["record_id"]:
                continue
            held_name = str(held.get("name") or "")
            if held.get("code") == code or (name and fold_vietnamese(held_name) == name):
                return held_name
        return None

    def _city_clash(
        self, op: dict[str, Any], scope: Scope, current: StoredRecord | None
    ) -> str | None:
        """The name of the city's live field whose folded name is this team field's (a
        new, revived or renamed one) under another code."""
        if "name" not in op["fields"] and current is not None and not current.deleted:
            return None
        fields = {**(current.fields if current is not None else {}), **op["fields"]}
        name = fold_vietnamese(str(fields.get("name") or ""))
        for held in self._city_fields(scope.unit.ancestor_ids):
            held_name = str(held.get("name") or "")
            if (
                name
                and fold_vietnamese(held_name) == name
                and held.get("code") != fields.get("code")
            ):
                return held_name
        return None

    def _city_fields(self, ancestors: tuple[str, ...]) -> list[dict[str, Any]]:
        """The live model fields of the units above (the city's), read once."""
        if ancestors not in self._city:
            rows = self._connection.execute(
                select(records.c.fields).where(
                    records.c.unit_id.in_(ancestors),
                    records.c.entity == "model_field",
                    records.c.deleted.is_(False),
                )
            )
            self._city[ancestors] = [json.loads(row.fields) for row in rows]
        return self._city[ancestors]

    def _team_of(self, team_id: str, unit_id: str) -> bool:
        """Whether ``team_id`` may be named in ``unit_id``: it is the unit's live team, or
        the unit holds no team yet."""
        held = self._state.get(("team", team_id))
        if held is not None and not held.deleted and held.unit_id == unit_id:
            return True
        live = self._live(unit_id, "team")
        return not live or team_id in live

    def _live(self, unit_id: str, entity: str) -> dict[str, dict[str, Any]]:
        """The unit's live records of ``entity`` (a setup entity): id → fields."""
        if unit_id not in self._read:
            self._read[unit_id] = self._read_unit(unit_id)
        live = {key[1]: fields for key, fields in self._read[unit_id].items() if key[0] == entity}
        for key, record in self._kept.get(unit_id, {}).items():
            if key[0] != entity:
                continue
            if record.deleted:
                live.pop(key[1], None)
            else:
                live[key[1]] = record.fields
        return live

    def _read_unit(self, unit_id: str) -> dict[RecordKey, dict[str, Any]]:
        rows = self._connection.execute(
            select(records.c.entity, records.c.id, records.c.fields).where(
                records.c.unit_id == unit_id,
                records.c.entity.in_(SETUP_ENTITIES),
                records.c.deleted.is_(False),
            )
        )
        return {(row.entity, row.id): json.loads(row.fields) for row in rows}
