"""The Win32 calls behind volume listing, volume flushing and unbuffered read-back.

Everything here runs only on Windows. On other systems the module imports
cleanly (the ctypes bindings sit behind ``sys.platform == "win32"``) and each
function raises ``OSError(ENOSYS)``; the decisions that use these answers live
in :mod:`volumes_windows` and are tested on recorded drive tuples.

Notes on the calls:

- ``SetThreadErrorMode(SEM_FAILCRITICALERRORS)`` around drive queries keeps
  Windows from popping up "There is no disk in the drive" for an empty card
  reader.
- The bus type comes from ``IOCTL_STORAGE_QUERY_PROPERTY`` on ``\\\\.\\X:``
  opened with no access rights, which needs no administrator rights.
- ``FlushFileBuffers`` on a volume handle needs a handle opened for writing,
  which Windows grants only to administrators. Without it, :func:`flush_volume`
  answers False; the file itself was flushed with ``FlushFileBuffers`` (what
  ``os.fsync`` calls) and renamed with ``MOVEFILE_WRITE_THROUGH``, so the file
  written is on the stick either way.
- The read-back opens the file with ``FILE_FLAG_NO_BUFFERING`` so it comes
  from the device, not the cache; such reads need a sector-aligned buffer,
  which ``VirtualAlloc`` (page aligned) gives.
"""

from __future__ import annotations

import errno
import hashlib
import sys
from pathlib import Path

from danvan_desktop.usb.drive_record import DriveRecord, drive_roots_from_mask

READ_BLOCK_BYTES = 1024 * 1024  # a multiple of every sector size (512, 4096)


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _k32 = ctypes.WinDLL("kernel32", use_last_error=True)

    GENERIC_READ = 0x80000000
    GENERIC_WRITE = 0x40000000
    FILE_SHARE_READ = 0x1
    FILE_SHARE_WRITE = 0x2
    OPEN_EXISTING = 3
    FILE_FLAG_NO_BUFFERING = 0x20000000
    FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000
    SEM_FAILCRITICALERRORS = 0x0001
    SEM_NOOPENFILEERRORBOX = 0x8000
    IOCTL_STORAGE_QUERY_PROPERTY = 0x002D1400
    MEM_COMMIT_RESERVE = 0x1000 | 0x2000
    MEM_RELEASE = 0x8000
    PAGE_READWRITE = 0x04
    MOVEFILE_REPLACE_EXISTING = 0x1
    MOVEFILE_WRITE_THROUGH = 0x8
    ERROR_ACCESS_DENIED = 5
    INVALID_HANDLE = ctypes.c_void_p(-1).value

    class _PropertyQuery(ctypes.Structure):
        _fields_ = [
            ("PropertyId", ctypes.c_int),  # StorageDeviceProperty = 0
            ("QueryType", ctypes.c_int),  # PropertyStandardQuery = 0
            ("AdditionalParameters", ctypes.c_ubyte * 1),
        ]

    class _DeviceDescriptor(ctypes.Structure):
        _fields_ = [
            ("Version", wintypes.DWORD),
            ("Size", wintypes.DWORD),
            ("DeviceType", ctypes.c_ubyte),
            ("DeviceTypeModifier", ctypes.c_ubyte),
            ("RemovableMedia", ctypes.c_ubyte),
            ("CommandQueueing", ctypes.c_ubyte),
            ("VendorIdOffset", wintypes.DWORD),
            ("ProductIdOffset", wintypes.DWORD),
            ("ProductRevisionOffset", wintypes.DWORD),
            ("SerialNumberOffset", wintypes.DWORD),
            ("BusType", ctypes.c_int),
            ("RawPropertiesLength", wintypes.DWORD),
            ("RawDeviceProperties", ctypes.c_ubyte * 1),
        ]

    _k32.CreateFileW.restype = wintypes.HANDLE
    _k32.CreateFileW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        wintypes.DWORD,
        ctypes.c_void_p,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.HANDLE,
    ]
    _k32.CloseHandle.argtypes = [wintypes.HANDLE]
    _k32.FlushFileBuffers.argtypes = [wintypes.HANDLE]
    _k32.DeviceIoControl.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        ctypes.c_void_p,
        wintypes.DWORD,
        ctypes.c_void_p,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
        ctypes.c_void_p,
    ]
    _k32.ReadFile.argtypes = [
        wintypes.HANDLE,
        ctypes.c_void_p,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
        ctypes.c_void_p,
    ]
    _k32.VirtualAlloc.restype = ctypes.c_void_p
    _k32.VirtualAlloc.argtypes = [ctypes.c_void_p, ctypes.c_size_t, wintypes.DWORD, wintypes.DWORD]
    _k32.VirtualFree.argtypes = [ctypes.c_void_p, ctypes.c_size_t, wintypes.DWORD]
    _k32.GetLogicalDrives.restype = wintypes.DWORD
    _k32.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
    _k32.GetDriveTypeW.restype = wintypes.UINT
    _k32.SetThreadErrorMode.argtypes = [wintypes.DWORD, ctypes.POINTER(wintypes.DWORD)]
    _k32.MoveFileExW.argtypes = [wintypes.LPCWSTR, wintypes.LPCWSTR, wintypes.DWORD]

    def _open(path: str, access: int, flags: int = 0) -> int | None:
        share = FILE_SHARE_READ | FILE_SHARE_WRITE
        handle = _k32.CreateFileW(path, access, share, None, OPEN_EXISTING, flags, None)
        if handle is None or handle == INVALID_HANDLE:
            return None
        return int(handle)

    def _bus_type(root: str) -> int | None:
        handle = _open(f"\\\\.\\{root[0]}:", 0)
        if handle is None:
            return None
        try:
            query = _PropertyQuery(0, 0)
            buffer = ctypes.create_string_buffer(1024)
            returned = wintypes.DWORD(0)
            ok = _k32.DeviceIoControl(
                handle,
                IOCTL_STORAGE_QUERY_PROPERTY,
                ctypes.byref(query),
                ctypes.sizeof(query),
                buffer,
                ctypes.sizeof(buffer),
                ctypes.byref(returned),
                None,
            )
            if not ok or returned.value < _DeviceDescriptor.BusType.offset + 4:
                return None
            return int(_DeviceDescriptor.from_buffer_copy(buffer).BusType)
        finally:
            _k32.CloseHandle(handle)

    def _volume_information(root: str) -> tuple[str | None, str | None, int]:
        label = ctypes.create_unicode_buffer(261)
        filesystem = ctypes.create_unicode_buffer(261)
        serial, max_component, flags = wintypes.DWORD(), wintypes.DWORD(), wintypes.DWORD()
        ok = _k32.GetVolumeInformationW(
            root,
            label,
            len(label),
            ctypes.byref(serial),
            ctypes.byref(max_component),
            ctypes.byref(flags),
            filesystem,
            len(filesystem),
        )
        if not ok:
            return None, None, 0
        return label.value, filesystem.value, int(flags.value)

    def _free_space(root: str) -> tuple[int | None, int | None]:
        available, total, total_free = (ctypes.c_ulonglong() for _ in range(3))
        ok = _k32.GetDiskFreeSpaceExW(
            root, ctypes.byref(available), ctypes.byref(total), ctypes.byref(total_free)
        )
        if not ok:
            return None, None
        return int(total.value), int(available.value)

    def _volume_guid(root: str) -> str | None:
        buffer = ctypes.create_unicode_buffer(64)
        if not _k32.GetVolumeNameForVolumeMountPointW(root, buffer, len(buffer)):
            return None
        return str(buffer.value)

    def _record(root: str) -> DriveRecord:
        drive_type = int(_k32.GetDriveTypeW(root))
        label, filesystem, flags = _volume_information(root)
        total, free = _free_space(root) if filesystem is not None else (None, None)
        return DriveRecord(
            root=root,
            drive_type=drive_type,
            bus_type=_bus_type(root) if drive_type in (2, 3) else None,
            label=label,
            filesystem=filesystem,
            filesystem_flags=flags,
            total_bytes=total,
            free_bytes=free,
            volume_guid_path=_volume_guid(root) if filesystem is not None else None,
        )

    def read_drive_records() -> list[DriveRecord]:
        """What Windows says about every drive letter, without "no disk" pop-ups."""
        old_mode = wintypes.DWORD()
        quiet = SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX
        _k32.SetThreadErrorMode(quiet, ctypes.byref(old_mode))
        try:
            roots = drive_roots_from_mask(int(_k32.GetLogicalDrives()))
            return [_record(root) for root in roots]
        finally:
            _k32.SetThreadErrorMode(old_mode.value, None)

    def flush_volume(root: str) -> bool:
        """Flush the whole volume of ``root``; False when Windows requires administrator rights."""
        handle = _open(f"\\\\.\\{root[0]}:", GENERIC_READ | GENERIC_WRITE)
        if handle is None:
            if ctypes.get_last_error() == ERROR_ACCESS_DENIED:
                return False
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            if not _k32.FlushFileBuffers(handle):
                raise ctypes.WinError(ctypes.get_last_error())
            return True
        finally:
            _k32.CloseHandle(handle)

    def replace_write_through(source: Path, target: Path) -> None:
        """Rename ``source`` onto ``target``, returning only once the rename is on disk."""
        flags = MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH
        if not _k32.MoveFileExW(str(source), str(target), flags):
            raise ctypes.WinError(ctypes.get_last_error())

    def sha256_unbuffered(path: Path) -> str:
        """SHA-256 of the file as read from the device, bypassing the cache."""
        flags = FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN
        handle = _open(str(path), GENERIC_READ, flags)
        if handle is None:
            raise ctypes.WinError(ctypes.get_last_error())
        buffer = _k32.VirtualAlloc(None, READ_BLOCK_BYTES, MEM_COMMIT_RESERVE, PAGE_READWRITE)
        if not buffer:
            _k32.CloseHandle(handle)
            raise ctypes.WinError(ctypes.get_last_error())
        digest = hashlib.sha256()
        try:
            read = wintypes.DWORD(0)
            while True:
                if not _k32.ReadFile(handle, buffer, READ_BLOCK_BYTES, ctypes.byref(read), None):
                    raise ctypes.WinError(ctypes.get_last_error())
                if read.value == 0:
                    return digest.hexdigest()
                digest.update(ctypes.string_at(buffer, read.value))
        finally:
            _k32.VirtualFree(buffer, 0, MEM_RELEASE)
            _k32.CloseHandle(handle)

else:

    def _windows_only() -> OSError:
        return OSError(errno.ENOSYS, "Windows only")

    def read_drive_records() -> list[DriveRecord]:
        """What Windows says about every drive letter (Windows only)."""
        raise _windows_only()

    def flush_volume(root: str) -> bool:
        """Flush the whole volume of ``root`` (Windows only)."""
        raise _windows_only()

    def replace_write_through(source: Path, target: Path) -> None:
        """Rename with ``MOVEFILE_WRITE_THROUGH`` (Windows only)."""
        raise _windows_only()

    def sha256_unbuffered(path: Path) -> str:
        """SHA-256 read with ``FILE_FLAG_NO_BUFFERING`` (Windows only)."""
        raise _windows_only()
