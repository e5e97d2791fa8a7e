"""What one sync engine learnt of its push uploads (``push_upload.py``), between rounds.

A module of its own, below ``push_upload.py`` and ``round_context.py``, so that the
engine's state can name it without an import circle.

Blocks start at ``FIRST_BLOCK_BYTES`` and double with each block answered until one is
cut (a slow start: an uptime overestimated, by the first guess or by a link learnt
elsewhere, costs one small block); a cut halves the next block and each block answered
afterwards lets it grow by a quarter. Never past what the link carries in a quarter of
its typical uptime (``attachments.chunk_bytes``), never under ``MIN_BLOCK_BYTES``.
A streamed upload (``streaming``, the default) sends the rest of its body in one
request and uses no blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_BLOCK_BYTES = 8 * 1024  # below this, round trips cost more than the bytes
FIRST_BLOCK_BYTES = 32 * 1024  # about 4 s of a 64 kbit/s link


@dataclass
class UploadMemory:
    """Kept between the rounds of a retry loop: the offset each upload's last answered
    block left, the block size the link has shown it carries, and the body of the
    upload on the wire (not built again for the next round)."""

    offsets: dict[str, int] = field(default_factory=dict)
    block_cap: int = FIRST_BLOCK_BYTES
    cut_seen: bool = False
    body: tuple[str, bytes] | None = None  # (upload id, the gzip body it carries)
    # The most of each upload the server said it holds: what a streamed PUT cut before
    # its answer got through shows when the offset is asked (``SyncReport.moved``).
    confirmed: dict[str, int] = field(default_factory=dict)
    # The rest of a body goes in one streamed PUT (False: in blocks, each with its hash).
    streaming: bool = True

    def block_bytes(self, wanted: int) -> int:
        """The next block: ``wanted`` (the uptime's quarter), within the cap."""
        return max(MIN_BLOCK_BYTES, min(wanted, self.block_cap))

    def block_answered(self, size: int) -> None:
        """A block of ``size`` bytes got through: the next may be bigger (twice as big
        until a block was cut, a quarter bigger after)."""
        if size >= self.block_cap:
            self.block_cap = size + size // 4 if self.cut_seen else 2 * size

    def block_cut(self, size: int) -> None:
        """A block of ``size`` bytes was cut on the wire: the next is half as big."""
        self.cut_seen = True
        self.block_cap = max(MIN_BLOCK_BYTES, size // 2)
