"""installer/make_release.py: a built bundle becomes a signed release folder."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

from danvan_desktop.core.release import ReleaseManifest
from danvan_desktop.updates.manifest import verify_signature

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import make_release  # noqa: E402

APP_CODE = b"print('xin chao')\n"


def _bundle(folder: Path, version: str = "1.2.0") -> Path:
    """A small bundle as installer/build.py lays it out: programs, a link, our code."""
    bundle = folder / "danvan-desktop"
    (bundle / "_internal" / "danvan_desktop").mkdir(parents=True)
    (bundle / "BUILD-INFO").write_text(f"version={version}\narch=x86_64\n", encoding="utf-8")
    program = bundle / "danvan-desktop"
    program.write_bytes(b"\x7fELF program")
    program.chmod(0o755)
    (bundle / "danvan").symlink_to("danvan-desktop")
    (bundle / "_internal" / "danvan_desktop" / "app.pyc").write_bytes(APP_CODE)
    return bundle


def _notes(folder: Path) -> list[str]:
    (folder / "vi.md").write_text("Sửa lỗi đồng bộ ảnh.\n", encoding="utf-8")
    (folder / "en.md").write_text("Photo sync fixed.\n", encoding="utf-8")
    return ["--notes-vi", str(folder / "vi.md"), "--notes-en", str(folder / "en.md")]


@pytest.fixture
def key(tmp_path: Path) -> Path:
    """A throwaway release key pair made by the keygen command, outside the repository."""
    private = tmp_path / "keys" / "test-1.key"
    assert make_release.main(["keygen", "--out", str(private), "--key-id", "test-1"]) == 0
    return private


def _public(key: Path) -> dict[str, bytes]:
    data = json.loads(key.with_name(key.name + ".pub").read_text(encoding="utf-8"))
    return {data["key_id"]: base64.b64decode(data["public_key"])}


def _make(tmp_path: Path, key: Path, *extra: str) -> Path:
    bundle = tmp_path / "dist" / "danvan-desktop"
    if not bundle.exists():
        _bundle(tmp_path / "dist")
    args = ["make", str(bundle), "--out", str(tmp_path / "out"), "--min-from", "1.0.0"]
    assert make_release.main([*args, *_notes(tmp_path), "--key", str(key), *extra]) == 0
    return tmp_path / "out" / "1.2.0-linux-x86_64"


def test_the_release_verifies_with_the_public_key(tmp_path: Path, key: Path) -> None:
    """manifest.sig verifies over manifest.json with keygen's public key."""
    folder = _make(tmp_path, key)
    raw = (folder / "manifest.json").read_bytes()
    manifest = verify_signature(raw, (folder / "manifest.sig").read_bytes(), _public(key))
    assert (manifest.version, manifest.platform, manifest.min_from_version) == (
        "1.2.0",
        "linux-x86_64",
        "1.0.0",
    )


def test_the_manifest_lists_every_file_with_hash_size_and_mode(tmp_path: Path, key: Path) -> None:
    """Each file has its SHA-256 and size; the program is executable; the link has link_to."""
    folder = _make(tmp_path, key)
    manifest = ReleaseManifest.from_bytes((folder / "manifest.json").read_bytes())
    by_path = {f.path: f for f in manifest.files}
    assert sorted(by_path) == ["BUILD-INFO", "_internal/danvan_desktop/app.pyc", "danvan",
                               "danvan-desktop"]  # fmt: skip
    code = by_path["_internal/danvan_desktop/app.pyc"]
    assert (code.sha256, code.size, code.executable) == (
        hashlib.sha256(APP_CODE).hexdigest(),
        len(APP_CODE),
        False,
    )
    assert by_path["danvan-desktop"].executable is True
    assert by_path["danvan"].link_to == "danvan-desktop"


def test_the_files_folder_holds_each_file_but_no_link(tmp_path: Path, key: Path) -> None:
    """files/<path> copies the bundle's files; the link has no content of its own."""
    folder = _make(tmp_path, key)
    assert (folder / "files" / "_internal" / "danvan_desktop" / "app.pyc").read_bytes() == APP_CODE
    assert os.access(folder / "files" / "danvan-desktop", os.X_OK)
    assert not (folder / "files" / "danvan").exists()


def test_the_notes_are_in_the_manifest(tmp_path: Path, key: Path) -> None:
    """The Vietnamese and English notes travel in the signed manifest."""
    folder = _make(tmp_path, key)
    manifest = ReleaseManifest.from_bytes((folder / "manifest.json").read_bytes())
    assert (manifest.notes_vi, manifest.notes_en) == ("Sửa lỗi đồng bộ ảnh.", "Photo sync fixed.")


def test_an_introduced_key_is_in_the_manifest(tmp_path: Path, key: Path) -> None:
    """--introduce-key PUBFILE:KEY_ID lists the new public key (rotation)."""
    new = tmp_path / "keys" / "test-2.key"
    make_release.main(["keygen", "--out", str(new), "--key-id", "test-2"])
    folder = _make(tmp_path, key, "--introduce-key", f"{new}.pub:test-2")
    manifest = ReleaseManifest.from_bytes((folder / "manifest.json").read_bytes())
    assert [k.key_id for k in manifest.introduces_keys] == ["test-2"]
    assert base64.b64decode(manifest.introduces_keys[0].public_key) == _public(new)["test-2"]


def test_the_key_may_come_from_the_environment(
    tmp_path: Path, key: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --key, DANVAN_RELEASE_KEY names the private key file."""
    monkeypatch.setenv("DANVAN_RELEASE_KEY", str(key))
    bundle = _bundle(tmp_path / "dist")
    args = ["make", str(bundle), "--out", str(tmp_path / "out"), "--min-from", "1.2"]
    assert make_release.main([*args, *_notes(tmp_path)]) == 0
    assert (tmp_path / "out" / "1.2.0-linux-x86_64" / "manifest.sig").is_file()


def test_keygen_refuses_a_path_inside_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    """A private key is never written into the repository."""
    target = ROOT / "build" / "never.key"
    assert make_release.main(["keygen", "--out", str(target), "--key-id", "x-1"]) == 1
    assert "inside the repository" in capsys.readouterr().err
    assert not target.exists()


def test_keygen_writes_the_private_key_for_its_owner_only(key: Path) -> None:
    """The private key file is 0600."""
    assert key.stat().st_mode & 0o777 == 0o600


def test_a_link_out_of_the_bundle_stops_the_release(tmp_path: Path, key: Path) -> None:
    """A link that leaves the bundle is refused, and no release folder is left."""
    bundle = _bundle(tmp_path / "dist")
    (bundle / "escape").symlink_to("../../outside")
    (tmp_path / "outside").write_text("x", encoding="utf-8")
    args = ["make", str(bundle), "--out", str(tmp_path / "out"), "--min-from", "1.0.0"]
    assert make_release.main([*args, *_notes(tmp_path), "--key", str(key)]) == 1
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_a_version_with_letters_stops_the_release(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """BUILD-INFO's 0.2.0rc1 is not a release version: the message says so."""
    bundle = _bundle(tmp_path / "dist", version="0.2.0rc1")
    args = ["make", str(bundle), "--out", str(tmp_path / "out"), "--min-from", "0.1.0"]
    assert make_release.main([*args, *_notes(tmp_path), "--key", str(key)]) == 1
    assert "a release version is numbers only" in capsys.readouterr().err


def test_min_from_newer_than_the_release_is_refused(
    tmp_path: Path, key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--min-from 1.3.0 for release 1.2.0 makes no sense: refused."""
    bundle = _bundle(tmp_path / "dist")
    args = ["make", str(bundle), "--out", str(tmp_path / "out"), "--min-from", "1.3.0"]
    assert make_release.main([*args, *_notes(tmp_path), "--key", str(key)]) == 1
    assert "newer than the release 1.2.0" in capsys.readouterr().err
