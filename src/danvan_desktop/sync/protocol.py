"""The wire protocol between laptops and the provincial server: one definition for both.

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
  original ``server_version``.
- ``GET  /api/v1/pull?since=SEQ&max_bytes=N`` → ``{"changes": [change, ...], "next":
  SEQ, "more": bool, "high_seq", "epoch"}``. A change is ``{"entity", "record_id",
  "unit_id", "server_version", "deleted", "fields": {all fields}}``; conflicts travel
  as changes of entity ``conflict`` (fields ``CONFLICT_FIELDS``); a device marks one
  resolved by pushing an upsert of entity ``conflict`` with only ``{"resolved": true}``
  in its fields (``check_resolution_envelope``).
- ``POST /api/v1/attachments/missing`` ``{"sha256": [...]}`` → ``{"missing": [...]}``.
- ``GET  /api/v1/attachments/{sha256}/offset`` → ``{"offset": N}``.
- ``PUT  /api/v1/attachments/{sha256}?offset=N`` (raw bytes, header ``X-Chunk-SHA256``)
  → ``{"offset": N}``; ``POST /api/v1/attachments/{sha256}/complete`` ``{"size"}`` →
  ``{"stored": true}`` only after the whole-file hash matches.
- ``GET  /api/v1/attachments/{sha256}`` → the file (``Range`` supported).
"""

from __future__ import annotations

import json
from typing import Any, Final

from danvan_desktop.core.schema import ENTITIES

PROTOCOL_VERSION: Final = 1
MIN_PROTOCOL_VERSION: Final = PROTOCOL_VERSION - 1  # the previous version is still accepted
API_PREFIX: Final = "/api/v1"

HEADER_PROTOCOL: Final = "X-Danvan-Protocol"
HEADER_SCHEMA: Final = "X-Danvan-Schema"
HEADER_CHUNK_SHA256: Final = "X-Chunk-SHA256"

APPLIED: Final = "applied"
DUPLICATE: Final = "duplicate"
CONFLICT: Final = "conflict"  # applied, and a losing value was kept in a conflict record
REJECTED: Final = "rejected"
STATUSES: Final = (APPLIED, DUPLICATE, CONFLICT, REJECTED)

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
