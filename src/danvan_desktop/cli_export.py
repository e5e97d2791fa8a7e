"""``danvan export`` and ``danvan volumes``: documents written onto a folder or a stick.

    danvan export KIND --format docx|pdf|xlsx (--to DIR | --volume N) [--issue] …
    danvan export --reissue ID --format …
    danvan export --correct ID --format …
    danvan volumes

A stick chosen by its number is written safely (flushed, then told safe to remove);
an issued document is written again exactly as it was issued; a correction is a new
issue, with the next number, that says which issued document it replaces.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import current_language, tr
from danvan_desktop.core.vndate import short_date
from danvan_desktop.session import Session


def _size_text(size: int) -> str:
    """Bytes as people read them: "7,5 GB"."""
    value, unit = float(size), 0
    units = ("byte", "KB", "MB", "GB", "TB")
    while value >= 1024 and unit < len(units) - 1:
        value, unit = value / 1024, unit + 1
    if unit == 0:
        return f"{size} byte"
    text = f"{value:.1f} {units[unit]}"
    return text.replace(".", ",") if current_language() == "vi" else text


def cmd_volumes(args: argparse.Namespace) -> None:
    volumes = Session.list_removable_volumes()
    if not volumes:
        print(tr("cli", "Không thấy USB nào đang cắm: hãy cắm USB rồi chạy lại lệnh."))
    for index, volume in enumerate(volumes, start=1):
        state = tr("cli", "chỉ đọc") if volume.read_only else tr("cli", "ghi được")
        space = tr(
            "cli",
            "trống {free} / {total}",
            free=_size_text(volume.free_bytes),
            total=_size_text(volume.total_bytes),
        )
        print(f"{index}\t{volume.mount_path}\t{volume.display_name}\t{volume.filesystem}\t"
              f"{space}\t{state}")  # fmt: skip


def export_target(session: Session, args: argparse.Namespace) -> Path:
    if args.volume is not None:
        volumes = Session.list_removable_volumes()
        if not 1 <= args.volume <= len(volumes):
            raise DanvanError(
                tr(
                    "cli",
                    "Không có USB số {number} (đang cắm {count} USB): hãy xem danh sách bằng "
                    "lệnh «danvan volumes».",
                    number=args.volume,
                    count=len(volumes),
                )
            )
        return Path(volumes[args.volume - 1].mount_path)
    if args.to is not None:
        return Path(args.to)
    last = session.setting("last_export_dir")
    if not last:
        raise DanvanError(
            tr(
                "cli",
                "Chưa chọn nơi lưu tệp: hãy thêm --to THƯ_MỤC hoặc --volume SỐ (xem «danvan "
                "volumes»).",
            )
        )
    return Path(last)


_EXPORT_OPTIONS = ("id", "period", "year", "month", "quarter", "commune")


def cmd_export(session: Session, args: argparse.Namespace) -> None:
    options = {name: getattr(args, name) for name in _EXPORT_OPTIONS}
    target = export_target(session, args)
    # A stick chosen by its number is removable; a folder is looked up by the session.
    removable = True if args.volume is not None else None
    if args.correct is not None:
        _refuse_with_reissue(args, options, "--correct")
        written = session.export_report(
            "", args.format, target, file_name=args.name, correct=_issued_id(args.correct),
            removable=removable,
        )  # fmt: skip
    elif args.reissue is not None:
        _refuse_with_reissue(args, options)
        written = session.export_issued(
            _issued_id(args.reissue), args.format, target, file_name=args.name,
            removable=removable,
        )  # fmt: skip
    else:
        if args.kind is None:
            raise DanvanError(
                tr(
                    "cli",
                    "Hãy ghi loại văn bản cần xuất (một trong: {kinds}) hoặc --reissue MÃ để "
                    "xuất lại một văn bản đã cấp.",
                    kinds=", ".join(_kind_names()),
                )
            )
        options["commune_code"] = options.pop("commune")
        written = session.export_report(
            args.kind, args.format, target, file_name=args.name, issue=args.issue,
            removable=removable, preset=args.preset,
            **{name: value for name, value in options.items() if value is not None},
        )  # fmt: skip
    print(tr("cli", "Đã ghi {path} ({size}).", path=written.path, size=_size_text(written.size)))
    if (args.issue or args.correct is not None) and written.issued is not None:
        print(_issued_line(written.issued.reference, written.issued.issued_on, written.issued.id))
    if written.safe_to_remove:
        print(tr("cli", "An toàn để rút USB."))


def _kind_names() -> list[str]:
    return [kind.name.replace("_", "-") for kind in Session.report_kinds()]


def _issued_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise DanvanError(
            tr(
                "cli",
                "Mã văn bản đã cấp «{id}» phải là một số, ví dụ --reissue 3 (xem trang Báo cáo, "
                "mục «Văn bản đã cấp»).",
                id=text,
            )
        ) from None


def _refuse_with_reissue(
    args: argparse.Namespace, options: dict[str, Any], flag: str = "--reissue"
) -> None:
    """An issued document is written as it was issued, and its correction is of the same
    document: nothing else may be asked."""
    given = [f"--{name}" for name, value in options.items() if value is not None]
    given += ["--issue"] if args.issue else []
    given += ["--preset"] if args.preset is not None else []
    given += ["--reissue"] if flag == "--correct" and args.reissue is not None else []
    if args.kind is not None or given:
        given_text = ", ".join(([args.kind] if args.kind else []) + given)
        if flag == "--correct":
            raise DanvanError(
                tr(
                    "cli",
                    "--correct cấp văn bản thay thế cho đúng văn bản đã cấp đó, nên không dùng "
                    "cùng {given}: hãy bỏ các phần đó.",
                    given=given_text,
                )
            )
        raise DanvanError(
            tr(
                "cli",
                "--reissue xuất lại đúng văn bản đã cấp, nên không dùng cùng {given}: hãy bỏ "
                "các phần đó.",
                given=given_text,
            )
        )


def _issued_line(reference: str, issued_on: dt.date, issued_id: int) -> str:
    day = short_date(issued_on)
    if reference:
        return tr(
            "cli",
            "Đã cấp số {number} ngày {date}; mã văn bản đã cấp: {id} (xuất lại bằng «danvan "
            "export --reissue {id} --format …»).",
            number=reference,
            date=day,
            id=issued_id,
        )
    return tr(
        "cli",
        "Đã ban hành ngày {date}; mã văn bản đã cấp: {id} (xuất lại bằng «danvan export "
        "--reissue {id} --format …»).",
        date=day,
        id=issued_id,
    )


def add_commands(sub: Any) -> None:
    """Add ``export`` and ``volumes``."""
    p = sub.add_parser("export", help=tr("cli", "xuất báo cáo, biên bản ra DOCX, PDF, XLSX"))
    # No argparse choices: a wrong value is one line naming the right ones, in the
    # user's language, from the session (argparse would print its English usage).
    p.add_argument("kind", nargs="?", help=", ".join(_kind_names()))
    p.add_argument("--id", help=tr("cli", "mã mô hình hoặc cuộc họp"))
    p.add_argument("--period", help="month, quarter, half_year, year")
    p.add_argument("--year")
    p.add_argument("--month")
    p.add_argument("--quarter")
    p.add_argument("--commune", help=tr("cli", "mã xã, phường (báo cáo tổng hợp)"))
    p.add_argument("--format", required=True, help="docx, pdf, xlsx")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--to", type=Path, help=tr("cli", "thư mục lưu tệp"))
    where.add_argument("--volume", type=int, help=tr("cli", "số thứ tự USB trong «danvan volumes»"))
    p.add_argument("--name", help=tr("cli", "tên tệp (mặc định: theo tên văn bản)"))
    p.add_argument("--preset", help="state, party")
    p.add_argument("--issue", action="store_true", help=tr("cli", "cấp số văn bản khi xuất"))
    p.add_argument("--reissue", metavar="ID", help=tr("cli", "xuất lại văn bản đã cấp mang mã này"))
    p.add_argument(
        "--correct", metavar="ID", help=tr("cli", "cấp văn bản thay thế văn bản đã cấp mang mã này")
    )
    p.set_defaults(handler=cmd_export)
    p = sub.add_parser("volumes", help=tr("cli", "liệt kê USB đang cắm"))
    p.set_defaults(handler=None, standalone=cmd_volumes)
