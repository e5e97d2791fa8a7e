"""What an update between two builds costs: bytes moved, and the check of the staged bundle.

Usage: ``python bench/update.py [--package TAR.GZ]``. Without ``--package`` it builds
the Linux bundle once with ``installer/build.py`` (a few minutes); the second build is
the first with one module of our own code (``_internal/danvan_desktop/core/release.pyc``)
recompiled from a changed source, and BUILD-INFO's version raised: two builds that
differ only in the application's Python code. Both get their manifest from
installer/make_release.py's ``bundle_files``. Prints, each against its budget:

- the bytes the update moves (the files whose SHA-256 differs, gzip-compressed as sent,
  plus the manifest) as a share of the bundle's tar.gz, ≤ 5 %;
- the check of the whole staged bundle (every file hashed against the manifest,
  updates/stage.py ``check_staged``, no record of earlier checks), ≤ 2 s;

and, without a budget, the time those bytes take at 64 kbit/s. NOT MEASURED HERE YET:
the download through tests/support/slowlink.py (600 ms RTT, cut every 30 s) of the
real server; sync/release_lane.py's tests cover the resumable download.
Exits 1 when a budget is missed, 2 when it cannot measure.
"""

from __future__ import annotations

import argparse
import gzip
import py_compile
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
import make_release  # noqa: E402

from danvan_desktop.core.release import FILES_DIR, ReleaseManifest  # noqa: E402
from danvan_desktop.updates.stage import check_staged, make_link  # noqa: E402

MOVED_BUDGET = 0.05
VERIFY_BUDGET_S = 2.0
LINK_BPS = 64_000
CHANGED_MODULE = "core/release"  # under _internal/danvan_desktop/ and src/danvan_desktop/


def _build(dist: Path, work: Path) -> Path:
    command = [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(dist)]
    subprocess.run([*command, "--work", str(work)], check=True, timeout=3600)
    (package,) = dist.glob("danvan-desktop-*-linux-*.tar.gz")
    return package


def _unpack(package: Path, folder: Path) -> Path:
    with tarfile.open(package) as tar:
        tar.extractall(folder, filter="tar")
    (top,) = folder.iterdir()
    return top / "app"


def _second_build(first: Path, folder: Path) -> Path:
    """A copy of ``first`` with one module of our code recompiled and the version raised."""
    second = folder / "app"
    shutil.copytree(first, second, symlinks=True)
    source = folder / "release.py"
    text = (ROOT / "src" / "danvan_desktop" / f"{CHANGED_MODULE}.py").read_text(encoding="utf-8")
    source.write_text(text + "\n# the next build\nNEXT_BUILD = True\n", encoding="utf-8")
    target = second / "_internal" / "danvan_desktop" / f"{CHANGED_MODULE}.pyc"
    py_compile.compile(str(source), cfile=str(target), dfile=f"danvan_desktop/{CHANGED_MODULE}.py")
    info = second / "BUILD-INFO"
    lines = info.read_text(encoding="utf-8").splitlines()
    version = next(line.split("=", 1)[1] for line in lines if line.startswith("version="))
    parts = version.split(".")
    newer = ".".join([*parts[:-1], str(int(parts[-1]) + 1)])
    info.write_text(
        "\n".join(f"version={newer}" if line.startswith("version=") else line for line in lines)
        + "\n",
        encoding="utf-8",
    )
    return second


def _manifest(bundle: Path) -> ReleaseManifest:
    return ReleaseManifest(
        version=make_release.bundle_version(bundle),
        platform=make_release.bundle_platform(bundle),
        min_from_version="0.1.0",
        files=tuple(make_release.bundle_files(bundle)),
        notes_vi="Bản thử của bench.",
        notes_en="A bench build.",
        created_at="2026-12-06T00:00:00Z",
    )


def _tar_gz_size(bundle: Path, folder: Path) -> int:
    target = folder / "bundle.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname="app")
    return target.stat().st_size


def _stage(bundle: Path, manifest: ReleaseManifest, folder: Path) -> Path:
    """A staged release folder: every file under files/, as the switch finds it."""
    staged = folder / "staged"
    (staged / FILES_DIR).mkdir(parents=True)
    (staged / "manifest.json").write_bytes(manifest.canonical())
    shutil.copytree(bundle, staged / FILES_DIR, symlinks=True, dirs_exist_ok=True)
    for item in manifest.files:
        if item.link_to is not None:  # links as updates/stage.py makes them
            (staged / FILES_DIR / item.path).unlink()
            make_link(staged, item)
    return staged


def measure(package: Path, folder: Path) -> int:
    """Print the figures with their budgets; 1 when one is missed."""
    first = _unpack(package, folder / "first")
    second = _second_build(first, folder / "second")
    old, new = _manifest(first), _manifest(second)
    old_hashes = {item.path: item.sha256 for item in old.files}
    changed = [i for i in new.files if i.link_to is None and old_hashes.get(i.path) != i.sha256]
    moved = len(new.canonical()) + sum(
        len(gzip.compress((second / item.path).read_bytes(), compresslevel=6)) for item in changed
    )
    package_size = _tar_gz_size(second, folder)
    share = moved / package_size
    staged = _stage(second, new, folder)
    started = time.perf_counter()
    check_staged(staged, new)
    verify_s = time.perf_counter() - started
    print(f"files in the bundle: {len(new.files)}; changed: {[i.path for i in changed]}")
    print(f"bundle tar.gz: {package_size / 1e6:.1f} MB; bundle: {new.total_size / 1e6:.1f} MB")
    ok_moved = share <= MOVED_BUDGET
    print(
        f"update moves: {moved / 1e3:.1f} kB = {share:.2%} of the tar.gz "
        f"(budget <= {MOVED_BUDGET:.0%}) {'OK' if ok_moved else 'OVER'}"
    )
    print(f"  at 64 kbit/s: {moved * 8 / LINK_BPS:.0f} s of line time (no budget)")
    ok_verify = verify_s <= VERIFY_BUDGET_S
    print(
        f"verify the staged bundle: {verify_s:.2f} s "
        f"(budget <= {VERIFY_BUDGET_S:.0f} s) {'OK' if ok_verify else 'OVER'}"
    )
    return 0 if ok_moved and ok_verify else 1


def main() -> int:
    """Build (or take) the package, then measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="a tar.gz installer/build.py made")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="danvan-bench-update-") as temp:
        folder = Path(temp)
        try:
            package = args.package or _build(folder / "dist", folder / "work")
        except (OSError, subprocess.SubprocessError, ValueError) as error:
            print(f"cannot build the bundle: {error}", file=sys.stderr)
            return 2
        return measure(package, folder)


if __name__ == "__main__":
    sys.exit(main())
