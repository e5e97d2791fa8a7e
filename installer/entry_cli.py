"""What the frozen ``danvan`` command runs (PyInstaller's entry script)."""

from __future__ import annotations

from danvan_desktop.cli import main

if __name__ == "__main__":
    main()
