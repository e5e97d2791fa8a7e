"""Translatable text without Qt.

Vietnamese is the source language of every string a user reads: code calls
``tr(context, "Vietnamese text {param}", param=...)``. English (and any later
language) comes from Qt Linguist ``.ts`` files in ``resources/translations``
named ``*_<lang>.ts``. The GUI compiles the same files to ``.qm`` for Qt's
``QTranslator``; headless code (CLI, store, server messages) reads the XML here
with the standard library, so there is one catalogue for both.
"""

from __future__ import annotations

import threading
from pathlib import Path

from danvan_desktop.core.paths import resources_dir

SOURCE_LANGUAGE = "vi"
SUPPORTED_LANGUAGES = ("vi", "en")

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_catalogues: dict[str, dict[tuple[str, str], str]] = {}


def load_ts_file(path: Path) -> dict[tuple[str, str], str]:
    """Read one Qt Linguist file into {(context, source): translation}."""
    import xml.etree.ElementTree as ET  # only for a language other than the source one

    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            trans = msg.find("translation")
            if source is None or trans is None or not (trans.text or ""):
                continue
            if trans.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            table[(name, source)] = trans.text or ""
    return table


def _catalogue(language: str) -> dict[tuple[str, str], str]:
    with _lock:
        if language not in _catalogues:
            table: dict[tuple[str, str], str] = {}
            folder = resources_dir() / "translations"
            for path in sorted(folder.glob(f"*_{language}.ts")):
                if path.name.startswith("qtbase_"):
                    continue
                table.update(load_ts_file(path))
            _catalogues[language] = table
        return _catalogues[language]


def set_language(language: str) -> None:
    """Choose the language of every later ``tr`` call (``vi`` or ``en``)."""
    global _language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _language = language


def current_language() -> str:
    """The language ``tr`` answers in."""
    return _language


def tr(context: str, text: str, /, **params: object) -> str:
    """Translate ``text`` of ``context`` into the current language, then format it."""
    if _language != SOURCE_LANGUAGE:
        text = _catalogue(_language).get((context, text), text)
    return text.format(**params) if params else text
