"""An idle laptop connection outlives a pause between pull pages (uvicorn's 5 s default did not)."""

from __future__ import annotations

import http.client
import time
from pathlib import Path

import pytest

from danvan_desktop.sync.protocol import API_PREFIX
from danvan_server.cli import KEEP_ALIVE_S, _parser
from support.server_process import sqlite_url, start_server


def test_run_keeps_idle_connections_as_long_as_the_docs_ask_proxies() -> None:
    """``run`` keeps an idle connection 120 s by default, the figure docs/server.md gives."""
    args = _parser().parse_args(["run"])
    assert args.keep_alive == 120.0 == KEEP_ALIVE_S


@pytest.mark.slow
def test_a_connection_idle_for_six_seconds_is_still_open(tmp_path: Path) -> None:
    """A second request on the same connection after a 6 s pause gets its answer."""
    with start_server(sqlite_url(tmp_path), log_dir=tmp_path) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request("GET", f"{API_PREFIX}/health")
            first = connection.getresponse()
            first.read()
            socket_before = connection.sock
            time.sleep(6)  # a laptop on a slow link applying a page; uvicorn's default is 5 s
            connection.request("GET", f"{API_PREFIX}/health")
            second = connection.getresponse()
            second.read()
            socket_after = connection.sock
        finally:
            connection.close()
    assert (first.status, second.status) == (200, 200)
    assert socket_after is socket_before  # the same connection, not a new one
