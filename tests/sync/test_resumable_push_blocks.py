"""The push upload's block size: a slow start, halved by a cut, then grown (no server)."""

from __future__ import annotations

from danvan_desktop.sync.push_memory import UploadMemory


def test_the_first_block_is_small() -> None:
    """The first block is 32 KiB, whatever the uptime's quarter asks for."""
    assert UploadMemory().block_bytes(90_000) == 32_768


def test_answered_blocks_double_until_a_cut() -> None:
    """Before any cut, each block answered at the cap doubles the next."""
    memory = UploadMemory()
    memory.block_answered(32_768)
    assert memory.block_bytes(900_000) == 65_536


def test_a_cut_block_halves_the_next() -> None:
    """A block cut on the wire makes the next one half as big."""
    memory = UploadMemory()
    memory.block_cut(32_768)
    assert memory.block_bytes(90_000) == 16_384


def test_halving_stops_at_the_smallest_block() -> None:
    """Cuts never make a block smaller than 8 KiB."""
    memory = UploadMemory()
    memory.block_cut(10_000)
    assert memory.block_bytes(90_000) == 8192


def test_after_a_cut_an_answered_block_grows_a_quarter() -> None:
    """After a cut, each block answered at the cap raises it by a quarter."""
    memory = UploadMemory()
    memory.block_cut(40_000)
    memory.block_answered(20_000)
    assert memory.block_bytes(90_000) == 25_000


def test_blocks_stay_within_the_uptimes_quarter() -> None:
    """The cap grows, but a block stays within what the uptime's quarter asks for."""
    memory = UploadMemory()
    memory.block_answered(32_768)
    assert memory.block_bytes(16_000) == 16_000
