"""Attachments: which are missing, chunked resumable upload, verified completion, download."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.sync.protocol import HEADER_CHUNK_SHA256
from support.server_process import ServerApi

PHOTO = os.urandom(300_000)
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def _put(
    api: ServerApi, sha: str, offset: int, data: bytes, checksum: str | None = None
) -> dict[str, Any]:
    answer = api.request(
        "PUT",
        f"/attachments/{sha}",
        params={"offset": offset},
        content=data,
        headers={
            HEADER_CHUNK_SHA256: checksum or hashlib.sha256(data).hexdigest(),
            "Content-Type": "application/octet-stream",
        },
    )
    return {"status": answer.status_code, **answer.json()}


def _upload(
    api: ServerApi, data: bytes = PHOTO, sha: str = PHOTO_SHA, chunk: int = 100_000
) -> None:
    for offset in range(0, len(data), chunk):
        assert _put(api, sha, offset, data[offset : offset + chunk])["status"] == 200
    assert api.post_json(f"/attachments/{sha}/complete", {"size": len(data)}).json() == {
        "stored": True
    }


def _link(api: ServerApi, sha: str = PHOTO_SHA, record_id: str = "a-1") -> None:
    fields = {
        "sha256": sha,
        "owner_entity": "model",
        "owner_id": "m-1",
        "file_name": "anh.jpg",
        "size": len(PHOTO),
    }
    assert api.push([api.op("attachment", record_id, fields)]).json()["results"][0]["status"] == (
        "applied"
    )


def test_missing_lists_what_the_server_lacks(team: ServerApi) -> None:
    """Before upload the photo is missing; after, it is not."""
    other = "0" * 64
    body = {"sha256": [PHOTO_SHA, other]}
    assert team.post_json("/attachments/missing", body).json() == {"missing": [PHOTO_SHA, other]}
    _upload(team)
    assert team.post_json("/attachments/missing", body).json() == {"missing": [other]}


def test_upload_resumes_from_the_servers_offset(team: ServerApi) -> None:
    """After a cut the offset says where to go on; the rest completes the file."""
    assert _put(team, PHOTO_SHA, 0, PHOTO[:120_000])["offset"] == 120_000
    assert team.request("GET", f"/attachments/{PHOTO_SHA}/offset").json() == {
        "offset": 120_000,
        "complete": False,
    }
    assert _put(team, PHOTO_SHA, 120_000, PHOTO[120_000:])["offset"] == len(PHOTO)
    assert team.post_json(f"/attachments/{PHOTO_SHA}/complete", {"size": len(PHOTO)}).json() == {
        "stored": True
    }
    assert team.request("GET", f"/attachments/{PHOTO_SHA}/offset").json() == {
        "offset": len(PHOTO),
        "complete": True,
    }


def test_chunk_with_a_wrong_checksum_is_refused_and_not_kept(team: ServerApi) -> None:
    """A chunk damaged on the way is a 422; the server's offset does not move."""
    answer = _put(team, PHOTO_SHA, 0, PHOTO[:1000], checksum="ab" * 32)
    assert answer["status"] == 422
    assert team.request("GET", f"/attachments/{PHOTO_SHA}/offset").json()["offset"] == 0


def test_chunk_at_the_wrong_offset_is_409_with_the_right_one(team: ServerApi) -> None:
    """A chunk that does not start where the server's copy ends is told where to start."""
    _put(team, PHOTO_SHA, 0, PHOTO[:1000])
    answer = _put(team, PHOTO_SHA, 5000, PHOTO[5000:6000])
    assert (answer["status"], answer["offset"]) == (409, 1000)


def test_chunk_without_checksum_header_is_400(team: ServerApi) -> None:
    """Every chunk must carry its checksum."""
    answer = team.request("PUT", f"/attachments/{PHOTO_SHA}", params={"offset": 0}, content=b"abc")
    assert answer.status_code == 400
    assert HEADER_CHUNK_SHA256 in answer.json()["detail"]


def test_complete_with_a_wrong_whole_file_hash_is_refused_and_restarts(team: ServerApi) -> None:
    """Bytes that do not hash to the name are thrown away: 422, offset back to 0."""
    wrong = os.urandom(5000)
    _put(team, PHOTO_SHA, 0, wrong)
    answer = team.post_json(f"/attachments/{PHOTO_SHA}/complete", {"size": 5000})
    assert answer.status_code == 422
    assert team.request("GET", f"/attachments/{PHOTO_SHA}/offset").json()["offset"] == 0
    assert team.post_json("/attachments/missing", {"sha256": [PHOTO_SHA]}).json()["missing"] == [
        PHOTO_SHA
    ]


def test_complete_before_all_bytes_is_409(team: ServerApi) -> None:
    """Completing a partial upload says how many bytes the server holds."""
    _put(team, PHOTO_SHA, 0, PHOTO[:1000])
    answer = team.post_json(f"/attachments/{PHOTO_SHA}/complete", {"size": len(PHOTO)})
    assert answer.status_code == 409
    assert answer.json()["offset"] == 1000


def test_complete_of_size_zero_with_nothing_sent_is_422(team: ServerApi) -> None:
    """Completing 0 bytes of a file never sent is refused as a wrong hash, not a 500."""
    answer = team.post_json(f"/attachments/{PHOTO_SHA}/complete", {"size": 0})
    assert answer.status_code == 422
    assert team.post_json("/attachments/missing", {"sha256": [PHOTO_SHA]}).json()["missing"] == [
        PHOTO_SHA
    ]


def test_empty_file_completes_without_a_chunk(team: ServerApi) -> None:
    """A zero-byte file is stored by its completion alone, and downloads empty."""
    empty_sha = hashlib.sha256(b"").hexdigest()
    answer = team.post_json(f"/attachments/{empty_sha}/complete", {"size": 0})
    assert answer.json() == {"stored": True}
    assert team.request("GET", f"/attachments/{empty_sha}").content == b""


def test_file_is_stored_under_its_hash_in_the_attachments_folder(
    team: ServerApi, tmp_path: Path
) -> None:
    """The accepted file sits at attachments/<ab>/<sha256> with no partial beside it."""
    _upload(team)
    folder = tmp_path / "attachments" / PHOTO_SHA[:2]
    assert (folder / PHOTO_SHA).read_bytes() == PHOTO
    assert not (folder / f"{PHOTO_SHA}.part").exists()


def test_download_with_range(team: ServerApi, second_team: ServerApi) -> None:
    """A device that sees the attachment record downloads the file, by ranges too."""
    _upload(team)
    _link(team)
    whole = second_team.request("GET", f"/attachments/{PHOTO_SHA}")
    assert whole.content == PHOTO
    part = second_team.request(
        "GET", f"/attachments/{PHOTO_SHA}", headers={"Range": "bytes=100-199"}
    )
    assert (part.status_code, part.content) == (206, PHOTO[100:200])


def test_download_out_of_scope_is_404(team: ServerApi, neighbour_team: ServerApi) -> None:
    """Another village's photo cannot be fetched by its hash."""
    _upload(team)
    _link(team)
    assert neighbour_team.request("GET", f"/attachments/{PHOTO_SHA}").status_code == 404


def test_reviewer_downloads_photos_of_villages_below(team: ServerApi, reviewer: ServerApi) -> None:
    """The commune reviewer sees the evidence photos of its villages."""
    _upload(team)
    _link(team)
    assert reviewer.request("GET", f"/attachments/{PHOTO_SHA}").content == PHOTO


def test_uploader_may_download_before_linking(team: ServerApi) -> None:
    """The device that uploaded a file may read it back before its record arrives."""
    _upload(team)
    assert team.request("GET", f"/attachments/{PHOTO_SHA}").content == PHOTO


@pytest.mark.parametrize("bad", ["xyz", "A" * 64, "0" * 63])
def test_malformed_hash_is_422(team: ServerApi, bad: str) -> None:
    """A name that is not a lower-case hex SHA-256 is refused."""
    assert team.request("GET", f"/attachments/{bad}/offset").status_code == 422


def test_missing_needs_a_list(team: ServerApi) -> None:
    """The body of missing must list hashes."""
    answer = team.post_json("/attachments/missing", {"sha256": "abc"})
    assert answer.status_code == 422


def test_uploading_needs_a_token(anonymous: ServerApi) -> None:
    """Anonymous uploads are refused."""
    assert _put(anonymous, PHOTO_SHA, 0, b"abc")["status"] == 401


def test_download_is_not_gzipped(team: ServerApi) -> None:
    """Files travel as they are: recompressing photos would only cost CPU."""
    _upload(team)
    answer = team.request("GET", f"/attachments/{PHOTO_SHA}", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in answer.headers
    assert answer.content == PHOTO


def test_attachment_record_with_a_bogus_hash_is_stored_but_names_no_file(team: ServerApi) -> None:
    """A record whose sha256 is not a hash is kept as text only (a NUL in it is refused as
    any text with a NUL is: tests/server/test_push_isolation.py)."""
    fields = {
        "sha256": "not-a-hash",
        "owner_entity": "model",
        "owner_id": "m-1",
        "file_name": "anh.jpg",
        "size": 3,
    }
    result = team.push([team.op("attachment", "a-9", fields)]).json()["results"][0]
    assert result["status"] == "applied"
    [change] = [c for c in team.pull_all()[0] if c["entity"] == "attachment"]
    assert change["fields"]["sha256"] == "not-a-hash"
