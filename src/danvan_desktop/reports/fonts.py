"""The bundled serif (Liberation Serif, metric-compatible with Times New Roman).

The PDF embeds these files; the DOCX names Times New Roman but needs the same
advance widths to size rules "as long as the text", so both read them here.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fontTools.ttLib import TTFont

from danvan_desktop.core.paths import resources_dir

FONT_FILES = {
    "": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
    "BI": "LiberationSerif-BoldItalic.ttf",
}
_MM_PER_PT = 25.4 / 72


def style_key(*, bold: bool, italic: bool) -> str:
    """The fpdf2-style key of a font face: "", "B", "I" or "BI"."""
    return ("B" if bold else "") + ("I" if italic else "")


def font_file(key: str) -> Path:
    """The TTF file of one face of the bundled serif."""
    return resources_dir() / "fonts" / FONT_FILES[key]


@functools.cache
def _advances(key: str) -> tuple[dict[str, float], float]:
    """Advance widths as fractions of an em, per character, and the fallback width."""
    with TTFont(font_file(key), lazy=True) as font:
        units = float(font["head"].unitsPerEm)
        metrics = font["hmtx"].metrics
        cmap = font.getBestCmap()
        widths = {chr(code): metrics[glyph][0] / units for code, glyph in cmap.items()}
        return widths, metrics[".notdef"][0] / units


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """How wide the text is, in millimetres, when set in the bundled serif."""
    widths, fallback = _advances(style_key(bold=bold, italic=italic))
    ems = sum(widths.get(char, fallback) for char in text)
    return ems * size_pt * _MM_PER_PT


def wrap_text(
    text: str, width_mm: float, size_pt: float, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Break text into lines no wider than width_mm (words longer than a line are cut)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_line(paragraph, width_mm, size_pt, style_key(bold=bold, italic=italic)))
    return lines


def _wrap_line(text: str, width_mm: float, size_pt: float, key: str) -> list[str]:
    widths, fallback = _advances(key)
    scale = size_pt * _MM_PER_PT
    limit = width_mm / scale  # in ems, so each word is measured once
    space = widths.get(" ", fallback)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split():
        word_width = sum(widths.get(char, fallback) for char in word)
        if current and used + space + word_width <= limit:
            current.append(word)
            used += space + word_width
            continue
        if current:
            lines.append(" ".join(current))
        while word_width > limit and len(word) > 1:
            head, word = _cut_word(word, limit, widths, fallback)
            lines.append(head)
            word_width = sum(widths.get(char, fallback) for char in word)
        current, used = [word], word_width
    lines.append(" ".join(current))
    return lines


def _cut_word(
    word: str, limit: float, widths: dict[str, float], fallback: float
) -> tuple[str, str]:
    used = 0.0
    for index, char in enumerate(word):
        used += widths.get(char, fallback)
        if used > limit:
            cut = max(index, 1)
            return word[:cut], word[cut:]
    return word, ""
