"""Staging a release: each file verified before it is in place, the whole folder checked."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from danvan_desktop.core.release import FILES_DIR
from danvan_desktop.updates.stage import (
    StagingRefused,
    VerifiedRecord,
    adopt_part,
    begin_staging,
    check_staged,
    copy_into,
    file_target,
    make_link,
    part_path,
)
from support.release_bundles import BUNDLE_N1, manifest_of

MANIFEST = manifest_of(BUNDLE_N1)
CODE = "_internal/danvan_desktop/app.pyc"


def _item(path: str):  # type: ignore[no-untyped-def]
    return next(f for f in MANIFEST.files if f.path == path)


def _full_stage(data_dir: Path) -> Path:
    folder = begin_staging(data_dir, MANIFEST, MANIFEST.canonical(), b"{}")
    record = VerifiedRecord(folder)
    for path, data in BUNDLE_N1.items():
        partial = part_path(folder, _item(path))
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        adopt_part(folder, _item(path), record)
    make_link(folder, _item("danvan"))
    record.save()
    return folder


def test_staging_folder_has_the_release_layout(tmp_path: Path) -> None:
    """The folder is <data dir>/updates/<version>-<platform>/ with manifest and signature."""
    folder = begin_staging(tmp_path, MANIFEST, MANIFEST.canonical(), b"sig")
    assert (folder.relative_to(tmp_path).as_posix(), sorted(p.name for p in folder.iterdir())) == (
        "updates/1.1.0-linux-x86_64",
        ["files", "manifest.json", "manifest.sig"],
    )


def test_a_verified_part_is_renamed_into_place(tmp_path: Path) -> None:
    """A .part whose SHA-256 matches becomes the file; no .part is left."""
    folder = begin_staging(tmp_path, MANIFEST, MANIFEST.canonical(), b"sig")
    partial = part_path(folder, _item(CODE))
    partial.parent.mkdir(parents=True)
    partial.write_bytes(BUNDLE_N1[CODE])
    adopt_part(folder, _item(CODE), VerifiedRecord(folder))
    assert (file_target(folder, _item(CODE)).read_bytes(), partial.exists()) == (
        BUNDLE_N1[CODE],
        False,
    )


def test_a_tampered_part_is_refused_and_discarded(tmp_path: Path) -> None:
    """A .part of the right size but other bytes is refused as tampered and removed."""
    folder = begin_staging(tmp_path, MANIFEST, MANIFEST.canonical(), b"sig")
    partial = part_path(folder, _item(CODE))
    partial.parent.mkdir(parents=True)
    partial.write_bytes(b"X" * len(BUNDLE_N1[CODE]))
    with pytest.raises(StagingRefused) as refused:
        adopt_part(folder, _item(CODE), VerifiedRecord(folder))
    assert (refused.value.reason, partial.exists()) == ("tampered", False)


def test_a_truncated_part_is_refused(tmp_path: Path) -> None:
    """A .part shorter than the manifest says is refused as truncated, naming the file."""
    folder = begin_staging(tmp_path, MANIFEST, MANIFEST.canonical(), b"sig")
    partial = part_path(folder, _item(CODE))
    partial.parent.mkdir(parents=True)
    partial.write_bytes(BUNDLE_N1[CODE][:10])
    with pytest.raises(StagingRefused) as refused:
        adopt_part(folder, _item(CODE), VerifiedRecord(folder))
    assert refused.value.reason == "truncated"
    assert CODE in refused.value.message


def test_a_complete_staged_release_passes_the_check(tmp_path: Path) -> None:
    """Every file present and verified, the link made: the check passes."""
    check_staged(_full_stage(tmp_path), MANIFEST)


def test_a_missing_file_fails_the_check(tmp_path: Path) -> None:
    """A staged release missing a file is refused, naming it."""
    folder = _full_stage(tmp_path)
    file_target(folder, _item("BUILD-INFO")).unlink()
    with pytest.raises(StagingRefused) as refused:
        check_staged(folder, MANIFEST)
    assert (refused.value.reason, refused.value.path) == ("missing", "BUILD-INFO")


def test_a_file_changed_after_staging_fails_the_check(tmp_path: Path) -> None:
    """A staged file rewritten later (same size, new time) is re-hashed and refused."""
    folder = _full_stage(tmp_path)
    target = file_target(folder, _item(CODE))
    target.write_bytes(b"Y" * len(BUNDLE_N1[CODE]))
    with pytest.raises(StagingRefused) as refused:
        check_staged(folder, MANIFEST)
    assert refused.value.reason == "tampered"


def test_unchanged_files_are_not_rehashed(tmp_path: Path) -> None:
    """A file with the size and time recorded at verification is trusted without hashing."""
    folder = _full_stage(tmp_path)
    target = file_target(folder, _item(CODE))
    stat = target.stat()
    target.write_bytes(b"Z" * stat.st_size)  # same size; time put back as recorded
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    check_staged(folder, MANIFEST)


def test_copy_into_verifies_the_copy(tmp_path: Path) -> None:
    """A file copied from elsewhere that does not match the manifest is refused."""
    folder = begin_staging(tmp_path, MANIFEST, MANIFEST.canonical(), b"sig")
    source = tmp_path / "other.pyc"
    source.write_bytes(b"not the release's bytes")
    with pytest.raises(StagingRefused):
        copy_into(folder, _item(CODE), source, VerifiedRecord(folder))


def test_a_resigned_manifest_empties_the_folder(tmp_path: Path) -> None:
    """Another manifest for the same version starts the folder again."""
    folder = _full_stage(tmp_path)
    other = manifest_of(BUNDLE_N1, min_from="0.9.0")
    begin_staging(tmp_path, other, other.canonical(), b"sig")
    assert list((folder / FILES_DIR).iterdir()) == []


def test_checking_a_big_release_is_fast_once_verified(tmp_path: Path) -> None:
    """A second check of 160 MB staged files takes well under the 2 s budget."""
    files = {f"_internal/lib{i}.so": bytes([i]) * (16 * 1024 * 1024) for i in range(10)}
    manifest = manifest_of(files, links={})
    folder = begin_staging(tmp_path, manifest, manifest.canonical(), b"sig")
    record = VerifiedRecord(folder)
    for item in manifest.files:
        partial = part_path(folder, item)
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(files[item.path])
        adopt_part(folder, item, record)
    record.save()
    started = time.monotonic()
    check_staged(folder, manifest)
    assert time.monotonic() - started < 0.5
