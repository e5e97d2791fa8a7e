"""The plan of an import: what each row of the file would do to the store.

Each row that holds something in a column taken in becomes a ``PlanRow``:

- ``add``: a new record, checked as the store will save it;
- ``update``: it matches a stored record by its natural key (``matching``) and changes
  some of its fields (``changes``: old and new value); the user accepts or skips it. An
  empty cell changes nothing: a list that leaves a phone number out does not erase it.
  A petition's petitioner is matched too (``children``): its changes are among the
  row's, named «petitioner.<field>», and ``child_id`` says which one (None: added);
- ``same``: it matches a stored record and changes nothing (importing a file again adds
  nothing twice);
- ``duplicate``: the same record as an earlier row, with the same values: not taken;
- ``invalid``: something in it cannot be saved (``problems``, each naming the field and
  the fix), or it repeats an earlier row's key with other values.

Nothing is written here: ``write.apply_plan`` writes a plan the user confirmed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vndate import short_date
from danvan_desktop.core.vocab import label
from danvan_desktop.importing import matching
from danvan_desktop.importing.cells import number_text
from danvan_desktop.importing.children import ChildMatch, match_child
from danvan_desktop.importing.facts import StoreFacts, read_facts
from danvan_desktop.importing.layout import Layout
from danvan_desktop.importing.rowcheck import RowChecker
from danvan_desktop.importing.sources import Sheet
from danvan_desktop.importing.targets import MODEL_FIELDS, ImportTarget

if TYPE_CHECKING:
    from danvan_desktop.store.connection import Reads

ADD, UPDATE, SAME, DUPLICATE, INVALID = "add", "update", "same", "duplicate", "invalid"
ACTIONS = (ADD, UPDATE, SAME, DUPLICATE, INVALID)
PROGRESS_EVERY = 200

Progress = Callable[[int, int], None]
Check = Callable[[], None]


@dataclass
class PlanRow:
    """What one row of the file would do (see the module's notes)."""

    line: int  # the row's number in the sheet
    action: str
    cells: dict[str, Any]  # the cells taken in, by field or extra, as the file holds them
    values: dict[str, Any]  # the fields given, as the store keeps them
    extras: dict[str, Any]
    record_id: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    child_id: str | None = None  # the stored child an update changes (None: a new one)
    steps: tuple[str, ...] = ()  # a model's statuses to move through after saving
    problems: list[FieldProblem] = field(default_factory=list)
    duplicate_of: int | None = None


@dataclass
class Plan:
    """Every row's outcome, and what keeps the file out as a whole (``problems``)."""

    target: ImportTarget
    sheet: Sheet
    layout: Layout
    rows: list[PlanRow]
    blank_rows: int
    labels: dict[str, dict[str, str]]  # choice field -> code -> label

    @property
    def problems(self) -> tuple[FieldProblem, ...]:
        """Problems of the file as a whole (a missing column, an old encoding)."""
        return self.layout.problems

    def count(self, action: str) -> int:
        """How many rows would do ``action``."""
        return sum(1 for r in self.rows if r.action == action)

    def row(self, line: int) -> PlanRow:
        """The row with sheet row number ``line`` (KeyError if none)."""
        for row in self.rows:
            if row.line == line:
                return row
        raise KeyError(line)

    def signature(self) -> tuple[tuple[Any, ...], ...]:
        """What the plan would do, to compare with a plan made again before writing."""
        return tuple(
            (r.line, r.action, r.record_id, tuple(sorted(r.changes)), r.steps, r.child_id)
            for r in self.rows
        )

    def text(self, row: PlanRow, name: str) -> str:
        """A field's (or extra's) value in ``row`` as a user reads it."""
        if name in row.values and row.values[name] is not None:
            return self.value_text(name, row.values[name])
        value = row.extras.get(name) if name in row.extras else row.cells.get(name)
        return "" if value is None else self.value_text(name, value)

    def value_text(self, name: str, value: Any) -> str:
        """A stored value as a user reads it: dates dd/mm/yyyy, choices by label."""
        if value is None:
            return ""
        if name in self.labels:
            return self.labels[name].get(str(value), str(value))
        if isinstance(value, dt.datetime | dt.date):
            return short_date(value if isinstance(value, dt.date) else value.date())
        spec = None if self.target.extra(name) else self.target.spec.field(name)
        if spec is not None and spec.kind == "date":
            try:
                return short_date(dt.date.fromisoformat(str(value)))
            except ValueError:
                return str(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return number_text(value)
        return str(value)


def choice_labels(target: ImportTarget, facts: StoreFacts) -> dict[str, dict[str, str]]:
    """Code -> label of every choice field of ``target``."""
    labels: dict[str, dict[str, str]] = {}
    for name, vocabulary in target.choices.items():
        if vocabulary == MODEL_FIELDS:
            labels[name] = dict(facts.model_fields)
        elif isinstance(vocabulary, dict):
            labels[name] = {code: label(vocabulary, code) for code in vocabulary}
    return labels


def build_plan(
    db: Reads,
    target: ImportTarget,
    sheet: Sheet,
    layout: Layout,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> Plan:
    """What importing ``sheet`` as ``layout`` says would do to the store read through ``db``."""
    facts = read_facts(db, target)
    checker = RowChecker(target, facts, today=today)
    rows, blank = _read_rows(checker, sheet, layout, progress, check)
    _mark_duplicates(target, layout, rows)
    _match_and_check(checker, layout, rows, check)
    return Plan(target, sheet, layout, rows, blank, choice_labels(target, facts))


def _read_rows(
    checker: RowChecker,
    sheet: Sheet,
    layout: Layout,
    progress: Progress | None,
    check: Check | None,
) -> tuple[list[PlanRow], int]:
    taken = [(c.index, c.field) for c in layout.columns if c.field is not None]
    total = len(sheet.rows) - layout.header_row
    rows: list[PlanRow] = []
    blank = 0
    for offset, cells in enumerate(sheet.rows[layout.header_row :]):
        if offset % PROGRESS_EVERY == 0:
            if check is not None:
                check()
            if progress is not None:
                progress(offset, total)
        row = {name: (cells[i] if i < len(cells) else None) for i, name in taken}
        if all(v is None for v in row.values()):
            blank += 1
            continue
        values, extras, problems = checker.read(row)
        line = layout.header_row + offset + 1
        rows.append(PlanRow(line, ADD, row, values, extras, problems=problems))
    if progress is not None:
        progress(total, total)
    return rows, blank


def _mark_duplicates(target: ImportTarget, layout: Layout, rows: list[PlanRow]) -> None:
    """Rows repeating an earlier row's key: duplicates when their values are the same,
    invalid when they differ (which of the two is right is the user's to say); and rows of
    a name another row has too, without the key part that would tell them apart."""
    names = matching.key_fields(target, layout.fields)
    first: dict[tuple[Any, ...], PlanRow] = {}
    for row in rows:
        if row.problems:
            continue  # what could not be read is no key to compare
        key = _full_key(target, names, row)
        if key is None:
            continue
        earlier = first.setdefault(key, row)
        if earlier is row:
            continue
        differ = [
            n
            for n in sorted({*row.values, *earlier.values})
            if row.values.get(n) != earlier.values.get(n)
        ]
        row.duplicate_of = earlier.line
        if not differ:
            row.action = DUPLICATE
            continue
        row.action = INVALID
        if _lacks_optional(target, row):
            row.problems.append(_namesake_problem(target, earlier.line))
            continue
        row.problems.append(
            FieldProblem(
                names[0],
                tr(
                    "importing",
                    "Trùng với dòng {line} nhưng khác ở {fields}: hãy giữ một dòng đúng, xóa "
                    "dòng kia rồi nhập lại.",
                    line=earlier.line,
                    fields=", ".join(
                        f"«{tr('fields', target.spec.field(n).label)}»" for n in differ
                    ),
                ),
            )
        )
    _mark_namesakes(target, names, rows)


def _full_key(target: ImportTarget, names: Sequence[str], row: PlanRow) -> tuple[Any, ...] | None:
    """The row's key, its optional parts (None when left empty) among it."""
    required = [n for n in names if n not in target.optional]
    key = matching.key_of(target, required, row.values)
    if key is None:
        return None
    return (*key, *(row.values.get(n) for n in target.optional))


def _lacks_optional(target: ImportTarget, row: PlanRow) -> bool:
    return bool(target.optional) and any(row.values.get(n) is None for n in target.optional)


def _namesake_problem(target: ImportTarget, line: int) -> FieldProblem:
    name = target.optional[0]
    return FieldProblem(
        name,
        tr(
            "importing",
            "Cùng tên với dòng {line} mà thiếu «{field}» nên không phân biệt được: nếu là hai "
            "người, hãy ghi «{field}» của từng người; nếu là một người, hãy giữ một dòng đúng, "
            "xóa dòng kia rồi nhập lại.",
            line=line,
            field=tr("fields", target.spec.field(name).label),
        ),
    )


def _mark_namesakes(target: ImportTarget, names: Sequence[str], rows: list[PlanRow]) -> None:
    """A row without its optional key part (a member without a birth year) when another
    row of the file has the same name: which of them it is cannot be told."""
    if not target.optional:
        return
    required = [n for n in names if n not in target.optional]
    seen: dict[tuple[Any, ...], list[PlanRow]] = {}
    for row in rows:
        key = matching.key_of(target, required, row.values)
        if key is not None and not row.problems and row.action != DUPLICATE:
            seen.setdefault(key, []).append(row)
    for group in seen.values():
        if len(group) < 2:
            continue
        for row in group:
            if row.action != INVALID and _lacks_optional(target, row):
                other = next(r for r in group if r is not row)
                row.action = INVALID
                row.problems.append(_namesake_problem(target, other.line))


def _match_and_check(
    checker: RowChecker, layout: Layout, rows: list[PlanRow], check: Check | None
) -> None:
    """Pair each row with a stored record of its key (``matching.Matcher``), then check it.
    Rows that could be read pair first: one with a problem, never written, takes no stored
    record from a good row of the same key (which would then be added twice)."""
    target = checker.target
    names = matching.key_fields(target, layout.fields)
    matcher = matching.Matcher(target, names, checker.facts.stored)
    position = checker.facts.next_position
    ordered = sorted(rows, key=lambda r: bool(r.problems))  # stable: the file's order kept
    for number, row in enumerate(ordered):
        if number % PROGRESS_EVERY == 0 and check is not None:
            check()
        if row.action != ADD:
            continue
        found, could_be = matcher.find(row.values)
        if could_be:
            row.problems.append(_which_one(checker, row, could_be))
        elif found is not None:
            _check_match(checker, row, found)
        else:
            record = checker.new_record(row.values, position)
            if target.entity == "member" and "position_order" not in row.values:
                position += 1
            row.values = record
            row.steps, problems = checker.check_add(record, row.extras)
            _add_problems(row, problems)
        if row.problems:
            row.action = INVALID


def _which_one(
    checker: RowChecker, row: PlanRow, could_be: Sequence[Mapping[str, Any]]
) -> FieldProblem:
    """The store keeps several records the row could be: the optional key part says which."""
    target = checker.target
    name = target.optional[0]
    known = [r.get(name) for r in could_be]
    return FieldProblem(
        name,
        tr(
            "importing",
            "Đã có {count} người tên «{who}» ({field}: {known}): hãy ghi «{field}» ở dòng "
            "này để biết là người nào; nếu là người mới, hãy ghi năm sinh của người đó.",
            count=len(could_be),
            who=row.values.get(target.key[0]),
            field=tr("fields", target.spec.field(name).label),
            known=", ".join(
                str(v) if v is not None else tr("importing", "chưa ghi") for v in known
            ),
        ),
    )


def _add_problems(row: PlanRow, problems: list[FieldProblem]) -> None:
    """Add the checks' problems to those of reading, one per field (a field that could not
    be read is not also «empty»)."""
    unread = {p.field for p in row.problems}
    row.problems += [p for p in problems if p.field not in unread]


def _check_match(checker: RowChecker, row: PlanRow, before: Mapping[str, Any]) -> None:
    row.record_id = str(before["id"])
    target = checker.target
    # The key matched as folded: «LÊ THỊ HOA» finds «Lê Thị Hoa», and the name stays as kept.
    keys = {n for n in target.key if target.spec.field(n).kind in ("text", "long_text")}
    own = {
        n: (before.get(n), v)
        for n, v in row.values.items()
        if v is not None and n not in keys and before.get(n) != v
    }
    child = ChildMatch()
    if target.child is not None:
        child = match_child(checker, row.extras, checker.facts.children.get(row.record_id, ()))
    row.changes = {**own, **child.changes}
    row.child_id = child.child_id
    if not row.changes and not child.problems:
        row.action = SAME
        return
    row.action = UPDATE
    row.steps, problems = checker.check_update(before, {n: v for n, (_, v) in own.items()})
    _add_problems(row, [*problems, *child.problems])
