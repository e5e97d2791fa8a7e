"""Where the application's read-only resources live: the package ``danvan_desktop.resources``.

The repository keeps them in its top-level ``resources/`` folder; pyproject.toml maps
that folder to the package ``danvan_desktop.resources``, so a wheel installs it next to
the code, an editable install points at the checkout's folder, and the PyInstaller
bundle places it at ``danvan_desktop/resources`` (installer/danvan.spec). Every reader
asks ``resources_dir()``, which finds the package through the import system, so no
code knows the layout of a source tree or of a bundle.

Why a real ``Path`` and not a ``Traversable``: Qt (``QFontDatabase.addApplicationFont``,
``QTranslator.load``), fpdf2 and fontTools want file names. Every way this application
is installed puts the package on disk as a regular package (wheel, editable install,
PyInstaller one-folder bundle, whose frozen importer answers ``files()`` with a path
inside the bundle), and ``importlib.resources.files`` of such a package *is* a
``pathlib.Path``. A package inside a zip archive would give a ``zipfile.Path``: that is
not a supported installation, and ``resources_dir()`` says so instead of extracting
copies (``importlib.resources.as_file`` of a folder needs Python 3.12).

Why the package's import spec and not ``importlib.resources.files`` itself: for a
regular package on disk the two name the same folder (``files()`` is the folder of
the spec's origin; tests/installer/test_wheel.py and tests/core/test_paths.py hold
them equal), but importing ``importlib.resources`` costs eight modules and about
4 ms at every start, on a start budget whose margin is smaller than that
(bench/gui.py). ``importlib.util`` is loaded before our code runs.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

RESOURCES_PACKAGE = "danvan_desktop.resources"


@functools.cache
def resources_dir() -> Path:
    """The folder of the ``danvan_desktop.resources`` package (fonts/, translations/, ...)."""
    spec = importlib.util.find_spec(RESOURCES_PACKAGE)
    origin = spec.origin if spec is not None else None
    if origin is None or not Path(origin).is_file():
        raise RuntimeError(
            f"{RESOURCES_PACKAGE} is not a folder on disk ({origin!r}): "
            "install the application from its wheel or bundle, not from a zip archive"
        )
    return Path(origin).parent
