"""``danvan import``: bring in a list the team keeps in Excel or CSV.

    danvan import FILE --as member|model|petition [--sheet S] [--header-row N]
        [--column COL=FIELD …] [--dry-run] [--skip-updates] [--skip-invalid]

The preview comes first: how the columns were matched, every row that would change a
stored record, repeat an earlier row or be refused (with its problem), and the counts.
Then, unless ``--dry-run``, everything is written in one transaction with its outbox
operations, or nothing is: a row with a problem refuses the whole import (exit 2)
unless ``--skip-invalid`` leaves such rows out. Rows that match a stored record and
change it are updates, written unless ``--skip-updates``. ``--column B=phone`` gives
column B another field (``-``: leave the column out); ``--header-row`` says which row
holds the headings when the sheet has a title above its table.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.session import Session

_COLUMN = re.compile(r"\s*([A-Za-z]{1,3}|\d{1,4})\s*=\s*(\S+)\s*")
IGNORE = "-"


def add_commands(sub: Any) -> None:
    """Add ``import`` to the ``danvan`` commands."""
    p = sub.add_parser("import", help=tr("cli", "nhập danh sách từ tệp Excel (.xlsx) hoặc CSV"))
    p.add_argument("file", help=tr("cli", "tệp .xlsx hoặc .csv"))
    p.add_argument(
        "--as", dest="entity", required=True, metavar="member|model|petition",
        help=tr("cli", "loại hồ sơ trong tệp"),
    )  # fmt: skip
    p.add_argument("--sheet", help=tr("cli", "tên trang tính (mặc định: trang đầu)"))
    p.add_argument(
        "--header-row", type=int, metavar="N",
        help=tr("cli", "dòng chứa tiêu đề cột (mặc định: tự tìm)"),
    )  # fmt: skip
    p.add_argument(
        "--column", action="append", default=[], metavar="COL=FIELD",
        help=tr("cli", "gán cột cho một mục, ví dụ B=phone; B=- để bỏ qua cột"),
    )  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help=tr("cli", "chỉ xem trước, không ghi"))
    p.add_argument(
        "--skip-updates", action="store_true",
        help=tr("cli", "không sửa các hồ sơ đã có, chỉ thêm hồ sơ mới"),
    )  # fmt: skip
    p.add_argument(
        "--skip-invalid", action="store_true",
        help=tr("cli", "bỏ qua các dòng có lỗi, nhập các dòng còn lại"),
    )  # fmt: skip
    p.set_defaults(handler=run_import)


def column_index(text: str) -> int:
    """The 0-based index of a column written as a letter (B, AA) or a number (2)."""
    if text.isdigit():
        return int(text) - 1
    index = 0
    for char in text.upper():
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def parse_columns(items: list[str], known: list[str]) -> dict[int, str | None]:
    """``--column`` values as index -> field (None: left out)."""
    chosen: dict[int, str | None] = {}
    for item in items:
        match = _COLUMN.fullmatch(item)
        if match is None:
            raise ValidationError(
                [
                    FieldProblem(
                        "column",
                        tr(
                            "cli",
                            "--column «{item}»: hãy viết CỘT=MỤC, ví dụ --column B=phone (CỘT là "
                            "chữ cái hoặc số thứ tự của cột, MỤC là một trong {known}, hoặc - để "
                            "bỏ qua cột).",
                            item=item,
                            known=", ".join(known),
                        ),
                    )
                ]
            )
        name = match.group(2)
        chosen[column_index(match.group(1))] = None if name == IGNORE else name
    return chosen


def run_import(session: Session, args: argparse.Namespace) -> int:
    """Preview the file, then (unless ``--dry-run``) import it; the exit code."""
    known = [name for name, _ in session.import_columns(args.entity)]
    columns = parse_columns(args.column, known)
    source = session.read_import_file(args.file, sheet=args.sheet)
    plan = session.preview_import(
        source, entity=args.entity, header_row=args.header_row, columns=columns or None
    )
    _print_preview(session, plan, source)
    refused = session.import_refusal(plan, skip_invalid=args.skip_invalid)
    if refused is not None:
        raise refused
    if args.dry_run:
        print(tr("cli", "Chỉ xem trước (--dry-run): chưa ghi gì vào dữ liệu."))
        return 0
    skip = {r.line for r in plan.rows if r.action == "update"} if args.skip_updates else set()
    done = session.import_rows(plan, skip_updates=skip, skip_invalid=args.skip_invalid)
    print(
        tr(
            "cli",
            "Đã nhập: thêm {added}, cập nhật {updated}; {left} dòng không ghi (giữ nguyên, trùng, "
            "bỏ qua). Các thay đổi sẽ được gửi ở lần đồng bộ tới.",
            added=done.added,
            updated=done.updated,
            left=done.left,
        )
    )
    return 0


def _print_preview(session: Session, plan: Any, source: Any) -> None:
    print(
        tr(
            "cli",
            "Tệp {name}, trang tính «{sheet}», dòng tiêu đề {row}.",
            name=source.path.name,
            sheet=source.sheet.name,
            row=plan.layout.header_row,
        )
    )
    labels = dict(session.import_columns(plan.target.entity))
    for column in plan.layout.columns:
        shown = labels.get(column.field, "") if column.field else tr("cli", "(bỏ qua)")
        print(f"  {column.letter} «{column.heading}» → {shown}")
    name = plan.target.key[0]
    for row in plan.rows:
        who = plan.text(row, name)
        if row.action == "update":
            changed = "; ".join(
                f"«{labels.get(n, n)}» {plan.value_text(n, old) or '∅'} → {plan.value_text(n, new)}"
                for n, (old, new) in row.changes.items()
            )
            print(tr("cli", "Dòng {line}: cập nhật {who}: {changes}", line=row.line, who=who,
                     changes=changed))  # fmt: skip
        elif row.action == "duplicate":
            print(tr("cli", "Dòng {line}: trùng với dòng {first}, bỏ qua ({who}).", line=row.line,
                     first=row.duplicate_of, who=who))  # fmt: skip
        elif row.action == "invalid":
            problems = " ".join(p.message for p in row.problems)
            print(tr("cli", "Dòng {line}: lỗi ({who}): {problems}", line=row.line, who=who,
                     problems=problems))  # fmt: skip
    print(
        tr(
            "cli",
            "Xem trước: thêm {add}, cập nhật {update}, giữ nguyên {same}, trùng {duplicate}, "
            "lỗi {invalid}; {blank} dòng trống.",
            add=plan.count("add"),
            update=plan.count("update"),
            same=plan.count("same"),
            duplicate=plan.count("duplicate"),
            invalid=plan.count("invalid"),
            blank=plan.blank_rows,
        )
    )
