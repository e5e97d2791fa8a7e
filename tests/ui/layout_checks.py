"""What a person would see as a misfit in a shown window: clipped text, elided titles, overlaps.

``misfits(top, where)`` looks at every visible widget of the window ``top``:

- a label (plain or rich text) whose text is wider than the label, or, word-wrapped,
  taller than the label at its width (``heightForWidth``), or holding a word wider
  than the label;
- a push button, check box or radio button whose text is wider than the part of the
  button the style draws text in (Qt clips it there); a tool button showing text
  narrower than its size hint;
- a group box whose title runs past its frame;
- a closed combo box whose chosen text is wider than its field (elided), and an empty
  line edit whose grey hint is wider than its room (elided);
- a tab bar whose tab is narrower than its text (elided) or lies beyond the bar (behind
  the scroll arrows);
- a table header whose section is narrower than its title (elided);
- two visible widgets placed by the same layout whose rectangles intersect.

Each finding is a ``Misfit`` naming the window, the widget (by the attribute its owner
keeps it in, when there is one), the text and the sizes needed and given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedLayout,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QStyleOptionHeader,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # pixels of rounding allowed before a text counts as clipped

# What one check finds, before the window and widget are named: (problem, text, need, have).
Finding = tuple[str, str, str, str]


@dataclass(frozen=True)
class Misfit:
    """One thing that does not fit: where, which widget, what text, needed and given sizes."""

    where: str
    widget: str
    problem: str
    text: str
    need: str
    have: str

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.widget} {self.problem}: «{self.text}» "
            f"needs {self.need}, has {self.have}"
        )

    def as_dict(self) -> dict[str, str]:
        """The finding as plain data (the walk reports it as JSON)."""
        return asdict(self)


def widget_name(widget: QWidget) -> str:
    """``Owner.attribute (Class)`` when an ancestor keeps the widget in an attribute, else
    the class."""
    kind = type(widget).__name__
    parent = widget.parentWidget()
    while parent is not None:
        for name, value in vars(parent).items():
            if value is widget:
                return f"{type(parent).__name__}.{name} ({kind})"
        parent = parent.parentWidget()
    return kind


def plain(text: str) -> str:
    """A button or tab text as drawn: «&&» is one ampersand, a single «&» marks a mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def px(width: int, height: int | None = None) -> str:
    """A size as the report writes it."""
    return f"{width}px" if height is None else f"{width}×{height}px"


def _wider(problem: str, text: str, need: int, have: int) -> Finding | None:
    return (problem, text, px(need), px(have)) if need > have + SLACK else None


# -- labels ---------------------------------------------------------------------------


def _is_rich(label: QLabel) -> bool:
    if label.textFormat() == Qt.TextFormat.RichText:
        return True
    auto = label.textFormat() == Qt.TextFormat.AutoText
    return auto and bool(re.search(r"<[a-zA-Z/!]", label.text()))


def _document(label: QLabel) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    return document


def label_finding(label: QLabel) -> Finding | None:
    """A label whose text does not fit it (its width, or its height when word-wrapped)."""
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    rich = _is_rich(label)
    text = _document(label).toPlainText() if rich else label.text()
    room = label.contentsRect().width() - 2 * label.margin()
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            problem = "text clipped (wrapped lines taller than the label)"
            return (problem, text, px(label.width(), need), px(label.width(), label.height()))
        longest = max(text.split() or [""], key=metrics.horizontalAdvance)
        return _wider(
            "word wider than the label", longest, metrics.horizontalAdvance(longest), room
        )
    if rich:
        width = int(_document(label).idealWidth() + 0.999)
    else:
        width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    height = label.sizeHint().height()
    if width > room + SLACK or height > label.height() + SLACK:
        return ("text clipped", text, px(width, height), px(room, label.height()))
    return None


# -- buttons, group boxes, combo boxes, line edits ------------------------------------


def button_finding(button: QAbstractButton) -> Finding | None:
    """A button whose text is wider than the part of it the style draws text in."""
    text = plain(button.text())
    if not text:
        return None
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return None
        return _wider("text clipped", text, button.sizeHint().width(), button.width())
    element = QStyle.SubElement.SE_PushButtonContents
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text, option.icon, option.iconSize = button.text(), button.icon(), button.iconSize()
    need = QFontMetrics(button.font()).horizontalAdvance(text)
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if isinstance(button, QPushButton):
        if button.autoDefault() or button.isDefault():
            option.features |= QStyleOptionButton.ButtonFeature.AutoDefaultButton
        if button.menu() is not None:
            option.features |= QStyleOptionButton.ButtonFeature.HasMenu
            need += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    room = button.style().subElementRect(element, option, button).width()
    return _wider("text clipped", text, need, room)


def group_box_finding(box: QGroupBox) -> Finding | None:
    """A group box whose title runs past its frame."""
    title = plain(box.title())
    if not title:
        return None
    option = QStyleOptionGroupBox()
    option.initFrom(box)
    option.text = box.title()
    option.textAlignment = box.alignment()
    option.subControls = QStyle.SubControl.SC_GroupBoxFrame | QStyle.SubControl.SC_GroupBoxLabel
    if box.isCheckable():
        option.subControls |= QStyle.SubControl.SC_GroupBoxCheckBox
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    if label.left() < -SLACK:
        return ("title clipped", title, px(label.width()), px(box.width()))
    return _wider("title clipped", title, label.right() + 1, box.width())


def combo_finding(combo: QComboBox) -> Finding | None:
    """A closed, non-editable combo box whose chosen text is wider than its text field."""
    text = combo.currentText()
    if combo.isEditable() or not text:
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = QFontMetrics(combo.font()).horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    return _wider("chosen text elided", text, need, field.width())


def placeholder_finding(edit: QLineEdit) -> Finding | None:
    """An empty line edit whose grey hint is wider than its room for text (Qt elides it)."""
    hint = edit.placeholderText()
    if edit.text() or not hint:
        return None
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    width = room.width() - margins.left() - margins.right() - 4  # Qt's 2-pixel margins
    for side in edit.findChildren(QToolButton):  # the clear button keeps its room, shown or not
        width -= side.width()
    return _wider("hint elided", hint, QFontMetrics(edit.font()).horizontalAdvance(hint), width)


# -- tabs and headers -----------------------------------------------------------------


def tab_findings(bar: QTabBar) -> Iterator[Finding]:
    """Tabs whose text is elided, or that lie beyond the bar (behind its scroll arrows)."""
    metrics = QFontMetrics(bar.font())
    padding = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for index in range(bar.count()):
        text = plain(bar.tabText(index))
        if not bar.isTabVisible(index) or not text:
            continue
        rect = bar.tabRect(index)
        need = metrics.horizontalAdvance(text) + padding
        if not bar.tabIcon(index).isNull():
            need += bar.iconSize().width() + 4
        found = _wider(f"tab {index} text elided", text, need, rect.width())
        if found is None and (rect.right() > bar.width() + SLACK or rect.left() < -SLACK):
            problem = f"tab {index} beyond the bar (hidden behind the scroll arrows)"
            found = (problem, text, px(rect.right() + 1), px(bar.width()))
        if found is not None:
            yield found


def header_findings(header: QHeaderView) -> Iterator[Finding]:
    """Sections of a horizontal table header narrower than their titles (elided)."""
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return
    metrics = QFontMetrics(header.font())
    for logical in range(header.count()):
        value: Any = model.headerData(logical, Qt.Orientation.Horizontal)
        text = "" if value is None else str(value)
        if header.isSectionHidden(logical) or not text:
            continue
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.rect = QRect(0, 0, header.sectionSize(logical), header.height())
        option.section, option.text = logical, text
        option.orientation = Qt.Orientation.Horizontal
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        room = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        found = _wider(f"column {logical} title elided", text, need, room.width())
        if found is not None:
            yield found


# -- overlaps -------------------------------------------------------------------------


def layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    """The widgets ``layout`` places, through its nested layouts."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        inner = item.layout() if item is not None else None
        if widget is not None:
            yield widget
        elif isinstance(inner, QLayout):  # (PySide may hand a spacer back as its layout)
            yield from layout_widgets(inner)


def overlap_findings(owner: QWidget) -> Iterator[tuple[QWidget, Finding]]:
    """Visible widgets placed by ``owner``'s layout whose rectangles intersect."""
    layout = owner.layout()
    if layout is None or isinstance(layout, QStackedLayout):
        return
    shown = [
        w
        for w in layout_widgets(layout)
        if w.isVisible() and not w.isWindow() and w.width() > 0 and w.height() > 0
    ]
    for first, one in enumerate(shown):
        for other in shown[first + 1 :]:
            common = one.geometry().intersected(other.geometry())
            if common.width() > SLACK and common.height() > SLACK:
                problem = f"overlaps {widget_name(other)}"
                yield one, (problem, _describe(one), _rect(one), _rect(other))


def _describe(widget: QWidget) -> str:
    for getter in ("text", "title", "windowTitle"):
        value = getattr(widget, getter, None)
        text = value() if callable(value) else None
        if isinstance(text, str) and text:
            return text
    return ""


def _rect(widget: QWidget) -> str:
    rect = widget.geometry()
    return f"{rect.width()}×{rect.height()}px at ({rect.x()},{rect.y()})"


# -- the whole window -----------------------------------------------------------------


def window_misfit(top: QWidget, where: str, screen: QRect) -> Misfit | None:
    """A window larger than the screen's free area (its bottom or side cannot be reached)."""
    size = top.size()
    if size.width() <= screen.width() and size.height() <= screen.height():
        return None
    need, have = px(size.width(), size.height()), px(screen.width(), screen.height())
    problem = "window larger than the screen"
    return Misfit(where, type(top).__name__, problem, top.windowTitle(), need, have)


def widget_findings(widget: QWidget) -> Iterator[Finding]:
    """What does not fit in ``widget`` itself (its text, its title, its tabs or columns)."""
    one: Finding | None = None
    if isinstance(widget, QLabel):
        one = label_finding(widget)
    elif isinstance(widget, QAbstractButton):
        one = button_finding(widget)
    elif isinstance(widget, QGroupBox):
        one = group_box_finding(widget)
    elif isinstance(widget, QComboBox):
        one = combo_finding(widget)
    elif isinstance(widget, QLineEdit):
        one = placeholder_finding(widget)
    elif isinstance(widget, QTabBar):
        yield from tab_findings(widget)
    elif isinstance(widget, QHeaderView):
        yield from header_findings(widget)
    if one is not None:
        yield one


def misfits(top: QWidget, where: str) -> list[Misfit]:
    """Every misfit among the visible widgets of the window ``top``."""
    found: list[Misfit] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not top:
            continue
        for one, finding in overlap_findings(widget):
            found.append(Misfit(where, widget_name(one), *finding))
        for finding in widget_findings(widget):
            found.append(Misfit(where, widget_name(widget), *finding))
    return found
