"""``danvan upgrade status|install|from-stick``: updates from a terminal (issue 20).

What the Cài đặt page's «Cập nhật» box does, for a laptop run headless or scripted:
``status`` says which release is staged and verified (by sync or from a stick) with its
notes; ``install`` asks the switcher to install it at the next start of either program
(the store is backed up and the new version checks a copy first: updates/switch.py);
``from-stick [FOLDER]`` verifies and stages a release folder from a USB stick (without
FOLDER, the newest on the mounted sticks).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from danvan_desktop.core import build_info
from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.release import STICK_RELEASES_DIR
from danvan_desktop.session import Session

# ``status --json`` keys: stable, scripts may rely on them.
STATUS_KEYS = ("installed", "pending", "pending_notes")


def add_commands(sub: Any) -> None:
    """Add ``upgrade`` and its subcommands (``update`` edits a record) to the commands."""
    p = sub.add_parser("upgrade", help=tr("cli", "bản cập nhật của phần mềm"))
    verbs = p.add_subparsers(dest="upgrade_command", required=True)
    q = verbs.add_parser("status", help=tr("cli", "bản đang chạy và bản cập nhật đã sẵn sàng"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=run_status)
    q = verbs.add_parser("install", help=tr("cli", "cài bản cập nhật ở lần mở sau"))
    q.set_defaults(handler=run_install)
    q = verbs.add_parser("from-stick", help=tr("cli", "lấy bản cập nhật từ USB"))
    q.add_argument("folder", nargs="?", help=tr("cli", "thư mục bản cập nhật trên USB"))
    q.set_defaults(handler=run_from_stick)


def run_status(session: Session, args: argparse.Namespace) -> None:
    pending = session.pending_release()
    installation = session.release_installation()  # None when run from source
    figures = {
        "installed": installation.version if installation else build_info.current().version,
        "pending": pending.version if pending else None,
        "pending_notes": pending.notes if pending else None,
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return
    print(tr("cli", "Bản đang chạy: {version}", version=figures["installed"]))
    if pending is None:
        print(tr("cli", "Chưa có bản cập nhật nào sẵn sàng để cài."))
        return
    print(tr("cli", "Bản cập nhật sẵn sàng: {version}", version=pending.version))
    if pending.notes:
        print(pending.notes)


def run_install(session: Session, args: argparse.Namespace) -> None:
    release = session.install_release(now=False)
    print(
        tr(
            "cli",
            "Bản {version} sẽ được cài ở lần mở phần mềm sau (dữ liệu được sao lưu trước).",
            version=release.version,
        )
    )


def run_from_stick(session: Session, args: argparse.Namespace) -> None:
    if args.folder:
        folder = Path(args.folder)
    else:
        found = session.stick_releases()
        if not found:
            raise DanvanError(
                tr(
                    "cli",
                    "Không thấy bản cập nhật nào trên USB (thư mục {folder}).",
                    folder=STICK_RELEASES_DIR,
                )
            )
        folder = found[0].folder
    release = session.import_release_from_stick(folder)
    print(
        tr(
            "cli",
            "Đã kiểm tra và chuẩn bị bản {version}; cài bằng «danvan upgrade install».",
            version=release.version,
        )
    )
