"""Which version of the bundled handbook a store holds, and which one is shipped.

Asked every time a store opens; kept apart from handbook.py, which loads and
indexes the documents (and the modules that takes), so that the usual answer,
"already loaded", costs one small file read and one meta row.
"""

from __future__ import annotations

import json
from pathlib import Path

from danvan_desktop.core.paths import resources_dir

BUNDLE_META_KEY = "handbook_bundle_version"


def bundle_version(folder: Path | None = None) -> int:
    """The bundle's version, reading only its index."""
    folder = folder or resources_dir() / "handbook"
    return int(json.loads((folder / "index.json").read_text(encoding="utf-8"))["version"])


def loaded_version(meta_value: str | None) -> int:
    """The version a store's meta row says was loaded (0: none yet)."""
    return int(meta_value or 0)
