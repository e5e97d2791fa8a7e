"""usb box: removable volumes, safe file names and atomic, verified writes.

Reports, USB sync bundles and backups write to sticks only through this box.
It imports nothing of ours but ``danvan_desktop.core``.
"""

from __future__ import annotations

from danvan_desktop.usb.atomic_write import WrittenFile, flush_volume, write_file
from danvan_desktop.usb.errors import (
    BadFileNameError,
    UsbWriteCancelled,
    UsbWriteError,
    UsbWriteReason,
)
from danvan_desktop.usb.names import check_file_name, safe_file_name
from danvan_desktop.usb.volumes import Volume, list_removable_volumes, list_volumes

__all__ = [
    "BadFileNameError",
    "UsbWriteCancelled",
    "UsbWriteError",
    "UsbWriteReason",
    "Volume",
    "WrittenFile",
    "check_file_name",
    "flush_volume",
    "list_removable_volumes",
    "list_volumes",
    "safe_file_name",
    "write_file",
]
