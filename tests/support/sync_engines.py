"""A laptop's sync engine and transport built by hand, for tests that pick the address
(the real server, a slow-link proxy before it, a stand-in) or the link's estimator.

Both speak the current protocol with the store schema the server tests declare.
"""

from __future__ import annotations

from typing import TypeVar

from danvan_desktop.session import Session
from danvan_desktop.sync import protocol
from danvan_desktop.sync.engine import SyncEngine
from danvan_desktop.sync.throughput import ThroughputEstimator
from danvan_desktop.sync.transport import SyncTransport
from support.server_process import SCHEMA_VERSION

T = TypeVar("T", bound=SyncTransport)


def transport_at(
    url: str,
    *,
    estimator: ThroughputEstimator | None = None,
    auth_token: str | None = None,
    kind: type[T] = SyncTransport,  # type: ignore[assignment]
) -> T:
    """A transport to ``url`` speaking the current protocol (``kind``: a test's subclass)."""
    return kind(
        url,
        protocol_version=str(protocol.PROTOCOL_VERSION),
        schema_version=SCHEMA_VERSION,
        auth_token=auth_token,
        estimator=estimator,
    )


def engine_at(
    laptop: Session, url: str, estimator: ThroughputEstimator | None = None
) -> SyncEngine:
    """A sync engine of ``laptop`` reaching the server at ``url``."""
    return SyncEngine(laptop.records, transport_at(url, estimator=estimator))
