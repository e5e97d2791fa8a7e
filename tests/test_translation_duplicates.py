"""A message is translated in one file only: two files could give it two translations."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def test_no_message_is_translated_in_two_files() -> None:
    """Each (context, source) pair appears in one *_en.ts file, so which .qm loads last
    cannot change what the user reads («Nhiệm vụ» was «Tasks» in one file, «Task» in
    another)."""
    files_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(TRANSLATIONS.glob("*_en.ts")):
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                files_of[(name, message.findtext("source") or "")].append(path.name)
    twice = {key: files for key, files in files_of.items() if len(files) > 1}
    assert twice == {}
