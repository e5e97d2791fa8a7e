"""``danvan-server import-bundle`` and ``export-bundle``: USB bundles at the office.

    danvan-server import-bundle FILE... [--reply-dir DIR] [--passphrase-file F]
    danvan-server export-bundle --device DEVICE_ID --out DIR [--bundle ID] [--since SEQ]

Importing checks each bundle whole and applies it (``bundles.py``); a refused bundle
is reported as ``refused <file>: <reason>`` and the others still go in, whatever went
wrong with it (an unexpected error also writes its traceback to the log, stderr).
``--reply-dir`` (often the same stick) receives, for each device, a signed reply
bundle answering the bundles of that device just imported, with the changes its
laptop has not seen. The passphrase of encrypted bundles comes from a file,
``DANVAN_BUNDLE_PASSPHRASE``, or a prompt (``--ask-passphrase``); replies are
encrypted with it too.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
from pathlib import Path

from sqlalchemy import Engine

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import set_language
from danvan_desktop.usb import write_file
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.settings import Settings

COMMANDS = ("import-bundle", "export-bundle")
PASSPHRASE_ENV = "DANVAN_BUNDLE_PASSPHRASE"
log = logging.getLogger(__name__)


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the two bundle commands to ``danvan-server``."""
    importing = commands.add_parser("import-bundle", help="import USB bundles from laptops")
    importing.add_argument("files", nargs="+", type=Path)
    importing.add_argument("--reply-dir", type=Path, help="write each device's reply here")
    _common(importing)
    exporting = commands.add_parser("export-bundle", help="write a reply bundle for a device")
    exporting.add_argument("--device", required=True, help="device id (see `devices`)")
    exporting.add_argument("--out", type=Path, required=True, help="folder or stick")
    exporting.add_argument(
        "--bundle",
        action="append",
        default=[],
        help="id of the imported bundle to answer (repeatable; default: the device's bundle "
        "imported last)",
    )
    exporting.add_argument(
        "--since",
        type=int,
        help="sequence to start from (default: the checkpoint of the bundle answered)",
    )
    _common(exporting)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, help="file holding the passphrase")
    parser.add_argument("--ask-passphrase", action="store_true", help="prompt for it")
    parser.add_argument("--language", choices=("en", "vi"), default="en")


def run(args: argparse.Namespace, engine: Engine) -> int:
    """Run one bundle command; 0 when every bundle went in."""
    set_language(args.language)
    passphrase = _passphrase(args)
    if args.command == "export-bundle":
        reply = bundles.make_reply(
            engine, args.device, bundle_ids=args.bundle, since=args.since, passphrase=passphrase
        )
        written = write_file(args.out, reply.file_name, reply.data)
        print(f"wrote {written.path} ({reply.results} results, {reply.changes} changes)")
        return 0
    settings = Settings()
    files = AttachmentStore(engine, admin.attachments_dir(engine), settings.max_attachment_bytes)
    refused = 0
    imported_by_device: dict[str, list[str]] = {}
    for path in args.files:
        imported = _import_one(engine, files, path, passphrase)
        if imported is None:
            refused += 1
            continue
        imported_by_device.setdefault(imported.device_id, []).append(imported.bundle_id)
    if args.reply_dir is not None:
        for device_id, bundle_ids in imported_by_device.items():  # after all its bundles
            reply = bundles.make_reply(
                engine, device_id, bundle_ids=bundle_ids, passphrase=passphrase
            )
            written = write_file(args.reply_dir, reply.file_name, reply.data)
            print(f"reply {written.path} ({reply.results} results, {reply.changes} changes)")
    return 1 if refused else 0


def _import_one(
    engine: Engine, files: AttachmentStore, path: Path, passphrase: str | None
) -> bundles.Imported | None:
    """Import one bundle and say what it did; None (and a ``refused`` line) when it did
    not go in, whatever the reason: one bad bundle never stops the others."""
    try:
        imported = bundles.import_bundle(engine, files, _read(path), passphrase=passphrase)
    except DanvanError as exc:
        print(f"refused {path}: {exc}")
        return None
    except Exception as exc:  # a fault of ours or of the machine, not of the bundle's making
        log.exception("importing %s failed", path)
        detail = (str(exc).splitlines() or [""])[0]
        print(
            f"refused {path}: unexpected error ({type(exc).__name__}: {detail}); "
            "the traceback is in the log"
        )
        return None
    counts = ", ".join(f"{n} {status}" for status, n in imported.counts.items() if n)
    again = f" (imported before, {imported.seen_before})" if imported.seen_before else ""
    left_out = (
        f", {imported.files_left_out} left out (no record in the device's scope names them)"
        if imported.files_left_out
        else ""
    )
    print(
        f"imported {path.name}: bundle {imported.bundle_id} of device {imported.device_id}"
        f"{again}: {counts or 'no operations'}; {imported.files_stored} files{left_out}"
    )
    return imported


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DanvanError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _passphrase(args: argparse.Namespace) -> str | None:
    if args.passphrase_file is not None:
        try:
            return args.passphrase_file.read_text(encoding="utf-8").strip("\r\n") or None
        except OSError as exc:
            raise admin.AdminError(f"cannot read {args.passphrase_file}: {exc}") from exc
    if args.ask_passphrase:
        return getpass.getpass("bundle passphrase: ") or None
    return os.environ.get(PASSPHRASE_ENV) or None
