"""UUIDv7 ids made on the device."""

from __future__ import annotations

import time
import uuid

from danvan_desktop.core.ids import is_uuid, uuid7


def test_uuid7_is_version_7_rfc_variant() -> None:
    """The id is a canonical UUID with version 7 and the RFC 9562 variant."""
    value = uuid.UUID(uuid7())
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_uuid7_carries_the_millisecond_timestamp() -> None:
    """The first 48 bits are the Unix time in milliseconds of creation."""
    before = time.time_ns() // 1_000_000
    value = uuid.UUID(uuid7())
    after = time.time_ns() // 1_000_000
    assert before <= value.int >> 80 <= after + 1


def test_uuid7_keeps_order_when_the_clock_steps_back() -> None:
    """An id made after the clock stepped back still sorts after the previous one."""
    first = uuid7()
    stepped_back = uuid7(now_ms=(uuid.UUID(first).int >> 80) - 60_000)
    assert stepped_back > first


def test_uuid7_sorts_in_creation_order_within_one_millisecond() -> None:
    """Ten thousand ids made in a tight loop sort in the order they were made."""
    ids = [uuid7() for _ in range(10_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_is_uuid() -> None:
    """Canonical text passes; other text does not."""
    assert is_uuid(uuid7())
    assert not is_uuid("not-a-uuid")
    assert not is_uuid("")
