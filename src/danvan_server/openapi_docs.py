"""OpenAPI descriptions of what the endpoints read and check by hand.

The endpoints parse their (possibly gzipped) bodies themselves, for speed and
for messages a team leader can read, so FastAPI cannot infer these schemas
(``BODIES``). Nor can it see the protocol headers, the device token, the SHA-256
paths or the answers (``openapi_answers``): ``describe(app)`` adds them to
``/openapi.json``, so a client, or a fuzzer (tests/server/test_api_fuzz.py), generated
from the schema sends what the server expects and knows every answer it can get.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.sync.protocol import (
    API_PREFIX,
    CONFLICT_ENTITY,
    ENVELOPE_KEYS,
    HEADER_CHUNK_SHA256,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    HEADER_UPLOAD_STREAM,
    MIN_PROTOCOL_VERSION,
    OP_KINDS,
    PROTOCOL_VERSION,
    SHAREABLE_KEYS,
)
from danvan_server.openapi_answers import (
    DOWNLOADS,
    SHA256_PATTERN,
    add_error_schemas,
    complete_answers,
)

ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"  # field_rules.is_valid_id


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
        "op_id": {"type": "string", "pattern": ID_PATTERN},
        "device_id": {"type": "string", "pattern": ID_PATTERN},
        "entity": {"type": "string", "enum": sorted({*ENTITIES, CONFLICT_ENTITY})},
        "record_id": {"type": "string", "pattern": ID_PATTERN},
        "unit_id": {"type": ["string", "null"], "pattern": ID_PATTERN},
        "kind": {"type": "string", "enum": list(OP_KINDS)},
        "base_version": {"type": ["integer", "null"]},
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
                "device_id": {"type": "string", "pattern": ID_PATTERN},
                "device_name": {"type": "string"},
            },
        }
    ),
    "push": _json_body(
        {
            "type": "object",
            "required": ["device_id", "ops"],
            "properties": {
                "device_id": {
                    "type": "string",
                    "pattern": ID_PATTERN,
                    "description": "the device the token was given to",
                },
                "ops": {"type": "array", "items": _ENVELOPE},
                "compact": {
                    "type": "boolean",
                    "description": "protocol 2: answer compact results",
                },
                "defaults": {
                    "type": "object",
                    "description": "protocol 2: envelope keys shared by every operation, "
                    "which the operations then leave out: " + ", ".join(SHAREABLE_KEYS),
                },
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
            "properties": {
                "sha256": {
                    "type": "array",
                    "items": {"type": "string", "pattern": SHA256_PATTERN},
                }
            },
        }
    ),
    "complete": _json_body(
        {
            "type": "object",
            "required": ["size"],
            "properties": {"size": {"type": "integer", "minimum": 0}},
        }
    ),
    "network_card": _json_body(
        {
            "type": "object",
            "required": ["card"],
            "properties": {
                "card": {
                    "type": "object",
                    "description": "the card as core/network_wire.py writes it (reviewers only)",
                }
            },
        }
    ),
    "withdrawal_request": _json_body(
        {
            "type": "object",
            "required": ["model_uid"],
            "properties": {
                "model_uid": {"type": "string", "pattern": ID_PATTERN},
                "requested_at": {"type": "string"},
            },
        }
    ),
    "push_complete": _json_body(
        {
            "type": "object",
            "required": ["size", "sha256"],
            "properties": {
                "size": {"type": "integer", "minimum": 0},
                "sha256": {"type": "string", "pattern": SHA256_PATTERN},
            },
        }
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


_NO_TOKEN = frozenset({"get /health", "post /enroll"})
_NO_PROTOCOL = frozenset({"get /health"})


def describe(app: FastAPI) -> None:
    """Make ``app.openapi()`` document the headers, token, paths and answers above."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _complete(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _complete(schema: dict[str, Any]) -> dict[str, Any]:
    components = schema.setdefault("components", {})
    add_error_schemas(components.setdefault("schemas", {}))
    components["securitySchemes"] = {
        "deviceToken": {
            "type": "http",
            "scheme": "bearer",
            "description": "the token a device received when it enrolled",
        }
    }
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            _complete_operation(f"{method} {path.removeprefix(API_PREFIX)}", operation)
    return schema


def _complete_operation(key: str, operation: dict[str, Any]) -> None:
    parameters = operation.setdefault("parameters", [])
    for parameter in parameters:
        if parameter["in"] == "path" and parameter["name"] == "sha256":
            parameter["schema"] = {"type": "string", "pattern": SHA256_PATTERN}
    if key not in _NO_PROTOCOL:
        parameters += [
            _header(
                HEADER_PROTOCOL,
                {"type": "integer", "minimum": MIN_PROTOCOL_VERSION, "maximum": PROTOCOL_VERSION},
                "the protocol version of the client",
            ),
            _header(HEADER_SCHEMA, {"type": "integer"}, "the data schema version of the client"),
        ]
    if key == "put /attachments/{sha256}":
        parameters.append(
            _header(
                HEADER_CHUNK_SHA256,
                {"type": "string", "pattern": SHA256_PATTERN},
                "the SHA-256 of this chunk",
            )
        )
    if key == "put /push/uploads/{upload_id}":
        parameters += [
            _header(
                HEADER_CHUNK_SHA256,
                {"type": "string", "pattern": SHA256_PATTERN},
                "the SHA-256 of this block (block mode: needed without X-Upload-Stream)",
                False,
            ),
            _header(
                HEADER_UPLOAD_STREAM,
                {"type": "string", "enum": ["1"]},
                "1: the body is the rest of the upload, appended as it arrives (no block hash)",
                False,
            ),
        ]
    if key in DOWNLOADS:
        parameters.append(
            _header("Range", {"type": "string"}, "bytes=START-END: part of the file", False)
        )
    if key not in _NO_TOKEN:
        operation["security"] = [{"deviceToken": []}]
    complete_answers(key, operation["responses"])


def _header(name: str, schema: dict[str, Any], description: str, required: bool = True) -> Any:
    return {
        "name": name,
        "in": "header",
        "required": required,
        "schema": schema,
        "description": description,
    }
