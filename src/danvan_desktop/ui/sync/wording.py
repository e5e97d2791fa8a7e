"""Messages kept from earlier, in the language the window speaks now.

A message is worded when it happens, in the language of that moment: the sync log
keeps a failed round's error, the outbox keeps the server's reason for a refused
change, the scheduler keeps the last round's error and the clock note. A leader who
switches to English (or a laptop whose log was written in Vietnamese) would read
them in the other language. ``reword`` finds the catalogue entry a kept message was
made from, in either language, takes its placeholders' values (each reworded too)
and words it again in the current language. A message made from no entry (an
operating system's reason) stays as it is.

The catalogue is every ``*_en.ts`` file outside the window's own (``ui*``): the
messages the store, the sync stack, the bundles and the server write. It is read
once, on first use: call ``reword`` on a lane, not on the GUI thread.

A message is tried only against the entries whose fixed start it begins with (looked up
by its first ``KEY_CHARS`` characters), and a message already reworded is answered from
memory: the Đồng bộ page rewords its whole log (the same failure 150 times over, on the
city reviewer's laptop), and trying each against all 1,800 entries held the lane's
interpreter lock ~150 ms while the page was first shown (issue 22).
"""

from __future__ import annotations

import functools
import heapq
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from danvan_desktop.core.i18n import SOURCE_LANGUAGE, current_language, load_ts_file
from danvan_desktop.core.paths import resources_dir

PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")
MIN_LITERAL = 8  # "{error}" alone, or "Lỗi: {x}", would match anything
MAX_DEPTH = 3  # a reason inside a message inside a message
KEY_CHARS = 2  # entries are looked up by the first characters of their fixed start
MEMO_SIZE = 4096  # messages remembered reworded (forgotten all at once past it)
_lock = threading.Lock()


@dataclass(frozen=True)
class _Template:
    """One side (Vietnamese or English) of a catalogue entry, as a pattern."""

    literal: int  # characters outside placeholders: the longer, the surer a match
    prefix: str
    suffix: str
    source: str  # the pattern, compiled when a message first fits prefix and suffix
    words: dict[str, str]  # language -> the entry's text in it

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiling all 1,800 at once took 200 ms of the lane's
        time, in which the window's own Python waited for the interpreter lock)."""
        return re.compile(self.source, re.DOTALL)


def _template(text: str, words: dict[str, str]) -> _Template | None:
    parts: list[str] = []
    seen: set[str] = set()
    literal = 0
    position = 0
    for found in PLACEHOLDER.finditer(text):
        chunk = text[position : found.start()]
        literal += len(chunk)
        parts.append(re.escape(chunk))
        name = found.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        position = found.end()
    tail = text[position:]
    literal += len(tail)
    parts.append(re.escape(tail))
    if literal < MIN_LITERAL:
        return None
    first = PLACEHOLDER.search(text)
    last = list(PLACEHOLDER.finditer(text))
    prefix = text[: first.start()] if first else text
    suffix = text[last[-1].end() :] if last else text
    return _Template(literal, prefix, suffix, "".join(parts), words)


class Wording:
    """The catalogue's messages as patterns in both languages."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        """``entries``: (Vietnamese source, English translation) pairs."""
        self._templates: list[_Template] = []
        for source, english in entries:
            words = {SOURCE_LANGUAGE: source, "en": english}
            for side in {source, english}:
                made = _template(side, words)
                if made is not None:
                    self._templates.append(made)
        self._templates.sort(key=lambda t: t.literal, reverse=True)
        # (rank, template): the entries by the start of their fixed text, and those whose
        # fixed start is shorter than the key (they may fit any message).
        self._keyed: dict[str, list[tuple[int, _Template]]] = {}
        self._short: list[tuple[int, _Template]] = []
        for rank, template in enumerate(self._templates):
            if len(template.prefix) < KEY_CHARS:
                self._short.append((rank, template))
            else:
                self._keyed.setdefault(template.prefix[:KEY_CHARS], []).append((rank, template))
        self._merged: dict[str, list[_Template]] = {}
        self._memo: dict[tuple[str, str, int], str] = {}

    def candidates(self, text: str) -> list[_Template]:
        """The entries ``text`` may have been made from, surest (longest literal) first."""
        key = text[:KEY_CHARS]
        merged = self._merged.get(key)
        if merged is None:
            both = heapq.merge(self._keyed.get(key, []), self._short, key=lambda pair: pair[0])
            merged = self._merged[key] = [template for _rank, template in both]
        return merged

    def reword(self, text: str, language: str, depth: int = 0) -> str:
        """``text`` in ``language`` when a catalogue entry made it; else ``text``."""
        if not text or depth > MAX_DEPTH:
            return text
        known = self._memo.get((text, language, depth))
        if known is None:
            known = self._reword(text, language, depth)
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[(text, language, depth)] = known
        return known

    def _reword(self, text: str, language: str, depth: int) -> str:
        for template in self.candidates(text):  # longest literal text first: the surest
            if not (text.startswith(template.prefix) and text.endswith(template.suffix)):
                continue
            match = template.pattern.fullmatch(text)
            if match is None:
                continue
            values = {
                name: self.reword(value, language, depth + 1)
                for name, value in match.groupdict().items()
            }
            try:
                return template.words[language].format(**values)
            except (KeyError, IndexError, ValueError):
                continue  # a format the captured text does not fit (a number's width)
        return text


@functools.cache
def _wording() -> Wording:
    entries: dict[tuple[str, str], str] = {}
    folder = resources_dir() / "translations"
    for path in sorted(folder.glob("*_en.ts")):
        if not path.name.startswith(("ui", "qtbase_")):
            entries.update(load_ts_file(path))
    return Wording((source, english) for (_context, source), english in entries.items())


def prepare() -> None:
    """Read the catalogue now (on a lane, at idle), not in a page's first read."""
    with _lock:
        _wording()


def reword(text: str | None, language: str | None = None) -> str:
    """A kept message in ``language`` (the current one by default); "" for none."""
    if not text:
        return ""
    with _lock:
        wording = _wording()
    return wording.reword(text, language or current_language())
