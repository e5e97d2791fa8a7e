"""resources_dir() finds the resources package as importlib.resources does."""

from __future__ import annotations

import importlib.resources

from danvan_desktop.core.paths import RESOURCES_PACKAGE, resources_dir


def test_resources_dir_is_the_folder_importlib_resources_names() -> None:
    """The folder found through the package's import spec is the one files() gives."""
    assert resources_dir() == importlib.resources.files(RESOURCES_PACKAGE)


def test_resources_dir_holds_every_kind_of_resource() -> None:
    """Fonts, translations, presets, the handbook, the regulation and the icons are there."""
    names = {p.name for p in resources_dir().iterdir() if p.is_dir()}
    assert {"fonts", "translations", "presets", "handbook", "regulation", "icons"} <= names
