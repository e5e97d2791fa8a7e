"""What the two halves of a sync round use of the engine that runs them.

``push.py`` and ``pull.py`` work on the engine's state (its records and transport,
the versions this laptop holds, the measured compression ratio). They name that
state through ``RoundContext`` rather than the ``SyncEngine`` class, so neither
imports ``engine.py``, which imports both; ``SyncEngine`` fits the protocol as is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from danvan_desktop.store.records import Records
    from danvan_desktop.sync.push_memory import UploadMemory
    from danvan_desktop.sync.transport import SyncTransport

# (stage, done, total): "push" and "pull" from a round; "wait" (seconds, failures in a
# row) from the retry loop before it tries again.
Progress = Callable[[str, int, int], None]


class RoundContext(Protocol):
    """The engine as a push or a pull sees it (``engine.SyncEngine``)."""

    records: Records
    transport: SyncTransport
    cancel: threading.Event
    progress: Progress
    compression_ratio: float | None  # raw JSON per gzip byte, measured
    held_versions: set[int]  # versions this laptop wrote and holds exactly
    pushed_high_seq: int  # the server's high_seq after this round's last push
    push_memory: UploadMemory  # the push uploads' offsets and block size (push_upload.py)

    @property
    def compact(self) -> bool:
        """Whether the server speaks protocol 2 with us (compact bodies, ``skip``)."""
        ...

    def check_cancel(self) -> None:
        """Raise ``OperationCancelled`` when the caller has asked the round to stop."""
        ...
