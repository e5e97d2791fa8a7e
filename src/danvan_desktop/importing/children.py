"""The person who raised a petition, when a row of the file matches a stored petition.

A row's petitioner (its extras «petitioner.*») is written with the petition it raised.
When the row matches a stored petition (``plan``), the petitioner is matched too, so an
import changes the stored person rather than adding a second one:

- the petition has nobody yet: the row's person is added to it;
- the row names a person: the stored petitioner of that name (folded: «LÊ THỊ HOA» is
  «Lê Thị Hoa», and the name stays as kept) is changed; where the petition has one
  petitioner of another name, that name is what the file changes;
- the row gives no name: the petition's one petitioner is changed.

An empty cell changes nothing. Where the row cannot say which of several stored
petitioners it means, it says so beside the row, naming the field, and is not taken.
Petitioners are residents' details (``commune_only``): they stay on the laptop and the
commune's side of the server as before; nothing here changes who may see them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from danvan_desktop.core.errors import FieldProblem
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.importing.rowcheck import RowChecker

NAME = "full_name"


@dataclass
class ChildMatch:
    """What a matched row does to the stored record's child: which one (None: a new one),
    its changes as «<child>.<field>» -> (old, new), and why it cannot be taken."""

    child_id: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    problems: list[FieldProblem] = field(default_factory=list)


def match_child(
    checker: RowChecker, extras: Mapping[str, Any], stored: Sequence[Mapping[str, Any]]
) -> ChildMatch:
    """The change a row's child fields (``extras``) make to a stored record whose live
    children are ``stored`` (see the module's notes)."""
    child = checker.target.child
    values, problems = checker.child_values(extras)
    if child is None or problems or not values:
        return ChildMatch(problems=problems)
    if not stored:
        changes = {f"{child}.{n}": (None, v) for n, v in values.items()}
        return ChildMatch(None, changes, checker.check_child(values))
    person = _which(stored, values.get(NAME))
    if person is None:
        return ChildMatch(problems=[_not_known(checker, values.get(NAME), stored)])
    changed = {
        n: v
        for n, v in values.items()
        if person.get(n) != v
        and not (n == NAME and fold_vietnamese(str(v)) == fold_vietnamese(str(person.get(n))))
    }
    changes = {f"{child}.{n}": (person.get(n), v) for n, v in changed.items()}
    problems = checker.check_child(changed, person) if changed else []
    return ChildMatch(str(person["id"]), changes, problems)


def _which(stored: Sequence[Mapping[str, Any]], name: Any) -> Mapping[str, Any] | None:
    """The stored child the row means: the one of its name, else the only one."""
    if name is not None:
        folded = fold_vietnamese(str(name))
        same = [p for p in stored if fold_vietnamese(str(p.get(NAME) or "")) == folded]
        if same:
            return same[0]
    return stored[0] if len(stored) == 1 else None


def _not_known(checker: RowChecker, name: Any, stored: Sequence[Mapping[str, Any]]) -> FieldProblem:
    """Several people raised the petition and the row does not say which of them it means."""
    child = str(checker.target.child)
    column = checker.label(f"{child}.{NAME}")
    known = ", ".join(str(p.get(NAME)) for p in stored)
    if name is None:
        message = tr(
            "importing",
            "Kiến nghị này có {count} người kiến nghị ({known}): hãy ghi «{column}» ở dòng "
            "này để biết sửa thông tin của người nào.",
            count=len(stored),
            known=known,
            column=column,
        )
    else:
        message = tr(
            "importing",
            "«{column}» «{name}» không phải người nào đã ghi của kiến nghị này ({known}): nếu "
            "là một trong số họ, hãy ghi đúng tên người đó; nếu là người khác, hãy thêm người "
            "này ở trang Kiến nghị rồi nhập lại.",
            column=column,
            name=name,
            known=known,
        )
    return FieldProblem(f"{child}.{NAME}", message)
