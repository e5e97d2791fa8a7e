"""Step m011 on a store made by the previous release: «replicated» models become
«recognised» with a note, old recognition fields become a recognition entry, nothing is
lost.

The store is made by the released laptop (commit adb94dd, store schema 7) unpacked from
tests/fixtures/released-client-adb94dd.tar.gz: its command line sets up the team, its own
code (as a reviewer, as that release allowed) moves the models, and this release opens
the store.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store.database import STORE_FILE, Store

ARCHIVE = Path(__file__).parents[1] / "fixtures" / "released-client-adb94dd.tar.gz"
# Run by the released code: three models, walked along that release's life cycle.
MAKE_MODELS = """
import sys
from pathlib import Path
from danvan_desktop.session import Session
from danvan_desktop.store.database import Store

def walk(model_id, *moves):
    for role, fields in moves:
        session = Session(Store.open(Path(sys.argv[1])), role=role)
        session.update_record("model", model_id, **fields)
        session.store.close()

team = Session.open(Path(sys.argv[1]))
ids = [
    team.add_record("model", name=name, field_code="new_rural", year=2025,
                    status="registered").record_id
    for name in ("Đường hoa tổ 5", "Phân loại rác tại nguồn", "Camera an ninh")
]
team.store.close()
up = [("team", {"status": "in_progress"}), ("team", {"status": "reviewed"})]
walk(ids[0], *up,
     ("reviewer", {"status": "recognised", "recognition_level": "cấp xã",
                   "recognised_on": "2025-05-10"}),
     ("reviewer", {"status": "replicated"}))
walk(ids[1], *up,
     ("reviewer", {"status": "recognised", "recognition_level": "Cấp thành phố",
                   "recognised_on": "2025-09-02"}))
walk(ids[2], up[0])
print(" ".join(ids))
"""


@pytest.fixture(scope="module")
def released_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A data folder of the previous release with a replicated, a recognised and a
    launched model; the models' ids."""
    folder = tmp_path_factory.mktemp("m011")
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(folder / "released", filter="data")
    data = folder / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DANVAN_")}
    env["PYTHONPATH"] = str(folder / "released" / "src")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=folder / "released", env=env,
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    run(
        "-m", "danvan_desktop.cli", "--data-dir", str(data), "init", "--commune", "19768",
        "--village", "Tổ dân phố 5", "--village-kind", "to_dan_pho",
        "--team", "Tổ dân vận tổ dân phố 5", "--leader", "Nguyễn Văn An",
    )  # fmt: skip
    ids = run("-c", MAKE_MODELS, str(data)).split()
    return data, ids


def _rows(data: Path, sql: str) -> list[dict[str, Any]]:
    connection = sqlite3.connect(data / STORE_FILE)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql)]
    finally:
        connection.close()


@pytest.fixture
def upgraded(released_store: tuple[Path, list[str]], tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the released store, opened (so upgraded) by this release."""
    data, ids = released_store
    copy = tmp_path / "data"
    copy.mkdir()
    (copy / STORE_FILE).write_bytes((data / STORE_FILE).read_bytes())
    Store.open(copy).close()
    return copy, ids


def test_the_released_store_holds_a_replicated_model(
    released_store: tuple[Path, list[str]],
) -> None:
    """The fixture is what the issue describes: the previous release's «replicated»."""
    data, _ = released_store
    statuses = [r["status"] for r in _rows(data, "SELECT status FROM model ORDER BY rowid")]
    assert statuses == ["replicated", "recognised", "in_progress"]


def test_a_replicated_model_becomes_recognised(upgraded: tuple[Path, list[str]]) -> None:
    """After m011 no model is «replicated»; the others keep their status."""
    data, _ = upgraded
    statuses = [r["status"] for r in _rows(data, "SELECT status FROM model ORDER BY rowid")]
    assert statuses == ["recognised", "recognised", "in_progress"]


def test_the_replicated_model_gets_a_note_in_its_history(
    upgraded: tuple[Path, list[str]],
) -> None:
    """One history entry says the model was «Được nhân rộng» in the earlier release."""
    data, ids = upgraded
    rows = _rows(data, "SELECT * FROM model_status_change WHERE deleted = 0")
    assert [(r["id"], r["model_id"], r["from_status"], r["to_status"]) for r in rows] == [
        (f"{ids[0]}:m011-replicated", ids[0], "replicated", "recognised")
    ]
    assert "«Được nhân rộng»" in rows[0]["reason"]
    assert rows[0]["by_role"] == "reviewer"


def test_old_recognition_fields_become_recognition_entries(
    upgraded: tuple[Path, list[str]],
) -> None:
    """Level and date become an entry each; the old text is kept in its note."""
    data, ids = upgraded
    rows = _rows(
        data,
        "SELECT model_id, level, decided_on, decision_number, note FROM model_recognition "
        "ORDER BY decided_on",
    )
    assert rows == [
        {
            "model_id": ids[0],
            "level": "commune",
            "decided_on": "2025-05-10",
            "decision_number": None,
            "note": "Chuyển từ phiên bản trước (cấp công nhận ghi: «cấp xã»).",
        },
        {
            "model_id": ids[1],
            "level": "city",
            "decided_on": "2025-09-02",
            "decision_number": None,
            "note": "Chuyển từ phiên bản trước (cấp công nhận ghi: «Cấp thành phố»).",
        },
    ]


def test_nothing_of_the_model_is_lost(
    released_store: tuple[Path, list[str]], upgraded: tuple[Path, list[str]]
) -> None:
    """Every other column of every model is as the previous release left it."""
    before = _rows(released_store[0], "SELECT * FROM model ORDER BY rowid")
    after = _rows(upgraded[0], "SELECT * FROM model ORDER BY rowid")
    assert [{k: r[k] for k in before[0] if k != "status"} for r in after] == [
        {k: v for k, v in r.items() if k != "status"} for r in before
    ]


def test_the_session_reads_the_history_and_the_list(upgraded: tuple[Path, list[str]]) -> None:
    """The upgraded store is read through the Session's new verbs."""
    data, ids = upgraded
    session = Session.open(data)
    try:
        assert [r["level"] for r in session.model_recognitions(ids[0])] == ["commune"]
        assert [r["to_status"] for r in session.model_history(ids[0])] == ["recognised"]
        assert session.model_history(ids[2]) == []
    finally:
        session.close()


def test_waiting_operations_no_longer_send_replicated(
    upgraded: tuple[Path, list[str]],
) -> None:
    """The released store never synced: its queued model operations carry «recognised»."""
    data, ids = upgraded
    rows = _rows(data, f"SELECT fields FROM outbox WHERE record_id = '{ids[0]}'")
    assert rows and all('"replicated"' not in r["fields"] for r in rows)
    assert any('"status":"recognised"' in r["fields"] for r in rows)
