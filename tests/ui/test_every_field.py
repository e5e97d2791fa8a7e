"""Nothing a leader types is lost or changed silently: every field of every form, walked.

For each editable field of each form of record data (tests/ui/field_walk*.py) the walk
types valid values, the boundaries of core's rules and bad values as a user would
(tests/ui/field_cases.py), saves, reads the store back through the Session, and asserts
for each case: the value is kept exactly, or a message beside that field names the
problem and nothing is saved. Each field is one test; its failures list every case.

The forms are found, not listed: every QWidget subclass under danvan_desktop.ui whose
own code makes an editable input (a Qt input, the project's date editors, an editable
table column or a helper that makes one) needs an entry in the table or a reason in
``NOT_FORMS``; and every input a form shows needs a field of its entry. A new form or
a new field cannot slip past.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QTextBrowser,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

import danvan_desktop.ui as ui_package
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.task_runner import TaskRunner
from danvan_desktop.ui.widgets.form_widgets import FieldError, FieldWithError
from danvan_desktop.ui.widgets.record_table import RecordTableModel

from .field_cases import (
    EITHER,
    KEPT,
    REFUSED,
    Case,
    click_cell,
    pick,
    replace_text,
    same,
    set_tick,
    tick_rows,
    type_in_cell,
)
from .field_walk import NOT_FORMS, Field, Form, Opened, Walk, forms
from .helpers import WAIT_MS, make_team_dir

FORMS = forms()
QT_INPUTS = {
    "QLineEdit",
    "QTextEdit",
    "QPlainTextEdit",
    "QSpinBox",
    "QDoubleSpinBox",
    "QComboBox",
    "QDateEdit",
    "QDateTimeEdit",
    "QTimeEdit",
    "QCheckBox",
    "QTableWidget",
}
INPUT_TYPES = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QCheckBox)
PROJECT_INPUTS = ("OptionalDateEdit", "OptionalDateTimeEdit")  # the project's date editors


def qualified(cls: type) -> str:
    """``module.Class``."""
    return f"{cls.__module__}.{cls.__qualname__}"


# -- finding the forms -----------------------------------------------------------------
def ui_modules() -> dict[str, Any]:
    """Every module under danvan_desktop.ui, imported."""
    found = {}
    for info in pkgutil.walk_packages(ui_package.__path__, ui_package.__name__ + "."):
        found[info.name] = importlib.import_module(info.name)
    return found


def _called_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _editable_column(node: ast.Call) -> bool:
    """``Column(key, title, kind, True)`` or ``Column(..., editable=True)``."""
    if _called_name(node) != "Column":
        return False
    flags = [k.value for k in node.keywords if k.arg == "editable"]
    if len(node.args) >= 4:
        flags.append(node.args[3])
    return any(isinstance(f, ast.Constant) and f.value is True for f in flags)


def _makes_input(tree: ast.AST, makers: set[str]) -> bool:
    """Does this code make an editable input (a read-only text box does not count)?"""
    read_only = {
        ast.unparse(n.func.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr == "setReadOnly"
        and n.args
        and isinstance(n.args[0], ast.Constant)
        and n.args[0].value is True
    }
    skipped = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and {ast.unparse(t) for t in node.targets} & read_only
    }
    return any(
        isinstance(node, ast.Call)
        and id(node) not in skipped
        and (_called_name(node) in makers or _editable_column(node))
        for node in ast.walk(tree)
    )


def _module_makers(modules: dict[str, Any], inputs: set[str]) -> dict[str, set[str]]:
    """Per module: the names that make an input there (Qt inputs, helpers, imports of them)."""
    trees = {name: ast.parse(inspect.getsource(mod)) for name, mod in modules.items()}
    makers = {name: set(inputs) for name in modules}
    changed = True
    while changed:  # helpers calling helpers, across modules
        changed = False
        for name, tree in trees.items():
            for node in tree.body:
                if (
                    isinstance(node, ast.FunctionDef)
                    and node.name not in makers[name]
                    and _makes_input(node, makers[name])
                ):
                    makers[name].add(node.name)
                    changed = True
                if isinstance(node, ast.ImportFrom) and node.module in makers:
                    for alias in node.names:
                        local = alias.asname or alias.name
                        if alias.name in makers[node.module] and local not in makers[name]:
                            makers[name].add(local)
                            changed = True
    return makers


def classes_holding_inputs() -> set[str]:
    """Every QWidget subclass under ui/ whose construction makes an editable input."""
    modules = ui_modules()
    classes = {
        qualified(obj): obj
        for mod in modules.values()
        for obj in vars(mod).values()
        if inspect.isclass(obj) and obj.__module__ == mod.__name__ and issubclass(obj, QWidget)
    }
    # The project's own inputs (its date fields, its spin boxes) are inputs, not forms:
    # making one makes an input. A text browser is read-only.
    own_inputs = {
        name
        for name, cls in classes.items()
        if issubclass(cls, INPUT_TYPES) and not issubclass(cls, QTextBrowser)
    }
    inputs = QT_INPUTS | set(PROJECT_INPUTS) | {classes[n].__name__ for n in own_inputs}
    makers = _module_makers(modules, inputs)
    own = {
        name
        for name, cls in classes.items()
        if not issubclass(cls, INPUT_TYPES)
        and _makes_input(ast.parse(textwrap.dedent(inspect.getsource(cls))), makers[cls.__module__])
    }
    return {
        name
        for name, cls in classes.items()
        if not issubclass(cls, INPUT_TYPES)
        and any(qualified(base) in own for base in cls.__mro__ if qualified(base) in classes)
    }


def test_every_form_is_in_the_table() -> None:
    """Each class under ui/ that makes an input has an entry, or a reason it holds no data."""
    found = classes_holding_inputs()
    known = {qualified(form.cls) for form in FORMS} | set(NOT_FORMS)
    missing = sorted(found - known)
    stale = sorted(known - found)
    assert not missing, "Forms with no entry in tests/ui/field_walk.py:\n" + "\n".join(missing)
    assert not stale, "Entries for classes that no longer hold inputs:\n" + "\n".join(stale)


# -- the store and the walk ------------------------------------------------------------
def _fill(session: Any) -> None:
    session.add_member(full_name="Trần Thị Bích", role="deputy", position="Trưởng thôn")
    session.add_member(full_name="Lê Văn Cường", role="member", organisation="Hội Nông dân")
    session.add_model(name="Đường hoa tổ dân phố 5", field_code="new_rural", year=2026)
    session.add_meeting(title="Họp tổ tháng 3/2026", kind="regular", starts_at="2026-03-05T19:30")


@pytest.fixture(scope="module")
def module_runner(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TaskRunner]:
    """One team's store for the whole walk (each field makes the records it edits)."""
    data_dir = make_team_dir(tmp_path_factory.mktemp("every_field") / "data", _fill)
    runner = TaskRunner()
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    QtBot(qapp).waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield runner
    runner.shutdown()


@pytest.fixture
def walk(qtbot: QtBot, module_runner: TaskRunner, tmp_path: Path) -> Iterator[Walk]:
    """The walk's driver for one field; its widgets are put away at the end."""
    driver = Walk(qtbot, module_runner, EventBus(), tmp_path)
    yield driver
    driver.finish()


def _snapshot(session: Any, tables: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    db = session.store.db
    return {t: [dict(r) for r in db.query(f"SELECT * FROM {t} ORDER BY rowid")] for t in tables}


def _enter(fld: Field, widget: QWidget, case: Case) -> Any:
    """Type, pick or tick the case's value; returns what the store should keep."""
    if fld.cell is not None:
        model = widget.model()
        column = fld.cell if isinstance(fld.cell, int) else model.column_of(fld.cell)
        if fld.kind == "check":
            ticked = model.index(fld.row, column).data(Qt.ItemDataRole.CheckStateRole)
            if (ticked == Qt.CheckState.Checked) != (case.typed == "on"):
                click_cell(widget, fld.row, column)
        else:
            type_in_cell(widget, fld.row, column, case.typed)
        return case.stored
    if fld.kind == "choice":
        data = pick(widget, case.typed)
        return fld.picked(data) if fld.picked else data
    if fld.kind == "check":
        set_tick(widget, case.typed == "on")
        return case.stored
    if fld.kind == "ticks":
        first = tick_rows(widget, case.typed == "first")
        return [first] if case.typed == "first" else None
    replace_text(widget, case.typed)
    return case.stored


def _message_beside(fld: Field, root: QWidget, widget: QWidget) -> str:
    """The messages shown on the field's own line (and inside the field itself); none
    when the form closed (a saved dialog goes away)."""
    if not shiboken6.isValid(widget):
        return ""
    lines: list[QLabel] = list(widget.findChildren(FieldError))
    if fld.error is not None:
        lines.append(fld.error(root))
    else:
        holder = widget.parentWidget()
        while holder is not None and not isinstance(holder, FieldWithError):
            holder = holder.parentWidget()
        if holder is not None:
            lines.append(holder.error)
    texts = [line.text().strip() for line in lines if not line.isHidden()]
    return " | ".join(t for t in texts if t)


def _verdict(case: Case, wanted: Any, stored: Any, saved: bool, changed: bool, message: str) -> str:
    """'' when the case went as it must; otherwise what happened."""
    kept = saved and same(stored, wanted) and not message
    refused = bool(message) and not changed
    if (case.expect == KEPT and kept) or (case.expect == REFUSED and refused):
        return ""
    if case.expect == EITHER and (kept or refused):
        return ""
    said = f"message {message!r}" if message else "no message beside the field"
    happened = f"stored {stored!r}" if saved else "nothing stored"
    if changed and case.expect != KEPT:
        happened += " (the store changed)"
    want = {KEPT: f"kept as {wanted!r}", REFUSED: "refused beside the field, nothing saved"}
    return f"wanted {want.get(case.expect, f'kept as {wanted!r} or refused')}; {happened}; {said}"


def _run_case(walk: Walk, form: Form, ctx: Any, fld: Field, case: Case) -> str:
    opened: Opened = form.open(walk, ctx)
    runner = opened.runner
    try:
        form.prefill(opened, fld)
        widget = fld.widget(opened.root)
        before = walk.call(lambda s: _snapshot(s, opened.tables), runner)
        wanted = _enter(fld, widget, case)
        opened.save(fld)
        walk.settle(runner)
        after, record = walk.call(
            lambda s: (_snapshot(s, opened.tables), opened.read(s, fld)), runner
        )
        raw = record.get(fld.key) if record is not None else None
        stored = fld.value_of(raw) if fld.value_of is not None else raw
        message = _message_beside(fld, opened.root, widget)
        return _verdict(case, wanted, stored, record is not None, before != after, message)
    finally:
        opened.close()


def form_name(form: Form) -> str:
    """The form's class name, with its module's when another class in the table has it too."""
    names = [f.cls.__name__ for f in FORMS] + [name.rsplit(".", 1)[-1] for name in NOT_FORMS]
    twice = names.count(form.cls.__name__) > 1
    prefix = form.cls.__module__.rsplit(".", 1)[-1] + "." if twice else ""
    return prefix + form.cls.__qualname__


def _walk_params() -> list[Any]:
    return [
        pytest.param(form, fld, id=f"{form_name(form)}.{fld.name}")
        for form in FORMS
        for fld in form.fields
    ]


@pytest.mark.parametrize(("form", "fld"), _walk_params())
def test_every_field(walk: Walk, form: Form, fld: Field) -> None:
    """Each value typed is kept exactly, or refused beside the field with nothing saved."""
    ctx = form.prepare(walk, fld)
    problems = []
    for case in fld.all_cases(ctx):
        try:
            problem = _run_case(walk, form, ctx, fld, case)
        except Exception as error:
            problem = f"could not be walked: {error!r}"
        if problem:
            problems.append(f"  [{case.label}] typed {case.typed[:60]!r}: {problem}")
    where = f"{form_name(form)}.{fld.name} ({fld.kind})"
    assert not problems, f"{where}:\n" + "\n".join(problems)


# -- every input of a form is walked ----------------------------------------------------
def _nested_forms(root: QWidget) -> tuple[type, ...]:
    """Tabled or excluded classes other than the root's: their inputs are walked there."""
    names = {qualified(f.cls) for f in FORMS} | set(NOT_FORMS)
    found = {
        type(w)
        for w in root.findChildren(QWidget)
        if qualified(type(w)) in names and type(w) is not type(root)
    }
    return tuple(c for c in found if c.__name__ not in PROJECT_INPUTS)


def _inside(widget: QWidget, root: QWidget, kinds: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def editable_inputs(root: QWidget) -> list[Any]:
    """The inputs a form shows: widgets, or (table, column) for editable cells."""
    nested = _nested_forms(root)
    found: list[Any] = []
    for widget in root.findChildren(QWidget):
        if _inside(widget, root, (*nested, *INPUT_TYPES, QCalendarWidget)):
            continue
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit) and widget.isReadOnly():
            continue
        if isinstance(widget, INPUT_TYPES) or type(widget).__name__ in PROJECT_INPUTS:
            found.append(widget)
        elif isinstance(widget, QTableWidget):
            found += [(widget, c) for c in range(widget.columnCount())]
        elif isinstance(widget, QTableView) and isinstance(widget.model(), RecordTableModel):
            found += [(widget, c.key) for c in widget.model().columns if c.editable]
        elif isinstance(widget, QListWidget) and any(
            widget.item(i).data(Qt.ItemDataRole.CheckStateRole) is not None
            for i in range(widget.count())
        ):
            found.append(widget)
    return found


def _input_key(item: Any) -> tuple[int, Any]:
    """(widget, column) of an input: the column of a table's cell, None for a widget."""
    widget, column = item if isinstance(item, tuple) else (item, None)
    return id(widget), column


def _name_of(item: Any, root: QWidget) -> str:
    widget, column = item if isinstance(item, tuple) else (item, None)
    names = [k for k, v in vars(root).items() if v is widget] if hasattr(root, "__dict__") else []
    name = names[0] if names else f"{type(widget).__name__} {widget.objectName()!r}"
    return name if column is None else f"{name}[{column}]"


@pytest.mark.parametrize("form", FORMS, ids=form_name)
def test_every_input_of_a_form_is_walked(walk: Walk, form: Form) -> None:
    """Every editable input a form shows is one of its entry's fields (or skipped, with why)."""
    ctx = form.prepare(walk, None)
    opened = form.open(walk, ctx)
    try:
        covered = {(id(f.widget(opened.root)), f.cell) for f in form.fields}
        covered |= {(id(w), None) for w in form.skip(opened.root).values()}
        missing = [
            _name_of(item, opened.root)
            for item in editable_inputs(opened.root)
            if _input_key(item) not in covered
        ]
    finally:
        opened.close()
    assert not missing, f"{form_name(form)} has inputs with no field in its entry: {missing}"
