"""`danvan-server` commands: init, units, enroll, revoke, publish, status, run with TLS."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from danvan_server import admin
from danvan_server.cli import main
from server.conftest import Units
from support.server_process import ServerApi, start_server


def _run(capsys: pytest.CaptureFixture[str], database_url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database", database_url, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_creates_schema_epoch_and_attachments_folder(
    empty_database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """init prints the epoch and makes the attachments folder."""
    code, out, _ = _run(
        capsys, empty_database_url, "init", "--attachments", str(tmp_path / "files")
    )
    assert code == 0
    assert "epoch" in out
    assert (tmp_path / "files").is_dir()


def test_init_twice_refuses_and_keeps_the_data(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second init is refused; the units are still there."""
    code, _, err = _run(capsys, database_url, "init", "--attachments", str(tmp_path / "x"))
    assert code == 1
    assert "already initialised" in err
    assert _run(capsys, database_url, "units", "list")[1].count("village") == 3


def test_units_add_and_list(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A commune from vietnam-provinces and a village under it appear in the tree."""
    assert _run(capsys, database_url, "units", "add-commune", "--code", "19768")[0] == 0
    code, out, _ = _run(
        capsys,
        database_url,
        "units",
        "add-village",
        "--commune",
        "19768",
        "--name",
        "Thôn Lại Thế",
        "--kind",
        "thon",
    )
    assert (code, out.startswith("added village Thôn Lại Thế")) == (0, True)
    listing = _run(capsys, database_url, "units", "list")[1].splitlines()
    assert [line.rsplit("  ", 2)[0] for line in listing] == [
        "Thành phố Huế",
        "  Phường Phú Xuân [19768]",
        "    Thôn Lại Thế",
    ]


def test_unknown_commune_code_is_a_clear_error(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A code that vietnam-provinces lacks is refused by name."""
    code, _, err = _run(capsys, database_url, "units", "add-commune", "--code", "99999999")
    assert code == 1
    assert "no commune or ward with code 99999999" in err


def test_enroll_prints_a_code_the_laptop_can_use(
    database_url: str, units: Units, anonymous: ServerApi, capsys: pytest.CaptureFixture[str]
) -> None:
    """The printed code enrolls a team laptop."""
    code, out, _ = _run(
        capsys, database_url, "enroll", "--unit", units.village.id, "--role", "team"
    )
    assert code == 0
    printed = out.strip().splitlines()[-1]
    assert anonymous.enroll(printed, "laptop-1").pull().status_code == 200


def test_devices_and_revoke(
    database_url: str, team: ServerApi, capsys: pytest.CaptureFixture[str]
) -> None:
    """devices lists the laptop; revoke stops its token; revoking again is an error."""
    assert str(team.device_id) in _run(capsys, database_url, "devices")[1]
    assert _run(capsys, database_url, "revoke", str(team.device_id))[0] == 0
    assert team.pull().status_code == 403
    code, _, err = _run(capsys, database_url, "revoke", str(team.device_id))
    assert (code, "no enrolled, unrevoked device" in err) == (1, True)


def test_publish_replaces_the_older_version_of_the_same_slug(
    database_url: str,
    units: Units,
    team: ServerApi,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Publishing the same file name again makes version 2 of the same record."""
    doc = tmp_path / "ky-nang-dan-van.md"
    doc.write_text("# Kỹ năng dân vận\n\nBản 1.\n", encoding="utf-8")
    assert _run(capsys, database_url, "publish", str(doc), "--unit", "19768")[0] == 0
    doc.write_text("# Kỹ năng dân vận\n\nBản 2.\n", encoding="utf-8")
    code, out, _ = _run(
        capsys, database_url, "publish", str(doc), "--unit", "19768", "--section", "Kỹ năng"
    )
    assert (code, "as version 2" in out) == (0, True)
    [change] = [c for c in team.pull_all()[0] if c["entity"] == "handbook_doc"]
    fields = change["fields"]
    assert (fields["doc_version"], fields["body"], fields["slug"], fields["section"]) == (
        2,
        "# Kỹ năng dân vận\n\nBản 2.\n",
        "ky-nang-dan-van",
        "Kỹ năng",
    )
    assert (fields["title"], fields["source"]) == ("Kỹ năng dân vận", "province")


def test_publish_of_a_file_that_is_not_utf8_is_refused(
    database_url: str, units: Units, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file in a legacy code page (here Windows-1258 bytes) is refused with the reason."""
    doc = tmp_path / "cu.txt"
    doc.write_bytes(b"D\xe2n v\xe2n kh\xe9o")
    code, _, err = _run(capsys, database_url, "publish", str(doc), "--unit", "19768")
    assert (code, "cannot read" in err) == (1, True)


def test_status_reports_the_figures(
    database_url: str, team: ServerApi, capsys: pytest.CaptureFixture[str]
) -> None:
    """status --json counts units, devices and records (the city's six model fields too)."""
    team.push([team.op("team", "t-1", {"name": "Tổ dân vận"})])
    figures = json.loads(_run(capsys, database_url, "status", "--json")[1])
    assert (figures["units"], figures["devices_active"], figures["high_seq"]) == (6, 1, 13)
    assert figures["records"] == {"model_field": 6, "team": 1, "unit": 6}
    assert "danvan:danvan@" not in figures["database"]


def test_run_refuses_an_uninitialised_database(
    empty_database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """run says to init first instead of serving errors."""
    code, _, err = _run(capsys, empty_database_url, "run")
    assert (code, "run `danvan-server init` first" in err) == (1, True)


def test_run_needs_both_tls_files(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A key without a certificate is refused before binding."""
    key = tmp_path / "key.pem"
    key.write_text("x")
    code, _, err = _run(capsys, database_url, "run", "--ssl-keyfile", str(key))
    assert (code, "both --ssl-keyfile and --ssl-certfile" in err) == (1, True)


@pytest.mark.slow
def test_run_serves_https_with_its_own_certificate(
    database_url: str, units: Units, tmp_path: Path
) -> None:
    """With --ssl-keyfile/--ssl-certfile uvicorn speaks TLS; plain HTTP gets no answer."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    with start_server(database_url, log_dir=tmp_path, tls=(key, cert)) as server:
        assert server.url.startswith("https://")
        health = httpx.get(f"{server.url}/api/v1/health", verify=server.tls_context())
        assert health.json()["status"] == "ok"
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"http://127.0.0.1:{server.port}/api/v1/health", timeout=5)


def test_code_made_by_the_admin_functions_is_listed_as_unused(engine: Engine, units: Units) -> None:
    """Tests and scripts call admin.* directly; status counts the code as unused."""
    admin.make_code(engine, units.village.id, "team")
    assert admin.status(engine)["unused_codes"] == 1
