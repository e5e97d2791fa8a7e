"""One row of a file, read and checked with core's rules as the store will save it.

``RowChecker.read`` turns the row's cells into the fields' stored forms
(``core.validation.coerce_fields``: the rules of ``core.field_rules``, the ones every
path into the store and the server apply), and ``check_add`` / ``check_update`` hold the
record as it would be saved to ``core.validation.validate_record``, with what the store's
writer would pass it (the team's model fields). The writer checks each record again
when it saves it; these checks only let the preview say beforehand, beside each row,
what the save would refuse.

A model's status is a life cycle, not a value: a new model is registered, then moved.
A row that says «Đang triển khai» is saved registered and moved on along the moves a
team may make (``core.model_status``); a status only a reviewer gives («Được công nhận
tiêu biểu») is refused with the ones the team may write.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from danvan_desktop.core.errors import FieldProblem, PermissionDeniedError, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.model_status import INITIAL_STATUS, TRANSITIONS
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.validation import ValidationContext, coerce_fields, validate_record
from danvan_desktop.core.vocab import MODEL_STATUSES, label
from danvan_desktop.importing import cells
from danvan_desktop.importing.facts import StoreFacts
from danvan_desktop.importing.targets import MODEL_FIELDS, ImportTarget

TEAM = "team"
CHILD_PARENT_PLACEHOLDER = "import"  # a child's parent id while it is only checked


def status_steps(old: str, new: str) -> tuple[str, ...] | None:
    """The statuses a team passes through from ``old`` to ``new`` (None: it may not)."""
    if old == new:
        return ()
    paths: deque[tuple[str, ...]] = deque([(old,)])
    seen = {old}
    while paths:
        path = paths.popleft()
        for (frm, to), roles in TRANSITIONS.items():
            if frm != path[-1] or TEAM not in roles or to in seen:
                continue
            if to == new:
                return (*path[1:], to)
            seen.add(to)
            paths.append((*path, to))
    return None


def column_label(target: ImportTarget, name: str) -> str:
    """The label of a field or extra of ``target``, in the reader's language."""
    extra = target.extra(name)
    if extra is not None:
        return tr("importing", extra.label)
    return tr("fields", target.spec.field(name).label)


def _reachable(old: str | None) -> list[str]:
    start = old or INITIAL_STATUS
    return [s for s in MODEL_STATUSES if status_steps(start, s) is not None]


class RowChecker:
    """Reads and checks the rows of one file for one target against one store's facts."""

    def __init__(
        self, target: ImportTarget, facts: StoreFacts, *, today: dt.date | None = None
    ) -> None:
        self.target = target
        self.spec = target.spec
        self.facts = facts
        self.today = today or dt.date.today()
        self._lookups: dict[str, dict[str, str]] = {}
        for name, vocabulary in target.choices.items():
            if vocabulary == MODEL_FIELDS:
                table = dict(facts.model_fields)
                self._lookups[name] = cells.choice_lookup(table, table)
            elif isinstance(vocabulary, dict):
                shown = {code: label(vocabulary, code) for code in vocabulary}
                self._lookups[name] = cells.choice_lookup(vocabulary, shown)
        self._field_codes = {code for code, _ in facts.model_fields}
        self._extras = {e.name for e in target.extras}
        self._readers: dict[str, Callable[[Any], Any]] = {}
        self._context = ValidationContext(role=TEAM)
        if target.entity == "model":
            self._context.extra["model_field_codes"] = {c for c, _ in facts.model_fields}

    def label(self, name: str) -> str:
        """The label of a field or extra, in the reader's language."""
        return column_label(self.target, name)

    # -- reading ----------------------------------------------------------------------
    def read(
        self, row: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any], list[FieldProblem]]:
        """The stored forms of the row's fields, its extras, and what could not be read."""
        raw: dict[str, Any] = {}
        extras: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name, value in row.items():
            if value is None:
                continue
            try:
                if name in self._extras:
                    extras[name] = self._reader(name)(value)
                else:
                    read = self._reader(name)(value)
                    if read is not None:
                        raw[name] = read
            except cells.Unreadable as unreadable:
                problems.append(unreadable.problem)
        try:
            values = coerce_fields(self.spec, raw)
        except ValidationError as error:
            problems += error.problems
            bad = set(error.fields)
            values = coerce_fields(self.spec, {n: v for n, v in raw.items() if n not in bad})
        return values, extras, problems

    def _reader(self, name: str) -> Callable[[Any], Any]:
        """How a cell of field (or extra) ``name`` is read, made once per name."""
        found = self._readers.get(name)
        if found is None:
            found = self._readers[name] = self._make_reader(name)
        return found

    def _make_reader(self, name: str) -> Callable[[Any], Any]:
        extra = self.target.extra(name)
        label_text = self.label(name)
        if extra is not None:
            if extra.kind == "year":
                return partial(cells.year_value, name, label_text)
            return partial(cells.text_value, name.rpartition(".")[2])
        kind = self.spec.field(name).kind
        if name in self.target.years:
            return partial(cells.year_value, name, label_text)
        if name in self._lookups:
            return partial(self._choice, name, self._lookups[name])
        if kind == "date":
            return partial(cells.date_value, name, label_text)
        if kind == "int":
            return cells.whole_value
        if kind in ("text", "long_text"):
            return partial(cells.text_value, name)
        return lambda value: value

    def _choice(self, name: str, lookup: Mapping[str, str], value: Any) -> Any:
        code = cells.choice_value(lookup, value)
        if self.target.choices[name] == MODEL_FIELDS and code not in self._field_codes:
            raise cells.Unreadable(FieldProblem(name, self._unknown_field(code)))
        return code

    def _unknown_field(self, value: Any) -> str:
        return tr(
            "importing",
            "«{label}» «{value}» không có trong danh mục lĩnh vực của tổ: hãy ghi một trong "
            "{known}, hoặc thêm lĩnh vực này ở trang Mô hình (nút «Lĩnh vực…») rồi nhập lại.",
            label=tr("fields", self.spec.field("field_code").label),
            value=value,
            known=", ".join(f"«{name}»" for _, name in self.facts.model_fields),
        )

    # -- checking ---------------------------------------------------------------------
    def new_record(self, values: Mapping[str, Any], position: int) -> dict[str, Any]:
        """The record a new row saves: defaults, the team, the year, then the row."""
        record: dict[str, Any] = dict(self.target.defaults)
        if self.target.entity == "member":
            record.update(team_id=self.facts.team_id, position_order=position)
        record.update(values)
        if self.target.entity == "model" and record.get("year") is None:
            start = record.get("start_date")
            record["year"] = int(str(start)[:4]) if start else self.today.year
        return record

    def check_add(
        self, record: dict[str, Any], extras: Mapping[str, Any]
    ) -> tuple[tuple[str, ...], list[FieldProblem]]:
        """Check a new record; the statuses to move it through after saving, and problems."""
        steps, problems = self._status(None, record.get("status"))
        saved = dict(record)
        if steps or problems:
            saved["status"] = INITIAL_STATUS  # saved registered, then moved (or refused above)
        changed = {n for n, v in saved.items() if v is not None}
        full = {n: saved.get(n) for n in self.spec.field_names}
        problems += self._validate(self.spec.name, full, None, changed)
        problems += self._check_child(extras)
        return steps, problems

    def check_update(
        self, before: Mapping[str, Any], changes: Mapping[str, Any]
    ) -> tuple[tuple[str, ...], list[FieldProblem]]:
        """Check the changes to a stored record; statuses to pass through, and problems."""
        steps: tuple[str, ...] = ()
        problems: list[FieldProblem] = []
        if "status" in changes:
            steps, problems = self._status(str(before.get("status")), changes["status"])
        record = {n: before.get(n) for n in self.spec.field_names}
        record.update(changes)
        changed = set(changes) - {"status"}
        problems += self._validate(self.spec.name, record, before, changed)
        return steps, problems

    def _validate(
        self,
        entity: str,
        record: dict[str, Any],
        before: Mapping[str, Any] | None,
        changed: set[str],
    ) -> list[FieldProblem]:
        try:
            validate_record(
                ENTITIES[entity], record, before=before, changed=changed, context=self._context
            )
        except ValidationError as error:
            return list(error.problems)
        except PermissionDeniedError as error:
            return [FieldProblem("", error.message)]
        return []

    def _status(self, old: str | None, new: Any) -> tuple[tuple[str, ...], list[FieldProblem]]:
        """The moves from ``old`` (None: a new model) to ``new``, or why a team may not."""
        if self.target.entity != "model" or new is None or new not in MODEL_STATUSES:
            return (), []  # not a model, or an unknown status: core names the choices
        steps = status_steps(old or INITIAL_STATUS, str(new))
        if steps is not None:
            return steps, []
        allowed = ", ".join(f"«{label(MODEL_STATUSES, s)}»" for s in _reachable(old))
        if status_steps(INITIAL_STATUS, str(new)) is None:
            message = tr(
                "importing",
                "«Trạng thái» «{new}» do cấp xã hoặc thành phố quyết định, tổ dân vận không "
                "tự ghi được: hãy ghi một trong {allowed} (cấp trên công nhận qua máy chủ "
                "của thành phố).",
                new=label(MODEL_STATUSES, str(new)),
                allowed=allowed,
            )
        else:
            message = tr(
                "importing",
                "«Trạng thái»: không chuyển được mô hình từ «{old}» sang «{new}»; hãy ghi một "
                "trong {allowed}, hoặc để trống ô này để giữ trạng thái đang lưu.",
                old=label(MODEL_STATUSES, str(old)),
                new=label(MODEL_STATUSES, str(new)),
                allowed=allowed,
            )
        return (), [FieldProblem("status", message)]

    def _check_child(self, extras: Mapping[str, Any]) -> list[FieldProblem]:
        """A petitioner given in the row's extras, checked as the store will save it."""
        values, problems = self.child_values(extras)
        if problems or not values:
            return problems
        return self.check_child(values)

    def child_values(self, extras: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldProblem]]:
        """The child's fields given in the row's extras, as the store keeps them, or why
        they cannot be read (problems named ``<child>.<field>``)."""
        child = self.target.child
        given = {n.rpartition(".")[2]: v for n, v in extras.items() if v is not None}
        if child is None or not given:
            return {}, []
        try:
            values = coerce_fields(ENTITIES[child], given)
        except ValidationError as error:
            return {}, [FieldProblem(f"{child}.{p.field}", p.message) for p in error.problems]
        return {n: v for n, v in values.items() if v is not None}, []

    def check_child(
        self, values: Mapping[str, Any], before: Mapping[str, Any] | None = None
    ) -> list[FieldProblem]:
        """A child record with ``values``: a new one (``before`` None) or a stored one
        changed, checked as the store will save it."""
        child = str(self.target.child)
        spec = ENTITIES[child]
        record = {n: (before or {}).get(n) for n in spec.field_names}
        record.update(values)
        changed = {n for n, v in values.items() if v is not None}
        if before is None:
            record[str(spec.parent)] = CHILD_PARENT_PLACEHOLDER
            changed.add(str(spec.parent))
        return [
            FieldProblem(f"{child}.{p.field}", p.message)
            for p in self._validate(child, record, before, changed)
        ]
