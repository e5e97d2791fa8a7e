"""The bundled UI font: every face registers and covers Vietnamese."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from danvan_desktop.core.paths import resources_dir
from danvan_desktop.ui.look import UI_FONT_FAMILY, UI_FONT_FILES

VIETNAMESE = "ĂÂĐÊÔƠƯăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


def test_every_face_covers_vietnamese() -> None:
    """Regular, bold and italic each have a glyph for every Vietnamese letter."""
    for name in UI_FONT_FILES:
        raw = QRawFont(str(resources_dir() / "fonts" / name), 12)
        assert raw.isValid(), name
        missing = [ch for ch in VIETNAMESE if not raw.supportsCharacter(ord(ch))]
        assert missing == [], f"{name} lacks {missing}"


def test_the_licence_ships_beside_the_font() -> None:
    """The SIL Open Font License text is in resources/fonts."""
    text = (resources_dir() / "fonts" / "NotoSans-LICENSE.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text


def test_application_font_is_noto_sans(qapp: object) -> None:
    """After registration the application's font is our Noto Sans."""
    assert UI_FONT_FAMILY in QFontDatabase.families()
    assert QFont().family() == UI_FONT_FAMILY


def test_high_dpi_scales_by_the_exact_factor(qapp: object) -> None:
    """The window scales by the screen's own factor (150 % stays 150 %): Qt 6's default,
    which the application relies on instead of setting it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    policy = QGuiApplication.highDpiScaleFactorRoundingPolicy()
    assert policy == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough


def test_a_heading_never_reads_markup(qapp: object) -> None:
    """A heading shows its text as written, tags and all; plain text stays Qt's default."""
    from PySide6.QtCore import Qt

    from danvan_desktop.ui.look import heading

    tagged = heading("Tổ <b>5</b>")
    assert tagged.textFormat() == Qt.TextFormat.PlainText
    assert tagged.font().bold()
    assert heading("Mô hình «Dân vận khéo»").textFormat() == Qt.TextFormat.AutoText
