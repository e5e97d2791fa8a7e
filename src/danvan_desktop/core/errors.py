"""Errors the user can read: each carries a translated message, and a field when it has one."""

from __future__ import annotations

from typing import NamedTuple


class DanvanError(Exception):
    """Base of every error whose message is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FieldProblem(NamedTuple):
    """One invalid field: its name (as stored) and what the user should do."""

    field: str
    message: str


class ValidationError(DanvanError):
    """Input that cannot be saved; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__(" ".join(p.message for p in self.problems))

    @property
    def fields(self) -> list[str]:
        """The names of the invalid fields, in order."""
        return [p.field for p in self.problems]


class NotFoundError(DanvanError):
    """A record that does not exist (or was deleted)."""


class PermissionDeniedError(DanvanError):
    """The role may not make this change."""


class StoreError(DanvanError):
    """The local store cannot be opened or used as asked."""


class OperationCancelled(DanvanError):
    """A long job stopped because the user cancelled it."""
