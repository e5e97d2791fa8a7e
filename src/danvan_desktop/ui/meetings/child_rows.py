"""Saving a meeting's child rows (attendance, agenda, opinions, …) on the DB lane.

Each add, change or removal is one tracked save through the Session; the job
then reads that kind of row again, so the panel shows what the store holds.
Validation problems go back to the caller, who shows them beside its fields;
other errors are reported to the editor, which also reloads the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import JobContext, TaskRunner

ErrorHandler = Callable[[BaseException], None]


def child_job(
    meeting_id: str, entity: str, action: str, record_id: str | None, fields: dict[str, Any]
) -> Callable[[JobContext], dict[str, Any]]:
    """A DB-lane job: add, update or delete one child row, then read that kind again."""

    def run(ctx: JobContext) -> dict[str, Any]:
        session = ctx.session
        if action == "add":
            result = session.add_record(entity, meeting_id=meeting_id, **fields)
        elif action == "update":
            assert record_id is not None
            result = session.update_record(entity, record_id, **fields)
        else:
            assert record_id is not None
            result = session.delete_record(entity, record_id)
        return {"result": result, "rows": session.meeting_children(meeting_id, entity)}

    return run


class ChildRows(QObject):
    """Writes one meeting's child rows and announces the fresh rows.

    Signals:
        rows_changed(str, object): entity and its rows as now stored.
        failed(str, object): entity and the error of a save nobody else handled.
    """

    rows_changed = Signal(str, object)
    failed = Signal(str, object)

    def __init__(self, runner: TaskRunner, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self.meeting_id: str | None = None

    def add(
        self,
        entity: str,
        fields: dict[str, Any],
        *,
        on_done: Callable[[str], None] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Add a row to the open meeting; ``on_done`` gets the new row's id."""
        self._submit(entity, "add", None, fields, on_done, on_error)

    def update(
        self,
        entity: str,
        record_id: str,
        fields: dict[str, Any],
        *,
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Change some fields of one row."""
        self._submit(entity, "update", record_id, fields, None, on_error)

    def delete(self, entity: str, record_id: str) -> None:
        """Remove one row (a tombstone that sync carries)."""
        self._submit(entity, "delete", record_id, {}, None, None)

    def reload(self, entity: str) -> None:
        """Read one kind of row again (after a failed save showed a value not stored)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self._runner.db(
            lambda ctx: ctx.session.meeting_children(meeting_id, entity),
            on_done=lambda rows: self._announce(meeting_id, entity, rows),
            owner=self,
        )

    def _submit(
        self,
        entity: str,
        action: str,
        record_id: str | None,
        fields: dict[str, Any],
        on_done: Callable[[str], None] | None,
        on_error: ErrorHandler | None,
    ) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return

        def done(answer: dict[str, Any]) -> None:
            result = answer["result"]
            self._announce(meeting_id, entity, answer["rows"])
            self._bus.data_changed.emit(result.entities or {entity})
            if on_done is not None:
                on_done(str(result.record_id or ""))

        def failed(error: BaseException) -> None:
            if on_error is not None and isinstance(error, DanvanError):
                on_error(error)
            else:
                self.failed.emit(entity, error)
            self.reload(entity)

        self._runner.db(
            child_job(meeting_id, entity, action, record_id, fields),
            on_done=done,
            on_error=failed,
            owner=self,
        )

    def _announce(self, meeting_id: str, entity: str, rows: list[dict[str, Any]]) -> None:
        if meeting_id == self.meeting_id:  # an answer for a meeting no longer open is dropped
            self.rows_changed.emit(entity, rows)
