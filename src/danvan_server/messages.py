"""Messages the server sends to laptops, in the language each request asks for.

The laptop shows these messages to a team leader, so their source text is
Vietnamese; English comes from ``resources/translations/*_en.ts``. Unlike
``core.i18n.tr`` (one language per process), the server answers each request in
the language of its ``Accept-Language`` header, because one server process
serves laptops set to either language at the same time.
"""

from __future__ import annotations

from functools import cache

from danvan_desktop.core.i18n import SOURCE_LANGUAGE, load_ts_file
from danvan_desktop.core.paths import resources_dir

CONTEXT = "server"


def language_of(accept_language: str | None) -> str:
    """``en`` when the first language tag asks for English, else Vietnamese."""
    if not accept_language:
        return SOURCE_LANGUAGE
    first = accept_language.split(",")[0].split(";")[0].strip().lower()
    return "en" if first.startswith("en") else SOURCE_LANGUAGE


@cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    folder = resources_dir() / "translations"
    for path in sorted(folder.glob(f"*_{language}.ts")):
        if not path.name.startswith("qtbase_"):
            table.update(load_ts_file(path))
    return table


def say(language: str, text: str, /, context: str = CONTEXT, **params: object) -> str:
    """``text`` (Vietnamese source) in ``language``, formatted with ``params``."""
    if language != SOURCE_LANGUAGE:
        text = _catalogue(language).get((context, text), text)
    return text.format(**params) if params else text


def label(language: str, vocabulary: dict[str, str], code: str) -> str:
    """The label of a vocabulary code in ``language`` (the code itself when unknown)."""
    text = vocabulary.get(code)
    return say(language, text, context="vocab") if text else code
