"""The Windows part of the installer (a regular package, so ``windows.version_info``
imported by installer/danvan.spec cannot be shadowed by another ``windows`` module)."""
