"""A unit gets a file only by uploading its bytes: knowing its SHA-256, or naming it in a
record, is not enough (on SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import os

import pytest
from sqlalchemy import Engine

from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256
from danvan_server import admin
from danvan_server.attachments import AttachmentStore
from danvan_server.auth import authenticate
from server.conftest import Units, enrolled
from support.server_process import ServerApi

PHOTO = os.urandom(200_000)
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


@pytest.fixture
def far_team(anonymous: ServerApi, database_url: str, units: Units) -> ServerApi:
    """The team laptop of Thôn Hải Tiến, in another commune."""
    return enrolled(anonymous, database_url, units.far_village, "team")


def _put(api: ServerApi, offset: int, data: bytes) -> int:
    answer = api.request(
        "PUT",
        f"/attachments/{PHOTO_SHA}",
        params={"offset": offset},
        content=data,
        headers={HEADER_CHUNK_SHA256: hashlib.sha256(data).hexdigest()},
    )
    assert answer.status_code == 200, answer.text
    return int(answer.json()["offset"])


def _upload(api: ServerApi) -> None:
    _put(api, 0, PHOTO)
    answer = api.post_json(f"/attachments/{PHOTO_SHA}/complete", {"size": len(PHOTO)})
    assert answer.json() == {"stored": True}


def _name_in_a_record(api: ServerApi) -> None:
    fields = {"sha256": PHOTO_SHA, "owner_entity": "model", "owner_id": "m-1", "size": 1}
    result = api.push([api.op("attachment", f"a-{api.device_id}", fields)]).json()["results"][0]
    assert result["status"] == "applied"


def _missing(api: ServerApi) -> list[str]:
    return list(api.post_json("/attachments/missing", {"sha256": [PHOTO_SHA]}).json()["missing"])


def test_naming_another_communes_file_gets_neither_the_file_nor_its_presence(
    team: ServerApi, far_team: ServerApi
) -> None:
    """A pushes a record naming B's hash: the file is missing for A, and A's download is 403."""
    _upload(far_team)
    _name_in_a_record(team)
    assert _missing(team) == [PHOTO_SHA]
    answer = team.request("GET", f"/attachments/{PHOTO_SHA}")
    assert answer.status_code == 403
    assert "chỉ giữ tệp này từ một đơn vị khác" in answer.json()["detail"]


def test_the_upload_offset_is_per_unit(team: ServerApi, far_team: ServerApi) -> None:
    """Another unit's complete file is, for this unit, an upload still to make."""
    _upload(far_team)
    answer = team.request("GET", f"/attachments/{PHOTO_SHA}/offset")
    assert answer.json() == {"offset": 0, "complete": False}


def test_another_units_partial_upload_is_not_continued(
    team: ServerApi, far_team: ServerApi
) -> None:
    """Half an upload from B gives A no head start: A starts at 0."""
    assert _put(far_team, 0, PHOTO[:50_000]) == 50_000
    assert team.request("GET", f"/attachments/{PHOTO_SHA}/offset").json()["offset"] == 0


def test_a_unit_that_sends_the_same_bytes_may_then_read_them(
    team: ServerApi, far_team: ServerApi
) -> None:
    """The second unit uploads the bytes itself and is then served; the first still is."""
    _upload(far_team)
    _upload(team)
    assert _missing(team) == []
    assert team.request("GET", f"/attachments/{PHOTO_SHA}").content == PHOTO
    assert far_team.request("GET", f"/attachments/{PHOTO_SHA}").content == PHOTO


def test_a_second_laptop_of_the_uploading_unit_reads_the_file(
    team: ServerApi, second_team: ServerApi
) -> None:
    """Files belong to the unit, not to the one laptop that sent them."""
    _upload(team)
    assert _missing(second_team) == []
    assert second_team.request("GET", f"/attachments/{PHOTO_SHA}").content == PHOTO


def test_a_file_from_a_bundle_is_held_by_the_devices_unit(
    team: ServerApi, far_team: ServerApi, engine: Engine
) -> None:
    """A file that came whole on a USB stick is readable by its device's unit only."""
    files = AttachmentStore(engine, admin.attachments_dir(engine), 10_000_000)
    files.store_whole(PHOTO_SHA, PHOTO, str(far_team.device_id))
    assert _missing(far_team) == []
    assert _missing(team) == [PHOTO_SHA]
    scope = authenticate(engine, f"Bearer {far_team.token}", "vi")
    assert files.readable_size(PHOTO_SHA, scope) == len(PHOTO)
