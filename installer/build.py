"""Build the desktop bundle with PyInstaller, check it, and pack it for this platform.

    .venv/bin/pip install -e '.[build]'      # PyInstaller, once
    .venv/bin/python installer/build.py      # bundle + package, into dist/

Linux: ``dist/danvan-desktop-<version>-linux-<arch>.tar.gz`` holding the bundle
(``app/``), ``install.sh``, ``uninstall.sh``, the desktop entry template and a short
read-me; a team leader unpacks it and runs ``sh install.sh`` (no administrator).
Windows: the per-user installer ``dist/DanVanKheo-Setup-<version>-win64.exe``,
made by Inno Setup 6.3+ (``ISCC.exe``) from ``installer/windows/danvan.iss``.

A Linux bundle runs only where the C library is at least as new as the one it was
built against (recorded in ``app/BUILD-INFO``; install.sh checks it): build on the
oldest system you support. Messages here are for developers, so they are English.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_contents as contents
import notices

ROOT = contents.ROOT
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "danvan.spec"
ISS = INSTALLER / "windows" / "danvan.iss"
LINUX_FILES = ("install.sh", "uninstall.sh", "danvan-desktop.desktop", "README.txt")
BUILD_INFO = "BUILD-INFO"
GLIBC_SYMBOL = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\x00")
ELF_MAGIC = b"\x7fELF"


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version in pyproject.toml."""
    with pyproject.open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def numeric_version(version: str) -> str:
    """Four dotted numbers for Windows' file version ("0.2.0rc1" -> "0.2.0.0")."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def machine_arch() -> str:
    """This machine's architecture as ``uname -m`` says it (x86_64, aarch64)."""
    return platform.machine() or "unknown"


def required_glibc(bundle: Path) -> str | None:
    """The newest ``GLIBC_x.y`` symbol version any ELF file of the bundle asks for."""
    newest: tuple[int, ...] = ()
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != ELF_MAGIC:
                continue
            data = ELF_MAGIC + fh.read()
        for match in GLIBC_SYMBOL.finditer(data):
            found = tuple(int(part) for part in match.groups() if part is not None)
            newest = max(newest, found)
    return ".".join(str(n) for n in newest) if newest else None


def write_build_info(
    bundle: Path,
    version: str,
    arch: str,
    glibc: str | None,
    *,
    commit: str | None = None,
    date: str | None = None,
) -> Path:
    """Record what the bundle is and what it needs; install.sh reads it, and the programs
    read the version, commit and date from it (core/build_info.py)."""
    lines = [f"version={version}", f"arch={arch}"]
    if glibc:
        lines.append(f"glibc={glibc}")
    lines += [f"{key}={value}" for key, value in (("commit", commit), ("date", date)) if value]
    path = bundle / BUILD_INFO
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def source_commit(root: Path = ROOT) -> str | None:
    """The short commit (``-dirty`` with uncommitted changes); None without git."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "describe", "--always", "--dirty", "--abbrev=7"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def write_notices(bundle: Path) -> list[Path]:
    """LICENSE and THIRD-PARTY-NOTICES (with the bundle's own libraries) into the bundle:
    next to the programs, and in the resources the About dialog reads."""
    targets = [
        bundle / notices.NOTICES_NAME,
        bundle / contents.CONTENTS_DIR / contents.BUNDLE_RESOURCES / notices.NOTICES_NAME,
    ]
    found, problems = notices.collect(bundle)
    # Only dpkg can say where a Linux library comes from; elsewhere it is a warning.
    if problems and sys.platform.startswith("linux"):
        raise SystemExit("the third-party notices are incomplete:\n  " + "\n  ".join(problems))
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    text = notices.render(project_version(), found)
    for target in targets:
        target.write_text(text, encoding="utf-8")
    shutil.copy2(ROOT / "LICENSE", bundle / "LICENSE.txt")
    return [*targets, bundle / "LICENSE.txt"]


def run_pyinstaller(dist: Path, work: Path, *, reuse_cache: bool = False) -> Path:
    """Build the one-folder bundle; returns its folder.

    PyInstaller's cache in ``work`` is cleared unless asked otherwise: it misses some
    spec changes (a new interpreter option left the old programs in place), and a
    clean build costs only seconds more.
    """
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work)]
    if not reuse_cache:
        command.append("--clean")
    subprocess.run([*command, str(SPEC)], check=True)
    return dist / contents.BUNDLE_NAME


def check_bundle(bundle: Path) -> None:
    """Stop with the list of problems when the bundle is incomplete or carries extras."""
    problems = contents.describe_problems(bundle)
    if problems:
        raise SystemExit("the bundle is not right:\n  " + "\n  ".join(problems))


def linux_package_name(version: str, arch: str) -> str:
    """The archive's name, without .tar.gz (also its top folder)."""
    return f"danvan-desktop-{version}-linux-{arch}"


def _owned_by_nobody(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # The builder's user and group mean nothing on the laptop that unpacks the archive.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def pack_linux(bundle: Path, out_dir: Path, version: str, arch: str) -> Path:
    """The tar.gz a team leader unpacks: app/, install.sh, uninstall.sh, entry, read-me."""
    name = linux_package_name(version, arch)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.tar.gz"
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=f"{name}/app", filter=_owned_by_nobody)
        for file_name in LINUX_FILES:
            archive.add(INSTALLER / "linux" / file_name, f"{name}/{file_name}",
                        filter=_owned_by_nobody)  # fmt: skip
    os.replace(partial, target)
    return target


def find_iscc() -> Path | None:
    """Inno Setup's command-line compiler, on PATH or where its installer puts it."""
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(variable)
        if not base:
            continue
        for folder in (Path(base) / "Inno Setup 6", Path(base) / "Programs" / "Inno Setup 6"):
            if (folder / "ISCC.exe").is_file():
                return folder / "ISCC.exe"
    return None


def iscc_command(iscc: Path, bundle: Path, out_dir: Path, version: str) -> list[str]:
    """The ISCC call that turns the bundle into the per-user setup program."""
    return [
        str(iscc),
        f"/DAppVersion={version}",
        f"/DNumericVersion={numeric_version(version)}",
        f"/DBundleDir={bundle.resolve()}",
        f"/DOutputDir={out_dir.resolve()}",
        str(ISS),
    ]


def pack_windows(bundle: Path, out_dir: Path, version: str) -> Path:
    """Run Inno Setup; returns the setup program."""
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit(
            "Inno Setup 6.3 or newer is needed for the Windows installer (ISCC.exe was not "
            "found on PATH nor in Program Files): install it, then run this again with "
            "--skip-build to reuse the bundle."
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(iscc_command(iscc, bundle, out_dir, version), check=True)
    return out_dir / f"DanVanKheo-Setup-{version}-win64.exe"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line of this script."""
    parser = argparse.ArgumentParser(description="Build and pack the desktop bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument(
        "--reuse-cache", action="store_true", help="keep PyInstaller's cache (faster, riskier)"
    )
    parser.add_argument("--skip-build", action="store_true", help="pack the existing bundle")
    parser.add_argument("--no-pack", action="store_true", help="build the bundle only")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build, check, record and pack; prints where the result is and how long it took."""
    args = parse_args(argv)
    started = time.monotonic()
    version = project_version()
    bundle = args.dist / contents.BUNDLE_NAME
    if not args.skip_build:
        bundle = run_pyinstaller(args.dist, args.work, reuse_cache=args.reuse_cache)
    check_bundle(bundle)
    arch = machine_arch()
    glibc = required_glibc(bundle) if sys.platform.startswith("linux") else None
    built = datetime.now(UTC).date().isoformat()
    write_build_info(bundle, version, arch, glibc, commit=source_commit(), date=built)
    write_notices(bundle)
    print(f"bundle: {bundle} (needs glibc {glibc or '-'})")
    if not args.no_pack:
        if sys.platform.startswith("win"):
            package = pack_windows(bundle, args.dist, version)
        else:
            package = pack_linux(bundle, args.dist, version, arch)
        print(f"package: {package}")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
