"""The sections of a periodic report the leader writes, and where the laptop keeps them.

A half-year or year-end review opens with the residents' situation and opinions and
closes with the shortcomings and their causes, the lessons, the tasks of the next
period and the proposals (core/report_texts.py names them). The leader's text is laid
out as written: a line starting with "-" (or "•", "*") is an item of a list, any other
line a paragraph. A section left empty keeps its heading and a dotted line to be
filled in by hand, as a draft's blank number is.

The texts of a draft are kept per report period in a laptop setting
(``texts_key``: ``report_texts:<kind>:<period>:<first day>``), so nothing is typed
twice; an issued document keeps them in its stored copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from danvan_desktop.core.report_texts import REVIEW_PERIODS
from danvan_desktop.reports.builders.periods import ReportPeriod, report_period
from danvan_desktop.reports.document import Block, BulletList, Heading, Paragraph
from danvan_desktop.store.connection import Reads
from danvan_desktop.store.settings import get_setting

DOTTED = "…" * 30  # a line to be filled in by hand (shorter than a line of text)
_ITEM_MARKS = ("-", "•", "*", "–")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


def texts_key(kind: str, period: ReportPeriod) -> str:
    """The laptop setting that keeps the texts of ``kind`` for ``period``."""
    return f"report_texts:{kind}:{period.kind}:{period.start.isoformat()}"


def saved_texts(db: Reads, kind: str, period: ReportPeriod) -> dict[str, Any]:
    """The texts kept for ``kind`` and ``period`` (empty when none were)."""
    found = get_setting(db, texts_key(kind, period))
    return dict(found) if isinstance(found, dict) else {}


def next_period(period: ReportPeriod) -> ReportPeriod:
    """The period a review plans for: the other half, or the next year."""
    if period.kind == "half_year" and period.start.month == 1:
        return report_period("half_year", period.year, month=7)
    if period.kind == "half_year":
        return report_period("half_year", period.year + 1, month=1)
    return report_period(period.kind, period.year + 1)


def text_blocks(text: str | None) -> list[Block]:
    """The leader's text as paragraphs and "-" lists; a dotted line when empty."""
    blocks: list[Block] = []
    items: list[str] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        mark = next((m for m in _ITEM_MARKS if line.startswith(m)), None)
        if mark is not None:
            items.append(line[len(mark) :].strip())
            continue
        if items:
            blocks.append(BulletList(items))
            items = []
        blocks.append(Paragraph.of(line))
    if items:
        blocks.append(BulletList(items))
    return blocks or [Paragraph.of(DOTTED)]


def is_review(period: ReportPeriod) -> bool:
    """True for the half-year and year-end reviews, which carry the leader's sections."""
    return period.kind in REVIEW_PERIODS


def opening_blocks(texts: Mapping[str, Any]) -> list[Block]:
    """Section I of a review: the residents' situation and opinions."""
    return [
        Heading("I. TÌNH HÌNH NHÂN DÂN, DƯ LUẬN XÃ HỘI"),
        *text_blocks(texts.get("situation")),
    ]


def closing_blocks(period: ReportPeriod, texts: Mapping[str, Any], first: int) -> list[Block]:
    """The review's closing sections, numbered from ``ROMAN[first]``: shortcomings and
    causes, lessons, the next period's tasks (then the proposals, by the caller)."""
    upcoming = next_period(period).label().upper()
    sections = (
        ("HẠN CHẾ, NGUYÊN NHÂN", "shortcomings"),
        ("BÀI HỌC KINH NGHIỆM", "lessons"),
        (f"PHƯƠNG HƯỚNG, NHIỆM VỤ {upcoming}", "next_tasks"),
    )
    blocks: list[Block] = []
    for index, (title, name) in enumerate(sections, start=first):
        blocks += [Heading(f"{ROMAN[index]}. {title}"), *text_blocks(texts.get(name))]
    return blocks


def proposal_items(proposals: Any) -> list[str]:
    """The proposals as list items: one per line (a list given is taken item by item)."""
    lines = proposals.splitlines() if isinstance(proposals, str) else list(proposals or ())
    items = []
    for raw in lines:
        line = str(raw).strip()
        mark = next((m for m in _ITEM_MARKS if line.startswith(m)), None)
        line = line[len(mark) :].strip() if mark is not None else line
        if line:
            items.append(line)
    return items
