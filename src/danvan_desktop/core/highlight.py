"""The marks a search puts around the matched words of a snippet.

Search (store/search.py) wraps each match in ``HIGHLIGHT_START`` … ``HIGHLIGHT_END``,
two control characters no typed text contains; whoever shows a snippet turns them
into its own highlighting (a coloured span in the window, brackets in the CLI). A
match is a whole word: the search finds words by their folded prefix, and the mark
covers the word it begins (``core.vntext.word_match_spans``, which the handbook's
reader uses too), never a piece of a syllable.
Kept apart so the model list can read them without loading the search module.
"""

from __future__ import annotations

HIGHLIGHT_START = "\u0002"
HIGHLIGHT_END = "\u0003"
