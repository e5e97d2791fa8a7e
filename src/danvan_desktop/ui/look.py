"""How the window looks and speaks: the bundled UI font and the installed translations.

The UI font is Noto Sans (SIL OFL, in ``resources/fonts``): full Vietnamese
coverage on every machine, including Windows installs without Vietnamese fonts
and the headless test platform, which has no system fonts at all. Translations:
English is every ``ui*_en.qm`` (our strings); Vietnamese is the source language of our
strings, but Qt's own buttons and menus are English, so ``qtbase_vi.qm`` (written
by us: Qt ships no Vietnamese) translates the ones our dialogs show. What Qt takes
from the locale rather than from a translator (the calendar's month and day names,
file sizes and kinds in the file dialog) follows the language too: the default
QLocale is Vietnamese (Việt Nam) or English (United Kingdom, day first as here).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QLabel

from danvan_desktop.core import i18n
from danvan_desktop.core.paths import resources_dir

log = logging.getLogger(__name__)

UI_FONT_FAMILY = "Noto Sans"
UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")
UI_FONT_POINT_SIZE = 10


def translations_dir() -> Path:
    """Where the .ts and .qm files live."""
    return resources_dir() / "translations"


def register_fonts(app: QGuiApplication) -> str:
    """Register the bundled UI font and make it the application font; returns its family."""
    family = ""
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id < 0:
            log.warning("could not register font %s", name)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        font = QFont(family, UI_FONT_POINT_SIZE)
        app.setFont(font)
    return family


def heading(text: str, scale: float = 1.3) -> QLabel:
    """A bold heading line (the title of a page or a section), never read as markup."""
    label = QLabel(text)
    if "<" in text:  # Qt reads text as rich text only when it holds a tag
        label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def ui_locale(language: str) -> QLocale:
    """The locale of ``language`` for what Qt writes itself (calendar names, sizes)."""
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def qm_files(language: str) -> list[Path]:
    """The compiled translations to install for ``language``.

    English is every ``ui*_en.qm``: each part of the window may keep its strings in a
    file of its own (``ui_en``, ``ui_sync_en``, ``ui_meetings_en``, ...).
    """
    folder = translations_dir()
    if language == "en":
        return sorted(folder.glob("ui*_en.qm"))
    return [folder / "qtbase_vi.qm"]


class Translations:
    """Installs the translators of the chosen language and switches core's ``tr`` too."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = i18n.SOURCE_LANGUAGE
        QLocale.setDefault(ui_locale(self.language))

    def apply(self, language: str) -> None:
        """Use ``language`` ("vi" or "en") from now on; widgets get a LanguageChange event."""
        if language not in i18n.SUPPORTED_LANGUAGES:
            language = i18n.SOURCE_LANGUAGE
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        for path in qm_files(language):
            translator = QTranslator(self._app)
            if translator.load(str(path)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.warning("could not load translation %s", path)
        QLocale.setDefault(ui_locale(language))  # widgets made from now on use it
        i18n.set_language(language)
        self.language = language
