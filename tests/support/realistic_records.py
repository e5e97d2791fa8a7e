"""Model records with realistic text, for sync benches and tests that count bytes.

Demo models are built from a dozen templates, so 1,000 of them gzip to about 51 KB
and flatter every byte and time ratio. These records take their text from the
sentences of the handbook (``resources/handbook/*.md``) and of the model regulation
(``resources/regulation``), shuffled with a seeded generator: a text item a team filled in
holds one sentence drawn anywhere in that text, so gzip finds only what real Vietnamese
prose repeats. 1,000 of them gzip to 180–200 KB as canonical JSON (``REFERENCE_BYTES``),
as the registrations measured on a real team's laptop do.

Use ``realistic_models(count, seed)`` for the fields ``Session.add_model`` takes,
``stored_rows`` for the rows the store keeps of them and ``reference_gzip_bytes(rows)``
for the gzip of their canonical JSON.
"""

from __future__ import annotations

import functools
import gzip
import random
import re
from importlib import resources
from typing import Any

from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vocab import DEFAULT_MODEL_FIELDS
from danvan_desktop.sync import protocol

REFERENCE_BYTES = (180_000, 200_000)  # 1,000 stored rows with their ids, gzip level 9
TEXT_FIELDS = (
    "situation",
    "goals",
    "content",
    "scope",
    "actors",
    "resources",
    "timeline",
    "outputs",
    "sustainability",
)
_FILLED_SHARE = 0.43  # of the text items a team fills in, each with one sentence
_PLACEHOLDERS = {
    "ten_to": "Tổ dân vận thôn Thượng Hòa",
    "xa": "phường Thủy Xuân",
    "chi_bo": "Chi bộ thôn Thượng Hòa",
    "thon": "thôn Thượng Hòa",
}
_VILLAGES = (
    "thôn Thượng Hòa",
    "tổ dân phố 5",
    "thôn La Chữ",
    "bản A Ka",
    "thôn Phú Lương",
    "tổ dân phố Vỹ Dạ 3",
    "thôn Hương Cần",
    "bản Pa Ring",
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\wÀ-ỹ“\"(])")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_MARKUP = re.compile(r"^\s*(?:#+|[-*+]|\d+[.)]|>|\|)\s*|[*_`]|\[([^\]]*)\]\([^)]*\)")


@functools.cache
def sentences() -> tuple[str, ...]:
    """Every sentence of the handbook and the model regulation, markup removed, in order."""
    texts = [_resource_text("handbook", name) for name in _markdown_names("handbook")]
    texts += [_resource_text("regulation", name) for name in _markdown_names("regulation")]
    found: list[str] = []
    for text in texts:
        for line in _PLACEHOLDER.sub(_fill, text).splitlines():
            plain = _MARKUP.sub(lambda m: m.group(1) or "", line).strip()
            if not plain or plain.startswith("---"):
                continue
            found += [s.strip() for s in _SENTENCE_END.split(plain) if len(s.strip()) > 20]
    return tuple(dict.fromkeys(found))  # a sentence repeated in two topics counts once


def realistic_models(count: int, seed: int = 2026, year: int = 2026) -> list[dict[str, Any]]:
    """``count`` models' fields (name, the nine text items, field, year), seeded."""
    rng = random.Random(seed)
    pool = list(sentences())
    rng.shuffle(pool)
    cursor = 0
    models: list[dict[str, Any]] = []
    for _ in range(count):
        fields: dict[str, Any] = {}
        for name in TEXT_FIELDS:
            if rng.random() >= _FILLED_SHARE:
                fields[name] = None
                continue
            if cursor == len(pool):
                rng.shuffle(pool)
                cursor = 0
            fields[name] = pool[cursor]
            cursor += 1
        title = rng.choice(pool).rstrip(".!?…")
        name = f"{title[:80].rsplit(' ', 1)[0]} ở {rng.choice(_VILLAGES)}"
        field_code = rng.choice(DEFAULT_MODEL_FIELDS)[0]
        models.append({"name": name, **fields, "field_code": field_code, "year": year})
    return models


def stored_rows(models: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    """The models as the store keeps them: the id, then every model field (the status a
    new model gets, None for a field not given): what the bench's reference is made of."""
    names = ENTITIES["model"].field_names
    defaults = {"status": "registered"}
    return [
        {"id": record_id, **{name: fields.get(name, defaults.get(name)) for name in names}}
        for record_id, fields in zip(ids, models, strict=True)
    ]


def reference_gzip_bytes(rows: list[dict[str, Any]]) -> bytes:
    """The gzip (level 9) of the rows' canonical JSON: what no sync can send less of."""
    return gzip.compress(protocol.canonical_json(rows), 9)


def _markdown_names(folder: str) -> list[str]:
    root = resources.files("danvan_desktop.resources").joinpath(folder)
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".md"))


def _resource_text(folder: str, name: str) -> str:
    root = resources.files("danvan_desktop.resources").joinpath(folder)
    return root.joinpath(name).read_text(encoding="utf-8")


def _fill(match: re.Match[str]) -> str:
    """A regulation placeholder filled with one team's names; others kept as they are."""
    return _PLACEHOLDERS.get(match.group(1), match.group(0))
