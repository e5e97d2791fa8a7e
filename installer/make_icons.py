"""Render ``resources/icons/danvan-desktop.svg`` to the PNG sizes and the Windows ICO we ship.

Run it by hand after changing the SVG (the outputs are committed, so a build needs
neither Qt's SVG module nor Pillow):

    .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "danvan-desktop.svg"
# The sizes desktops ask for (hicolor theme folders) and Windows puts in an .ico.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_NAME = "danvan-desktop.ico"


def png_path(size: int) -> Path:
    """Where the PNG of one size lives."""
    return ICONS / f"danvan-desktop-{size}.png"


def render_pngs() -> list[Path]:
    """Draw the SVG at every size with Qt's SVG renderer; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = png_path(size)
        if not image.save(str(path)):  # the format follows the .png suffix
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    del app
    return written


def write_ico() -> Path:
    """Pack the rendered PNGs into one multi-size .ico (Windows: exe, shortcuts, setup)."""
    from PIL import Image

    images = [Image.open(png_path(size)) for size in PNG_SIZES]
    target = ICONS / ICO_NAME
    largest = images[-1]
    largest.save(
        target,
        format="ICO",
        sizes=[(size, size) for size in PNG_SIZES],
        append_images=images[:-1],
    )
    return target


def main() -> int:
    """Render every PNG, then the ICO."""
    for path in [*render_pngs(), write_ico()]:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
