"""The wire protocol between laptops and the city's server: one definition for both.

Imported by the client (``sync/``) and by the server (``danvan_server``); it depends
only on ``core`` and the standard library. ``docs/protocol.md`` explains it in prose.

Every request carries ``X-Danvan-Protocol`` and ``X-Danvan-Schema`` headers. The
server accepts ``PROTOCOL_VERSION`` and the one before it and answers older clients
with HTTP 426 and a message; the laptop keeps queuing.

Endpoints (JSON bodies, gzip both ways):

- ``GET  /api/v1/health`` → ``{"status": "ok", "server_time", "protocol", "min_protocol",
  "epoch", "high_seq"}`` (no token). ``server_time`` lets the laptop show a clock skew
  over five minutes; ``epoch`` changes when the server is re-initialised, and
  ``high_seq`` lower than a laptop's checkpoint means the server was restored from an
  older backup.
- ``POST /api/v1/enroll`` ``{"code", "device_id", "device_name"}`` → ``{"token",
  "role", "unit": {unit record}, "epoch"}``.
- ``POST /api/v1/push`` ``{"device_id", "ops": [envelope, ...]}`` → ``{"results":
  [{"op_id", "status", "server_version", "message", "conflicts": [...]}], "high_seq"}``.
  ``status`` is one of ``STATUSES``. A replayed ``op_id`` answers ``duplicate`` with the
  original ``server_version`` (and, since protocol 3, the original ``exact``). Since
  protocol 2 the body may be compact
  (``compact_push_body``): keys shared by every operation are sent once in
  ``defaults``, a record's creating operation omits its ``op_id`` (it is the record
  id), and ``"compact": true`` asks for compact results (``compact_result``).
- ``GET  /api/v1/pull?since=SEQ&max_bytes=N&skip=A-B,C`` → ``{"changes": [change, ...],
  "next": SEQ, "more": bool, "high_seq", "epoch"}``; ``skip`` (protocol 2) lists the
  versions the laptop already holds exactly (its own ``exact`` results), left out.
  A change is ``{"entity", "record_id", "unit_id", "server_version", "deleted",
  "fields": {all fields}}``; conflicts travel as changes of entity ``conflict``
  (fields ``CONFLICT_FIELDS``); a device marks one resolved by pushing an upsert of
  entity ``conflict`` with only ``{"resolved": true}`` in its fields
  (``check_resolution_envelope``).
- ``POST /api/v1/attachments/missing`` ``{"sha256": [...]}`` → ``{"missing": [...]}``.
- ``GET  /api/v1/attachments/{sha256}/offset`` → ``{"offset": N}``.
- ``PUT  /api/v1/attachments/{sha256}?offset=N`` (raw bytes, header ``X-Chunk-SHA256``)
  → ``{"offset": N}``; ``POST /api/v1/attachments/{sha256}/complete`` ``{"size"}`` →
  ``{"stored": true}`` only after the whole-file hash matches.
- ``GET  /api/v1/attachments/{sha256}`` → the file (``Range`` supported).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Final

from danvan_desktop.core.schema import ENTITIES

# 3: the entities of store schema 9 (``petition``, ``petitioner``, ``mediation``,
# ``mediation_party``), ``regulation.petition_answer_days`` and ``member.birth_year``
# (store schema 13), the model's contact consent (``model.contact_consent``,
# ``contact_name``, ``contact_role``, ``contact_phone``: store schema 15); records a laptop's store
# schema (``X-Danvan-Schema``, a bundle's ``schema_version``) cannot store are left out
# for it; residents' details never go above the commune; JSON text is checked as JSON.
# The server answers a protocol-2 client (the first release) as before: its schema
# leaves the new entities out and it drops fields it does not know (docs/protocol.md).
# 2: compact push bodies and results, ``exact`` results and the pull's ``skip`` (the
# laptop no longer downloads its own new records again). 1 is refused since 3.
PROTOCOL_VERSION: Final = 3
COMPACT_SINCE_PROTOCOL: Final = 2
# 3: a replay's ``duplicate`` keeps the first answer's ``exact`` (the laptop holds that
# version: its pull skips it); a protocol-2 client gets its duplicates without it.
EXACT_DUPLICATE_SINCE_PROTOCOL: Final = 3
MIN_PROTOCOL_VERSION: Final = PROTOCOL_VERSION - 1  # the previous version is still accepted
API_PREFIX: Final = "/api/v1"

HEADER_PROTOCOL: Final = "X-Danvan-Protocol"
HEADER_SCHEMA: Final = "X-Danvan-Schema"
HEADER_CHUNK_SHA256: Final = "X-Chunk-SHA256"
# A push upload's PUT carrying the rest of the body, appended as it arrives (protocol 3).
HEADER_UPLOAD_STREAM: Final = "X-Upload-Stream"

APPLIED: Final = "applied"
DUPLICATE: Final = "duplicate"
CONFLICT: Final = "conflict"  # applied, and a losing value was kept in a conflict record
REJECTED: Final = "rejected"
STATUSES: Final = (APPLIED, DUPLICATE, CONFLICT, REJECTED)
# Protocol 3: a refusal of a second setup of a unit (danvan_server/setup_guard.py) says
# why in ``reason`` and names the unit's team in ``team_id``, so a laptop whose own team
# lost the race to the server moves onto that team (store/setup_merge.py) and sends its
# records again. Clients that do not know these keys ignore them.
REASON_UNIT_HAS_TEAM: Final = "unit_has_team"  # a team, regulation or record of another team
REASON_MEETING_MISSING: Final = "meeting_missing"  # minutes whose meeting was refused
SETUP_RACE_REASONS: Final = (REASON_UNIT_HAS_TEAM, REASON_MEETING_MISSING)


def setup_race_team(result: dict[str, Any]) -> str | None:
    """The unit's team a refusal of a second setup names (None for any other result)."""
    team_id = result.get("team_id")
    if result.get("status") != REJECTED or result.get("reason") not in SETUP_RACE_REASONS:
        return None
    return team_id if isinstance(team_id, str) and team_id else None


OP_KINDS: Final = ("upsert", "delete")
CONFLICT_ENTITY: Final = "conflict"

# The fields of a conflict change. ``kept_value`` is the value the record now holds
# (the operation later in the server's sequence), ``lost_value`` the one it replaced;
# ``record_version`` is the record's server_version once the kept value was applied.
# ``needs_review`` marks long free text, which is never merged silently.
CONFLICT_FIELDS: Final = (
    "entity",
    "record_id",
    "field",
    "kept_value",
    "lost_value",
    "kept_from_device",
    "lost_from_device",
    "record_version",
    "needs_review",
    "resolved",
    "resolved_by",
    "created_at",
)
# What a device may change on a conflict record: marking it resolved. The value the
# user chose travels as an ordinary operation on the record itself.
CONFLICT_RESOLVABLE_FIELDS: Final = ("resolved",)

ENVELOPE_KEYS: Final = (
    "op_id",
    "device_id",
    "entity",
    "record_id",
    "unit_id",
    "kind",
    "base_version",
    "fields",
    "base",
    "schema_version",
    "created_at",
)

CLOCK_SKEW_WARNING_S: Final = 300
# Envelope keys a compact push body may send once, in ``defaults``, for every operation.
SHAREABLE_KEYS: Final = (
    "device_id",
    "entity",
    "unit_id",
    "kind",
    "base_version",
    "base",
    "schema_version",
    "created_at",
)
MAX_SKIP_RANGES: Final = 64  # keeps the pull's URL short; versions beyond are just sent
_RANGE = re.compile(r"(\d{1,19})(?:-(\d{1,19}))?")


class EnvelopeError(ValueError):
    """An operation envelope that is not well formed (the message says what is wrong)."""


def canonical_json(value: Any) -> bytes:
    """Records as UTF-8 JSON with sorted keys and no spaces (the size reference)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def check_envelope(op: Any) -> dict[str, Any]:
    """Return ``op`` when it is a well-formed envelope; raise EnvelopeError otherwise."""
    if not isinstance(op, dict):
        raise EnvelopeError("operation must be an object")
    missing = [k for k in ENVELOPE_KEYS if k not in op]
    if missing:
        raise EnvelopeError(f"operation lacks {', '.join(missing)}")
    for key in ("op_id", "device_id", "entity", "record_id", "kind", "created_at"):
        if not isinstance(op[key], str) or not op[key]:
            raise EnvelopeError(f"{key} must be a non-empty string")
    if op["entity"] not in ENTITIES:
        raise EnvelopeError(f"unknown entity {op['entity']!r}")
    if op["kind"] not in OP_KINDS:
        raise EnvelopeError(f"kind must be one of {', '.join(OP_KINDS)}")
    if op["base_version"] is not None and not isinstance(op["base_version"], int):
        raise EnvelopeError("base_version must be an integer or null")
    if not isinstance(op["fields"], dict) or not isinstance(op["base"], dict):
        raise EnvelopeError("fields and base must be objects")
    known = set(ENTITIES[op["entity"]].field_names)
    unknown = sorted(set(op["fields"]) - known)
    if unknown:
        raise EnvelopeError(f"unknown fields for {op['entity']}: {', '.join(unknown)}")
    if not isinstance(op["schema_version"], int):
        raise EnvelopeError("schema_version must be an integer")
    return op


def check_resolution_envelope(op: Any) -> dict[str, Any]:
    """Return ``op`` when it is a well-formed resolution of a conflict record.

    The same envelope as any operation, with entity ``conflict``, kind ``upsert``
    and only ``resolved`` (a boolean) among its fields.
    """
    if not isinstance(op, dict) or op.get("entity") != CONFLICT_ENTITY:
        raise EnvelopeError(f"entity must be {CONFLICT_ENTITY!r}")
    if not isinstance(op.get("fields"), dict):
        raise EnvelopeError("fields and base must be objects")
    # Every other key is checked as for any envelope (the conflict's own fields below).
    check_envelope({**op, "entity": "unit", "fields": {}})
    if op["kind"] != "upsert":
        raise EnvelopeError("a conflict record can only be resolved, not deleted")
    unknown = sorted(set(op["fields"]) - set(CONFLICT_RESOLVABLE_FIELDS))
    if unknown:
        raise EnvelopeError(f"only resolved may change on a conflict, not {', '.join(unknown)}")
    if "resolved" in op["fields"] and not isinstance(op["fields"]["resolved"], bool):
        raise EnvelopeError("resolved must be true or false")
    return op


def accepts_protocol(version: int) -> bool:
    """True when the server side of this protocol accepts a client of ``version``."""
    return MIN_PROTOCOL_VERSION <= version <= PROTOCOL_VERSION


def compact_push_body(device_id: str, envelopes: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A protocol-2 push body: shared keys once in ``defaults``, creation op_ids implied.

    An all-null ``base`` of a new record (``base_version`` null) travels as ``{}``: the
    server reads a missing base value as null, so the merge is the same.
    """
    ops = [_without_null_base(op) for op in envelopes]
    defaults = {key: _most_common(ops, key) for key in SHAREABLE_KEYS if ops}
    compact = []
    for op in ops:
        item = {
            key: value
            for key, value in op.items()
            if not (key in defaults and defaults[key] == value)
            and not (key == "op_id" and value == op["record_id"])
        }
        compact.append(item)
    return {"device_id": device_id, "compact": True, "defaults": defaults, "ops": compact}


def expand_push_ops(body: dict[str, Any]) -> Any:
    """The operations of a push body as full envelopes (a version-1 body is unchanged)."""
    ops = body.get("ops")
    defaults = body.get("defaults")
    if not isinstance(ops, list) or not isinstance(defaults, dict):
        return ops
    expanded: list[Any] = []
    for op in ops:
        if not isinstance(op, dict):
            expanded.append(op)
            continue
        full = {key: value for key, value in defaults.items() if key in SHAREABLE_KEYS}
        full.update(op)
        if "op_id" not in op and "record_id" in op:
            full["op_id"] = op["record_id"]  # a record's creating operation is named by it
        expanded.append(full)
    return expanded


def compact_result(result: dict[str, Any]) -> dict[str, Any]:
    """A push result without what the laptop already knows: results come in order."""
    return {
        key: value
        for key, value in result.items()
        if key != "op_id"
        and not (key == "message" and value is None)
        and not (key == "conflicts" and not value)
        and not (key == "exact" and not value)
    }


def format_ranges(versions: Iterable[int], limit: int = MAX_SKIP_RANGES) -> str:
    """``1,3-7,9`` for the versions; at most ``limit`` ranges (the lowest are kept)."""
    ranges: list[list[int]] = []
    for version in sorted(set(versions)):
        if ranges and version == ranges[-1][1] + 1:
            ranges[-1][1] = version
        elif len(ranges) < limit:
            ranges.append([version, version])
        else:
            break
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def parse_ranges(text: str, limit: int = MAX_SKIP_RANGES) -> list[tuple[int, int]]:
    """The ranges of ``format_ranges`` text; ValueError when malformed or too many."""
    if not text:
        return []
    parts = text.split(",")
    if len(parts) > limit:
        raise ValueError(f"at most {limit} ranges")
    ranges = []
    for part in parts:
        match = _RANGE.fullmatch(part.strip())
        if match is None:
            raise ValueError(f"not a version range: {part[:40]!r}")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if high < low:
            raise ValueError(f"empty range: {part[:40]!r}")
        ranges.append((low, high))
    return ranges


def _without_null_base(op: dict[str, Any]) -> dict[str, Any]:
    if op.get("base_version") is None and not any(
        value is not None for value in (op.get("base") or {}).values()
    ):
        return {**op, "base": {}}
    return op


def _most_common(ops: Sequence[dict[str, Any]], key: str) -> Any:
    counts = Counter(canonical_json(op.get(key)) for op in ops)
    return json.loads(counts.most_common(1)[0][0])
