"""``danvan enroll``, ``danvan sync`` and ``danvan conflicts``: the laptop and the city's server.

    danvan enroll --server URL [--ca FILE] [--name N] CODE
    danvan sync [--until-done]
    danvan conflicts

``sync --until-done`` retries until everything is sent (Ctrl+C stops it cleanly, the
changes kept); its exit codes are in its help.
"""

from __future__ import annotations

import argparse
import math
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from danvan_desktop.core.errors import OperationCancelled
from danvan_desktop.core.i18n import tr
from danvan_desktop.session import Session
from danvan_desktop.session.sync import clock_note

# Exit codes (the others are cli.py's): 2 refused or not all sent; 130 stopped by Ctrl+C.
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130  # the shell's code for a command ended by Ctrl+C


def cmd_enroll(session: Session, args: argparse.Namespace) -> None:
    answer = session.enroll_device(
        server_url=args.server, code=args.code, device_name=args.name, ca_bundle=args.ca
    )
    print(tr("cli", "Đã đăng ký máy với máy chủ; vai trò: {role}.", role=answer.get("role")))


def cmd_sync(session: Session, args: argparse.Namespace) -> int:
    if args.until_done:
        cancel = _cancel_on_ctrl_c()
        try:
            report = session.sync_until_done(
                deadline_s=math.inf, cancel=cancel, progress=_announce_waits(session)
            )
        except OperationCancelled:
            left = session.sync_state().pending
            print(tr("cli", "Đã dừng đồng bộ; {count} thay đổi còn chờ gửi.", count=left))
            return EXIT_INTERRUPTED
        left = session.sync_state().pending
        if left:  # a round could send nothing more (a refusal): say so, do not spin
            print(tr("cli", "Còn {count} thay đổi chưa gửi được.", count=left), file=sys.stderr)
    else:
        report = session.sync_now()
    print(
        tr(
            "cli",
            "Đồng bộ xong: gửi {pushed}, máy chủ đã có sẵn {duplicates}, nhận {pulled}, xung "
            "đột {conflicts}, bị từ chối {rejected}; {sent} byte đi, {received} byte về.",
            pushed=report.pushed,
            duplicates=report.duplicates,
            pulled=report.pulled,
            conflicts=report.conflicts,
            rejected=report.rejected,
            sent=report.bytes_sent,
            received=report.bytes_received,
        )
    )
    joined = report.joined_note()  # this laptop's own new team joined the unit's
    if joined:
        print(joined)
    note = clock_note(report.clock_skew_s)
    if note:
        print(note, file=sys.stderr)
    if report.server_restored:
        print(
            tr(
                "cli",
                "Máy chủ đã được khôi phục từ bản sao lưu cũ: đã gửi lại {count} hồ sơ.",
                count=report.resent_after_restore,
            ),
            file=sys.stderr,
        )
    return EXIT_USER_ERROR if args.until_done and session.sync_state().pending else 0


def _cancel_on_ctrl_c() -> threading.Event:
    """An event that the first Ctrl+C sets; a second one interrupts the hard way."""
    cancel = threading.Event()

    def handler(_signum: int, _frame: object) -> None:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        # From a thread of its own: Event.set takes a lock the interrupted thread may hold.
        threading.Thread(target=cancel.set).start()

    signal.signal(signal.SIGINT, handler)
    return cancel


def _announce_waits(session: Session) -> Callable[[str, int, int], None]:
    """A progress callback that says on stderr why a round failed and when the next one is."""

    def progress(stage: str, seconds: int, _failures: int) -> None:
        if stage != "wait":
            return
        last = session.sync_log(limit=1)  # the failed round, logged before the wait
        error = (last[0]["error"] if last else None) or ""
        print(
            tr(
                "cli",
                "{error} Thử lại sau {seconds} giây (Ctrl+C để dừng).",
                error=error,
                seconds=max(1, seconds),
            ),
            file=sys.stderr,
            flush=True,
        )

    return progress


def cmd_conflicts(session: Session, args: argparse.Namespace) -> None:
    for row in session.conflicts():
        print(
            f"{row['id']}\t{row['entity']}\t{row['record_id']}\t{row['field']}\t"
            f"{row['kept_value']}\t{row['lost_value']}"
        )


def add_commands(sub: Any) -> None:
    """Add ``enroll``, ``sync`` and ``conflicts``."""
    p = sub.add_parser("enroll", help=tr("cli", "đăng ký máy với máy chủ của thành phố"))
    p.add_argument("--server", required=True)
    p.add_argument("--ca", default=None)
    p.add_argument("--name", default=None)
    p.add_argument("code")
    p.set_defaults(handler=cmd_enroll)
    p = sub.add_parser(
        "sync",
        help=tr("cli", "đồng bộ với máy chủ của thành phố"),
        description=tr(
            "cli",
            "Mã thoát: 0 đã gửi hết và nhận đủ; 2 còn thay đổi chưa gửi được (máy chủ từ "
            "chối), chưa đăng ký hoặc địa chỉ sai; 3 lỗi không mong đợi; 130 đã dừng bằng "
            "Ctrl+C (thay đổi còn chờ được giữ lại).",
        ),
    )
    p.add_argument(
        "--until-done",
        action="store_true",
        help=tr("cli", "thử lại cho tới khi gửi hết và nhận đủ (Ctrl+C để dừng)"),
    )
    p.set_defaults(handler=cmd_sync)
    p = sub.add_parser("conflicts", help=tr("cli", "các xung đột chưa giải quyết"))
    p.set_defaults(handler=cmd_conflicts)
