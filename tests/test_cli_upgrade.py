"""``danvan upgrade status|install|from-stick``: a staged release seen, staged from a
stick and asked to install from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from danvan_desktop.cli import run
from danvan_desktop.core.release import INSTALL_REQUEST_NAME
from danvan_desktop.session import Session
from support.release_bundles import STICK_RELEASE, installed_n, new_key, stick_with_release
from sync.conftest import new_laptop

KEY = new_key()


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A team's data folder whose program is an installed 1.0.0 trusting the test key."""
    new_laptop(tmp_path / "laptop").close()
    monkeypatch.setattr(Session, "installation_override", installed_n(tmp_path / "app", KEY))
    return tmp_path / "laptop"


@pytest.fixture
def release_folder(tmp_path: Path) -> Path:
    """Release 1.1.0 as the city copies it onto a stick."""
    return stick_with_release(tmp_path / "stick", KEY) / STICK_RELEASE


def _run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_status_with_nothing_staged(laptop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``upgrade status --json``: the running version and no pending release."""
    code, out, _ = _run(capsys, laptop, "upgrade", "status", "--json")
    assert code == 0
    assert json.loads(out) == {"installed": "1.0.0", "pending": None, "pending_notes": None}


def test_install_with_nothing_staged_says_why(
    laptop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``upgrade install`` with nothing staged exits non-zero and says to sync or use a stick."""
    code, _, err = _run(capsys, laptop, "upgrade", "install")
    assert code != 0
    assert "Chưa có bản cập nhật nào sẵn sàng để cài" in err
    assert not (laptop / "updates" / INSTALL_REQUEST_NAME).exists()


def test_from_stick_then_status_shows_the_release(
    laptop: Path, release_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stick's release folder is verified and staged; status then names it with its notes."""
    code, out, _ = _run(capsys, laptop, "upgrade", "from-stick", str(release_folder))
    assert code == 0 and "1.1.0" in out
    code, out, _ = _run(capsys, laptop, "upgrade", "status", "--json")
    assert json.loads(out) == {
        "installed": "1.0.0",
        "pending": "1.1.0",
        "pending_notes": "Sửa lỗi lưu biên bản cuộc họp.",
    }


def test_install_writes_the_request_for_the_next_start(
    laptop: Path, release_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``upgrade install`` asks the switcher for 1.1.0 at the next start."""
    _run(capsys, laptop, "upgrade", "from-stick", str(release_folder))
    code, out, _ = _run(capsys, laptop, "upgrade", "install")
    assert code == 0 and "1.1.0" in out
    request = json.loads((laptop / "updates" / INSTALL_REQUEST_NAME).read_text("utf-8"))
    assert (request["version"], request["when"]) == ("1.1.0", "next_start")


def test_a_tampered_stick_release_is_refused(
    laptop: Path, release_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file changed after signing: refused with a message, nothing becomes pending."""
    victim = next(
        p for p in sorted(release_folder.rglob("*")) if p.is_file() and p.suffix != ".json"
    )
    victim.write_bytes(victim.read_bytes() + b"x")
    code, _, err = _run(capsys, laptop, "upgrade", "from-stick", str(release_folder))
    assert code != 0 and err.strip()
    _, out, _ = _run(capsys, laptop, "upgrade", "status", "--json")
    assert json.loads(out)["pending"] is None
