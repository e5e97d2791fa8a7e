"""What the frozen ``danvan-desktop`` program runs (PyInstaller's entry script)."""

from __future__ import annotations

import sys

from danvan_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
