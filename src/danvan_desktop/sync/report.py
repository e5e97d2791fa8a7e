"""What one sync round did: the figures the status bar, the sync log and the retry loop read."""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan_desktop.core.i18n import tr

_COUNTS = (
    "pushed",
    "duplicates",
    "conflicts",
    "rejected",
    "pulled",
    "pages",
    "library_cards",
    "library_pages",
    "bytes_sent",
    "bytes_received",
    "resent_after_restore",
    "files_uploaded",
    "file_bytes_sent",
    "release_bytes",
    "push_block_bytes",
)


@dataclass
class SyncReport:
    """What one round did, for the status bar and the sync log."""

    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pages: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    clock_skew_s: float | None = None
    server_restored: bool = False
    resent_after_restore: int = 0
    files_uploaded: int = 0
    file_bytes_sent: int = 0  # attachment bytes (also counted in bytes_sent)
    push_block_bytes: int = 0  # push body bytes the server newly said it holds (protocol 3)
    reached_server: bool = False  # the server answered this round (the link was up)
    library_cards: int = 0  # cards and tombstones from the library lane (sync/library.py)
    library_pages: int = 0  # the lane's pages (``pages`` counts the records' own)
    release_bytes: int = 0  # bytes of release files fetched (sync/release_lane.py)
    release_ready: str | None = None  # the version staged complete, ready to install
    release_refused: str | None = None  # why a release was refused, for the Đồng bộ page
    joined_team: str | None = None  # the unit's team this laptop moved onto (setup_merge)
    messages: list[str] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        """Whether the round got anything acknowledged (a batch, a page, a file chunk)."""
        settled = self.pushed + self.duplicates + self.conflicts + self.rejected
        return bool(
            settled
            or self.pages
            or self.library_pages
            or self.library_cards  # a page cut mid-way keeps its complete cards
            or self.file_bytes_sent
            or self.push_block_bytes  # a batch cut mid-upload keeps its acknowledged blocks
            or self.files_uploaded
            or self.release_bytes
        )

    def joined_note(self) -> str | None:
        """A line for the user when this laptop joined the unit's team (setup_merge.py)."""
        if not self.joined_team:
            return None
        return tr(
            "sync",
            "Máy đã nhập vào tổ dân vận có sẵn của thôn/tổ trên máy chủ của thành phố: thành "
            "viên và cuộc họp nhập trên máy này đã chuyển sang tổ đó; tổ trưởng và quy chế là "
            "của tổ có sẵn.",
        )

    def add(self, other: SyncReport) -> None:
        """Add another round's figures to these (the retry loop's total)."""
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.reached_server = self.reached_server or other.reached_server
        if other.clock_skew_s is not None:
            self.clock_skew_s = other.clock_skew_s
        self.server_restored = self.server_restored or other.server_restored
        self.release_ready = other.release_ready or self.release_ready
        self.release_refused = other.release_refused or self.release_refused
        self.joined_team = other.joined_team or self.joined_team
        self.messages += other.messages
