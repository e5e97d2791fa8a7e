"""OpenAPI descriptions of the endpoints' answers: each success's shape, and every
refusal the endpoints make by hand (``{"detail": message}`` in the request's language,
never FastAPI's list of validation errors) with the checks that make it.

``openapi_docs.describe`` calls ``complete_answers`` for each operation.
"""

from __future__ import annotations

from typing import Any

from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256, HEADER_PROTOCOL, HEADER_SCHEMA

SHA256_PATTERN = "^[0-9a-f]{64}$"  # attachments.check_sha256
DOWNLOAD = "get /attachments/{sha256}"
# A release file (release_routes.py): a download with ranges, like an attachment's.
RELEASE_FILE = "get /releases/{version}/{platform}/files/{sha256}"
DOWNLOADS = frozenset({DOWNLOAD, RELEASE_FILE})

# What any request may be answered besides its success, by the checks every endpoint of
# a kind makes, in the order they are made.
_DATABASE = {503: "the server's database is unavailable for now (Retry-After says when to retry)"}
_PROTOCOL = {
    400: f"{HEADER_PROTOCOL} or {HEADER_SCHEMA} is missing or not an integer, or the "
    "protocol is newer than the server's",
    426: "the client's protocol is older than the server accepts: update the software",
}
_TOKEN = {
    401: "no device token, or one the server does not know",
    403: "the device was revoked",
}
_BODY = {
    400: "the body is not a JSON object, nests too deep, or its gzip is corrupt",
    413: "the body is too large",
    415: "Content-Encoding other than gzip",
}
_CHUNK = {400: "the body's gzip is corrupt", 413: "the chunk is too large"}
_SHA256 = {422: "the SHA-256 in the path is not 64 lower-case hex digits"}
_OFFSET = {409: "the offset is not where the server's copy ends (offset says where it does)"}
_OFFSET_KEYS = frozenset(
    {
        "put /attachments/{sha256}",
        "post /attachments/{sha256}/complete",
        "put /push/uploads/{upload_id}",
        "post /push/uploads/{upload_id}/complete",
    }
)
# The resumable push (protocol 3): a protocol-2 client is sent to POST /push.
_UPLOAD = {
    404: "the client speaks protocol 2: it sends its push whole to POST /push",
    422: "the upload id is malformed",
}

# The answers of each endpoint, besides 200 and the 422 of its query parameters.
_ANSWERS: dict[str, tuple[dict[int, str], ...]] = {
    "get /health": (_DATABASE,),
    "post /enroll": (
        _PROTOCOL,
        _BODY,
        {
            401: "the enrollment code is unknown, used or expired",
            403: "the code is for another device, or this device id was revoked",
            409: "this device id is already enrolled and the code is not for it",
            422: "code or device_id missing or malformed",
        },
        _DATABASE,
    ),
    "post /push": (
        _PROTOCOL,
        _TOKEN,
        _BODY,
        {
            403: "device_id is not the device of the token",
            413: "more operations than one push may hold",
            422: "ops is not a list, or an operation has no valid op_id",
        },
        _DATABASE,
    ),
    "post /device-key": (
        _PROTOCOL,
        _TOKEN,
        _BODY,
        {422: "public_key is not an Ed25519 public key"},
        _DATABASE,
    ),
    "get /pull": (_PROTOCOL, _TOKEN, _DATABASE),
    "post /attachments/missing": (
        _PROTOCOL,
        _TOKEN,
        _BODY,
        {422: "sha256 is not a list of SHA-256 hashes"},
        _DATABASE,
    ),
    "get /attachments/{sha256}/offset": (_PROTOCOL, _TOKEN, _SHA256, _DATABASE),
    "put /attachments/{sha256}": (
        _PROTOCOL,
        _TOKEN,
        _SHA256,
        {400: f"the {HEADER_CHUNK_SHA256} header is missing"},
        _CHUNK,
        {422: f"the chunk does not match {HEADER_CHUNK_SHA256}"},
        _OFFSET,
        {413: "the file would be larger than the server accepts"},
        _DATABASE,
    ),
    "post /attachments/{sha256}/complete": (
        _PROTOCOL,
        _TOKEN,
        _SHA256,
        _BODY,
        {422: "size is not a byte count, or the file does not match its SHA-256"},
        _OFFSET,
        _DATABASE,
    ),
    "get /attachments/{sha256}": (
        _PROTOCOL,
        _TOKEN,
        _SHA256,
        {
            400: "the Range header is malformed (text/plain)",
            403: "only other units uploaded this file",
            404: "no such file in the device's scope",
            416: "the Range starts past the end of the file",
        },
        _DATABASE,
    ),
    "get /push/uploads/{upload_id}": (
        _PROTOCOL,
        _TOKEN,
        _UPLOAD,
        _DATABASE,
    ),
    "put /push/uploads/{upload_id}": (
        _PROTOCOL,
        _TOKEN,
        _UPLOAD,
        {400: f"the {HEADER_CHUNK_SHA256} header is missing (block mode)"},
        _CHUNK,
        {422: f"the block does not match {HEADER_CHUNK_SHA256}"},
        _OFFSET,
        {413: "the body would be larger than one push may be"},
        {415: "a streamed body with a Content-Encoding"},
        _DATABASE,
    ),
    "post /push/uploads/{upload_id}/complete": (
        _PROTOCOL,
        _TOKEN,
        _UPLOAD,
        _BODY,
        {
            403: "device_id is not the device of the token",
            413: "more operations than one push may hold",
            422: "size or sha256 malformed or not the body's, or ops malformed",
        },
        _OFFSET,
        _DATABASE,
    ),
    "post /network/cards": (
        _PROTOCOL,
        _TOKEN,
        _BODY,
        {
            403: "the device is not a commune or city reviewer's, the model is outside its "
            "scope, or a unit above shared the card",
            422: "the card is malformed, has too many photos or one of another model, or "
            "the model is not recognised",
        },
        _DATABASE,
    ),
    "post /network/cards/{card_id}/withdraw": (
        _PROTOCOL,
        _TOKEN,
        {
            403: "the device is not a reviewer's, or a unit above shared the card",
            404: "no such card",
        },
        _DATABASE,
    ),
    "post /network/withdrawal-requests": (
        _PROTOCOL,
        _TOKEN,
        _BODY,
        {
            403: "the model is not the team's own",
            422: "model_uid is missing or not a model's id",
        },
        _DATABASE,
    ),
    "get /network/library": (_PROTOCOL, _TOKEN, _DATABASE),
    "get /releases/latest": (
        _PROTOCOL,
        _TOKEN,
        {422: "the platform is unknown, or from is not a version"},
        _DATABASE,
    ),
    RELEASE_FILE: (
        _PROTOCOL,
        _TOKEN,
        _SHA256,
        {
            400: "the Range header is malformed (text/plain)",
            404: "no live release of this version and platform lists the file",
            416: "the Range starts past the end of the file",
        },
        _DATABASE,
    ),
}
_SUCCESS: dict[str, dict[str, Any]] = {
    "get /releases/latest": {
        "required": ["manifest", "signature"],
        "properties": {
            "manifest": {"type": "string", "description": "manifest.json, the signed bytes"},
            "signature": {"type": "string", "description": "manifest.sig"},
        },
    },
    "get /health": {
        "required": ["status", "server_time", "protocol", "min_protocol", "epoch", "high_seq"],
        "properties": {
            "status": {"type": "string", "enum": ["ok"]},
            "server_time": {"type": "string"},
            "protocol": {"type": "integer"},
            "min_protocol": {"type": "integer"},
            "epoch": {"type": ["string", "null"]},
            "high_seq": {"type": "integer", "minimum": 0},
        },
    },
    "post /enroll": {
        "required": ["token", "role", "unit", "epoch", "device_id"],
        "properties": {
            "token": {"type": "string"},
            "role": {"type": "string"},
            "unit": {"type": "object"},
            "epoch": {"type": ["string", "null"]},
            "device_id": {"type": "string"},
            "team_id": {"type": ["string", "null"]},
        },
    },
    "post /push": {
        "required": ["results", "high_seq"],
        "properties": {
            "results": {"type": "array", "items": {"type": "object"}},
            "high_seq": {"type": "integer", "minimum": 0},
        },
    },
    "post /device-key": {
        "required": ["server_key"],
        "properties": {"server_key": {"type": "string"}},
    },
    "get /pull": {
        "required": ["changes", "next", "more", "high_seq", "epoch"],
        "properties": {
            "changes": {"type": "array", "items": {"type": "object"}},
            "next": {"type": "integer", "minimum": 0},
            "more": {"type": "boolean"},
            "high_seq": {"type": "integer", "minimum": 0},
            "epoch": {"type": ["string", "null"]},
        },
    },
    "post /attachments/missing": {
        "required": ["missing"],
        "properties": {
            "missing": {"type": "array", "items": {"type": "string", "pattern": SHA256_PATTERN}}
        },
    },
    "get /attachments/{sha256}/offset": {
        "required": ["offset", "complete"],
        "properties": {
            "offset": {"type": "integer", "minimum": 0},
            "complete": {"type": "boolean"},
        },
    },
    "put /attachments/{sha256}": {
        "required": ["offset"],
        "properties": {"offset": {"type": "integer", "minimum": 0}},
    },
    "post /attachments/{sha256}/complete": {
        "required": ["stored"],
        "properties": {"stored": {"type": "boolean", "enum": [True]}},
    },
}

_ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string", "description": "the message for the user"}},
}
_OFFSET_ERROR = {
    "type": "object",
    "required": ["detail", "offset"],
    "properties": {
        "detail": {"type": "string", "description": "the message for the user"},
        "offset": {"type": "integer", "minimum": 0, "description": "where to resume"},
    },
}
_FILE = {"type": "string", "format": "binary"}


def add_error_schemas(schemas: dict[str, Any]) -> None:
    """Put the refusals' bodies in ``components/schemas`` (FastAPI's own are never sent)."""
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    schemas["Error"] = _ERROR
    schemas["OffsetError"] = _OFFSET_ERROR


def complete_answers(key: str, responses: dict[str, Any]) -> None:
    """Document the success and every refusal of the operation ``key`` ("get /pull")."""
    if key in DOWNLOADS:
        responses["200"] = {
            "description": "the file",
            "content": {"application/octet-stream": {"schema": _FILE}},
        }
        responses["206"] = {
            "description": "the part of the file the Range asked for",
            "content": {
                "application/octet-stream": {"schema": _FILE},
                "multipart/byteranges": {"schema": _FILE},
            },
        }
    elif key in _SUCCESS:
        body = {"type": "object", **_SUCCESS[key]}
        responses["200"]["content"] = {"application/json": {"schema": body}}
    if key == "get /network/library":
        # format=lines (protocol 3): one JSON object a line — high_seq, a card each, then
        # next and more — so a laptop keeps the cards that arrived before a cut.
        responses["200"]["content"] = {
            "application/json": {"schema": {"type": "object"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        }
    if key == "get /releases/latest":
        responses["204"] = {"description": "no newer release this version may update to"}
    reasons: dict[int, list[str]] = {}
    if responses.pop("422", None) is not None:  # FastAPI's, for its own checks
        reasons[422] = ["a path or query parameter is missing or malformed"]
    for answers in _ANSWERS.get(key, (_PROTOCOL, _TOKEN, _DATABASE)):
        for status, reason in answers.items():
            reasons.setdefault(status, []).append(reason)
    for status, texts in sorted(reasons.items()):
        error = "OffsetError" if status == 409 and key in _OFFSET_KEYS else "Error"
        content: dict[str, Any] = {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{error}"}}
        }
        if key in DOWNLOADS and status in (400, 416):  # Starlette's ranges
            content = {"text/plain": {"schema": {"type": "string"}}} | (
                content if status == 400 else {}
            )
        responses[str(status)] = {"description": "; ".join(texts), "content": content}
