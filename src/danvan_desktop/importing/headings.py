"""Matching a column's heading to a field, the way a leader writes headings.

A heading is folded (``fold_vietnamese``: no marks, đ→d, lower case) and stripped of
punctuation, so «Họ và tên», «HỌ VÀ TÊN», «Ho va ten» and «Họ, tên» read alike. A
heading matches a field when it is one of the field's headings (its label in the
schema, and the other ways lists name it, ``targets``), or begins with one of two
words or more («Số điện thoại liên hệ» is «Số điện thoại»).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from danvan_desktop.core.vntext import fold_vietnamese

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NOTE = re.compile(r"\((?:\*|\d+)\)|\*+")  # «Họ và tên (*)», «Ngày sinh (1)»


def fold_heading(text: object) -> str:
    """A heading as it is compared: folded, words only, single spaces."""
    if text is None:
        return ""
    folded = fold_vietnamese(_NOTE.sub(" ", str(text)))
    return " ".join(_NOT_WORD.sub(" ", folded).split())


class HeadingIndex:
    """The folded headings of one kind of record, each leading to a field (or extra)."""

    def __init__(self, headings: Mapping[str, Sequence[str]]) -> None:
        self._exact: dict[str, str] = {}
        for name, texts in headings.items():
            for text in texts:
                folded = fold_heading(text)
                owner = self._exact.setdefault(folded, name)
                if owner != name:
                    raise ValueError(f"heading {text!r} leads to both {owner} and {name}")
        # Prefixes of two words or more, longest first.
        self._prefixes = sorted(
            (h for h in self._exact if " " in h), key=lambda h: len(h), reverse=True
        )

    def field_for(self, heading: object) -> str | None:
        """The field (or extra) a heading names, or None."""
        folded = fold_heading(heading)
        if not folded:
            return None
        found = self._exact.get(folded)
        if found is not None:
            return found
        for prefix in self._prefixes:
            if folded.startswith(prefix + " "):
                return self._exact[prefix]
        return None
