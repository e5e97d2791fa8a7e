"""OpenAPI descriptions of the request bodies the endpoints read by hand.

The endpoints parse their (possibly gzipped) bodies themselves, for speed and
for messages a team leader can read, so FastAPI cannot infer these schemas.
"""

from __future__ import annotations

from typing import Any

from danvan_desktop.sync.protocol import ENVELOPE_KEYS, OP_KINDS


def _json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema}},
        }
    }


_ENVELOPE: dict[str, Any] = {
    "type": "object",
    "required": list(ENVELOPE_KEYS),
    "properties": {
        "op_id": {"type": "string"},
        "device_id": {"type": "string"},
        "entity": {"type": "string"},
        "record_id": {"type": "string"},
        "unit_id": {"type": "string", "nullable": True},
        "kind": {"type": "string", "enum": list(OP_KINDS)},
        "base_version": {"type": "integer", "nullable": True},
        "fields": {"type": "object", "description": "new values of the changed fields"},
        "base": {"type": "object", "description": "the same fields before the edit"},
        "schema_version": {"type": "integer"},
        "created_at": {"type": "string"},
    },
}

BODIES: dict[str, dict[str, Any]] = {
    "enroll": _json_body(
        {
            "type": "object",
            "required": ["code", "device_id"],
            "properties": {
                "code": {"type": "string", "example": "K7QM-3XWD-PRT9-HC4N"},
                "device_id": {"type": "string"},
                "device_name": {"type": "string"},
            },
        }
    ),
    "push": _json_body(
        {
            "type": "object",
            "required": ["device_id", "ops"],
            "properties": {
                "device_id": {"type": "string"},
                "ops": {"type": "array", "items": _ENVELOPE},
            },
        }
    ),
    "device_key": _json_body(
        {
            "type": "object",
            "required": ["public_key"],
            "properties": {
                "public_key": {"type": "string", "description": "Ed25519, base64 of 32 bytes"}
            },
        }
    ),
    "missing": _json_body(
        {
            "type": "object",
            "required": ["sha256"],
            "properties": {"sha256": {"type": "array", "items": {"type": "string"}}},
        }
    ),
    "complete": _json_body(
        {"type": "object", "required": ["size"], "properties": {"size": {"type": "integer"}}}
    ),
    "chunk": {
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
}
