"""What the leader writes into the half-year and year-end reports: the sections, kept per
report period, taken by a report built without them, kept in the issued copy, and the
drafts offered from the records (real store in a temporary folder)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import docx
import pytest
from builder_records import ISSUED, docx_lines, docx_of, team_quarter
from community_records import team_community

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.core.report_texts import TEXT_CHARS, TEXT_NAMES
from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.builders.leader_texts import DOTTED
from danvan_desktop.reports.document import Heading
from danvan_desktop.session import Session
from danvan_desktop.session import report_texts as session_texts

HALF = {"period": "half_year", "year": 2026, "month": 1, "issued_on": dt.date(2026, 7, 6)}
SITUATION = "Bà con phấn khởi với tuyến đường mới.\n- Lo ngại ngập úng mùa mưa\n- Mong có đèn"


def _headings(session: Session, **params: Any) -> list[str]:
    document = session.build_report("periodic_report", **params)
    return [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]


def test_half_year_review_has_the_leaders_sections_in_order(session: Session) -> None:
    """I. situation, II. results, III. shortcomings, IV. lessons, V. next half, VI. proposals."""
    assert _headings(session, **HALF) == [
        "I. TÌNH HÌNH NHÂN DÂN, DƯ LUẬN XÃ HỘI",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. HẠN CHẾ, NGUYÊN NHÂN",
        "IV. BÀI HỌC KINH NGHIỆM",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026",
        "VI. KIẾN NGHỊ, ĐỀ XUẤT",
    ]


@pytest.mark.parametrize(
    ("params", "heading"),
    [
        ({"period": "half_year", "year": 2026, "month": 7}, "6 THÁNG ĐẦU NĂM 2027"),
        ({"period": "year", "year": 2026}, "NĂM 2027"),
    ],
)
def test_next_period_is_named_in_the_tasks_heading(
    session: Session, params: dict[str, Any], heading: str
) -> None:
    """The second half plans the next year's first half; the year plans the next year."""
    assert f"V. PHƯƠNG HƯỚNG, NHIỆM VỤ {heading}" in _headings(session, **params)


def test_quarter_report_keeps_its_two_sections(session: Session) -> None:
    """A month or quarter report carries no review sections: results, then proposals."""
    headings = _headings(session, period="quarter", quarter=1, year=2026, issued_on=ISSUED)
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "II. KIẾN NGHỊ, ĐỀ XUẤT"]


def test_text_is_laid_out_as_written(session: Session) -> None:
    """Plain lines are paragraphs, "-" lines the items of a list, under the heading."""
    document = session.build_report("periodic_report", situation=SITUATION, **HALF)
    lines = docx_lines(docx_of(document))
    start = lines.index("I. TÌNH HÌNH NHÂN DÂN, DƯ LUẬN XÃ HỘI")
    assert lines[start + 1 : start + 5] == [
        "Bà con phấn khởi với tuyến đường mới.",
        "- Lo ngại ngập úng mùa mưa",
        "- Mong có đèn",
        "II. KẾT QUẢ THỰC HIỆN",
    ]


def test_empty_section_keeps_a_line_to_fill_in(session: Session) -> None:
    """A section the leader left empty shows a dotted line under its heading."""
    lines = docx_lines(docx_of(session.build_report("periodic_report", **HALF)))
    assert lines[lines.index("IV. BÀI HỌC KINH NGHIỆM") + 1] == DOTTED


def test_texts_are_kept_per_period(session: Session) -> None:
    """Kept for the first half, the texts are not those of the second half."""
    session.save_report_texts("periodic_report", {"lessons": "Bám sát dân."}, **HALF)
    first = session.report_texts("periodic_report", **HALF)["saved"]
    second = session.report_texts(
        "periodic_report", period="half_year", year=2026, month=7, issued_on=HALF["issued_on"]
    )["saved"]
    assert (first, second) == ({"lessons": "Bám sát dân."}, None)


def test_kept_texts_are_stored_in_nfc_without_trailing_space(session: Session) -> None:
    """A text typed decomposed, with spaces at the end, is kept composed and trimmed."""
    import unicodedata

    typed = unicodedata.normalize("NFD", "Nhân dân đồng tình.  ")
    kept = session.save_report_texts("periodic_report", {"situation": typed}, **HALF)
    assert kept["situation"] == unicodedata.normalize("NFC", "Nhân dân đồng tình.")


def test_report_built_without_texts_takes_the_kept_ones(session: Session) -> None:
    """The command line's report prints what the page kept for the period."""
    session.save_report_texts(
        "periodic_report", {"lessons": "Bám sát dân.", "proposals": "Hỗ trợ xi măng."}, **HALF
    )
    lines = docx_lines(docx_of(session.build_report("periodic_report", **HALF)))
    assert lines[lines.index("IV. BÀI HỌC KINH NGHIỆM") + 1] == "Bám sát dân."
    assert lines[lines.index("VI. KIẾN NGHỊ, ĐỀ XUẤT") + 1] == "- Hỗ trợ xi măng."


def test_texts_given_win_over_the_kept_ones(session: Session) -> None:
    """A text passed to the build is printed rather than the kept one."""
    session.save_report_texts("periodic_report", {"lessons": "Cũ."}, **HALF)
    document = session.build_report("periodic_report", lessons="Mới.", **HALF)
    lines = docx_lines(docx_of(document))
    assert lines[lines.index("IV. BÀI HỌC KINH NGHIỆM") + 1] == "Mới."


def test_too_long_text_is_refused_and_nothing_kept(session: Session) -> None:
    """One character over core's limit: the field is named and the other text not kept."""
    with pytest.raises(ValidationError) as caught:
        session.save_report_texts(
            "periodic_report", {"lessons": "Ngắn.", "situation": "a" * (TEXT_CHARS + 1)}, **HALF
        )
    assert caught.value.fields == ["situation"]
    assert caught.value.message == (
        "«Tình hình Nhân dân, dư luận xã hội» dài 5.001 ký tự; tối đa 5.000 ký tự: hãy rút gọn."
    )
    assert session.report_texts("periodic_report", **HALF)["saved"] is None


def test_issued_copy_keeps_the_text_written_at_issue(session: Session, tmp_path: Any) -> None:
    """Issued, then the kept text changed: the issued copy written again has the old text."""
    session.save_report_texts("periodic_report", {"lessons": "Bài học khi cấp số."}, **HALF)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = session.export_report("periodic_report", "docx", tmp_path / "a", issue=True, **HALF)
    session.save_report_texts("periodic_report", {"lessons": "Sửa sau khi cấp."}, **HALF)
    assert first.issued is not None
    again = session.export_issued(first.issued.id, "docx", tmp_path / "b")
    lines = [p.text for p in docx.Document(str(again.path)).paragraphs]
    assert "Bài học khi cấp số." in lines and "Sửa sau khi cấp." not in lines


def test_other_texts_do_not_make_another_document(session: Session, tmp_path: Any) -> None:
    """The texts are not what a report is about: the same half-year is issued once."""
    session.export_report("periodic_report", "docx", tmp_path, issue=True, lessons="A.", **HALF)
    with pytest.raises(ValidationError) as caught:
        session.issue_report("periodic_report", lessons="B.", **HALF)
    assert caught.value.fields == ["issue"]


def test_session_names_the_same_texts_as_core() -> None:
    """The Session's list of text parameters is core's (written out for a quick start)."""
    assert session_texts.TEXT_NAMES == TEXT_NAMES


# -- drafts from the records ---------------------------------------------------------
def test_suggested_situation_quotes_the_meetings_opinions(session: Session) -> None:
    """The situation starts from the opinions of the period's meetings and the petitions."""
    team_quarter(session)
    team_community(session)
    suggested = session.report_texts("periodic_report", **HALF)["suggested"]
    assert suggested["situation"].splitlines()[0] == (
        "Ý kiến của Nhân dân và thành viên Tổ tại các cuộc họp trong kỳ tập trung vào:"
    )
    assert suggested["situation"].splitlines()[-1] == (
        "Trong kỳ, Tổ tiếp nhận 6 kiến nghị, phản ánh của Nhân dân về: môi trường, vệ sinh "
        "(2); giao thông, điện, nước sinh hoạt (1); đất đai, xây dựng (1); an ninh, trật tự "
        "(1); chính sách xã hội, an sinh (1)."
    )


def test_suggested_shortcomings_are_what_the_records_show(session: Session) -> None:
    """Meetings not held, tasks and petitions overdue, disputes not settled; no causes."""
    team_quarter(session)
    team_community(session)
    suggested = session.report_texts("periodic_report", **HALF)["suggested"]
    lines = suggested["shortcomings"].splitlines()
    assert lines[0].startswith("- Chưa họp định kỳ đủ theo Quy chế: chưa họp tháng 01/2026")
    assert lines[1:] == [
        "- Còn 1 nhiệm vụ quá hạn chưa hoàn thành.",
        "- Còn 1 kiến nghị, phản ánh của Nhân dân quá hạn chưa được trả lời.",
        "- Có 1 vụ việc hòa giải không thành.",
    ]


def test_suggested_tasks_follow_up_what_is_open(session: Session) -> None:
    """The next period's tasks: open tasks, petitions waiting, cases without an outcome."""
    team_community(session)
    suggested = session.report_texts("periodic_report", **HALF)["suggested"]
    assert suggested["next_tasks"].splitlines() == [
        "- Theo dõi, đôn đốc việc trả lời 5 kiến nghị, phản ánh của Nhân dân còn chờ.",
        "- Tiếp tục phối hợp hòa giải 1 vụ việc chưa có kết quả.",
    ]


def test_nothing_is_suggested_where_the_records_say_nothing(session: Session) -> None:
    """A new team's store suggests only the meetings not held; never lessons or proposals."""
    suggested = session.report_texts("periodic_report", **HALF)["suggested"]
    months = ", ".join(f"tháng {m:02d}/2026" for m in range(1, 7))
    assert suggested == {
        **dict.fromkeys(TEXT_NAMES, ""),
        "shortcomings": f"- Chưa họp định kỳ đủ theo Quy chế: chưa họp {months}.",
    }


def test_builder_alone_prints_no_suggestion(session: Session) -> None:
    """Drafts are offered on the page only: a report built with no text has none of them."""
    team_community(session)
    document = build_report(session.store.db, "periodic_report", **HALF)
    lines = docx_lines(docx_of(document))
    assert lines[lines.index("I. TÌNH HÌNH NHÂN DÂN, DƯ LUẬN XÃ HỘI") + 1] == DOTTED
