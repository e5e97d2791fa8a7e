"""The importing part of the Session facade: a team's Excel or CSV lists brought in.

Three steps, each a call the window runs on a lane (never the GUI thread) and the CLI
runs in turn: ``read_import_file`` reads the file (a sheet of cells), ``preview_import``
matches its columns and checks every row against the store (a ``Plan``: on the read
lane, with a reader), and ``import_rows`` writes what the user confirmed in one
transaction with its outbox operations (on the DB lane), or nothing, with the reason.
The work is done by the ``danvan_desktop.importing`` package, loaded at the first call:
openpyxl is no import of the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.session.base import SessionBase
from danvan_desktop.session.result import Result, result_of

if TYPE_CHECKING:
    from danvan_desktop.importing.plan import Plan
    from danvan_desktop.importing.sources import Source
    from danvan_desktop.importing.targets import ImportTarget
    from danvan_desktop.store.connection import Reads

Progress = Callable[[int, int], None]
Check = Callable[[], None]


class ImportResult(NamedTuple):
    """What an import wrote: the changed records, and how many rows did what."""

    result: Result
    added: int
    updated: int
    left: int


def import_target(entity: str) -> ImportTarget:
    """The import target of ``entity``; ValidationError naming the kinds that can be."""
    from danvan_desktop.importing.targets import TARGETS

    target = TARGETS.get(entity)
    if target is None:
        raise ValidationError(
            [
                FieldProblem(
                    "entity",
                    tr(
                        "importing",
                        "Không nhập được loại hồ sơ «{entity}»: hãy chọn một trong {known}.",
                        entity=entity,
                        known=", ".join(TARGETS),
                    ),
                )
            ]
        )
    return target


class ImportingMixin(SessionBase):
    """Import verbs of the Session."""

    @staticmethod
    def import_kinds() -> list[tuple[str, str]]:
        """The kinds of record a file can bring in: (entity, its name to show)."""
        from danvan_desktop.importing.targets import TARGETS

        return [(name, tr("entities", t.spec.label)) for name, t in TARGETS.items()]

    @staticmethod
    def import_columns(entity: str) -> list[tuple[str, str]]:
        """What a column can fill for ``entity``: (field or extra, its label to show)."""
        from danvan_desktop.importing.rowcheck import column_label

        target = import_target(entity)
        return [(name, column_label(target, name)) for name in target.columns]

    def read_import_file(
        self,
        path: Path,
        *,
        sheet: str | None = None,
        progress: Progress | None = None,
        check: Check | None = None,
    ) -> Source:
        """Read an ``.xlsx`` or ``.csv`` file (``sheet``, or its first one)."""
        from danvan_desktop.importing.sources import read_source

        return read_source(Path(path), sheet, progress=progress, check=check)

    def preview_import(
        self,
        source: Source,
        *,
        entity: str,
        header_row: int | None = None,
        columns: Mapping[int, str | None] | None = None,
        db: Reads | None = None,
        progress: Progress | None = None,
        check: Check | None = None,
    ) -> Plan:
        """What importing ``source`` as ``entity`` would do: columns matched (or as
        ``columns`` gives them: index -> field, None to leave one out), every row checked
        and matched with the store; nothing is written."""
        from danvan_desktop.importing.layout import check_choices, make_layout
        from danvan_desktop.importing.plan import build_plan

        target = import_target(entity)
        check_choices(source.sheet, target, header_row, columns)
        layout = make_layout(source.sheet, target, header_row=header_row, chosen=columns)
        return build_plan(
            db or self.store.db, target, source.sheet, layout, progress=progress, check=check
        )

    def import_rows(
        self,
        plan: Plan,
        *,
        skip_updates: Collection[int] = (),
        skip_invalid: bool = False,
        progress: Progress | None = None,
        check: Check | None = None,
    ) -> ImportResult:
        """Write the plan's new records and its updates not in ``skip_updates`` (row
        numbers) in one transaction, or nothing (ValidationError, DanvanError: why)."""
        from danvan_desktop.importing.write import apply_plan

        outcome = apply_plan(
            self.records,
            plan,
            skip_updates=skip_updates,
            skip_invalid=skip_invalid,
            role=self.role,
            progress=progress,
            check=check,
        )
        return ImportResult(
            result_of(outcome.changes), outcome.added, outcome.updated, outcome.left
        )

    @staticmethod
    def import_refusal(plan: Plan, *, skip_invalid: bool = False) -> ValidationError | None:
        """Why ``plan`` cannot be written as it is (None when it can)."""
        from danvan_desktop.importing.write import refusal

        return refusal(plan, skip_invalid=skip_invalid)


__all__ = ["ImportResult", "ImportingMixin", "import_target"]
