"""Releases on the city's server: publish what verifies, offer the right one, serve files."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import httpx
import pytest

from danvan_desktop.updates.manifest import verify
from danvan_server.cli import main as server_main
from support.server_process import ServerApi

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import make_release  # noqa: E402

LINUX = "linux-x86_64"
CODE = b"print('phien ban moi')\n" * 100


def _keys(tmp_path: Path, key_id: str) -> Path:
    private, _public = make_release.keygen(tmp_path / "keys" / f"{key_id}.key", key_id)
    return private


def _public(private: Path) -> dict[str, bytes]:
    data = json.loads(private.with_name(private.name + ".pub").read_text(encoding="utf-8"))
    return {data["key_id"]: base64.b64decode(data["public_key"])}


def _release(
    tmp_path: Path, version: str, key: Path, *, min_from: str = "1.0.0", introduce: str = ""
) -> Path:
    """A signed release folder of a two-file bundle whose code says ``version``."""
    bundle = tmp_path / "bundles" / version / "danvan-desktop"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "BUILD-INFO").write_text(f"version={version}\narch=x86_64\n", encoding="utf-8")
    (bundle / "_internal" / "app.pyc").write_bytes(CODE + version.encode())
    introduces = [make_release.read_introduced_key(introduce)] if introduce else []
    manifest = make_release.build_manifest(
        bundle, min_from=min_from, notes_vi="Bản mới.", notes_en="New.", introduces=introduces
    )
    key_id, private = make_release.load_private_key(key)
    return make_release.write_release(bundle, manifest, key_id, private, tmp_path / "out")


def _cli(database_url: str, *args: str) -> int:
    return server_main(["--database", database_url, "releases", *args])


def _publish(database_url: str, folder: Path, key: Path) -> int:
    return _cli(database_url, "publish", str(folder), "--trust-key", f"{key}.pub")


def _latest(device: ServerApi, installed: str) -> httpx.Response:
    return device.request("GET", "/releases/latest", params={"platform": LINUX, "from": installed})


@pytest.fixture
def key(tmp_path: Path) -> Path:
    """The maintainers' release key for these tests (a throwaway one)."""
    return _keys(tmp_path, "test-1")


def test_a_published_release_is_offered_and_verifies(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """A laptop on 1.0.0 gets 1.1.0's signed manifest, which its own check accepts."""
    assert _publish(database_url, _release(tmp_path, "1.1.0", key), key) == 0
    answer = _latest(team, "1.0.0").json()
    manifest = verify(answer["manifest"].encode(), answer["signature"].encode(), _public(key),
                      installed_version="1.0.0", platform=LINUX)  # fmt: skip
    assert manifest.version == "1.1.0"


def test_nothing_newer_answers_204(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """A laptop already on 1.1.0 is offered nothing."""
    _publish(database_url, _release(tmp_path, "1.1.0", key), key)
    assert _latest(team, "1.1.0").status_code == 204


def test_an_untrusted_signature_is_not_published(
    database_url: str, tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without trusting its key, the server refuses the release and lists nothing."""
    assert _cli(database_url, "publish", str(_release(tmp_path, "1.1.0", key))) == 1
    assert "unknown key 'test-1'" in capsys.readouterr().err
    _cli(database_url, "list", "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_a_tampered_file_is_not_published(
    database_url: str, tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file changed after signing stops the publication; nothing is listed."""
    folder = _release(tmp_path, "1.1.0", key)
    (folder / "files" / "_internal" / "app.pyc").write_bytes(b"evil")
    assert _publish(database_url, folder, key) == 1
    assert "does not match the signed manifest" in capsys.readouterr().err
    _cli(database_url, "list", "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_a_withdrawn_release_is_never_offered(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """With 1.2.0 withdrawn, a laptop on 1.0.0 is offered 1.1.0."""
    _publish(database_url, _release(tmp_path, "1.1.0", key), key)
    _publish(database_url, _release(tmp_path, "1.2.0", key), key)
    assert _cli(database_url, "withdraw", "1.2.0") == 0
    offered = json.loads(_latest(team, "1.0.0").json()["manifest"])
    assert offered["version"] == "1.1.0"


def test_a_laptop_on_a_withdrawn_release_is_offered_the_next(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """A laptop running the withdrawn 1.2.0 is offered 1.2.1."""
    _publish(database_url, _release(tmp_path, "1.2.0", key), key)
    _cli(database_url, "withdraw", "1.2.0", "--platform", LINUX)
    _publish(database_url, _release(tmp_path, "1.2.1", key), key)
    offered = json.loads(_latest(team, "1.2.0").json()["manifest"])
    assert offered["version"] == "1.2.1"


def test_a_release_that_does_not_update_from_the_installed_one_is_not_offered(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """1.3.0 updates from 1.2.0 on: a laptop on 1.0.0 is offered nothing."""
    _publish(database_url, _release(tmp_path, "1.3.0", key, min_from="1.2.0"), key)
    assert _latest(team, "1.0.0").status_code == 204


def test_a_file_download_resumes_with_a_range(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """Range: bytes=100- answers 206 with the file's bytes from 100 on."""
    folder = _release(tmp_path, "1.1.0", key)
    _publish(database_url, folder, key)
    [code] = [f for f in json.loads((folder / "manifest.json").read_bytes())["files"]
              if f["path"] == "_internal/app.pyc"]  # fmt: skip
    path = f"/releases/1.1.0/{LINUX}/files/{code['sha256']}"
    answer = team.request("GET", path, headers={"Range": "bytes=100-"})
    assert answer.status_code == 206
    assert answer.content == (CODE + b"1.1.0")[100:]


def test_a_withdrawn_release_serves_no_file(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """Once 1.1.0 is withdrawn its files answer 404."""
    folder = _release(tmp_path, "1.1.0", key)
    _publish(database_url, folder, key)
    _cli(database_url, "withdraw", "1.1.0")
    sha = json.loads((folder / "manifest.json").read_bytes())["files"][0]["sha256"]
    assert team.request("GET", f"/releases/1.1.0/{LINUX}/files/{sha}").status_code == 404


def test_releases_need_an_enrolled_device(
    database_url: str, anonymous: ServerApi, tmp_path: Path, key: Path
) -> None:
    """Without a device token the latest release is not told (401)."""
    _publish(database_url, _release(tmp_path, "1.1.0", key), key)
    assert _latest(anonymous, "1.0.0").status_code == 401


def test_a_bad_version_is_refused_with_its_reason(team: ServerApi) -> None:
    """from=1.0-beta is not a version: 422 says so."""
    answer = _latest(team, "1.0-beta")
    assert answer.status_code == 422
    assert "1.0-beta" in answer.json()["detail"]


def test_a_rotated_key_is_trusted_once_a_trusted_release_introduced_it(
    database_url: str, team: ServerApi, tmp_path: Path, key: Path
) -> None:
    """1.1.0 (old key) introduces test-2; 1.2.0 signed with test-2 then publishes without
    --trust-key for test-2."""
    new = _keys(tmp_path, "test-2")
    rotation = _release(tmp_path, "1.1.0", key, introduce=f"{new}.pub:test-2")
    assert _publish(database_url, rotation, key) == 0
    later = _release(tmp_path, "1.2.0", new)
    assert _cli(database_url, "publish", str(later)) == 0


def test_publishing_the_same_release_twice_changes_nothing(
    database_url: str, tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same folder published again is reported as already published."""
    folder = _release(tmp_path, "1.1.0", key)
    _publish(database_url, folder, key)
    assert _publish(database_url, folder, key) == 0
    assert "already published: release 1.1.0" in capsys.readouterr().out


def test_the_list_prints_its_documented_keys(
    database_url: str, tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """releases list --json prints, per release, exactly the keys its help names."""
    from danvan_server.releases import JSON_KEYS

    _publish(database_url, _release(tmp_path, "1.1.0", key), key)
    capsys.readouterr()
    _cli(database_url, "list", "--json")
    [listed] = json.loads(capsys.readouterr().out)
    assert tuple(listed) == JSON_KEYS
    assert (listed["version"], listed["withdrawn_at"]) == ("1.1.0", None)
