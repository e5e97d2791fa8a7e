"""Modules loaded when first used (core/lazy.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from danvan_desktop.core.lazy import lazy_module


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (so nothing is imported yet) and return its output."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_module_is_imported_at_the_first_attribute_read() -> None:
    """Naming the module imports nothing; reading an attribute imports it, once."""
    out = _run(
        """
        import sys
        from danvan_desktop.core.lazy import lazy_module
        name = "danvan_desktop.store.meetings"
        meetings = lazy_module(name)
        print(name in sys.modules, repr(meetings).endswith("not loaded yet>"))
        meetings.finalise
        print(name in sys.modules, repr(meetings).endswith(", loaded>"))
        """
    )
    assert out.splitlines() == ["False True", "True True"]


def test_a_patched_module_is_seen_through_the_stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attributes are read from the real module every time: a test's patch shows."""
    from danvan_desktop.store import lists

    stand_in = lazy_module("danvan_desktop.store.lists")
    monkeypatch.setattr(lists, "model_years", lambda db: [1999])
    assert stand_in.model_years(object()) == [1999]
    assert stand_in.model_years is lists.model_years


def test_a_missing_name_fails_as_the_module_would() -> None:
    """An attribute the module lacks raises AttributeError; a missing module, ImportError."""
    with pytest.raises(AttributeError):
        lazy_module("danvan_desktop.store.lists").no_such_function  # noqa: B018
    with pytest.raises(ImportError):
        lazy_module("danvan_desktop.store.no_such_module").anything  # noqa: B018
