"""Autosave of text being typed: a draft every 3 seconds, the record at least every 5 minutes.

A form tells the autosaver the latest values of a record whenever the user
changes them (``changed``). The draft timer is restarted on each change with
the time left until 3 seconds after the first unsaved change, so a pause saves
at once and steady typing still saves every 3 seconds: a killed process loses
at most the last 3 seconds of typing. Drafts go to the store's drafts table on
the DB lane (``Session.save_draft``, committed with synchronous=FULL). The
record and its outbox operation follow (``Session.commit_draft``) on ``commit``:
the form calls it on save and when the user leaves, and the commit timer calls
it 5 minutes after the first change not yet committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.ui.task_runner import JobContext, TaskRunner

AUTOSAVE_MS = 3_000
COMMIT_MS = 5 * 60 * 1_000
Key = tuple[str, str]  # (entity, record id)


@dataclass
class CommitReport:
    """What a commit did: results per record, problems per record, and the follow-up."""

    results: dict[Key, Any] = field(default_factory=dict)
    problems: dict[Key, DanvanError] = field(default_factory=dict)
    then_result: Any = None
    then_error: DanvanError | None = None

    @property
    def entities(self) -> set[str]:
        """The entities whose records changed."""
        found: set[str] = set()
        for result in self.results.values():
            found |= set(getattr(result, "entities", set()))
        return found

    @property
    def ok(self) -> bool:
        """True when every record was committed and the follow-up succeeded."""
        return not self.problems and self.then_error is None


def save_drafts_job(items: list[tuple[Key, dict[str, Any]]]) -> Callable[[JobContext], int]:
    """A DB-lane job saving each record's draft; returns how many were saved."""

    def save(ctx: JobContext) -> int:
        for (entity, record_id), fields in items:
            ctx.session.save_draft(entity, record_id, fields)
        return len(items)

    return save


def commit_job(
    items: list[tuple[Key, dict[str, Any]]],
    then: Callable[[JobContext], Any] | None,
) -> Callable[[JobContext], CommitReport]:
    """A DB-lane job committing each draft (and running ``then`` when all succeeded)."""

    def commit(ctx: JobContext) -> CommitReport:
        report = CommitReport()
        session = ctx.session
        for key, fields in items:
            entity, record_id = key
            session.save_draft(entity, record_id, fields)
            try:
                report.results[key] = session.commit_draft(entity, record_id)
            except DanvanError as error:  # the draft stays: nothing typed is lost
                report.problems[key] = error
        if then is not None and not report.problems:
            try:
                report.then_result = then(ctx)
            except DanvanError as error:
                report.then_error = error
        return report

    return commit


class DraftAutosaver(QObject):
    """Keeps what is typed safe: drafts on a short timer, commits on a long one.

    Signals:
        saved(int): this many drafts were written to the store.
        committed(object): a CommitReport after the records were saved.
    """

    saved = Signal(int)
    committed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        commit_ms: int = COMMIT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.autosave_ms = autosave_ms
        self._latest: dict[Key, dict[str, Any]] = {}
        self._version: dict[Key, int] = {}
        self._saved_version: dict[Key, int] = {}
        self._uncommitted: set[Key] = set()
        self._dirty_since: float | None = None
        self.enabled = True
        self._draft_timer = QTimer(self, singleShot=True)
        self._draft_timer.timeout.connect(self.save_now)
        self._commit_timer = QTimer(self, singleShot=True, interval=commit_ms)
        self._commit_timer.timeout.connect(lambda: self.commit())

    # -- what the form tells us -------------------------------------------------------
    def changed(self, entity: str, record_id: str, fields: dict[str, Any]) -> None:
        """The user changed ``record_id``; these are all its values now."""
        if not self.enabled:
            return
        key = (entity, record_id)
        self._latest[key] = dict(fields)
        self._version[key] = self._version.get(key, 0) + 1
        self._uncommitted.add(key)
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        waited_ms = int((now - self._dirty_since) * 1000)
        self._draft_timer.start(max(0, self.autosave_ms - waited_ms))
        if not self._commit_timer.isActive():
            self._commit_timer.start()

    def adopt(self, entity: str, record_id: str, fields: dict[str, Any]) -> None:
        """A draft found in the store (left by an earlier run): commit it with the rest."""
        key = (entity, record_id)
        self._latest[key] = dict(fields)
        self._version[key] = self._version.get(key, 0) + 1
        self._saved_version[key] = self._version[key]
        self._uncommitted.add(key)
        if not self._commit_timer.isActive():
            self._commit_timer.start()

    def forget(self) -> None:
        """Drop everything (another record is opened, or its drafts were thrown away)."""
        self._draft_timer.stop()
        self._commit_timer.stop()
        self._latest.clear()
        self._version.clear()
        self._saved_version.clear()
        self._uncommitted.clear()
        self._dirty_since = None

    @property
    def has_unsaved_draft(self) -> bool:
        """True while some typing has not reached the drafts table yet."""
        return any(self._saved_version.get(k) != v for k, v in self._version.items())

    @property
    def has_uncommitted(self) -> bool:
        """True while some record's values have not reached the record yet."""
        return bool(self._uncommitted)

    # -- saving -----------------------------------------------------------------------
    def save_now(self) -> None:
        """Write the drafts of every record changed since the last draft save."""
        self._draft_timer.stop()
        self._dirty_since = None
        items = [
            (key, self._latest[key])
            for key, version in self._version.items()
            if self._saved_version.get(key) != version
        ]
        if not items:
            return
        versions = {key: self._version[key] for key, _ in items}

        def done(count: int) -> None:
            for key, version in versions.items():
                self._saved_version[key] = max(self._saved_version.get(key, 0), version)
            self.saved.emit(count)

        self._runner.db(save_drafts_job(items), on_done=done, owner=self)

    def commit(
        self,
        *,
        then: Callable[[JobContext], Any] | None = None,
        on_done: Callable[[CommitReport], None] | None = None,
    ) -> bool:
        """Save every uncommitted record (then run ``then``); False when there was nothing."""
        self._draft_timer.stop()
        self._commit_timer.stop()
        self._dirty_since = None
        items = [(key, self._latest[key]) for key in sorted(self._uncommitted)]
        if not items and then is None:
            return False
        versions = {key: self._version[key] for key, _ in items}
        for key, version in versions.items():
            self._saved_version[key] = version  # the commit job saves the draft first

        def done(report: CommitReport) -> None:
            for key, version in versions.items():
                if key not in report.problems and self._version.get(key) == version:
                    self._uncommitted.discard(key)
            if self._uncommitted and not self._commit_timer.isActive():
                self._commit_timer.start()
            self.committed.emit(report)
            if on_done is not None:
                on_done(report)

        self._runner.db(commit_job(items, then), on_done=done, owner=self)
        return True
