"""What an update between two builds costs: bytes moved, the check of the staged bundle,
and the download of the partial update from the real server over a slow, flaky link.

Usage: ``python bench/update.py [--package TAR.GZ]``. Without ``--package`` it builds
the Linux bundle once with ``installer/build.py`` (about a minute); the second build is
the first with one module of our own code (``_internal/danvan_desktop/core/release.pyc``)
changed and BUILD-INFO's version and commit raised (tests/support/next_build.py): two
builds that differ only in the application's Python code. Prints, each against its
budget:

- the bytes the update moves (the files whose SHA-256 differs, gzip-compressed, plus
  the manifest) as a share of the bundle's tar.gz, <= 5 %;
- the check of the whole staged bundle (every file hashed against the manifest,
  updates/stage.py ``check_staged``, no record of earlier checks), <= 2 s;
- the download itself: N+1 signed with a throwaway key (installer/make_release.py),
  published on the real server (``danvan-server releases publish``), fetched by the
  laptop's release lane (sync/release_lane.py, against the unpacked bundle N) through
  tests/support/slowlink.py at 64 kbit/s, 600 ms RTT, the link cut for 2 s every 30 s
  (the download starts 3 s before a cut, so one lands in the middle of it):
  the bytes on the wire <= 5 % of the tar.gz, and it completes (within 10 minutes).
  Printed with its time and its resumptions (rounds cut short, resumed by the next).
  The rounds are retried at once after a cut (the sync schedule would wait a little
  longer), and they include hashing bundle N once (a second or two, no link).

Exits 1 when a budget is missed, 2 when it cannot measure.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(ROOT / "tests"))
import make_release  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from danvan_desktop.core.build_info import read_build_file  # noqa: E402
from danvan_desktop.core.release import FILES_DIR, UPDATES_DIR, ReleaseManifest  # noqa: E402
from danvan_desktop.sync.engine import SyncEngine  # noqa: E402
from danvan_desktop.sync.release_lane import sync_release  # noqa: E402
from danvan_desktop.sync.report import SyncReport  # noqa: E402
from danvan_desktop.sync.transport import LinkDown, ServerError  # noqa: E402
from danvan_desktop.updates.plan import Installation  # noqa: E402
from danvan_desktop.updates.stage import PART_SUFFIX, check_staged, make_link  # noqa: E402
from danvan_server.cli import main as server_main  # noqa: E402
from support.next_build import next_build  # noqa: E402
from support.server_process import (  # noqa: E402
    add_village,
    make_enrollment_code,
    prepare_database,
    sqlite_url,
    start_server,
)
from support.slowlink import SlowLink  # noqa: E402
from support.team_laptop import enrolled_team_laptop  # noqa: E402

MOVED_BUDGET = 0.05
VERIFY_BUDGET_S = 2.0
LINK_BPS = 64_000
RTT_S = 0.6
CUT_EVERY_S = 30.0
CUT_FOR_S = 2.0
DOWNLOAD_DEADLINE_S = 600.0  # "completes": well past what the bytes take at 64 kbit/s
# The download starts this long before the link's first cut, so a cut lands in the middle
# of it (the worst place; otherwise the few seconds it takes would often fit between cuts).
FIRST_CUT_AFTER_S = 3.0
RETRY_PAUSE_S = 0.5  # between a cut round and the next (the link may still be down)
KEY_ID = "bench-update-1"


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


@dataclass
class Download:
    """The partial update fetched through the slow link."""

    seconds: float
    wire_bytes: int  # both directions, TCP payload, as the link carried them
    release_bytes: int  # file bytes the lane received (resumed ranges included)
    cut_rounds: int  # rounds cut short by the link (or tried while it was down)
    resumptions: int  # rounds that continued a partly downloaded file (Range from its size)
    cuts: int  # times the link went down during the download
    first_file_s: float | None  # when the first bytes of a release file arrived
    completed: bool


def _sign(first: Path, second: Path, folder: Path) -> tuple[Path, Path, Ed25519PrivateKey]:
    """N+1 signed with a throwaway key: (release folder, public key file, key)."""
    key = Ed25519PrivateKey.generate()
    manifest = make_release.build_manifest(
        second,
        min_from=make_release.bundle_version(first),
        notes_vi="Bản thử của bench.",
        notes_en="A bench build.",
    )
    release = make_release.write_release(second, manifest, KEY_ID, key, folder / "releases")
    public = folder / f"{KEY_ID}.pub"
    raw = key.public_key().public_bytes_raw()
    public.write_text(json.dumps({"key_id": KEY_ID, "public_key": base64.b64encode(raw).decode()}))
    return release, public, key


def _holds_partial_file(updates: Path) -> bool:
    """Whether an earlier round left a partly downloaded file (``.part``)."""
    return any(p.stat().st_size > 0 for p in updates.rglob(f"*{PART_SUFFIX}"))


def _rounds(
    engine: SyncEngine, installation: Installation, updates: Path
) -> tuple[int, int, int, bool]:
    """Release rounds until N+1 is staged: (release bytes, rounds cut short, rounds that
    continued a partly downloaded file and received more of it, completed)."""
    deadline = time.monotonic() + DOWNLOAD_DEADLINE_S
    received = cut_rounds = resumptions = 0
    while time.monotonic() < deadline:
        report = SyncReport()
        resuming = _holds_partial_file(updates)
        try:
            sync_release(engine, report, installation)
        except (LinkDown, ServerError):
            cut_rounds += 1
            resumptions += resuming and report.release_bytes > 0
            received += report.release_bytes
            time.sleep(RETRY_PAUSE_S)
            continue
        resumptions += resuming and report.release_bytes > 0
        received += report.release_bytes
        if report.release_refused:
            raise SystemExit(f"the release was refused: {report.release_refused}")
        return received, cut_rounds, resumptions, report.release_ready is not None
    return received, cut_rounds, resumptions, False


def download(first: Path, second: Path, folder: Path) -> Download:
    """Publish N+1 on the real server and fetch it through the slow link as bundle N."""
    release, public, key = _sign(first, second, folder)
    url = sqlite_url(folder)
    prepare_database(url, folder / "attachments")
    village = add_village(url, name="Tổ dân phố 5")
    publish = ["--database", url, "releases", "publish", str(release), "--trust-key", str(public)]
    if server_main(publish) != 0:
        raise SystemExit("danvan-server releases publish refused the bench release")
    info = read_build_file(first) or {}
    trusted = {KEY_ID: key.public_key().public_bytes_raw()}
    platform = make_release.bundle_platform(first)
    installation = Installation(first, info["version"], platform, info.get("commit"), trusted)
    with start_server(url, log_dir=folder) as server:
        code = make_enrollment_code(url, village.id)
        laptop = enrolled_team_laptop(folder / "laptop", server.url, code)
        try:
            with SlowLink(
                upstream=("127.0.0.1", server.port),
                bandwidth_bps=LINK_BPS,
                rtt_s=RTT_S,
                cut_every_s=CUT_EVERY_S,
                cut_for_s=CUT_FOR_S,
            ) as link:
                transport = laptop._transport(server_url=f"http://127.0.0.1:{link.port}")
                arrivals: list[float] = []
                engine = SyncEngine(
                    laptop.records,
                    transport,
                    progress=lambda stage, _done, _total: (
                        arrivals.append(time.monotonic()) if stage == "release" else None
                    ),
                )
                time.sleep(CUT_EVERY_S - FIRST_CUT_AFTER_S)  # the first cut lands mid-download
                started = time.monotonic()
                updates = Path(laptop.store.data_dir) / UPDATES_DIR
                received, cut_rounds, resumptions, completed = _rounds(
                    engine, installation, updates
                )
                seconds = time.monotonic() - started
                transport.close()
                wire, cuts = link.counters().total, link.cuts_seen
        finally:
            laptop.close()
    first_file = arrivals[0] - started if arrivals else None
    return Download(seconds, wire, received, cut_rounds, resumptions, cuts, first_file, completed)


def measure(package: Path, folder: Path) -> int:
    """Print the figures with their budgets; 1 when one is missed."""
    first = _unpack(package, folder / "first")
    (folder / "second").mkdir()
    next_build(first, folder / "second" / "danvan-desktop")
    second = folder / "second" / "danvan-desktop"
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
    (folder / "download").mkdir()
    run = download(first, second, folder / "download")
    wire_share = run.wire_bytes / package_size
    ok_download = run.completed and wire_share <= MOVED_BUDGET
    print(
        f"download from the real server at {LINK_BPS // 1000} kbit/s, {RTT_S * 1000:.0f} ms RTT, "
        f"cut {CUT_FOR_S:g} s every {CUT_EVERY_S:g} s: "
        f"{'completed' if run.completed else 'NOT COMPLETED'} in {run.seconds:.1f} s; "
        f"{run.wire_bytes / 1e3:.1f} kB on the wire = {wire_share:.2%} of the tar.gz "
        f"(budget <= {MOVED_BUDGET:.0%}, and completes) {'OK' if ok_download else 'OVER'}"
    )
    print(
        f"  release file bytes received: {run.release_bytes / 1e3:.1f} kB; link cuts during "
        f"the download: {run.cuts}; rounds cut short: {run.cut_rounds}; resumptions (a round "
        f"continuing a partly downloaded file): {run.resumptions}"
    )
    if run.first_file_s is not None:
        print(
            f"  the first cut came {FIRST_CUT_AFTER_S:g} s in; the first release file bytes "
            f"arrived {run.first_file_s:.1f} s in (before them: the signed manifest)"
        )
    return 0 if ok_moved and ok_verify and ok_download else 1


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
