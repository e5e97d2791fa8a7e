"""``danvan``: headless commands over the same Session the GUI uses.

Every command takes ``--data-dir`` (or ``DANVAN_DATA_DIR``; default: the
platform's user data folder). Errors are one clear line on stderr and a non-zero
exit, never a traceback: the traceback of an unexpected error goes to
``<data-dir>/logs/cli-errors.log``. The commands on records are ``cli_records.py``; the
others' groups each have a ``cli_*`` module of their own.

Exit codes: 0 done; 1 ``check`` found problems (one line, then the advice); 2 the
command was refused (bad input, a read-only data folder, a full disk, a damaged
store); 3 an unexpected error. A store a check found damaged is refused by every
command that writes (``READ_ONLY_COMMANDS`` still run) until ``check`` passes again
or ``restore`` replaces it.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs

from danvan_desktop.cli_bundle import add_commands as add_bundle_commands
from danvan_desktop.cli_export import add_commands as add_export_commands
from danvan_desktop.cli_export import export_target
from danvan_desktop.cli_import import add_commands as add_import_commands
from danvan_desktop.cli_network import add_commands as add_network_commands
from danvan_desktop.cli_records import add_commands as add_record_commands
from danvan_desktop.cli_report_texts import add_commands as add_report_text_commands
from danvan_desktop.cli_status import add_commands as add_status_commands
from danvan_desktop.cli_sync import EXIT_USER_ERROR, cmd_sync
from danvan_desktop.cli_sync import add_commands as add_sync_commands
from danvan_desktop.cli_upgrade import add_commands as add_upgrade_commands
from danvan_desktop.core.build_info import add_version_argument
from danvan_desktop.core.errors import (
    DanvanError,
    FieldProblem,
    StoreError,
    ValidationError,
)
from danvan_desktop.core.i18n import set_language, tr
from danvan_desktop.core.private_files import open_private, private_dir
from danvan_desktop.core.vocab import team_name_for
from danvan_desktop.selftest import SelfTestAction, SelfTestStoreAction
from danvan_desktop.session import Session
from danvan_desktop.session.data_folder import holds_store, restore_backup
from danvan_desktop.session.places import HUE_PROVINCE_CODE, communes_of

EXIT_UNEXPECTED = 3
EXIT_CHECK_FAILED = 1
# What still runs on a store a check found damaged: they only read it.
READ_ONLY_COMMANDS = frozenset({"check", "list", "show", "search", "outbox", "conflicts", "status"})
APP_DIR_NAME = "danvan-desktop"


def default_data_dir() -> Path:
    """``DANVAN_DATA_DIR`` or the platform's per-user data folder."""
    env = os.environ.get("DANVAN_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def cmd_init(session: Session, args: argparse.Namespace) -> int | None:
    if args.from_server:
        return _init_from_server(session, args)
    missing = [flag for flag in ("commune", "village", "leader") if getattr(args, flag) is None]
    if missing:
        problem = tr(
            "cli",
            "Tổ mới cần --commune, --village và --leader (thiếu: {missing}); máy thay thế "
            "hoặc máy của cấp xã, thành phố dùng --replacement ĐỊA_CHỈ --code MÃ.",
            missing=", ".join(f"--{flag}" for flag in missing),
        )
        raise ValidationError([FieldProblem(missing[0], problem)])
    result = session.initialise_team(
        province_code=args.province,
        commune_code=args.commune,
        village_name=args.village,
        village_kind=args.village_kind,
        team_name=args.team or team_name_for(args.village),
        leader_name=args.leader,
        leader_phone=args.phone,
    )
    print(tr("cli", "Đã khởi tạo tổ dân vận, mã {id}.", id=result.record_id))
    return None


def _init_from_server(session: Session, args: argparse.Namespace) -> int:
    """A replacement team laptop or a reviewer's: enroll, then pull; nothing made here."""
    if not args.code:
        problem = tr("cli", "Hãy nhập mã đăng ký do cán bộ quản trị cấp: --code MÃ.")
        raise ValidationError([FieldProblem("code", problem)])
    answer = session.set_up_from_server(
        server_url=args.from_server, code=args.code, device_name=args.name, ca_bundle=args.ca
    )
    print(tr("cli", "Đã đăng ký máy với máy chủ; vai trò: {role}.", role=answer.get("role")))
    args.until_done = False
    return cmd_sync(session, args)


def cmd_check(session: Session, args: argparse.Namespace) -> int:
    full = args.full or session.store.unclean_shutdown
    if full and not args.full:
        print(tr("cli", "Lần trước ứng dụng không đóng bình thường: kiểm tra toàn bộ dữ liệu."))
    report = session.check(full=full)
    if report.ok:
        print(
            tr(
                "cli",
                "Dữ liệu tốt ({kind}).",
                kind="integrity_check" if full else "quick_check",
            )
        )
        return 0
    first, *others = report.problems
    if others:
        first = tr("cli", "{problem} (và {count} lỗi khác)", problem=first, count=len(others))
    print(first, file=sys.stderr)
    print(report.advice, file=sys.stderr)
    return EXIT_CHECK_FAILED


def cmd_demo(session: Session, args: argparse.Namespace) -> None:
    if not session.is_initialised:
        session.initialise_team(
            province_code=HUE_PROVINCE_CODE,
            commune_code=19768,
            village_name="Tổ dân phố 5",
            village_kind="to_dan_pho",
            team_name=team_name_for("Tổ dân phố 5"),
            leader_name="Nguyễn Văn An",
        )

    def progress(what: str, done: int, total: int) -> None:
        print(f"\r{what}: {done}/{total}", end="", file=sys.stderr, flush=True)

    session.fill_demo(size=args.size, progress=progress)
    print(tr("cli", "Đã tạo dữ liệu mẫu ({size}).", size=args.size))


def cmd_backup(session: Session, args: argparse.Namespace) -> None:
    path = session.auto_backup() if args.auto else session.make_backup(args.to)
    if path is None:
        print(tr("cli", "Chưa đến hạn sao lưu tự động."))
    else:
        print(tr("cli", "Đã sao lưu vào {path}.", path=path))


def cmd_restore(args: argparse.Namespace) -> None:
    data_dir: Path = args.data_dir or default_data_dir()
    had_data = holds_store(data_dir)
    safety = restore_backup(args.file, data_dir)
    session = Session.open(data_dir)
    try:
        report = session.check(full=True)
    finally:
        session.close()
    if had_data:
        print(
            tr(
                "cli",
                "Đã khôi phục từ {file}; dữ liệu cũ được giữ ở {safety}.",
                file=args.file,
                safety=safety,
            )
        )
    else:
        print(tr("cli", "Đã khôi phục từ {file}.", file=args.file))
    if not report.ok:
        raise StoreError(report.advice)


def cmd_communes(args: argparse.Namespace) -> None:
    for place in communes_of(args.province):
        print(f"{place.code}\t{place.name}")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser of every ``danvan`` command (``argv``: for the data folder
    whose model fields ``add model --help`` lists)."""
    parser = argparse.ArgumentParser(
        prog="danvan", description=tr("cli", "Dân vận khéo: các lệnh không cần giao diện.")
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=tr("cli", "thư mục dữ liệu (mặc định: DANVAN_DATA_DIR)"),
    )
    parser.add_argument("--lang", choices=("vi", "en"), default=os.environ.get("DANVAN_LANG", "vi"))
    add_version_argument(parser)
    parser.add_argument("--self-test", action=SelfTestAction)
    parser.add_argument("--self-test-store", action=SelfTestStoreAction)  # updates/switch.py
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help=tr("cli", "khởi tạo dữ liệu cho một tổ dân vận"))
    p.add_argument("--province", type=int, default=HUE_PROVINCE_CODE)
    p.add_argument("--commune", type=int)  # a new team: --commune, --village, --leader
    p.add_argument("--village")
    p.add_argument("--village-kind", default="thon", choices=("thon", "ban", "to_dan_pho"))
    p.add_argument("--team")  # default: the name the first-run wizard suggests
    p.add_argument("--leader")
    p.add_argument("--phone")
    p.add_argument(
        "--replacement",
        "--reviewer",
        dest="from_server",
        metavar=tr("cli", "ĐỊA_CHỈ"),
        help=tr(
            "cli",
            "máy thay thế của một tổ đã có trên máy chủ, hoặc máy của cấp xã, thành phố: "
            "đăng ký với máy chủ này (cùng --code) rồi nhận dữ liệu, không tạo gì mới",
        ),
    )
    p.add_argument("--code", help=tr("cli", "mã đăng ký do cán bộ quản trị cấp"))
    p.add_argument("--ca", default=None)
    p.add_argument("--name", default=None)
    p.set_defaults(handler=cmd_init, create=True)

    p = sub.add_parser("check", help=tr("cli", "kiểm tra dữ liệu"))
    p.add_argument("--full", action="store_true")
    p.set_defaults(handler=cmd_check)

    add_record_commands(sub, argv, default_data_dir)
    p = sub.add_parser("demo", help=tr("cli", "tạo dữ liệu mẫu của Huế"))
    p.add_argument("--size", choices=("small", "large"), default="small")
    p.set_defaults(handler=cmd_demo, create=True)
    p = sub.add_parser("backup", help=tr("cli", "sao lưu dữ liệu và tệp đính kèm"))
    p.add_argument("--to", type=Path, default=None)
    p.add_argument("--auto", action="store_true")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help=tr("cli", "khôi phục từ một bản sao lưu"))
    p.add_argument("file", type=Path)
    p.set_defaults(handler=None, standalone=cmd_restore)
    add_sync_commands(sub)
    p = sub.add_parser("communes")
    p.add_argument("--province", type=int, default=HUE_PROVINCE_CODE)
    p.set_defaults(handler=None, standalone=cmd_communes)
    add_export_commands(sub)
    add_bundle_commands(sub, export_target)
    add_import_commands(sub)
    add_network_commands(sub)
    add_status_commands(sub)
    add_report_text_commands(sub)
    add_upgrade_commands(sub)
    return parser


def _log_unexpected(data_dir: Path) -> Path | None:
    """Append the traceback to ``logs/cli-errors.log``: 0600 in 0700 folders, made here
    when no store has yet made the data folder private."""
    try:
        path = private_dir(data_dir / "logs") / "cli-errors.log"
        with open_private(path, "ab") as fh:
            fh.write((traceback.format_exc() + "\n").encode("utf-8", "backslashreplace"))
        return path
    except OSError:
        return None


def _run_guarded(session: Session, args: argparse.Namespace) -> int | None:
    """Run the command's handler; a command that writes is refused on a store a check
    found damaged, and a full disk, a read-only folder or damage met on the way is
    told as such (StoreError), not as an unexpected error."""
    refusal = session.store.damage_refusal()
    if refusal is not None and args.command not in READ_ONLY_COMMANDS:
        raise refusal
    try:
        code: int | None = args.handler(session, args)
    except Exception as exc:
        explained = session.store.explain_failure(exc)
        if explained is not None:
            raise explained from exc
        raise
    return code


def _switch_release(data_dir: Path) -> None:
    """Install a release the leader agreed to (restarting into it); say once on stderr
    how the last one went. Only a stat when nothing waits."""
    from danvan_desktop.session import release_switch

    if release_switch.switch_waiting(data_dir):
        release_switch.install_waiting_release(data_dir, sys.argv)
    try:
        message = release_switch.untold_switch_message(data_dir)
    except OSError:
        return
    if message is not None:
        print(message, file=sys.stderr)


def run(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = build_parser(argv).parse_args(argv)
    set_language(args.lang)
    data_dir: Path = args.data_dir or default_data_dir()
    _switch_release(data_dir)  # before the store opens (issue 20)
    standalone: Callable[[argparse.Namespace], None] | None = getattr(args, "standalone", None)
    try:
        if standalone is not None:
            standalone(args)
            return 0
        session = Session.open(data_dir, create=getattr(args, "create", False))
        try:
            code = _run_guarded(session, args)
        finally:
            session.close()
        return int(code or 0)
    except ValidationError as exc:
        message = exc.message or tr("cli", "Mỗi mục phải viết dạng TÊN=GIÁ_TRỊ, ví dụ name=Thôn 1.")
        print(tr("cli", "Lỗi: {message}", message=message), file=sys.stderr)
        return EXIT_USER_ERROR
    except DanvanError as exc:
        print(tr("cli", "Lỗi: {message}", message=exc.message), file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # The reader of our output went away (``danvan list model | head``): not an error.
        # Point stdout at devnull so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        log = _log_unexpected(data_dir)
        print(
            tr(
                "cli",
                "Lỗi không mong đợi: {error}. Chi tiết đã ghi vào {log}.",
                error=f"{type(exc).__name__}: {exc}",
                log=log or "-",
            ),
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED


def main() -> None:
    """Entry point of the ``danvan`` command."""
    sys.exit(run())


if __name__ == "__main__":
    main()
