"""The place a document is dated from: the commune, written as Decree 30/2020 writes it.

Decree 30/2020 (annex I, II.4) dates a document from the place where the issuing
body sits: a commune-level body writes its commune's name without the kind word
(«Phú Xuân, ngày …», not «Phường Phú Xuân»), except for units named by a number, a
person or a historical event, which keep their full name («Phường 1, ngày …»). A
name that is a number, or starts with one, is recognised here; the persons and
events are data (``resources/presets/place_names.json``), so a name found missing
is added there without touching code.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata

from danvan_desktop.core.paths import resources_dir

_STARTS_WITH_DIGIT = re.compile(r"^\d")


@functools.cache
def _rules() -> tuple[tuple[str, ...], frozenset[str]]:
    path = resources_dir() / "presets" / "place_names.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    full = frozenset(unicodedata.normalize("NFC", name) for name in data["full_name_units"])
    kinds = tuple(unicodedata.normalize("NFC", kind) for kind in data["kind_words"])
    return kinds, full


def document_place(commune: str) -> str:
    """The commune as the place-date line names it: «Phường Phú Xuân» → «Phú Xuân»; the
    full name when the name is a number («Phường 1») or a person's or an event's
    («Phường Trần Hưng Đạo»)."""
    text = " ".join(unicodedata.normalize("NFC", commune).split())
    kinds, full_names = _rules()
    for kind in sorted(kinds, key=len, reverse=True):
        if text.lower().startswith(kind.lower() + " "):
            name = text[len(kind) + 1 :]
            if _STARTS_WITH_DIGIT.match(name) or name in full_names:
                return text
            return name
    return text
