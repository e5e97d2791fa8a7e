"""``--self-test`` of both programs: does this installation work, here and now?

``danvan-desktop --self-test`` and ``danvan --self-test`` run the same checks in a
temporary folder and print one line per check, «OK …» or «LỖI …» (a check that
cannot run in this program, «BỎ QUA …»), then a summary; the exit code is 1 when
any check failed. The checks:

1. a store: a team set up as ``danvan init`` does, a model and a meeting added
   through the Session (``documents.py``);
2. every document kind in every format it has, written and read back
   (``documents.py``, ``readback.py``);
3. the fonts the PDF writer embeds, and the English the commands print
   (``resources.py``);
4. the window (``ui/selftest/window.py``, Qt): the UI font, every compiled translation, and the
   main window opened on the test store until it has painted (offscreen when
   there is no display; always, for ``danvan``). Where the ``danvan`` program is built
   without Qt (a bundle's separate commands program), this line says it was skipped,
   which is not a failure for that program only.

Nothing is written outside the temporary folder, which is removed at the end:
the user's data folder (``--data-dir``, ``DANVAN_DATA_DIR``) is never opened.
Only the standard library is imported here, so the commands load this module at
no cost; each check imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from danvan_desktop.core.i18n import set_language, tr
from danvan_desktop.core.selftest_outcome import Outcome, failed, passed, skipped

__all__ = [
    "Outcome",
    "SelfTestAction",
    "SelfTestStoreAction",
    "failed",
    "passed",
    "run_self_test",
    "skipped",
]

DESKTOP = "desktop"
CLI = "cli"
TEMP_PREFIX = "danvan-self-test-"
WINDOW_MODULE = "danvan_desktop.ui.selftest.window"  # named, not imported: the CLI has no Qt
# ui.selftest.window.checks: (the test store's folder or None, offscreen=...) -> the lines.
WindowChecks = Callable[..., Iterator[Outcome]]


def _has_qt() -> bool:
    """Whether this program carries Qt's Python package (not a bare folder of its libraries).

    A bundle's commands program may be built without Qt next to a window program that
    has it: the folder of Qt's libraries is then a namespace package with no code.
    """
    spec = importlib.util.find_spec("PySide6")
    return spec is not None and spec.origin is not None


def _window_checks(
    variant: str, data_dir: Path | None, given: WindowChecks | None
) -> Iterator[Outcome]:
    """The window's checks; without Qt, a skip (the commands) or a failure (the window)."""
    checks = given
    problem: object = None
    if checks is None and variant == CLI and not _has_qt():
        problem = "PySide6"
    elif checks is None:
        try:
            checks = importlib.import_module(WINDOW_MODULE).checks
        except ImportError as error:
            problem = error
    if checks is None:
        if variant == CLI:
            yield skipped(
                tr(
                    "SelfTest",
                    "cửa sổ: chương trình dòng lệnh không mang thư viện giao diện Qt ({error}); "
                    "hãy chạy danvan-desktop --self-test để kiểm tra cửa sổ",
                    error=problem,
                )
            )
        else:
            yield failed(tr("SelfTest", "cửa sổ: không nạp được Qt ({error})", error=problem))
        return
    yield from checks(data_dir, offscreen=variant == CLI)


def _checks(
    variant: str, temp: Path, window_checks: WindowChecks | None, store_copy: Path | None = None
) -> Iterator[Outcome]:
    from danvan_desktop.selftest import documents, resources

    data_dir = temp / "data"
    store = documents.make_store(data_dir)
    yield store.outcome
    if store.records is not None:
        yield from documents.write_every_document(data_dir, store.records, temp / "documents")
    yield resources.pdf_fonts()
    yield resources.command_translations()
    store_dir = data_dir if store.records is not None else None
    yield from _window_checks(variant, store_dir, window_checks)
    if store_copy is not None:  # --self-test-store: a release about to be installed
        from danvan_desktop.selftest.store_copy import check_store_copy

        yield check_store_copy(store_copy)


def run_self_test(
    variant: str = DESKTOP,
    out: TextIO | None = None,
    *,
    window_checks: WindowChecks | None = None,
    store_copy: Path | None = None,
) -> int:
    """Run every check of ``variant`` ("desktop" or "cli"), print a line each; 0 if all passed.

    ``window_checks`` is ``ui.selftest.window.checks``, given by the window program (which
    imports it, so that the bundle's analysis sees it); without it the module is looked
    up by name, which the commands' program of the bundle does not carry. ``store_copy``
    is a folder holding a copy of the team's store, opened (migrated) and checked last.
    """
    out = out or sys.stdout
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as temp:
        for outcome in _checks(variant, Path(temp), window_checks, store_copy):
            outcomes.append(outcome)
            print(outcome.line(), file=out, flush=True)
    errors = sum(1 for outcome in outcomes if outcome.status == "error")
    if errors:
        print(
            tr(
                "SelfTest",
                "Tự kiểm tra: {errors} trong {total} mục bị lỗi.",
                errors=errors,
                total=len(outcomes),
            ),
            file=out,
            flush=True,
        )
        return 1
    print(
        tr("SelfTest", "Tự kiểm tra: {total} mục đều tốt.", total=len(outcomes)),
        file=out,
        flush=True,
    )
    return 0


class SelfTestAction(argparse.Action):
    """``--self-test`` of ``danvan``: run the checks (no command needed), then exit.

    The language is the one chosen before it on the command line (``--lang en``).
    """

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help", tr("SelfTest", "kiểm tra bản cài đặt (trong một thư mục tạm) rồi thoát")
        )
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        """Run the checks of the commands and leave with their exit code."""
        language = getattr(namespace, "lang", None)
        if language is not None:
            set_language(language)
        parser.exit(run_self_test(CLI))


class SelfTestStoreAction(argparse.Action):
    """``--self-test-store FOLDER`` of ``danvan``: the self-test, then the copy of the store
    in FOLDER opened (migrated) and checked by this version (updates/switch.py runs it)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", argparse.SUPPRESS)
        kwargs.setdefault("metavar", "FOLDER")
        super().__init__(option_strings, dest, nargs=1, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        """Run the checks and the store copy's, and leave with their exit code."""
        language = getattr(namespace, "lang", None)
        if language is not None:
            set_language(language)
        parser.exit(run_self_test(CLI, store_copy=Path(values[0])))
