"""Fill translations into a Qt Linguist file from a Python mapping {source: translation}.

Usage: ``python scripts/ts_fill.py FILE.ts MAPPING.py`` where MAPPING.py defines ``EN``.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts_path: Path, mapping: dict[str, str]) -> list[str]:
    """Set the translation of every source found in ``mapping``; return those still missing."""
    tree = ET.parse(ts_path)
    missing = []
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        trans = msg.find("translation")
        if trans is None:
            continue
        if source in mapping:
            trans.text = mapping[source]
            trans.attrib.pop("type", None)
        elif trans.get("type") == "unfinished":
            missing.append(source)
    ET.indent(tree.getroot())
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(tree.getroot(), encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    return missing


if __name__ == "__main__":
    table = runpy.run_path(sys.argv[2])["EN"]
    print("still missing:", fill(Path(sys.argv[1]), table))
