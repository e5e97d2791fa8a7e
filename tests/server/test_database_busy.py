"""A database that cannot be used right now gives 503 with Retry-After, never a 500."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from danvan_server.app import create_app
from danvan_server.settings import Settings
from support.server_process import (
    ServerApi,
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
)


def test_locked_database_answers_503_and_the_push_can_be_retried(tmp_path: Path) -> None:
    """SQLite held by another writer: 503 with Retry-After; afterwards the same push applies."""
    url = sqlite_url(tmp_path)
    prepare_database(url, tmp_path / "attachments")
    village = add_village(url)
    code = make_enrollment_code(url, village.id)
    settings = Settings(database_url=url, sqlite_busy_timeout_s=0.2)
    with TestClient(create_app(settings)) as client:
        laptop = ServerApi("http://testserver", client=client).enroll(code, "laptop-1")
        op = laptop.op("task", "t-1", {"title": "Dọn vệ sinh", "status": "open"})
        blocker = sqlite3.connect(tmp_path / "server.sqlite3", isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        answer = laptop.push([op])
        blocker.execute("ROLLBACK")
        blocker.close()
        assert answer.status_code == 503
        assert answer.headers["retry-after"] == "30"
        assert "tạm thời không dùng được" in answer.json()["detail"]
        assert laptop.push([op]).json()["results"][0]["status"] == "applied"
