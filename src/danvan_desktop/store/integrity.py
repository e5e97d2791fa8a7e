"""Checking the store: a cheap check at open, the full ``integrity_check`` on demand."""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan_desktop.core.i18n import tr
from danvan_desktop.store.connection import EXPECTED_PRAGMAS, pragmas_of
from danvan_desktop.store.database import Store


@dataclass
class CheckReport:
    """The outcome of a check: ok, what was found, and what the user should do."""

    ok: bool
    full: bool
    problems: list[str] = field(default_factory=list)
    advice: str = ""


def check_store(store: Store, *, full: bool = False) -> CheckReport:
    """Run ``quick_check`` (or ``integrity_check`` when ``full``) and the foreign-key check."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [r[0] for r in store.db.execute(f"PRAGMA {pragma}").fetchall()]
    problems = [r for r in rows if r != "ok"]
    problems += [
        tr("store", "Sai liên kết khóa ngoại ở bảng {table}", table=r[0])
        for r in store.db.execute("PRAGMA foreign_key_check").fetchall()
    ]
    settings = pragmas_of(store.db)
    for name, expected in EXPECTED_PRAGMAS.items():
        if settings[name] != expected:
            problems.append(
                tr(
                    "store",
                    "Thiết lập {name} là {value}, cần {expected}",
                    name=name,
                    value=settings[name],
                    expected=expected,
                )
            )
    advice = ""
    if problems:
        advice = tr(
            "store",
            "Dữ liệu có lỗi. Hãy đóng ứng dụng, chép thư mục dữ liệu ra USB để giữ lại, rồi "
            "khôi phục bản sao lưu gần nhất bằng «danvan restore TỆP» (hoặc mục Cài đặt → Sao "
            "lưu). Nếu cần hỗ trợ, gửi kèm thư mục đã chép.",
        )
    return CheckReport(ok=not problems, full=full, problems=problems, advice=advice)
