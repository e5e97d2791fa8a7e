"""``danvan bundle``: USB sync bundles from the command line.

    danvan bundle write (--to DIR | --volume N) [--passphrase-file F]
    danvan bundle import FILE [--passphrase-file F]

``write`` puts every change the province has not acknowledged into one signed
bundle on the stick; ``import`` applies the reply bundle the province made.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.session import Session

PASSPHRASE_ENV = "DANVAN_BUNDLE_PASSPHRASE"
Target = Callable[[Session, argparse.Namespace], Path]


def add_commands(sub: Any, target: Target) -> None:
    """Add ``bundle write`` and ``bundle import``; ``target`` picks the stick or folder."""
    bundle = sub.add_parser("bundle", help=tr("cli", "gói đồng bộ qua USB khi không có mạng"))
    verbs = bundle.add_subparsers(dest="bundle_command", required=True)
    p = verbs.add_parser("write", help=tr("cli", "ghi gói các thay đổi chưa gửi ra USB"))
    where = p.add_mutually_exclusive_group()
    where.add_argument("--to", type=Path, help=tr("cli", "thư mục lưu tệp"))
    where.add_argument("--volume", type=int, help=tr("cli", "số thứ tự USB trong «danvan volumes»"))
    p.add_argument("--passphrase-file", type=Path, help=tr("cli", "tệp chứa mật khẩu của gói"))
    p.set_defaults(handler=lambda session, args: _write(session, args, target))
    p = verbs.add_parser("import", help=tr("cli", "nhập gói trả lời của máy chủ của thành phố"))
    p.add_argument("file", type=Path)
    p.add_argument("--passphrase-file", type=Path, help=tr("cli", "tệp chứa mật khẩu của gói"))
    p.set_defaults(handler=_import)


def _write(session: Session, args: argparse.Namespace, target: Target) -> None:
    written = session.write_sync_bundle(target(session, args), passphrase=_passphrase(args))
    print(
        tr(
            "cli",
            "Đã ghi gói {path}: {operations} thay đổi, {files} tệp đính kèm.",
            path=written.path,
            operations=written.operations,
            files=written.files,
        )
    )
    if written.safe_to_remove:
        print(tr("cli", "An toàn để rút USB."))


def _import(session: Session, args: argparse.Namespace) -> None:
    applied = session.import_sync_reply(args.file, passphrase=_passphrase(args))
    print(
        tr(
            "cli",
            "Đã nhập gói trả lời: máy chủ xác nhận {settled} thay đổi, từ chối {rejected}; "
            "nhận {changes} bản ghi mới.",
            settled=applied.settled,
            rejected=applied.rejected,
            changes=applied.changes,
        )
    )
    for note in (applied.joined_note(), applied.deferred_note()):
        if note:
            print(note)


def _passphrase(args: argparse.Namespace) -> str | None:
    if args.passphrase_file is None:
        return os.environ.get(PASSPHRASE_ENV) or None
    try:
        return args.passphrase_file.read_text(encoding="utf-8").strip("\r\n") or None
    except OSError as exc:
        raise DanvanError(
            tr(
                "cli",
                "Không đọc được tệp mật khẩu {path}: {reason}",
                path=args.passphrase_file,
                reason=exc.strerror or exc,
            )
        ) from exc
