"""The bundled serif: files, Vietnamese coverage, metrics, line breaking."""

from __future__ import annotations

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from danvan_desktop.core.paths import resources_dir
from danvan_desktop.reports.fonts import FONT_FILES, font_file, text_width_mm, wrap_text

VIETNAMESE = (
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
)


def test_every_face_covers_vietnamese() -> None:
    """Regular, bold, italic and bold italic have a glyph for every Vietnamese letter."""
    for key in FONT_FILES:
        with TTFont(font_file(key), lazy=True) as font:
            cmap = font.getBestCmap()
        assert [char for char in VIETNAMESE if ord(char) not in cmap] == [], key


def test_licence_ships_beside_the_fonts() -> None:
    """The SIL Open Font License text is in resources/fonts."""
    licence = (resources_dir() / "fonts" / "LiberationSerif-LICENSE.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_width_matches_times_new_roman_metrics() -> None:
    """The motto at 14 pt bold is 60.5 mm wide, as in Times New Roman."""
    assert round(text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True), 1) == 60.5


def test_wrap_breaks_between_words() -> None:
    """Lines break at spaces and each fits the width."""
    text = "Vận động nhân dân hiến đất mở rộng đường kiệt"
    lines = wrap_text(text, 40, 12)
    assert lines == ["Vận động nhân dân", "hiến đất mở rộng", "đường kiệt"]
    assert all(text_width_mm(line, 12) <= 40 for line in lines)


def test_wrap_cuts_a_word_longer_than_the_line() -> None:
    """A word wider than the column is cut rather than overflowing it."""
    lines = wrap_text("0123456789" * 5, 20, 12)
    assert "".join(lines) == "0123456789" * 5
    assert all(text_width_mm(line, 12) <= 20 for line in lines)


def test_wrap_keeps_explicit_line_breaks() -> None:
    """A newline in the text starts a new line, an empty one stays empty."""
    assert wrap_text("Ông An\n\nBà Lan", 80, 12) == ["Ông An", "", "Bà Lan"]
