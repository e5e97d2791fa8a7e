"""The log files are the user's alone: 0600 files in 0700 folders, whatever the umask.

The GUI and the CLI start logging before the store opens (and tightens the data
folder), so their log folder and files must be made private when they are made. CI
runs as root, for whom modes stop nothing: the tests read the mode bits.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_desktop import app, cli
from danvan_desktop.core.private_files import umask_set

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: ACLs)")


def mode(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _umask_022() -> Iterator[None]:
    """The usual umask, which leaves files 0644 and folders 0755."""
    with umask_set(0o022):
        yield


@pytest.fixture
def gui_logging() -> Iterator[None]:
    """Undo what ``configure_logging`` sets up: its handler, the level, the hook."""
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook = hook


def test_gui_log_and_its_folders_are_private(data_dir: Path, gui_logging: None) -> None:
    """A first start: the data folder and logs are 0700, gui.log is 0600."""
    path = app.configure_logging(data_dir)
    logging.getLogger("danvan_desktop.test").warning("đồng bộ thất bại")
    assert path == data_dir / "logs" / "gui.log"
    assert (mode(data_dir), mode(data_dir / "logs"), mode(path)) == (0o700, 0o700, 0o600)


def test_gui_log_left_readable_is_made_private(data_dir: Path, gui_logging: None) -> None:
    """A gui.log an older release made 0644 in a 0755 folder is tightened at start."""
    log = data_dir / "logs" / "gui.log"
    log.parent.mkdir(parents=True)
    log.write_text("cũ\n", encoding="utf-8")
    log.chmod(0o644)
    log.parent.chmod(0o755)
    app.configure_logging(data_dir)
    assert (mode(log.parent), mode(log)) == (0o700, 0o600)


def test_rotated_gui_log_is_private(data_dir: Path, gui_logging: None) -> None:
    """A gui.log past 1 MB becomes gui.log.1 (0600) and a new gui.log starts (0600)."""
    log = data_dir / "logs" / "gui.log"
    log.parent.mkdir(parents=True)
    log.write_bytes(b"x" * (app.LOG_LIMIT_BYTES + 1))
    log.chmod(0o644)
    app.configure_logging(data_dir)
    rotated = log.with_name("gui.log.1")
    assert (rotated.stat().st_size, mode(rotated), mode(log)) == (
        app.LOG_LIMIT_BYTES + 1,
        0o600,
        0o600,
    )


def _fail(args: object) -> None:
    raise RuntimeError("lỗi không lường trước")


def test_cli_error_log_and_its_folders_are_private(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error before any store exists: the data folder and logs are 0700,
    cli-errors.log is 0600 and holds the traceback."""
    monkeypatch.setattr(cli, "cmd_communes", _fail)
    assert cli.run(["--data-dir", str(data_dir), "communes"]) == cli.EXIT_UNEXPECTED
    log = data_dir / "logs" / "cli-errors.log"
    assert (mode(data_dir), mode(log.parent), mode(log)) == (0o700, 0o700, 0o600)
    assert "RuntimeError: lỗi không lường trước" in log.read_text(encoding="utf-8")


def test_cli_error_log_left_readable_is_made_private(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cli-errors.log an older release made 0644 is 0600 once the next error is added."""
    log = data_dir / "logs" / "cli-errors.log"
    log.parent.mkdir(parents=True)
    log.write_text("cũ\n", encoding="utf-8")
    log.chmod(0o644)
    monkeypatch.setattr(cli, "cmd_communes", _fail)
    cli.run(["--data-dir", str(data_dir), "communes"])
    assert (mode(log.parent), mode(log)) == (0o700, 0o600)
    assert log.read_text(encoding="utf-8").startswith("cũ\n")
