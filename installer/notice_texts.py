"""One entry of THIRD-PARTY-NOTICES, and where its licence texts are read from: the files
a distribution carries, Debian's ``/usr/share/common-licenses`` for the SPDX ids that have
one, and the ``copyright`` file of a Debian package (installer/notices.py writes them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

COMMON_LICENSES = Path("/usr/share/common-licenses")
DEBIAN_DOC = Path("/usr/share/doc")
SPDX_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-+]*")
# SPDX id (without -only / -or-later) -> Debian's texts; the LGPL adds permissions to the GPL.
COMMON_TEXTS = {
    "LGPL-3.0": ("LGPL-3", "GPL-3"),
    "LGPL-2.1": ("LGPL-2.1",),
    "GPL-3.0": ("GPL-3",),
    "GPL-2.0": ("GPL-2",),
    "MPL-2.0": ("MPL-2.0",),
    "Apache-2.0": ("Apache-2.0",),
}


class Notice(NamedTuple):
    """One entry: a component, its licence, where it comes from, and its licence texts."""

    name: str
    version: str
    licence: str
    origin: str
    texts: tuple[tuple[str, str], ...]


def read_text(path: Path) -> str | None:
    """The stripped text of ``path``, or None when it is empty or cannot be read."""
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip() or None
    except OSError:
        return None


def common_texts(expression: str) -> tuple[tuple[str, str], ...]:
    """Debian's standard texts for the SPDX ids of ``expression`` that have one."""
    texts: dict[str, str] = {}
    for spdx in SPDX_ID.findall(expression):
        base = re.sub(r"(-only|-or-later|\+)$", "", spdx)
        for file_name in COMMON_TEXTS.get(base, ()):
            text = read_text(COMMON_LICENSES / file_name)
            if text and file_name not in texts:
                texts[file_name] = text
    return tuple((f"{name} ({COMMON_LICENSES / name})", text) for name, text in texts.items())


def first_text(*candidates: Path) -> tuple[tuple[str, str], ...]:
    """The first of ``candidates`` that has a text, as (title, text); none: empty."""
    for path in candidates:
        text = read_text(path)
        if text:  # titled by its last two parts: no path of the build machine ships
            return ((f"{path.parent.name}/{path.name}", text),)
    return ()


def debian_copyright(pattern: str) -> list[Path]:
    """The ``copyright`` files of the Debian packages whose names match ``pattern``."""
    return sorted(DEBIAN_DOC.glob(f"{pattern}/copyright"))
