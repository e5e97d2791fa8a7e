"""The ``danvan`` headless commands, run as a user would: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PHU_XUAN = "19768"


def danvan(
    *args: str, data_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``danvan`` in a child process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=60,
    )


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A data folder initialised through the CLI."""
    folder = tmp_path / "data"
    done = danvan(
        "init",
        "--commune",
        PHU_XUAN,
        "--village",
        "Tổ dân phố 5",
        "--team",
        "Tổ dân vận tổ dân phố 5",
        "--leader",
        "Nguyễn Văn An",
        data_dir=folder,
    )
    assert done.returncode == 0, done.stderr
    assert "Đã khởi tạo tổ dân vận" in done.stdout
    return folder


def test_add_then_list_models(team_dir: Path) -> None:
    """A model added on the command line is listed with its Vietnamese name."""
    added = danvan(
        "add",
        "model",
        "name=Con đường bích họa",
        "field_code=culture_society",
        "status=registered",
        "year=2026",
        data_dir=team_dir,
    )
    assert added.returncode == 0, added.stderr
    listed = danvan("list", "model", data_dir=team_dir)
    assert listed.stdout.strip() == f"{added.stdout.strip()}\tCon đường bích họa"


def test_bad_input_is_one_line_and_exit_2(team_dir: Path) -> None:
    """A refused save prints one Vietnamese line naming the field, no traceback."""
    done = danvan(
        "add",
        "model",
        "name=",
        "field_code=economy",
        "status=registered",
        "year=2026",
        data_dir=team_dir,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == ("Lỗi: «Tên mô hình» không được để trống: hãy nhập tên mô hình.")
    assert "Traceback" not in done.stderr


def test_unknown_commune_code_is_refused(tmp_path: Path) -> None:
    """init with a commune that is not in Huế names the field and the fix."""
    done = danvan(
        "init",
        "--commune",
        "1",
        "--village",
        "Thôn 1",
        "--team",
        "Tổ",
        "--leader",
        "A",
        data_dir=tmp_path / "d",
    )
    assert done.returncode == 2
    assert "«Mã xã, phường» 1 không có trong danh mục" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    """Commands on a folder with no store say how to make one."""
    done = danvan("check", data_dir=tmp_path / "none")
    assert done.returncode == 2
    assert "danvan init" in done.stderr


def test_data_dir_from_environment(team_dir: Path, tmp_path: Path) -> None:
    """DANVAN_DATA_DIR chooses the folder when --data-dir is not given."""
    done = subprocess.run(
        [sys.executable, "-m", "danvan_desktop.cli", "check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "DANVAN_DATA_DIR": str(team_dir)},
    )
    assert done.returncode == 0, done.stderr
    assert "Dữ liệu tốt" in done.stdout


def test_check_full_and_outbox(team_dir: Path) -> None:
    """check --full passes on a fresh store, and init's records wait in the outbox (not
    the six model fields: they are the city's)."""
    assert danvan("check", "--full", data_dir=team_dir).returncode == 0
    ops = json.loads(danvan("outbox", "--json", data_dir=team_dir).stdout)
    entities = {op["entity"] for op in ops}
    assert entities >= {"unit", "team", "member", "regulation"}
    assert "model_field" not in entities
    assert all(op["kind"] == "upsert" and op["schema_version"] >= 2 for op in ops)


def test_meeting_finalise_prints_number(team_dir: Path) -> None:
    """Finalising minutes from the command line prints their number with a leading zero."""
    meeting = danvan(
        "add",
        "meeting",
        "team_id=" + _team_id(team_dir),
        "kind=regular",
        "title=Họp tháng 11",
        "starts_at=25/11/2026 08:00",
        "ends_at=25/11/2026 10:00",
        "state=draft",
        data_dir=team_dir,
    )
    assert meeting.returncode == 0, meeting.stderr
    concluded = danvan("add", "conclusion", f"meeting_id={meeting.stdout.strip()}",
                       "content=Thống nhất thực hiện.", data_dir=team_dir)  # fmt: skip
    assert concluded.returncode == 0, concluded.stderr
    done = danvan("finalise-meeting", meeting.stdout.strip(), data_dir=team_dir)
    assert done.returncode == 0, done.stderr
    assert "Số biên bản: 01/BB" in done.stdout


def test_english_messages(team_dir: Path) -> None:
    """--lang en gives the same error in English."""
    done = danvan(
        "--lang",
        "en",
        "add",
        "model",
        "name=",
        "field_code=economy",
        "status=registered",
        "year=2026",
        data_dir=team_dir,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "Error: «Model name» must not be empty: enter the model name."


def _team_id(team_dir: Path) -> str:
    done = danvan("list", "team", data_dir=team_dir)
    return done.stdout.split("\t")[0]


def test_init_without_a_team_name_uses_the_wizards_rule(tmp_path: Path) -> None:
    """`init` with no --team names the team as the first-run wizard would suggest."""
    folder = tmp_path / "data"
    done = danvan(
        "init", "--commune", PHU_XUAN, "--village", "Thôn Hạ Lang", "--leader", "Lê Văn Bình",
        data_dir=folder,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    listed = danvan("list", "team", data_dir=folder)
    assert listed.stdout.split("\t")[1].strip() == "Tổ dân vận thôn Hạ Lang"
