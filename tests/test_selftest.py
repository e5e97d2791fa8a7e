"""``--self-test`` of both programs: passes here, fails with the broken piece named.

The programs run as subprocesses (the window offscreen), as an IT officer would run
them after installing; a broken installation is a copy of the resources with one
file taken away, put in place of the package before the program starts.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_desktop.selftest import run_self_test
from danvan_desktop.selftest.readback import pdf_problem, read_back
from danvan_desktop.session import Session

ROOT = Path(__file__).parents[1]
TIMEOUT_S = 120
# Runs a program with the resources package taken from the folder given first.
LAUNCHER = """
import importlib.util, sys
root, program = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location(
    "danvan_desktop.resources", root + "/__init__.py", submodule_search_locations=[root]
)
module = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = module
spec.loader.exec_module(module)
if program == "desktop":
    from danvan_desktop.app import main
    sys.exit(main(["--self-test"]))
sys.argv = ["danvan", "--self-test"]
from danvan_desktop.cli import main
main()
"""
NO_QT = "import sys; sys.modules['PySide6'] = None; from danvan_desktop.cli import main; main()"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DANVAN_LANG="vi")
    env.update(extra)
    return env


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=TIMEOUT_S, check=False
    )


def _program(name: str) -> list[str]:
    module = "danvan_desktop.app" if name == "desktop" else "danvan_desktop.cli"
    return [sys.executable, "-m", module, "--self-test"]


def _broken_resources(tmp_path: Path, missing: str) -> Path:
    """A copy of resources/ without the file ``missing`` (a path inside it)."""
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / missing).unlink()
    return copy


def _errors(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("LỖI ")]


def _document_count() -> int:
    return sum(len(kind.formats) for kind in Session.report_kinds())


def test_window_program_passes_its_self_test(tmp_path: Path) -> None:
    """``danvan-desktop --self-test`` on this tree: every line OK, the window painted, exit 0."""
    done = _run(_program("desktop"), _env(tmp_path))
    lines = done.stdout.splitlines()
    assert (done.returncode, _errors(done.stdout)) == (0, []), done.stdout + done.stderr
    documents = [line for line in lines if line.startswith("OK văn bản «")]
    assert len(documents) == _document_count()
    assert "OK cửa sổ chính: đã mở và vẽ xong danh sách mô hình (offscreen)" in lines
    assert lines[-1] == f"Tự kiểm tra: {len(lines) - 1} mục đều tốt."


def test_commands_pass_their_self_test_in_english(tmp_path: Path) -> None:
    """``danvan --lang en --self-test`` needs no command and ends with the English summary."""
    command = [sys.executable, "-m", "danvan_desktop.cli", "--lang", "en", "--self-test"]
    done = _run(command, _env(tmp_path))
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK main window: opened, model list painted (offscreen)" in lines
    assert lines[-1] == f"Self-test: all {len(lines) - 1} checks passed."


def test_missing_qm_fails_the_window_self_test(tmp_path: Path) -> None:
    """Without ui_models_en.qm the window's English is reported broken and the exit code is 1."""
    resources = _broken_resources(tmp_path, "translations/ui_models_en.qm")
    launcher = [sys.executable, "-c", LAUNCHER, str(resources), "desktop"]
    done = _run(launcher, _env(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert _errors(done.stdout) == [
        "LỖI bản dịch tiếng Anh của cửa sổ: không nạp được ui_models_en.qm"
    ]
    assert done.stdout.splitlines()[-1].startswith("Tự kiểm tra: 1 trong ")


def test_missing_pdf_font_fails_the_commands_self_test(tmp_path: Path) -> None:
    """Without the bold serif the PDF font check fails, and so do the documents set in it."""
    resources = _broken_resources(tmp_path, "fonts/LiberationSerif-Bold.ttf")
    launcher = [sys.executable, "-c", LAUNCHER, str(resources), "cli"]
    done = _run(launcher, _env(tmp_path))
    errors = _errors(done.stdout)
    assert done.returncode == 1, done.stdout + done.stderr
    assert any(
        line.startswith("LỖI phông chữ của PDF: không mở được LiberationSerif-Bold.ttf")
        for line in errors
    ), errors
    regulation = "LỖI văn bản «Quy chế hoạt động của Tổ» (PDF): "
    assert any(line.startswith(regulation) for line in errors), errors


def test_commands_skip_the_window_without_qt(tmp_path: Path) -> None:
    """Where the ``danvan`` program has no Qt (the bundle), the window line is a skip: exit 0."""
    done = _run([sys.executable, "-c", NO_QT, "--self-test"], _env(tmp_path))
    skipped = [line for line in done.stdout.splitlines() if line.startswith("BỎ QUA ")]
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(skipped) == 1
    assert skipped[0].startswith(
        "BỎ QUA cửa sổ: chương trình dòng lệnh không mang thư viện giao diện Qt"
    )


def test_window_self_test_fails_without_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    """For the window program a window check that cannot load is a failure, not a skip."""
    monkeypatch.setitem(sys.modules, "danvan_desktop.ui.selftest.window", None)
    out = io.StringIO()
    assert run_self_test("desktop", out) == 1
    assert _errors(out.getvalue())[0].startswith("LỖI cửa sổ: không nạp được Qt (")


def test_self_test_leaves_nothing_behind(tmp_path: Path) -> None:
    """The temporary folder is removed, and DANVAN_DATA_DIR is never made or opened."""
    temp, runtime = tmp_path / "tmp", tmp_path / "runtime"
    temp.mkdir()
    runtime.mkdir(mode=0o700)
    user_data = tmp_path / "user data"
    env = _env(
        tmp_path,
        TMPDIR=str(temp),
        XDG_RUNTIME_DIR=str(runtime),
        DANVAN_DATA_DIR=str(user_data),
        XDG_DATA_HOME=str(tmp_path / "xdg"),
    )
    done = _run(_program("cli"), env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (list(temp.iterdir()), user_data.exists()) == ([], False)
    assert not (tmp_path / "xdg").exists()


def test_truncated_pdf_is_named(session: Session, tmp_path: Path) -> None:
    """A PDF cut short loses its end marker, and the read-back says so."""
    written = session.export_report("regulation", "pdf", tmp_path, removable=False)
    data = written.path.read_bytes()
    assert pdf_problem(data) is None
    assert pdf_problem(data[: len(data) // 2]) == (
        "tệp PDF bị cắt cụt: thiếu startxref và %%EOF ở cuối"
    )


def test_docx_that_is_not_a_document_is_named(tmp_path: Path) -> None:
    """A .docx that python-docx cannot open is reported with the library's reason."""
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    problem = read_back(broken, "docx")
    assert problem is not None and problem.startswith("python-docx không mở được tệp (")
