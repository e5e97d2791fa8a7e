"""Make the signed release folder of a built bundle, or a new release key pair (issue 20).

    python installer/make_release.py make dist/danvan-desktop --out releases \\
        --min-from 0.1.0 --notes-vi notes.vi.md --notes-en notes.en.md --key ~/keys/hue-2026-1.key
    python installer/make_release.py keygen --out ~/keys/hue-2027-1.key --key-id hue-2027-1

``make`` reads the bundle installer/build.py built (its folder, with ``BUILD-INFO``),
and writes ``<out>/<version>-<platform>/`` (core/release.py's layout): ``manifest.json``
(the version from BUILD-INFO, the platform, the oldest version it updates from, every
file with its SHA-256, size and executable bit, symbolic links as ``link_to``, the
release notes, the keys it introduces), ``manifest.sig`` (Ed25519, with the key id) and
``files/<path>``, a copy of every file. The private key comes from ``--key FILE`` or
the file named by ``DANVAN_RELEASE_KEY``; ``--introduce-key PUBFILE:KEY_ID`` lists a new
public key in the manifest (key rotation, docs/releases.md). The folder is written
under a temporary name and renamed when complete.

``keygen`` writes a new key pair: FILE (the private key, 0600) and FILE.pub. It refuses
a path inside this repository: a release's private key never enters it. Messages here
are for the maintainers, so they are English.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import posixpath
import shutil
import stat
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from danvan_desktop.core.build_info import BUILD_INFO_NAME, read_build_file
from danvan_desktop.core.release import (
    FILES_DIR,
    MANIFEST_NAME,
    PLATFORMS,
    SIGNATURE_NAME,
    ReleaseFile,
    ReleaseManifest,
    SigningKey,
    check_release_path,
    parse_version,
    release_folder_name,
    version_key,
)
from danvan_desktop.updates import keys as release_keys
from danvan_desktop.updates.manifest import ReleaseRefused, sign_manifest, verify_signature

ROOT = Path(__file__).resolve().parents[1]
KEY_ENV = "DANVAN_RELEASE_KEY"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
BLOCK = 1024 * 1024


class ReleaseError(Exception):
    """A release that cannot be made as asked; nothing was written."""


# -- keys ----------------------------------------------------------------------------


def _public_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def keygen(path: Path, key_id: str, *, repo: Path = ROOT) -> tuple[Path, Path]:
    """Write a new key pair: ``path`` (private, 0600) and ``path.pub``; refuses a path
    inside ``repo`` or one that exists."""
    try:
        release_keys.check_key_id(key_id)
    except ValueError as exc:
        raise ReleaseError(str(exc)) from None
    target = path.expanduser().resolve()
    if target.is_relative_to(repo.resolve()):
        raise ReleaseError(
            f"refusing to write a private key inside the repository ({repo}): "
            "keep it offline, e.g. on an encrypted stick"
        )
    public_path = target.with_name(target.name + ".pub")
    for existing in (target, public_path):
        if existing.exists():
            raise ReleaseError(f"{existing} exists: choose another path")
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes_raw()
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        json.dump({"key_id": key_id, "private_key": base64.b64encode(raw).decode("ascii")}, out)
        out.write("\n")
    public = {"key_id": key_id, "public_key": _public_text(key)}
    public_path.write_text(json.dumps(public, indent=2) + "\n", encoding="utf-8")
    return target, public_path


def load_private_key(path: Path) -> tuple[str, Ed25519PrivateKey]:
    """(key id, private key) of a file ``keygen`` wrote."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        key_id = release_keys.check_key_id(data["key_id"])
        raw = base64.b64decode(data["private_key"], validate=True)
        return key_id, Ed25519PrivateKey.from_private_bytes(raw)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ReleaseError(f"cannot read the release key {path}: {exc}") from None


def read_introduced_key(spec: str) -> SigningKey:
    """``PUBFILE:KEY_ID`` (a .pub file of ``keygen``, or bare base64) as a key to introduce."""
    path_text, sep, key_id = spec.rpartition(":")
    if not sep or not path_text:
        raise ReleaseError(f"--introduce-key takes PUBFILE:KEY_ID, not {spec!r}")
    try:
        release_keys.check_key_id(key_id)
        text = Path(path_text).read_text(encoding="utf-8").strip()
        if text.startswith("{"):
            data = json.loads(text)
            if data.get("key_id") not in (None, key_id):
                raise ValueError(f"{path_text} holds the key {data['key_id']!r}, not {key_id!r}")
            text = str(data.get("public_key"))
        release_keys.public_key_bytes(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReleaseError(f"cannot introduce the key {spec!r}: {exc}") from None
    return SigningKey(key_id, text)


# -- the bundle ----------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read 1 MB at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _link(bundle: Path, path: Path, relative: str) -> ReleaseFile:
    target = os.readlink(path)
    if os.path.isabs(target) or "\\" in target:
        raise ReleaseError(f"the link {relative} -> {target} is absolute: make it relative")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(relative), target))
    if resolved.startswith("../") or resolved in ("..", "."):
        raise ReleaseError(f"the link {relative} -> {target} points outside the bundle")
    if not (bundle / resolved).exists():
        raise ReleaseError(f"the link {relative} -> {target} points at nothing")
    return ReleaseFile(relative, EMPTY_SHA256, 0, False, check_release_path(resolved))


def bundle_files(bundle: Path) -> list[ReleaseFile]:
    """Every file of the bundle, sorted by path: regular files hashed, links as ``link_to``
    (from the bundle's root); anything else (a socket, a device) stops the release."""
    found: list[ReleaseFile] = []
    for folder, dirnames, filenames in os.walk(bundle):
        here = Path(folder)
        for name in [*dirnames, *filenames]:
            path = here / name
            relative = path.relative_to(bundle).as_posix()
            try:
                check_release_path(relative)
            except ValueError as exc:
                raise ReleaseError(str(exc)) from None
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                found.append(_link(bundle, path, relative))
            elif stat.S_ISREG(mode):
                executable = bool(mode & stat.S_IXUSR)
                found.append(
                    ReleaseFile(relative, sha256_file(path), path.stat().st_size, executable)
                )
            elif not stat.S_ISDIR(mode):
                raise ReleaseError(f"{relative} is neither a file, a folder nor a link")
        dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]
    return sorted(found, key=lambda f: f.path)


def bundle_version(bundle: Path) -> str:
    """The release version BUILD-INFO records (numbers only)."""
    info = read_build_file(bundle)
    if info is None:
        raise ReleaseError(f"{bundle} is not a built bundle: it has no {BUILD_INFO_NAME}")
    version = info.get("version", "")
    try:
        parse_version(version)
    except ValueError:
        raise ReleaseError(
            f"{BUILD_INFO_NAME} says version {version!r}: a release version is numbers only "
            "(1.4.2); set it in pyproject.toml and build again"
        ) from None
    return version


def bundle_platform(bundle: Path) -> str:
    """linux-x86_64 or windows-x86_64, from the programs and BUILD-INFO's arch."""
    arch = (read_build_file(bundle) or {}).get("arch", "").lower()
    arch = "x86_64" if arch in ("amd64", "x64") else arch
    system = "windows" if (bundle / "danvan-desktop.exe").exists() else "linux"
    platform = f"{system}-{arch}"
    if platform not in PLATFORMS:
        raise ReleaseError(
            f"unknown platform {platform!r}: give --platform ({', '.join(PLATFORMS)})"
        )
    return platform


def _notes(path: Path, language: str) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReleaseError(f"cannot read the {language} release notes {path}: {exc}") from None
    if not text:
        raise ReleaseError(f"the {language} release notes {path} are empty")
    return text


def build_manifest(
    bundle: Path,
    *,
    min_from: str,
    notes_vi: str,
    notes_en: str,
    platform: str | None = None,
    introduces: Sequence[SigningKey] = (),
    created_at: str | None = None,
) -> ReleaseManifest:
    """The manifest of ``bundle``: what will be signed."""
    version = bundle_version(bundle)
    try:
        parse_version(min_from)
    except ValueError:
        raise ReleaseError(f"--min-from {min_from!r} is not a version (1.4.2)") from None
    if version_key(min_from) > version_key(version):
        raise ReleaseError(f"--min-from {min_from} is newer than the release {version}")
    if platform is not None and platform not in PLATFORMS:
        raise ReleaseError(f"unknown platform {platform!r}: one of {', '.join(PLATFORMS)}")
    stamp = created_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ReleaseManifest(
        version=version,
        platform=platform or bundle_platform(bundle),
        min_from_version=min_from,
        files=tuple(bundle_files(bundle)),
        notes_vi=notes_vi,
        notes_en=notes_en,
        created_at=stamp,
        introduces_keys=tuple(introduces),
    )


def _copy_checked(source: Path, target: Path, listed: ReleaseFile) -> None:
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as reader, target.open("wb") as writer:
        for block in iter(lambda: reader.read(BLOCK), b""):
            digest.update(block)
            writer.write(block)
        writer.flush()
        os.fsync(writer.fileno())
    if digest.hexdigest() != listed.sha256:
        raise ReleaseError(f"{listed.path} changed while the release was made: build again")
    target.chmod(0o755 if listed.executable else 0o644)


def write_release(
    bundle: Path,
    manifest: ReleaseManifest,
    key_id: str,
    private_key: Ed25519PrivateKey,
    out_dir: Path,
) -> Path:
    """Write ``<out_dir>/<version>-<platform>/`` complete, or nothing."""
    name = release_folder_name(manifest.version, manifest.platform)
    target = out_dir / name
    if target.exists():
        raise ReleaseError(f"{target} exists: a release is made once (remove it to redo it)")
    partial = out_dir / f".{name}.part"
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    try:
        for listed in manifest.files:
            if listed.link_to is None:
                _copy_checked(bundle / listed.path, partial / FILES_DIR / listed.path, listed)
        raw = manifest.canonical()
        signature = sign_manifest(raw, private_key, key_id)
        try:  # the folder a laptop will check, checked the same way before it leaves
            verify_signature(raw, signature, {key_id: base64.b64decode(_public_text(private_key))})
        except ReleaseRefused as exc:
            raise ReleaseError(exc.log_line) from None
        (partial / MANIFEST_NAME).write_bytes(raw)
        (partial / SIGNATURE_NAME).write_bytes(signature)
        os.replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


# -- the command ---------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="make_release.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("make", help="sign a built bundle as a release folder")
    make.add_argument("bundle", type=Path, help="the bundle folder (installer/build.py's)")
    make.add_argument("--out", type=Path, required=True, help="folder to write the release in")
    make.add_argument("--min-from", required=True, help="oldest installed version it updates")
    make.add_argument("--notes-vi", type=Path, required=True, help="release notes, Vietnamese")
    make.add_argument("--notes-en", type=Path, required=True, help="release notes, English")
    make.add_argument("--key", type=Path, help=f"private key file (default: ${KEY_ENV})")
    make.add_argument("--platform", choices=PLATFORMS, help="default: from the bundle")
    make.add_argument(
        "--introduce-key",
        action="append",
        default=[],
        metavar="PUBFILE:KEY_ID",
        help="a new public key laptops trust once this release verifies (repeatable)",
    )
    generate = commands.add_parser("keygen", help="write a new release key pair (offline)")
    generate.add_argument("--out", type=Path, required=True, help="private key file to write")
    generate.add_argument("--key-id", required=True, help="e.g. hue-2027-1")
    return parser


def _make(args: argparse.Namespace) -> Path:
    key_path = args.key or (Path(os.environ[KEY_ENV]) if os.environ.get(KEY_ENV) else None)
    if key_path is None:
        raise ReleaseError(f"give the private key: --key FILE or ${KEY_ENV}")
    key_id, private_key = load_private_key(key_path)
    if not args.bundle.is_dir():
        raise ReleaseError(f"no bundle folder at {args.bundle}")
    manifest = build_manifest(
        args.bundle,
        min_from=args.min_from,
        notes_vi=_notes(args.notes_vi, "Vietnamese"),
        notes_en=_notes(args.notes_en, "English"),
        platform=args.platform,
        introduces=[read_introduced_key(spec) for spec in args.introduce_key],
    )
    if key_id not in release_keys.built_in_keys():
        print(
            f"warning: the key {key_id!r} is not in resources/{release_keys.BUILT_IN_KEYS_NAME}: "
            "laptops refuse this release unless a release they installed introduced the key",
            file=sys.stderr,
        )
    return write_release(args.bundle, manifest, key_id, private_key, args.out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success, 1 with a message on stderr otherwise."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "keygen":
            private, public = keygen(args.out, args.key_id)
            print(f"wrote the private key {private} (keep it offline) and {public}")
            return 0
        folder = _make(args)
    except ReleaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    manifest = ReleaseManifest.from_bytes((folder / MANIFEST_NAME).read_bytes())
    print(
        f"release {manifest.version} {manifest.platform}: {len(manifest.files)} files, "
        f"{manifest.total_size} bytes, updates from {manifest.min_from_version} -> {folder}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
