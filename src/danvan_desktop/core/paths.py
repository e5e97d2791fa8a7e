"""Where the application's read-only resources live (source tree or frozen app)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: env override, PyInstaller bundle, or the source tree."""
    override = os.environ.get("DANVAN_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    # src/danvan_desktop/core/paths.py -> repository root
    return Path(__file__).resolve().parents[3] / "resources"
