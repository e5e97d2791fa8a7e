"""A switch trusts only what still verifies: links made by one rule, the signature checked again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from danvan_desktop.core.release import SigningKey
from danvan_desktop.updates import keys
from danvan_desktop.updates.stage import check_staged, make_link
from danvan_desktop.updates.switch import FAILED, INSTALLED, ProgramHome, run_switch
from support.release_bundles import (
    KEY_ID,
    PLATFORM,
    manifest_of,
    new_key,
    public_text,
    write_release_folder,
)
from support.switch_setup import (
    NEW,
    OLD,
    bundle_files,
    install_version,
    laptop,
    make_store,
    request_install,
    whole_version,
)

LIBRARY = b"zlib 1.3" * 1000
LINKS = {"danvan": "danvan-desktop", "_internal/lib/libz.so.1": "_internal/lib/libz.so.1.3"}


def _staged_with_inner_link(tmp: Path) -> tuple[Path, ProgramHome, Path]:
    """N installed; N+1 (with a link inside _internal/lib) staged by stage.py and requested."""
    data_dir, home = tmp / "data", ProgramHome(tmp / "app")
    make_store(data_dir)
    install_version(home, bundle_files(OLD), OLD)
    files = {**bundle_files(NEW), "_internal/lib/libz.so.1.3": LIBRARY}
    manifest = manifest_of(files, version=NEW, links=LINKS)
    folder = data_dir / "updates" / f"{NEW}-{PLATFORM}"
    key = new_key()
    write_release_folder(folder, files, manifest, key)
    for item in manifest.files:
        if item.link_to is not None:
            make_link(folder, item)
    check_staged(folder, manifest)
    keys.save_recorded_keys(data_dir, [SigningKey(KEY_ID, public_text(key))])
    request_install(data_dir)
    return data_dir, home, folder


def test_a_staged_link_in_a_subfolder_points_at_its_file(tmp_path: Path) -> None:
    """stage.make_link writes the link relative to its own folder: it reads the library."""
    _, _, folder = _staged_with_inner_link(tmp_path)
    link = folder / "files" / "_internal/lib/libz.so.1"
    assert os.readlink(link) == "libz.so.1.3"
    assert link.read_bytes() == LIBRARY


def test_a_link_in_a_subfolder_survives_the_switch(tmp_path: Path) -> None:
    """After the switch the new version's inner link reads the library it names."""
    data_dir, home, _ = _staged_with_inner_link(tmp_path)
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == INSTALLED
    assert (home.folder(NEW) / "_internal/lib/libz.so.1").read_bytes() == LIBRARY


def test_a_signature_that_no_longer_verifies_is_refused_at_switch(tmp_path: Path) -> None:
    """The recorded key is not the one that signed: the switch refuses, 1.0.0 stays."""
    data_dir, home = laptop(tmp_path)
    keys.save_recorded_keys(data_dir, [SigningKey(KEY_ID, public_text(new_key()))])
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == FAILED
    assert outcome.reason.startswith("chữ ký của bản đã tải về không còn khớp")
    assert whole_version(home) == OLD


def test_a_manifest_changed_after_staging_is_refused_at_switch(tmp_path: Path) -> None:
    """manifest.json edited after it verified (its signature now wrong): refused."""
    data_dir, home = laptop(tmp_path)
    manifest_file = data_dir / "updates" / f"{NEW}-{PLATFORM}" / "manifest.json"
    data = json.loads(manifest_file.read_text(encoding="utf-8"))
    data["min_from_version"] = "0.1.0"
    manifest_file.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")))
    outcome = run_switch(data_dir, home, PLATFORM)
    assert outcome is not None and outcome.status == FAILED
    assert outcome.reason.startswith("chữ ký của bản đã tải về không còn khớp")


def test_recorded_keys_round_trip_through_their_file(tmp_path: Path) -> None:
    """save_recorded_keys then load_recorded_keys gives the same keys back."""
    recorded = [SigningKey("hue-2027-1", public_text(new_key()))]
    path = keys.save_recorded_keys(tmp_path, recorded)
    assert path == tmp_path / "updates" / "trusted-keys.json"
    assert keys.load_recorded_keys(tmp_path) == recorded


def test_the_keys_file_override_replaces_the_built_in_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DANVAN_RELEASE_KEYS_FILE set: its keys are the built-in ones (test labs only)."""
    key = new_key()
    listed = tmp_path / "lab-keys.json"
    listed.write_text(json.dumps({"keys": [{"key_id": "lab-1", "public_key": public_text(key)}]}))
    monkeypatch.setenv("DANVAN_RELEASE_KEYS_FILE", str(listed))
    assert list(keys.built_in_keys()) == ["lab-1"]
