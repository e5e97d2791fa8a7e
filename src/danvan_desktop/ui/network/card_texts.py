"""How a card's parts read on screen (its level, its place), and the yes-or-no question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from danvan_desktop.core.network import CardRecognition, NetworkCard
from danvan_desktop.ui.text import date_text, tr


def level_text(level: str | None) -> str:
    """A recognition or sharing level in words («Cấp xã, phường», «Cấp thành phố»)."""
    if level == "city":
        return tr("NetworkPage", "Cấp thành phố")
    if level == "commune":
        return tr("NetworkPage", "Cấp xã, phường")
    return ""


def place_text(card: NetworkCard) -> str:
    """Where the model runs: the village, then its commune."""
    return ", ".join(part for part in (card.village_name, card.commune_name) if part)


def recognition_text(recognition: CardRecognition) -> str:
    """One recognition: its level, the decision and its date."""
    return tr(
        "CardDialog",
        "{level}: quyết định số {number} ngày {day}",
        level=level_text(recognition.level),
        number=recognition.decision_no,
        day=date_text(recognition.decided_on),
    )


Confirm = Callable[[QWidget, str, str], bool]


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes or no in a message box."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes
