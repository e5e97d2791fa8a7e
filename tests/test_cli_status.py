"""Set up, script and watch sync from a terminal: enroll, server-address, status, exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from danvan_desktop.cli import run
from danvan_desktop.core.server_address import server_url_allowed
from support.server_process import start_server
from sync.conftest import Province, new_laptop
from sync.conftest import province as real_server


def _run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = run(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Province]:
    """The real server on loopback with one village (tests/sync/conftest.py's)."""
    yield from real_server.__wrapped__(tmp_path)  # type: ignore[attr-defined]


@pytest.fixture
def laptop_dir(tmp_path: Path) -> Path:
    """A set-up team store, not enrolled."""
    new_laptop(tmp_path / "laptop").close()
    return tmp_path / "laptop"


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000", "http://127.3.4.5", "http://[::1]:9", "http://localhost"]
)
def test_plain_http_is_allowed_to_this_computer(url: str) -> None:
    """http:// to 127.0.0.0/8, ::1 or localhost is allowed."""
    assert server_url_allowed(url) is True


@pytest.mark.parametrize("url", ["http://192.168.1.5", "http://dongbo.hue.gov.vn", "ftp://x"])
def test_plain_http_elsewhere_is_not_allowed(url: str) -> None:
    """http:// to any other host, or another scheme, is refused."""
    assert server_url_allowed(url) is False


def test_enroll_over_http_on_the_lan_is_refused_naming_https(
    laptop_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``enroll --server http://192.168.1.5`` exits 2 and says the city's server needs https://."""
    code, _, err = _run(capsys, laptop_dir, "enroll", "--server", "http://192.168.1.5", "ABC")
    assert code == 2
    assert "máy chủ của thành phố phải dùng https://" in err


def test_enroll_then_status_json(
    laptop_dir: Path,
    province: Province,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """After ``enroll`` on loopback, ``status --json`` gives the device, role, unit and server."""
    url = province.server.url
    assert (
        _run(capsys, laptop_dir, "enroll", "--server", url, "--name", "may-1", province.code())[0]
        == 0
    )
    code, out, _ = _run(capsys, laptop_dir, "status", "--json")
    shown = json.loads(out)
    assert code == 0
    assert list(shown) == [
        "device_id", "unit_id", "role", "server_url", "enrolled",
        "last_sync", "last_result", "pending_operations", "pending_files",
    ]  # fmt: skip
    assert (shown["role"], shown["unit_id"], shown["server_url"], shown["enrolled"]) == (
        "team", province.village_id, url, True,
    )  # fmt: skip


def test_status_counts_pending_operations_and_the_last_sync(
    laptop_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new team store: not enrolled, no sync yet, its set-up waiting in the outbox."""
    code, out, _ = _run(capsys, laptop_dir, "status", "--json")
    shown = json.loads(out)
    assert (code, shown["enrolled"], shown["last_sync"], shown["pending_files"]) == (
        0,
        False,
        None,
        0,
    )
    assert shown["pending_operations"] > 0


def test_server_address_refuses_http_on_the_lan_and_keeps_the_old_one(
    laptop_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``server-address http://10.0.0.7`` exits 2 naming https; the stored address is unchanged."""
    assert _run(capsys, laptop_dir, "server-address", "https://dongbo.hue.gov.vn")[0] == 0
    code, _, err = _run(capsys, laptop_dir, "server-address", "http://10.0.0.7")
    status = json.loads(_run(capsys, laptop_dir, "status", "--json")[1])
    assert (code, "https://" in err, status["server_url"]) == (2, True, "https://dongbo.hue.gov.vn")


def test_server_address_refuses_an_unreadable_ca_file(
    laptop_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--ca`` of a file that is no certificate exits 2 naming the file."""
    bad = tmp_path / "not-a-ca.pem"
    bad.write_text("hello", encoding="utf-8")
    code, _, err = _run(capsys, laptop_dir, "server-address", "https://x.vn", "--ca", str(bad))
    assert (code, str(bad) in err) == (2, True)


def test_the_next_sync_uses_the_new_address(
    laptop_dir: Path,
    province: Province,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The server moved port: ``server-address``, then ``sync`` works without enrolling again."""
    assert (
        _run(capsys, laptop_dir, "enroll", "--server", province.server.url, province.code())[0] == 0
    )
    province.server.stop()
    (tmp_path / "moved").mkdir()
    with start_server(province.database_url, log_dir=tmp_path / "moved") as moved:
        assert _run(capsys, laptop_dir, "server-address", moved.url)[0] == 0
        code, out, _ = _run(capsys, laptop_dir, "sync")
    assert (code, out.startswith("Đồng bộ xong")) == (0, True)


def test_sync_until_done_exits_0_when_everything_is_sent(
    laptop_dir: Path,
    province: Province,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``sync --until-done`` exits 0 once the outbox is empty."""
    _run(capsys, laptop_dir, "enroll", "--server", province.server.url, province.code())
    code, _, _ = _run(capsys, laptop_dir, "sync", "--until-done")
    status = json.loads(_run(capsys, laptop_dir, "status", "--json")[1])
    assert (code, status["pending_operations"], status["last_result"]) == (0, 0, "ok")


def test_sync_until_done_exits_2_without_a_server(
    laptop_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``sync --until-done`` on a laptop with no server address exits 2 with the reason."""
    code, _, err = _run(capsys, laptop_dir, "sync", "--until-done")
    assert (code, "Chưa có địa chỉ máy chủ" in err) == (2, True)


def test_sync_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """``sync --help`` names exit codes 0, 2, 3 and 130."""
    with pytest.raises(SystemExit):
        run(["sync", "--help"])
    out = capsys.readouterr().out.replace("\n", " ")
    assert "0 đã gửi hết" in out and "2 còn thay đổi" in out and "130 đã dừng" in out


def test_add_model_help_lists_fields_statuses_and_field_codes(
    laptop_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``add model --help`` lists the fields with type and required, the statuses and the
    field codes of the open store."""
    with pytest.raises(SystemExit) as ended:
        run(["--data-dir", str(laptop_dir), "add", "model", "--help"])
    out = capsys.readouterr().out
    assert ended.value.code == 0
    assert "  name  text  Tên mô hình  (bắt buộc)" in out
    assert "registered = Đã đăng ký" in out
    assert "new_rural" in out
    assert "năm bốn chữ số" in out


@pytest.mark.parametrize("entity", ["meeting", "member", "task", "petition", "exemplar"])
def test_add_help_lists_each_entitys_fields(
    entity: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``add ENTITY --help`` prints that entity's field list for every entity tried."""
    with pytest.raises(SystemExit):
        run(["add", entity, "--help"])
    assert f"Các trường của {entity} (TÊN=GIÁ_TRỊ):" in capsys.readouterr().out
