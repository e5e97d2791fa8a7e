"""Releases of the laptop application on the city's server: publish, list, withdraw, offer.

The maintainers sign a release offline (installer/make_release.py); the city's IT
office publishes the folder here (``danvan-server releases publish FOLDER``). The
server checks the signature with the same code and keys as a laptop
(``danvan_desktop.updates``): the keys built into the app, the keys introduced by the
releases it already holds, and ``--trust-key`` files (for tests and a key not yet
built in). It stores only what verifies, so it cannot forge a release: it hands out
the signed bytes untouched and every laptop checks them again.

Files are kept content-addressed (``<attachments>/releases/<ab>/<sha256>``), so a file
that did not change between releases is stored once. A withdrawn release is never
offered again, and its files are no longer served; a laptop already running it is
offered the next newer release that accepts its version (``latest``).

    danvan-server releases publish FOLDER [--trust-key PUBFILE]...
    danvan-server releases list [--json]
    danvan-server releases withdraw VERSION [--platform P]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Index,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.private_files import private_dir
from danvan_desktop.core.release import (
    FILES_DIR,
    MANIFEST_NAME,
    PLATFORMS,
    SIGNATURE_NAME,
    ReleaseManifest,
    SigningKey,
    parse_version,
    version_key,
)
from danvan_desktop.updates.keys import built_in_keys, parse_keys, trusted_keys
from danvan_desktop.updates.manifest import ReleaseRefused, verify_signature
from danvan_server.db import metadata, reading, writing
from danvan_server.records import utc_now

COMMANDS = ("releases",)
FOLDER_NAME = "releases"  # under the attachments folder chosen at init
BLOCK = 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
JSON_KEYS = (
    *("version", "platform", "min_from_version", "key_id", "files", "bytes"),
    *("published_at", "withdrawn_at"),
)


class PublishError(DanvanError):
    """A release command that cannot be done as asked (English: the IT officer reads it)."""


# Schema 5: each published release, its signed manifest kept byte for byte.
releases = Table(
    "releases",
    metadata,
    Column("version", String(32), primary_key=True),
    Column("platform", String(32), primary_key=True),
    Column("min_from_version", String(32), nullable=False),
    Column("key_id", String(64), nullable=False),
    Column("manifest", Text, nullable=False),  # manifest.json (UTF-8 text)
    Column("signature", Text, nullable=False),  # manifest.sig
    Column("file_count", Integer, nullable=False),
    Column("total_bytes", BigInteger, nullable=False),
    Column("published_at", String(40), nullable=False),
    Column("withdrawn_at", String(40), nullable=True),
)

# Schema 5: which stored files each release lists (a download names one of them).
release_files = Table(
    "release_files",
    metadata,
    Column("version", String(32), primary_key=True),
    Column("platform", String(32), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Index("ix_release_files_sha", "sha256"),
)


def store_folder(attachments: Path) -> Path:
    """Where release files live, under the server's attachments folder."""
    return attachments / FOLDER_NAME


def stored_path(attachments: Path, sha: str) -> Path:
    """The content-addressed path of one release file."""
    return store_folder(attachments) / sha[:2] / sha


# -- publishing ----------------------------------------------------------------------


def _introduced(engine: Engine) -> list[SigningKey]:
    """The keys introduced by the releases already published (each verified then)."""
    with reading(engine) as connection:
        texts = connection.execute(select(releases.c.manifest)).scalars().all()
    found: list[SigningKey] = []
    for text in texts:
        found.extend(ReleaseManifest.from_bytes(text.encode("utf-8")).introduces_keys)
    return found


def server_trusted_keys(engine: Engine, extra: Iterable[Path] = ()) -> dict[str, bytes]:
    """The built-in keys, ``extra`` key files, and keys published releases introduced."""
    base = dict(built_in_keys())
    for path in extra:
        try:
            base.update(_key_file(path))
        except ValueError as exc:
            raise PublishError(str(exc)) from None
    return trusted_keys(_introduced(engine), base)


def _key_file(path: Path) -> dict[str, bytes]:
    """A key list (``{"keys": [...]}``) or one ``keygen`` .pub file (``{"key_id", ...}``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read the key file {path}: {exc}") from None
    if isinstance(data, dict) and "keys" not in data:
        data = {"keys": [data]}
    try:
        return parse_keys(data)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


def _read(folder: Path, name: str) -> bytes:
    path = folder / name
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise PublishError(f"{path} is too large for a release's {name}")
        return path.read_bytes()
    except OSError as exc:
        raise PublishError(f"{folder} is not a release folder: {exc.strerror}: {path}") from None


def _store_file(source: Path, target: Path, sha: str, size: int) -> None:
    """Copy ``source`` into the store as ``target`` when its bytes are ``sha``/``size``."""
    private_dir(target.parent)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{sha[:8]}-")
    digest, copied = hashlib.sha256(), 0
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as reader:
            for block in iter(lambda: reader.read(BLOCK), b""):
                digest.update(block)
                copied += len(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha or copied != size:
            raise PublishError(
                f"{source} does not match the signed manifest (SHA-256 or size): the release "
                "folder is damaged or incomplete; copy it again"
            )
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def publish(
    engine: Engine, attachments: Path, folder: Path, trust: Iterable[Path] = ()
) -> tuple[ReleaseManifest, bool]:
    """Verify the release in ``folder`` and store it; (its manifest, False when that same
    release was already published). Nothing is listed unless every file verified."""
    raw = _read(folder, MANIFEST_NAME)
    signature = _read(folder, SIGNATURE_NAME)
    try:
        manifest = verify_signature(raw, signature, server_trusted_keys(engine, trust))
    except ReleaseRefused as exc:
        raise PublishError(f"not published: {exc.log_line}") from None
    key = (manifest.version, manifest.platform)
    with reading(engine) as connection:
        row = connection.execute(
            select(releases.c.manifest, releases.c.withdrawn_at).where(
                releases.c.version == key[0], releases.c.platform == key[1]
            )
        ).first()
    if row is not None:
        if row.withdrawn_at is not None:
            raise PublishError(
                f"release {key[0]} {key[1]} was withdrawn: publish a newer version instead"
            )
        if row.manifest.encode("utf-8") != raw:
            raise PublishError(
                f"release {key[0]} {key[1]} is already published with another manifest: "
                "a version is published once; make a newer one"
            )
        return manifest, False
    sizes: dict[str, int] = {}
    for listed in manifest.files:
        if listed.link_to is not None:
            continue
        sizes[listed.sha256] = listed.size
        target = stored_path(attachments, listed.sha256)
        if target.exists():
            continue
        source = folder / FILES_DIR / listed.path
        if not source.is_file():
            raise PublishError(f"{source} is missing: the release folder is incomplete")
        _store_file(source, target, listed.sha256, listed.size)
    key_id = json.loads(signature.decode("utf-8"))["key_id"]
    with writing(engine, sequenced=False) as connection:
        connection.execute(
            insert(releases).values(
                version=manifest.version,
                platform=manifest.platform,
                min_from_version=manifest.min_from_version,
                key_id=key_id,
                manifest=raw.decode("utf-8"),
                signature=signature.decode("utf-8"),
                file_count=len(manifest.files),
                total_bytes=manifest.total_size,
                published_at=utc_now(),
                withdrawn_at=None,
            )
        )
        connection.execute(
            insert(release_files),
            [
                {"version": key[0], "platform": key[1], "sha256": sha, "size": size}
                for sha, size in sizes.items()
            ],
        )
    return manifest, True


# -- listing, withdrawing, offering ----------------------------------------------------


def list_releases(engine: Engine) -> list[dict[str, Any]]:
    """Every published release, newest first per platform."""
    with reading(engine) as connection:
        rows = connection.execute(select(releases)).all()
    listed = [
        {
            "version": r.version,
            "platform": r.platform,
            "min_from_version": r.min_from_version,
            "key_id": r.key_id,
            "files": r.file_count,
            "bytes": r.total_bytes,
            "published_at": r.published_at,
            "withdrawn_at": r.withdrawn_at,
        }
        for r in rows
    ]
    listed.sort(key=lambda r: version_key(r["version"]), reverse=True)
    return sorted(listed, key=lambda r: str(r["platform"]))


def withdraw(engine: Engine, version: str, platform: str | None = None) -> list[str]:
    """Withdraw a release (every platform of it unless ``platform``); the platforms done."""
    where = [releases.c.version == version, releases.c.withdrawn_at.is_(None)]
    if platform is not None:
        where.append(releases.c.platform == platform)
    with writing(engine, sequenced=False) as connection:
        found = connection.execute(select(releases.c.platform).where(*where)).scalars().all()
        if not found:
            shown = f"{version} {platform}" if platform else version
            raise PublishError(f"no published release {shown} to withdraw (see releases list)")
        connection.execute(update(releases).where(*where).values(withdrawn_at=utc_now()))
    return sorted(found)


def latest(engine: Engine, platform: str, from_version: str) -> tuple[str, str] | None:
    """(manifest text, signature text) of the newest release for ``platform`` that is not
    withdrawn, is newer than ``from_version`` and updates from it; None when none is."""
    installed = version_key(from_version)
    with reading(engine) as connection:
        rows = connection.execute(
            select(
                releases.c.version,
                releases.c.min_from_version,
                releases.c.manifest,
                releases.c.signature,
            ).where(releases.c.platform == platform, releases.c.withdrawn_at.is_(None))
        ).all()
    offers = [
        r
        for r in rows
        if version_key(r.version) > installed and version_key(r.min_from_version) <= installed
    ]
    if not offers:
        return None
    best = max(offers, key=lambda r: version_key(r.version))
    return best.manifest, best.signature


def file_size(engine: Engine, version: str, platform: str, sha: str) -> int | None:
    """The size of a file a live (not withdrawn) release lists; None otherwise."""
    with reading(engine) as connection:
        row = connection.execute(
            select(release_files.c.size)
            .join_from(
                release_files,
                releases,
                (releases.c.version == release_files.c.version)
                & (releases.c.platform == release_files.c.platform),
            )
            .where(
                release_files.c.version == version,
                release_files.c.platform == platform,
                release_files.c.sha256 == sha,
                releases.c.withdrawn_at.is_(None),
            )
        ).first()
    return None if row is None else int(row[0])


def is_release_version(text: str) -> bool:
    """True when ``text`` is a version a release may carry."""
    try:
        parse_version(text)
    except ValueError:
        return False
    return True


# -- the command ---------------------------------------------------------------------


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``releases publish|list|withdraw`` to ``danvan-server``."""
    group = commands.add_parser("releases", help="publish, list or withdraw app releases")
    actions = group.add_subparsers(dest="releases_command", required=True)
    publishing = actions.add_parser("publish", help="verify a signed release folder, store it")
    publishing.add_argument("folder", type=Path, help="a folder make_release.py wrote")
    publishing.add_argument(
        "--trust-key",
        type=Path,
        action="append",
        default=[],
        metavar="PUBFILE",
        help="also trust this public key file (make_release.py keygen's .pub; repeatable)",
    )
    listing = actions.add_parser("list", help="the published releases")
    listing.add_argument(
        "--json", action="store_true", help="print JSON with the keys: " + ", ".join(JSON_KEYS)
    )
    withdrawing = actions.add_parser("withdraw", help="stop offering a release")
    withdrawing.add_argument("version")
    withdrawing.add_argument("--platform", choices=PLATFORMS)


def run(args: argparse.Namespace, engine: Engine, attachments: Path) -> int:
    """Run one ``releases`` command (``attachments``: the folder chosen at init)."""
    if args.releases_command == "publish":
        manifest, new = publish(engine, attachments, args.folder, args.trust_key)
        what = "published" if new else "already published:"
        print(
            f"{what} release {manifest.version} {manifest.platform} "
            f"({len(manifest.files)} files, {manifest.total_size} bytes, "
            f"updates from {manifest.min_from_version})"
        )
    elif args.releases_command == "list":
        listed = list_releases(engine)
        if args.json:
            print(json.dumps(listed, ensure_ascii=False, indent=2))
            return 0
        for r in listed:
            state = f"withdrawn {r['withdrawn_at']}" if r["withdrawn_at"] else "offered"
            print(
                f"{r['version']}  {r['platform']}  from {r['min_from_version']}  "
                f"{r['files']} files  {r['bytes']} bytes  key {r['key_id']}  "
                f"published {r['published_at']}  {state}"
            )
    elif args.releases_command == "withdraw":
        for platform in withdraw(engine, args.version, args.platform):
            print(f"withdrew release {args.version} {platform}")
    return 0
