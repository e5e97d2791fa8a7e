"""The sync page's kept messages are reworded from a catalogue read in a few milliseconds
(issue 22: compiling its 1,800 patterns at once held the lane's interpreter lock 200 ms
while the Đồng bộ page was first shown, and the window stalled with it)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from danvan_desktop.ui.sync import wording

ENTRY = ("Không gửi được {count} thay đổi lên máy chủ.", "Could not send {count} changes.")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    compiled: list[str] = []
    real = re.compile

    def counting(pattern: Any, flags: int = 0) -> re.Pattern[str]:
        compiled.append(str(pattern))
        return real(pattern, flags)

    monkeypatch.setattr(wording.re, "compile", counting)
    return compiled


def test_reading_the_catalogue_compiles_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """Making the catalogue compiles none of its patterns."""
    compiled = _counting(monkeypatch)
    wording.Wording([ENTRY])
    assert compiled == []


def test_a_message_compiles_the_pattern_it_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept English message is reworded in Vietnamese, compiling only its own pattern."""
    catalogue = wording.Wording([ENTRY])
    compiled = _counting(monkeypatch)
    assert catalogue.reword("Could not send 3 changes.", "vi") == (
        "Không gửi được 3 thay đổi lên máy chủ."
    )
    assert len(compiled) == 1
