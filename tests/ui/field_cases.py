"""What the every-field walk types into each kind of field, and how a user types it.

The values come from core's rules (core/field_rules.py, core/schema.py): text at its
``max_length`` is kept and one character over is refused; Vietnamese is kept exactly
(NFC); an integer at the edge of its domain is kept or refused with a message, one
beyond is refused; dates are typed ``15/03/2026``, ``15/3/2026`` and ``15032026``
(all 2026-03-15) and ``31/02/2026`` is refused; an optional field left empty is saved
empty, a required one is refused. Each case says what must happen: ``KEPT`` (stored
exactly as ``stored``), ``REFUSED`` (a message beside the field, nothing saved) or
``EITHER`` of the two.

Typing is the keyboard's: focus the field as a click would, select all, Backspace,
then the keys. ASCII goes through ``QTest.keyClicks``; any other character is one key
event carrying that character (``keyClicks`` aborts the process on non-ASCII text,
CONVENTIONS.md); a line break is the Return key.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QListWidget,
    QWidget,
)

from danvan_desktop.core.field_rules import INT64_MAX, int_domain
from danvan_desktop.core.schema import FieldSpec

KEPT, REFUSED, EITHER = "kept", "refused", "either"
EMPTY_VALUES = (None, "", [], {}, "[]", "{}")

ASCII = "Nha van hoa to dan pho 5"
VIETNAMESE = unicodedata.normalize("NFC", "Trần Thị Hường – Chi hội Phụ nữ thôn Đông Giang")
SHORT_VIETNAMESE = unicodedata.normalize("NFC", "Ngày công đóng góp")  # for limits under 47
LINES = unicodedata.normalize(
    "NFC",
    "Bà con thống nhất hiến đất mở rộng đường kiệt.\n"
    "Giao Chi hội Phụ nữ vận động 14 hộ còn lại trước ngày 30/4.",
)
_WORDS = unicodedata.normalize("NFC", "Đường hoa xanh sạch đẹp của khu dân cư Đông Ba ")
LONG_WITHOUT_LIMIT = 600  # a long value for a field core sets no limit on
THE_DAY = "2026-03-15"
DATES_TYPED = ("15/03/2026", "15/3/2026", "15032026")
PHONES_KEPT = ("0905 123 456", "+84 905 123 456")


@dataclass(frozen=True)
class Case:
    """One value typed into one field, and what must come of it."""

    label: str
    typed: str  # the keys; for a choice "next"/"first", a tick "on"/"off", ticks "first"/"none"
    expect: str  # KEPT, REFUSED or EITHER
    stored: Any = None  # what the store keeps when kept (None: saved empty)


def sized(length: int) -> str:
    """Vietnamese text exactly ``length`` characters long in NFC, no space at either end."""
    text = (_WORDS * (length // len(_WORDS) + 1))[:length]
    if text.endswith(" "):
        text = text[:-1] + "a"
    assert len(unicodedata.normalize("NFC", text)) == length
    return text


# A server address: https kept, plain http (to another computer) refused.
SERVER_CASES = [
    Case("https address", "https://danvan.hue.gov.vn", KEPT, "https://danvan.hue.gov.vn"),
    Case("http address", "http://danvan.hue.gov.vn", REFUSED),
    Case("empty", "", KEPT, None),
]


def empty_case(required: bool) -> Case:
    """An emptied field: refused when required, saved empty otherwise."""
    return Case("empty", "", REFUSED) if required else Case("empty", "", KEPT, None)


def nfd(text: str) -> str:
    """``text`` decomposed, as some Vietnamese keyboards send it (a mark after its letter)."""
    return unicodedata.normalize("NFD", text)


def text_cases(spec: FieldSpec | None, required: bool) -> list[Case]:
    """ASCII and Vietnamese (typed composed or decomposed) kept as NFC; the limit, counted
    in NFC, kept and one over refused; empty. No two cases in a row keep the same value,
    so a value silently ignored cannot pass as kept."""
    limit = spec.max_length if spec is not None else None
    words = VIETNAMESE if not limit or limit >= len(VIETNAMESE) else SHORT_VIETNAMESE
    viet = [
        Case("Vietnamese", words, KEPT, words),
        Case("Vietnamese typed decomposed (NFD)", nfd(words), KEPT, words),
    ]
    if not limit:
        long_text = sized(LONG_WITHOUT_LIMIT)
        return [
            viet[0],
            Case("ASCII", ASCII, KEPT, ASCII),
            viet[1],
            Case(f"{LONG_WITHOUT_LIMIT} characters (no limit)", long_text, EITHER, long_text),
            empty_case(required),
        ]
    at_limit = sized(limit)
    return [
        viet[0],
        Case(f"{limit} characters (the limit)", at_limit, KEPT, at_limit),
        viet[1],
        Case(f"{limit} characters typed decomposed (NFD)", nfd(at_limit), KEPT, at_limit),
        Case("ASCII", ASCII, KEPT, ASCII),
        Case(f"{limit + 1} characters (one over)", sized(limit + 1), REFUSED),
        empty_case(required),
    ]


def long_text_cases(required: bool) -> list[Case]:
    """Two lines of Vietnamese kept exactly; a long text; empty."""
    long_text = sized(LONG_WITHOUT_LIMIT)
    return [
        Case("two lines of Vietnamese", LINES, KEPT, LINES),
        Case(f"{LONG_WITHOUT_LIMIT} characters", long_text, KEPT, long_text),
        empty_case(required),
    ]


def date_cases(required: bool) -> list[Case]:
    """The day typed three ways, all 2026-03-15 (cleared between them when optional, so
    each one has to change the record); 31/02/2026 refused; cleared."""
    cases: list[Case] = []
    for typed in DATES_TYPED:
        cases.append(Case(f"typed {typed}", typed, KEPT, THE_DAY))
        if not required:
            cases.append(Case(f"cleared after {typed}", "", KEPT, None))
    if not required:
        cases.insert(-1, Case("31/02/2026", "31/02/2026", REFUSED))
        return cases
    return [*cases, Case("31/02/2026", "31/02/2026", REFUSED), empty_case(required)]


def datetime_cases(required: bool) -> list[Case]:
    """15/03/2026 08:30 kept; a day or an hour that does not exist refused; cleared."""
    return [
        Case("15/03/2026 08:30", "15/03/2026 08:30", KEPT, f"{THE_DAY}T08:30"),
        Case("31/02/2026 08:30", "31/02/2026 08:30", REFUSED),
        Case("15/03/2026 25:00", "15/03/2026 25:00", REFUSED),
        empty_case(required),
    ]


def int_cases(domain: tuple[int, int], typical: int, required: bool) -> list[Case]:
    """A usual number kept; each edge of the domain kept or refused; beyond refused."""
    low, high = domain
    return [
        Case(str(typical), str(typical), KEPT, typical),
        Case(f"{low} (smallest allowed)", str(low), EITHER, low),
        Case(f"{high} (largest allowed)", str(high), EITHER, high),
        Case(f"{low - 1} (below the smallest)", str(low - 1), REFUSED),
        Case(f"{high + 1} (above the largest)", str(high + 1), REFUSED),
        empty_case(required),
    ]


def real_cases(required: bool) -> list[Case]:
    """A decimal comma or point kept; letters and an infinite number refused; empty."""
    return [
        Case("12,5", "12,5", KEPT, 12.5),
        Case("0", "0", KEPT, 0.0),
        Case("12.5", "12.5", KEPT, 12.5),
        Case("letters", "abc", REFUSED),
        Case("1e999 (not finite)", "1e999", REFUSED),
        empty_case(required),
    ]


def phone_cases(spec: FieldSpec | None) -> list[Case]:
    """Phone numbers kept; words and one over the limit refused; empty saved empty."""
    limit = (spec.max_length if spec else None) or 20
    too_long = ("0905 123 456 789 0123 4567 89")[: limit + 1]
    return [
        *(Case(phone, phone, KEPT, phone) for phone in PHONES_KEPT),
        Case("abc xyz", "abc xyz", REFUSED),
        Case(f"{limit + 1} characters", too_long, REFUSED),
        empty_case(False),
    ]


def choice_cases() -> list[Case]:
    """The next option, the one after, then the first: each kept."""
    return [
        Case("next option", "next", KEPT),
        Case("option after that", "next", KEPT),
        Case("first option", "first", KEPT),
    ]


def check_cases() -> list[Case]:
    """Ticked, then unticked."""
    return [Case("ticked", "on", KEPT, True), Case("unticked", "off", KEPT, False)]


def ticks_cases() -> list[Case]:
    """Only the first row ticked (its id kept), then none (saved empty)."""
    return [Case("first ticked", "first", KEPT), Case("none ticked", "none", KEPT, None)]


def cases_for(
    kind: str,
    spec: FieldSpec | None,
    *,
    required: bool,
    domain: tuple[int, int] | None = None,
    typical: int | None = None,
) -> list[Case]:
    """The cases of a field of ``kind`` held to ``spec``'s rules."""
    if kind == "text":
        return text_cases(spec, required)
    if kind == "long_text":
        return long_text_cases(required)
    if kind == "date":
        return date_cases(required)
    if kind == "datetime":
        return datetime_cases(required)
    if kind == "int":
        limits = domain or (int_domain(spec) if spec is not None else (0, INT64_MAX))
        usual = typical if typical is not None else max(limits[0], min(limits[1], 2026))
        return int_cases(limits, usual, required)
    if kind == "real":
        return real_cases(required)
    if kind == "phone":
        return phone_cases(spec)
    if kind == "choice":
        return choice_cases()
    if kind == "check":
        return check_cases()
    if kind == "ticks":
        return ticks_cases()
    raise ValueError(kind)


# -- typing as a user would ------------------------------------------------------------
def activate(widget: QWidget) -> None:
    """Bring the widget's window to the front, as clicking into it does."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        QTest.qWaitForWindowActive(window, 1000)


def key_target(widget: QWidget) -> QWidget:
    """Where keys go: an editable combo's line, else the widget."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        line = widget.lineEdit()
        assert line is not None
        return line
    return widget


def type_keys(widget: QWidget, text: str) -> None:
    """Press the keys of ``text``: ASCII runs as key clicks, others one event each."""
    run = ""
    for char in text:
        if char.isascii() and char.isprintable():
            run += char
            continue
        if run:
            QTest.keyClicks(widget, run)
            run = ""
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )
    if run:
        QTest.keyClicks(widget, run)


def replace_text(widget: QWidget, text: str) -> None:
    """Click into the field, select all, Backspace, type ``text``."""
    target = key_target(widget)
    activate(target)
    target.setFocus(Qt.FocusReason.MouseFocusReason)
    QTest.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(target, Qt.Key.Key_Backspace)
    type_keys(target, text)


def pick(combo: QComboBox, step: str) -> Any:
    """Move a combo to the next (or the first) option with the arrow keys; returns its data."""
    activate(combo)
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    count = combo.count()
    assert count > 0, "the list offers nothing to choose"
    target = 0 if step == "first" else (combo.currentIndex() + 1) % count
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        QTest.keyClick(combo, key)
    assert combo.currentIndex() == target
    data = combo.itemData(target)
    return combo.itemText(target) if data is None else data


def set_tick(box: QCheckBox, on: bool) -> None:
    """Click the box when it is not as wanted."""
    if box.isChecked() != on:
        activate(box)
        QTest.mouseClick(box, Qt.MouseButton.LeftButton)


def tick_rows(widget: QListWidget, first_only: bool) -> Any:
    """Tick the first row only (returns its id) or none, clicking a row then Space."""
    activate(widget)
    first = None
    for row in range(widget.count()):
        item = widget.item(row)
        wanted = first_only and row == 0
        if (item.checkState() == Qt.CheckState.Checked) != wanted:
            rect = widget.visualItemRect(item)
            QTest.mouseClick(
                widget.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                rect.center(),
            )
            QTest.keyClick(widget.viewport(), Qt.Key.Key_Space)
        if row == 0:
            first = item.data(Qt.ItemDataRole.UserRole + 1)
    return first if first_only else None


def open_cell(view: QAbstractItemView, row: int, column: int) -> QWidget:
    """Double-click a cell as a mouse would; returns the editor it opens."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    activate(view)
    QTest.mousePress(view.viewport(), left, none, where)
    QTest.mouseRelease(view.viewport(), left, none, where)
    QTest.mouseDClick(view.viewport(), left, none, where)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view, "double-clicking the cell opened no editor"
    return editor


def type_in_cell(view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Open the cell's editor, replace its text, press Return."""
    editor = open_cell(view, row, column)
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    type_keys(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def click_cell(view: QAbstractItemView, row: int, column: int) -> None:
    """One click in a cell (a tick cell toggles)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    activate(view)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )


def same(stored: Any, wanted: Any) -> bool:
    """Is ``stored`` what was typed (None wanted: saved empty)?"""
    if wanted is None:
        return stored in EMPTY_VALUES
    if isinstance(wanted, bool):
        return stored in (wanted, int(wanted))
    if isinstance(wanted, float) and isinstance(stored, int | float):
        return float(stored) == wanted
    return bool(stored == wanted and type(stored) is type(wanted))
