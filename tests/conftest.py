"""Shared fixtures: a real store in a temporary folder, initialised for a Huế team."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from danvan_desktop.core.i18n import set_language
from danvan_desktop.session import Session

PHU_XUAN = 19768  # Phường Phú Xuân, Huế


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder."""
    return tmp_path / "data"


@pytest.fixture
def session(data_dir: Path) -> Iterator[Session]:
    """A Session over a new store with a team set up in Phường Phú Xuân."""
    s = Session.open(data_dir, create=True)
    s.initialise_team(
        province_code=46,
        commune_code=PHU_XUAN,
        village_name="Tổ dân phố 5",
        village_kind="to_dan_pho",
        team_name="Tổ dân vận tổ dân phố 5",
        leader_name="Nguyễn Văn An",
    )
    yield s
    s.close()
