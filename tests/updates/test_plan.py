"""Planning a release: only the files that differ from the installed bundle are fetched."""

from __future__ import annotations

import json
from pathlib import Path

from danvan_desktop.updates.plan import HASH_CACHE_NAME, installed_hashes, plan_release
from support.release_bundles import BUNDLE_N, BUNDLE_N1, manifest_of, write_bundle


def test_only_changed_files_are_fetched(tmp_path: Path) -> None:
    """A release that changes our code and BUILD-INFO fetches those two files only."""
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    plan = plan_release(manifest_of(BUNDLE_N1), bundle)
    assert sorted(f.path for f in plan.fetch) == [
        "BUILD-INFO",
        "_internal/danvan_desktop/app.pyc",
    ]


def test_unchanged_files_are_copied_locally(tmp_path: Path) -> None:
    """Files whose SHA-256 matches the installed file are planned as local copies."""
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    plan = plan_release(manifest_of(BUNDLE_N1), bundle)
    assert sorted(f.path for f in plan.local) == ["_internal/libQt6Core.so.6", "danvan-desktop"]


def test_fetch_bytes_is_a_small_part_of_the_bundle(tmp_path: Path) -> None:
    """The planned download counts only the changed files' bytes."""
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    plan = plan_release(manifest_of(BUNDLE_N1), bundle)
    assert plan.fetch_bytes == 29 + 29


def test_links_are_neither_fetched_nor_copied(tmp_path: Path) -> None:
    """The danvan -> danvan-desktop link is made when staging, never downloaded."""
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    plan = plan_release(manifest_of(BUNDLE_N1), bundle)
    assert [(f.path, f.link_to) for f in plan.links] == [("danvan", "danvan-desktop")]


def test_without_a_bundle_every_file_is_fetched(tmp_path: Path) -> None:
    """A program run from source has no bundle: the whole release would be fetched."""
    plan = plan_release(manifest_of(BUNDLE_N1), None)
    assert len(plan.fetch) == 4


def test_hashes_are_cached_by_commit(tmp_path: Path) -> None:
    """The installed files' hashes are kept in the data folder under the build's commit."""
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    installed_hashes(bundle, ["BUILD-INFO"], cache_dir=tmp_path / "updates", commit="aaaaaaa")
    cached = json.loads((tmp_path / "updates" / HASH_CACHE_NAME).read_text())
    assert (cached["commit"], sorted(cached["hashes"])) == ("aaaaaaa", ["BUILD-INFO"])


def test_cached_hashes_are_read_not_recomputed(tmp_path: Path) -> None:
    """A second check of the same build reads the cache (a changed file is not re-hashed)."""
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    cache = tmp_path / "updates"
    first = installed_hashes(bundle, ["BUILD-INFO"], cache_dir=cache, commit="aaaaaaa")
    (bundle / "BUILD-INFO").write_bytes(b"changed behind our back")
    again = installed_hashes(bundle, ["BUILD-INFO"], cache_dir=cache, commit="aaaaaaa")
    assert again == first


def test_another_commit_hashes_again(tmp_path: Path) -> None:
    """A cache written by another build is not trusted."""
    bundle = write_bundle(tmp_path / "app", BUNDLE_N)
    cache = tmp_path / "updates"
    first = installed_hashes(bundle, ["BUILD-INFO"], cache_dir=cache, commit="aaaaaaa")
    (bundle / "BUILD-INFO").write_bytes(b"the next build")
    again = installed_hashes(bundle, ["BUILD-INFO"], cache_dir=cache, commit="bbbbbbb")
    assert again != first
