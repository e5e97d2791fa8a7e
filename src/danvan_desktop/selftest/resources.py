"""Self-test: the resources both programs need without Qt.

The four faces of the serif the PDF writer embeds (``reports/fonts.py``) open and
cover every Vietnamese letter; the English catalogues the commands read
(``resources/translations/*_en.ts``, through ``core/i18n.py``) parse and translate.
"""

from __future__ import annotations

from danvan_desktop.core import i18n
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.paths import resources_dir
from danvan_desktop.core.selftest_outcome import VIETNAMESE_LETTERS, Outcome, failed, passed

# A string every English catalogue has had from the start, and its English.
KNOWN_TEXT = ("vocab", "Tổ trưởng", "Leader")


def missing_letters(codepoints: set[int]) -> str:
    """The Vietnamese letters not among ``codepoints`` (empty when all are there)."""
    return "".join(letter for letter in VIETNAMESE_LETTERS if ord(letter) not in codepoints)


def pdf_fonts() -> Outcome:
    """Every face of the PDF serif opens and has every Vietnamese letter."""
    from fontTools.ttLib import TTFont

    from danvan_desktop.reports.fonts import FONT_FILES, font_file

    for key in FONT_FILES:
        path = font_file(key)
        try:
            with TTFont(path, lazy=True) as font:
                missing = missing_letters(set(font.getBestCmap()))
        except Exception as error:
            return failed(
                tr(
                    "SelfTest",
                    "phông chữ của PDF: không mở được {name} ({error})",
                    name=path.name,
                    error=f"{type(error).__name__}: {error}",
                )
            )
        if missing:
            return failed(
                tr(
                    "SelfTest",
                    "phông chữ của PDF: {name} thiếu chữ {letters}",
                    name=path.name,
                    letters=missing,
                )
            )
    return passed(
        tr("SelfTest", "phông chữ của PDF: {count} kiểu chữ đủ tiếng Việt", count=len(FONT_FILES))
    )


def command_translations() -> Outcome:
    """The commands' English catalogues parse, and a known string comes out in English."""
    folder = resources_dir() / "translations"
    files = [p for p in sorted(folder.glob("*_en.ts")) if not p.name.startswith("qtbase_")]
    if not files:
        return failed(
            tr(
                "SelfTest",
                "bản dịch tiếng Anh của các lệnh: không có tệp nào trong {folder}",
                folder=folder,
            )
        )
    for path in files:
        try:
            i18n.load_ts_file(path)
        except Exception as error:
            return failed(
                tr(
                    "SelfTest",
                    "bản dịch tiếng Anh của các lệnh: không đọc được {name} ({error})",
                    name=path.name,
                    error=error,
                )
            )
    context, source, english = KNOWN_TEXT
    before = i18n.current_language()
    i18n.set_language("en")
    try:
        answer = i18n.tr(context, source)
    finally:
        i18n.set_language(before)
    if answer != english:
        return failed(
            tr(
                "SelfTest",
                "bản dịch tiếng Anh của các lệnh: «{source}» ra «{answer}», không phải «{english}»",
                source=source,
                answer=answer,
                english=english,
            )
        )
    return passed(
        tr("SelfTest", "bản dịch tiếng Anh của các lệnh: đọc được {count} tệp", count=len(files))
    )
