"""``danvan report-text``: the sections of a periodic report the leader writes.

    danvan report-text set SECTION --file FILE --period half_year --year 2026 [--month 7]
    danvan report-text show --period year --year 2026

The texts are kept per report period, where the Báo cáo page keeps them
(session/report_texts.py): ``danvan export periodic-report`` of that period, and the
page, then use them. A half-year or year report carries situation, shortcomings,
lessons, next_tasks and proposals; a month or quarter report only proposals. An empty
file clears the section.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from danvan_desktop.core.errors import DanvanError, FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.session import Session
from danvan_desktop.session.report_texts import TEXT_NAMES

KIND = "periodic_report"
_PERIOD_OPTIONS = ("period", "year", "month", "quarter")


def _period_params(args: argparse.Namespace) -> dict[str, Any]:
    return {name: getattr(args, name) for name in _PERIOD_OPTIONS if getattr(args, name)}


def _names_of(session: Session, params: dict[str, Any]) -> tuple[str, ...]:
    """The sections the report of the period in ``params`` carries."""
    return tuple(session.report_texts(KIND, **params)["names"])


def _read(path: str) -> str:
    """The text of ``path`` ("-": standard input), read as UTF-8."""
    try:
        if path == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DanvanError(
            tr(
                "cli",
                "Tệp {path} không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8 (Unicode) "
                "rồi chạy lại lệnh.",
                path=path,
            )
        ) from None
    except OSError as error:
        raise DanvanError(
            tr(
                "cli",
                "Không đọc được tệp {path} ({reason}): hãy kiểm tra đường dẫn rồi chạy lại lệnh.",
                path=path,
                reason=error.strerror or error,
            )
        ) from None


def cmd_set(session: Session, args: argparse.Namespace) -> None:
    section = str(args.section).replace("-", "_")
    params = _period_params(args)
    names = _names_of(session, params)
    if section not in names:
        raise ValidationError(
            [
                FieldProblem(
                    "section",
                    tr(
                        "cli",
                        "Báo cáo kỳ này không có mục «{section}»: hãy chọn một trong {names}.",
                        section=args.section,
                        names=", ".join(names),
                    ),
                )
            ]
        )
    text = _read(args.file).strip()
    session.save_report_texts(KIND, {section: text or None}, **params)
    if text:
        print(
            tr("cli", "Đã lưu mục «{section}» ({count} ký tự).", section=section, count=len(text))
        )
    else:
        print(tr("cli", "Đã xóa nội dung mục «{section}».", section=section))


def cmd_show(session: Session, args: argparse.Namespace) -> None:
    found = session.report_texts(KIND, **_period_params(args))
    saved = found["saved"] or {}
    for name in found["names"]:
        print(f"== {name}")
        print(saved.get(name) or tr("cli", "(chưa viết)"))


def add_commands(sub: Any) -> None:
    """Add ``report-text`` with ``set`` and ``show``."""
    p = sub.add_parser(
        "report-text",
        help=tr("cli", "các mục Tổ trưởng viết trong báo cáo định kỳ (sơ kết, tổng kết)"),
        description=tr(
            "cli",
            "Lưu các mục Tổ trưởng viết cho báo cáo định kỳ của một kỳ, như trang Báo cáo: "
            "lệnh «danvan export periodic-report» cùng kỳ dùng các mục đã lưu. Báo cáo 6 "
            "tháng và năm có: situation (tình hình Nhân dân), shortcomings (hạn chế, nguyên "
            "nhân), lessons (bài học kinh nghiệm), next_tasks (phương hướng, nhiệm vụ kỳ "
            "tới), proposals (kiến nghị, đề xuất); báo cáo tháng, quý chỉ có proposals. Tệp "
            "trống xóa nội dung mục; dòng bắt đầu bằng «-» là một ý gạch đầu dòng.",
        ),
    )
    actions = p.add_subparsers(dest="action", required=True)
    set_p = actions.add_parser("set", help=tr("cli", "lưu một mục từ tệp văn bản UTF-8"))
    set_p.add_argument("section", help=", ".join(TEXT_NAMES))
    set_p.add_argument(
        "--file",
        required=True,
        metavar=tr("cli", "TỆP"),
        help=tr("cli", "tệp văn bản UTF-8 (- để đọc từ đầu vào chuẩn)"),
    )
    set_p.set_defaults(handler=cmd_set)
    show_p = actions.add_parser("show", help=tr("cli", "in các mục đã lưu của kỳ"))
    show_p.set_defaults(handler=cmd_show)
    for parser in (set_p, show_p):
        parser.add_argument("--period", help="month, quarter, half_year, year")
        parser.add_argument("--year")
        parser.add_argument("--month", help=tr("cli", "tháng (6 tháng cuối năm: 7 đến 12)"))
        parser.add_argument("--quarter")
