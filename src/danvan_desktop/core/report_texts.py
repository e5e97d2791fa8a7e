"""What a leader writes into a periodic report, described like a record's fields.

The half-year review (sơ kết) and the year-end review (tổng kết) carry four sections
no record holds: the residents' situation and opinions, the shortcomings and their
causes, the lessons learned and the tasks of the next period; every periodic report
also ends with the team's proposals. The leader writes them on the Báo cáo page
before exporting; the laptop keeps them per report period (a laptop setting, never
synced), and an issued document keeps them in its stored copy. Describing them as
fields lets core's rules (``max_length``) and messages serve the page and the store
alike. ``REPORT_TEXTS`` is no synced entity: it is not in ``core.schema.ENTITIES``.
"""

from __future__ import annotations

from danvan_desktop.core.entity_spec import EntitySpec, FieldSpec

TEXT_CHARS = 5000  # about two printed pages of one section
REPORT_TEXTS = EntitySpec(
    "report_texts",
    "Nội dung báo cáo do Tổ trưởng viết",
    (
        FieldSpec(
            "situation", "long_text", "Tình hình Nhân dân, dư luận xã hội", max_length=TEXT_CHARS
        ),
        FieldSpec("shortcomings", "long_text", "Hạn chế và nguyên nhân", max_length=TEXT_CHARS),
        FieldSpec("lessons", "long_text", "Bài học kinh nghiệm", max_length=TEXT_CHARS),
        FieldSpec(
            "next_tasks", "long_text", "Phương hướng, nhiệm vụ kỳ tới", max_length=TEXT_CHARS
        ),
        FieldSpec("proposals", "long_text", "Kiến nghị, đề xuất", max_length=TEXT_CHARS),
    ),
)
# The sections only the half-year and year-end reviews have; every report has proposals.
REVIEW_TEXTS = ("situation", "shortcomings", "lessons", "next_tasks")
REVIEW_PERIODS = ("half_year", "year")
TEXT_NAMES = REPORT_TEXTS.field_names


def texts_of_period(period_kind: str) -> tuple[str, ...]:
    """The texts a periodic report of ``period_kind`` (month … year) carries."""
    if period_kind in REVIEW_PERIODS:
        return TEXT_NAMES
    return ("proposals",)
