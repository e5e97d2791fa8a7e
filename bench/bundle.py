"""Size budgets of the Linux bundle, and its start against the virtualenv's.

Usage: ``python bench/bundle.py [--bundle DIR] [--runs N]``. Without ``--bundle`` it
builds the bundle with ``installer/build.py`` into a temporary folder (about two
minutes); ``DIR`` is a built bundle folder (``dist/danvan-desktop``, or an installed
``~/.local/share/danvan-desktop-app``). Prints, each against its budget:

- size on disk: the space its files take (allocated blocks, links counted as links),
  in MB of 10^6 bytes, ≤ 160 MB; the files' own sizes are printed beside it;
- the package: the tar.gz ``installer/build.py`` makes of it (gzip level 6), ≤ 75 MB;

and, without budgets: the number of files, and the median time from spawning to the
first paint of the model list (``--page models --report-ready --quit-when-ready``,
offscreen, on a team made with the bundle's ``danvan init``) of the bundle's
``danvan-desktop`` and of the virtualenv's ``python -m danvan_desktop.app``, started
alternately. Exits 1 when a budget is missed, 2 when it cannot measure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(BENCH))
import build  # noqa: E402
import bundle_contents as contents  # noqa: E402
from gui import BenchError, report, time_to_ready  # noqa: E402

DISK_BUDGET_MB = 160.0
PACKAGE_BUDGET_MB = 75.0
START_TIMEOUT_S = 90.0
PHU_XUAN = "19768"


def disk_usage(folder: Path) -> tuple[int, int, int]:
    """(allocated bytes, the files' own bytes, regular files) of ``folder``, links not followed."""
    allocated = apparent = files = 0
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        allocated += info.st_blocks * 512
        if path.is_file() and not path.is_symlink():
            apparent += info.st_size
            files += 1
    return allocated, apparent, files


def build_bundle(tmp: Path) -> Path:
    """A fresh bundle built by installer/build.py (not packed: the bench packs it)."""
    dist = tmp / "dist"
    command = [sys.executable, str(ROOT / "installer" / "build.py"), "--no-pack"]
    subprocess.run([*command, "--dist", str(dist), "--work", str(tmp / "work")], check=True)
    return dist / contents.BUNDLE_NAME


def package_size(bundle: Path, tmp: Path) -> int:
    """Bytes of the tar.gz build.py packs the bundle into (gzip level 6)."""
    version = build.project_version()
    package = build.pack_linux(bundle, tmp / "package", version, build.machine_arch())
    return package.stat().st_size


def init_team(bundle: Path, data_dir: Path) -> None:
    """A set-up team in ``data_dir``, made by the bundle's own ``danvan init``."""
    done = subprocess.run(
        [str(bundle / contents.CLI_PROGRAM), "--data-dir", str(data_dir), "init",
         "--commune", PHU_XUAN, "--village", "Tổ dân phố 5",
         "--team", "Tổ dân vận tổ dân phố 5", "--leader", "Nguyễn Văn An"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise BenchError(f"the bundle's danvan init failed (exit {done.returncode}): {done.stderr}")


def measure_starts(bundle: Path, data_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds to the first paint: the bundle's, the virtualenv's; warm-ups left out."""
    ready = ["--data-dir", str(data_dir), "--page", "models", "--report-ready",
             "--quit-when-ready"]  # fmt: skip
    bundle_cmd = [str(bundle / contents.DESKTOP_PROGRAM), *ready]
    venv_cmd = [sys.executable, "-m", "danvan_desktop.app", *ready]
    time_to_ready("bundle", bundle_cmd, START_TIMEOUT_S)
    time_to_ready("virtualenv", venv_cmd, START_TIMEOUT_S)
    frozen, venv = [], []
    for _ in range(runs):
        frozen.append(time_to_ready("bundle", bundle_cmd, START_TIMEOUT_S)[0])
        venv.append(time_to_ready("virtualenv", venv_cmd, START_TIMEOUT_S)[0])
    return frozen, venv


def measure(args: argparse.Namespace) -> int:
    """Build or take the bundle, measure it, print every figure; 1 when over a budget."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        bundle = args.bundle.resolve() if args.bundle else build_bundle(tmp)
        if not (bundle / contents.DESKTOP_PROGRAM).is_file():
            raise BenchError(f"{bundle} holds no {contents.DESKTOP_PROGRAM}: not a bundle folder")
        allocated, apparent, files = disk_usage(bundle)
        packed = package_size(bundle, tmp)
        init_team(bundle, tmp / "team")
        frozen, venv = measure_starts(bundle, tmp / "team", args.runs)
    print(f"bundle: {bundle}")
    print(f"files: {files}, their own sizes: {apparent / 1e6:.1f} MB")
    results = [
        report("size on disk (allocated blocks)", allocated / 1e6, DISK_BUDGET_MB, "MB"),
        report("package, tar.gz at gzip -6", packed / 1e6, PACKAGE_BUDGET_MB, "MB"),
    ]
    bundle_ms, venv_ms = statistics.median(frozen) * 1000, statistics.median(venv) * 1000
    print(f"start to first paint, bundle (median of {args.runs}):      {bundle_ms:9.1f} ms")
    print(f"start to first paint, virtualenv (median of {args.runs}):  {venv_ms:9.1f} ms")
    print(f"bundle / virtualenv: {bundle_ms / venv_ms:.2f}")
    return 0 if all(results) else 1


def main() -> int:
    """Measure the bundle; exit 1 when a budget is missed, 2 when it cannot measure."""
    parser = argparse.ArgumentParser(description="Size budgets and start of the Linux bundle")
    parser.add_argument("--bundle", type=Path, help="a built bundle folder (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return measure(args)
    except (BenchError, subprocess.CalledProcessError, OSError) as exc:
        print(f"FAILED: {exc}", flush=True)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
