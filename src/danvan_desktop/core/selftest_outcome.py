"""What one self-test check found, and the line it prints.

Shared by both halves of ``--self-test``: the checks without Qt (``selftest/``) and
the window's (``ui/selftest/window.py``), which both import core only for it.
"""

from __future__ import annotations

from typing import NamedTuple

from danvan_desktop.core.i18n import tr

STATUSES = ("ok", "error", "skipped")
_LOWER = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
# Every Vietnamese letter, both cases: what a font (the PDF's, the window's) must cover.
VIETNAMESE_LETTERS = _LOWER + _LOWER.upper()


class Outcome(NamedTuple):
    """One check's result: ``status`` ("ok", "error" or "skipped") and what it says."""

    status: str
    text: str

    def line(self) -> str:
        """The printed line: «OK …», «LỖI …» or «BỎ QUA …» in the user's language."""
        if self.status == "ok":
            mark = tr("SelfTest", "OK")
        elif self.status == "error":
            mark = tr("SelfTest", "LỖI")
        else:
            mark = tr("SelfTest", "BỎ QUA")
        return f"{mark} {self.text}"


def passed(text: str) -> Outcome:
    """A check that passed."""
    return Outcome("ok", text)


def failed(text: str) -> Outcome:
    """A check that failed (the program's self-test exits non-zero)."""
    return Outcome("error", text)


def skipped(text: str) -> Outcome:
    """A check this program cannot run (not a failure)."""
    return Outcome("skipped", text)
