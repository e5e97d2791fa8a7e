"""What Windows answered about one drive letter, as a plain record.

``windows_api.py`` makes these records from the Win32 drive functions and
``volumes_windows.py`` decides from them which drives are volumes we write to;
the record sits below both so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class DriveRecord:
    """What Windows answered about one drive letter; None where a call failed.

    ``label`` and ``filesystem`` are None when ``GetVolumeInformationW`` failed
    (no medium in the reader, or the volume went away).
    """

    root: str
    drive_type: int
    bus_type: int | None
    label: str | None
    filesystem: str | None
    filesystem_flags: int
    total_bytes: int | None
    free_bytes: int | None
    volume_guid_path: str | None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DriveRecord:
        """A record as stored in tests/usb/recorded/ (see ``to_json``)."""
        return cls(
            root=str(data["root"]),
            drive_type=int(data["drive_type"]),
            bus_type=_optional_int(data.get("bus_type")),
            label=_optional_str(data.get("label")),
            filesystem=_optional_str(data.get("filesystem")),
            filesystem_flags=int(data.get("filesystem_flags") or 0),
            total_bytes=_optional_int(data.get("total_bytes")),
            free_bytes=_optional_int(data.get("free_bytes")),
            volume_guid_path=_optional_str(data.get("volume_guid_path")),
        )

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object, for recording a real machine's drives."""
        return asdict(self)


def drive_roots_from_mask(mask: int) -> list[str]:
    """``GetLogicalDrives``' bit mask as roots: bit 0 is ``A:\\``, bit 4 is ``E:\\``."""
    return [f"{chr(ord('A') + bit)}:\\" for bit in range(26) if mask & (1 << bit)]
