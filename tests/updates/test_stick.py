"""A release from a USB stick: verified and staged offline; half-copied or tampered refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_desktop.core.release import FILES_DIR, UPDATES_DIR
from danvan_desktop.updates.manifest import ReleaseRefused
from danvan_desktop.updates.plan import Installation
from danvan_desktop.updates.stage import StagingRefused, check_staged, file_target
from danvan_desktop.updates.stick import find_stick_releases, import_from_stick
from support.release_bundles import (
    BUNDLE_N,
    BUNDLE_N1,
    KEY_ID,
    PLATFORM,
    manifest_of,
    new_key,
    public_text,
    write_bundle,
    write_release_folder,
)

KEY = new_key()
CODE = "_internal/danvan_desktop/app.pyc"


def _installation(bundle: Path) -> Installation:
    import base64

    trusted = {KEY_ID: base64.b64decode(public_text(KEY))}
    return Installation(bundle, "1.0.0", PLATFORM, "aaaaaaa", trusted)


def _stick(tmp_path: Path, **manifest_args: str) -> Path:
    manifest = manifest_of(BUNDLE_N1, **manifest_args)
    folder = tmp_path / "stick" / "danvan-releases" / f"{manifest.version}-{manifest.platform}"
    return write_release_folder(folder, BUNDLE_N1, manifest, KEY)


def test_releases_on_a_stick_are_listed(tmp_path: Path) -> None:
    """A release folder under danvan-releases/ is found with its version and platform."""
    _stick(tmp_path)
    found = find_stick_releases([tmp_path / "stick", tmp_path / "no-such-stick"])
    assert [(r.version, r.platform) for r in found] == [("1.1.0", PLATFORM)]


def test_a_release_is_staged_from_a_stick(tmp_path: Path) -> None:
    """Importing stages every file of the release, verified, with no network."""
    release = _stick(tmp_path)
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    folder = import_from_stick(release, tmp_path / "data", _installation(bundle))
    check_staged(folder, manifest_of(BUNDLE_N1))
    assert folder == tmp_path / "data" / UPDATES_DIR / "1.1.0-linux-x86_64"


def test_unchanged_files_come_from_the_installed_bundle(tmp_path: Path) -> None:
    """A file identical to the installed one is copied from the bundle, not the stick."""
    release = _stick(tmp_path)
    (release / FILES_DIR / "_internal/libQt6Core.so.6").unlink()  # not needed from the stick
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    folder = import_from_stick(release, tmp_path / "data", _installation(bundle))
    check_staged(folder, manifest_of(BUNDLE_N1))


def test_a_half_copied_release_is_refused(tmp_path: Path) -> None:
    """A changed file cut short on the stick refuses the release before anything is staged."""
    release = _stick(tmp_path)
    target = release / FILES_DIR / CODE
    target.write_bytes(target.read_bytes()[:5])
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    with pytest.raises(StagingRefused) as refused:
        import_from_stick(release, tmp_path / "data", _installation(bundle))
    staged = tmp_path / "data" / UPDATES_DIR / "1.1.0-linux-x86_64"
    assert (refused.value.reason, staged.exists()) == ("truncated", False)


def test_a_missing_file_on_the_stick_is_refused(tmp_path: Path) -> None:
    """A changed file absent from the stick refuses the release, naming the file."""
    release = _stick(tmp_path)
    (release / FILES_DIR / CODE).unlink()
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    with pytest.raises(StagingRefused) as refused:
        import_from_stick(release, tmp_path / "data", _installation(bundle))
    assert (refused.value.reason, refused.value.path) == ("missing", CODE)


def test_a_tampered_file_on_the_stick_is_refused(tmp_path: Path) -> None:
    """A file of the right size but other bytes is refused and nothing stays staged."""
    release = _stick(tmp_path)
    target = release / FILES_DIR / CODE
    target.write_bytes(b"X" * target.stat().st_size)
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    with pytest.raises(StagingRefused) as refused:
        import_from_stick(release, tmp_path / "data", _installation(bundle))
    staged = tmp_path / "data" / UPDATES_DIR / "1.1.0-linux-x86_64"
    assert (refused.value.reason, staged.exists()) == ("tampered", False)


def test_a_release_signed_by_another_key_is_refused(tmp_path: Path) -> None:
    """A stick release whose signature no trusted key makes is refused."""
    release = _stick(tmp_path)
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    other = Installation(bundle, "1.0.0", PLATFORM, None, {KEY_ID: b"\x01" * 32})
    with pytest.raises(ReleaseRefused):
        import_from_stick(release, tmp_path / "data", other)


def test_another_platforms_release_is_refused(tmp_path: Path) -> None:
    """A Windows release on the stick is refused on this Linux laptop."""
    release = _stick(tmp_path, platform="windows-x86_64")
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    with pytest.raises(ReleaseRefused) as refused:
        import_from_stick(release, tmp_path / "data", _installation(bundle))
    assert refused.value.reason == "other_platform"


def test_a_staged_file_matches_the_stick(tmp_path: Path) -> None:
    """The staged copy of a changed file holds the release's bytes."""
    release = _stick(tmp_path)
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    folder = import_from_stick(release, tmp_path / "data", _installation(bundle))
    item = next(f for f in manifest_of(BUNDLE_N1).files if f.path == CODE)
    assert file_target(folder, item).read_bytes() == BUNDLE_N1[CODE]
