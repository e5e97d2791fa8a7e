"""Attached files: what can be told of one from its record alone, without the store.

The store keeps the files (store/attachments.py), sync carries them
(sync/attachments.py) and the window shows them; all three ask here whether a
file is a picture that a thumbnail can be drawn from.
"""

from __future__ import annotations


def is_image(mime_type: str | None) -> bool:
    """True for the picture types a thumbnail can be drawn from."""
    return bool(mime_type) and str(mime_type).startswith("image/")
