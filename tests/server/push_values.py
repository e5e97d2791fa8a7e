"""Values no laptop could store, and a push body that carries them as JSON can.

Shared by the push isolation tests. ``json.dumps`` with its defaults writes a lone
surrogate as ``\\ud800`` and NaN as ``NaN``, as a faulty or hostile client would;
the server's JSON parser accepts both, so the values reach the push checks.
"""

from __future__ import annotations

import json
import math
from typing import Any

import httpx

from danvan_desktop.core.ids import uuid7
from support.server_process import ServerApi

MODEL = {"name": "Mô hình", "status": "registered", "year": 2026, "field_code": "economy"}
TASK = {"title": "Dọn vệ sinh đường làng", "status": "open"}


def nested(depth: int) -> Any:
    """A list inside a list ... ``depth`` containers deep."""
    value: Any = "m-1"
    for _ in range(depth):
        value = [value]
    return value


# name: (entity, fields); each holds one value no laptop could store
BAD_RECORDS: dict[str, tuple[str, dict[str, Any]]] = {
    "surrogate": ("task", {**TASK, "title": "Dọn \ud800 đường"}),
    "nul": ("task", {**TASK, "title": "Dọn\x00đường"}),
    "huge_int": ("model", {**MODEL, "year": 10**40}),
    "nan": (
        "indicator_reading",
        {"model_id": "m-1", "indicator": "Số hộ", "value": math.nan, "read_on": "2026-01-05"},
    ),
    "deep_json": (
        "exemplar",
        {
            "kind": "individual",
            "name": "Nguyễn Văn An",
            "year": 2026,
            "linked_model_ids": nested(17),
        },
    ),
    # a json field travels as its JSON text; this text is no JSON a laptop can read
    "json_text": (
        "exemplar",
        {"kind": "individual", "name": "Nguyễn Văn An", "year": 2026, "linked_model_ids": "Quý I"},
    ),
}


def bad_op(api: ServerApi, name: str) -> dict[str, Any]:
    """An operation from ``api`` carrying the bad value called ``name``."""
    entity, fields = BAD_RECORDS[name]
    return api.op(entity, uuid7(), fields)


def good_ops(api: ServerApi, count: int) -> list[dict[str, Any]]:
    """``count`` new tasks of ``api``'s own unit."""
    return [api.op("task", uuid7(), TASK) for _ in range(count)]


def send(api: ServerApi, ops: list[dict[str, Any]]) -> httpx.Response:
    """Push ``ops`` as JSON with escapes (a lone surrogate survives as ``\\ud800``)."""
    body = json.dumps({"device_id": api.device_id, "ops": ops}).encode("ascii")
    return api.request("POST", "/push", content=body, headers={"Content-Type": "application/json"})
