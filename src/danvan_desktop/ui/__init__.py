"""ui box: the windows, pages and dialogs (PySide6), over the Session facade.

Importing this package first makes PySide6's per-module check cheap for every
module imported after it (pyside_scan.py): it is part of starting quickly.
"""

from danvan_desktop.ui import pyside_scan

pyside_scan.install()
