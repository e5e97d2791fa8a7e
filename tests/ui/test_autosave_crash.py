"""Crash test: type minutes into the real application, SIGKILL it, lose at most 3 seconds.

The application (``python -m danvan_desktop.app``) runs tests/ui/autosave_typist.py
through its test-only ``DANVAN_TEST_SCRIPT`` hook: it opens a meeting and types
the proceedings steadily, logging when each key was typed. After the first
autosave, and a random while later, the test kills it with SIGKILL. The draft
in the store must then hold exactly what was typed up to some point, and every
key typed after that point must have been typed in the last 3 seconds before
the kill. Reopening the meeting in the editor offers that text again, with a
note.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.meetings.meetings_page import MeetingsPage
from danvan_desktop.ui.task_runner import TaskRunner

from .autosave_typist import TEXT
from .helpers import WAIT_MS, make_team_dir

TYPIST = Path(__file__).with_name("autosave_typist.py")
AUTOSAVE_S = 3.0
# The draft is written on the DB lane a moment after the timer fires: allow for that.
SLACK_S = 0.75
START_TIMEOUT_S = 90


def _store_with_meeting(data_dir: Path) -> tuple[Path, str]:
    made: dict[str, str] = {}

    def fill(session: Session) -> None:
        result = session.create_meeting(
            kind="regular", starts_at=dt.datetime(2026, 11, 25, 19, 30), place="Nhà văn hóa"
        )
        made["id"] = result.record_id or ""

    make_team_dir(data_dir, fill)
    return data_dir, made["id"]


def _start(data_dir: Path, meeting_id: str, log: Path) -> subprocess.Popen[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        DANVAN_TEST_SCRIPT=str(TYPIST),
        DANVAN_TEST_MEETING_ID=meeting_id,
        DANVAN_TEST_LOG=str(log),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "danvan_desktop.app", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def _wait_for_autosave(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    for line in process.stdout:
        if line.startswith("SAVED"):
            return
        if time.monotonic() > deadline:
            break
    raise AssertionError(f"the application never autosaved ({process.poll()})")


def _typing_log(log: Path) -> list[float]:
    """When each key was typed (monotonic seconds), in typing order."""
    times: list[float] = []
    for line in log.read_text(encoding="utf-8").splitlines():
        moment, index = line.split()
        assert int(index) == len(times)
        times.append(float(moment))
    return times


def _draft_and_record(data_dir: Path, meeting_id: str) -> tuple[str, str | None]:
    session = Session.open(data_dir)
    try:
        draft = session.load_draft("meeting", meeting_id) or {}
        record = session.get_record("meeting", meeting_id)
    finally:
        session.close()
    return str(draft.get("content") or ""), record["content"]


@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_three_seconds(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path
) -> None:
    """Killed while typing: the draft keeps all but the last ≤3 s; reopening offers it."""
    data_dir, meeting_id = _store_with_meeting(tmp_path / "data")
    log = tmp_path / "typing.log"
    process = _start(data_dir, meeting_id, log)
    try:
        _wait_for_autosave(process)
        time.sleep(random.uniform(1.0, 4.0))  # anywhere in the next autosave period or after
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
        process.wait(START_TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    typed_at = _typing_log(log)
    typed = "".join(TEXT[i % len(TEXT)] for i in range(len(typed_at)))
    saved, record = _draft_and_record(data_dir, meeting_id)

    assert saved and typed.startswith(saved)
    lost_since = typed_at[len(saved)] if len(saved) < len(typed) else killed_at
    assert lost_since >= killed_at - AUTOSAVE_S - SLACK_S, (
        f"lost {len(typed) - len(saved)} keys typed from {killed_at - lost_since:.2f} s before "
        "the kill"
    )
    assert record is None  # the 5-minute commit had not come yet: the draft kept it

    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    page = MeetingsPage(runner, bus)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT_MS):
        page.open_meeting(meeting_id)
    assert page.editor.header.content.toPlainText() == saved
    assert page.editor.restored.isVisible()
