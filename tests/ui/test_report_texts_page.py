"""The leader's texts on the Báo cáo page: drafts from the records, kept per period as typed,
a text over its limit said under its box, and the preview following what is typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from danvan_desktop.core.report_texts import TEXT_CHARS
from danvan_desktop.session import Session
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.reports.report_texts import ReportTexts
from danvan_desktop.ui.reports.reports_page import ReportsPage
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from reports.builder_records import team_quarter
from reports.report_tools import flat

from .helpers import WAIT_MS, call, make_team_dir, type_text

TODAY = dt.date(2026, 7, 6)
FIRST_HALF = {"period": "half_year", "year": 2026, "month": 1}
SECOND_HALF = {"period": "half_year", "year": 2026, "month": 7}


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    """A team's folder holding its first quarter of 2026 (a meeting with opinions)."""
    return make_team_dir(tmp_path / "data", team_quarter)


@pytest.fixture
def texts(qtbot: QtBot, open_runner: TaskRunner) -> ReportTexts:
    """The boxes, showing the first half of 2026 (saved as soon as asked)."""
    shown = ReportTexts(open_runner, TODAY, save_ms=600_000)
    qtbot.addWidget(shown)
    shown.resize(420, 900)
    shown.show()
    with qtbot.waitSignal(shown.loaded, timeout=WAIT_MS):
        shown.set_period(FIRST_HALF)
    return shown


def _kept(qtbot: QtBot, runner: TaskRunner, period: dict[str, object]) -> object:
    return call(
        qtbot,
        runner,
        lambda ctx: ctx.session.report_texts("periodic_report", issued_on=TODAY, **period)["saved"],
    )


def _save(qtbot: QtBot, texts: ReportTexts) -> None:
    with qtbot.waitSignal(texts.saved, timeout=WAIT_MS):
        texts.save_now()


def test_new_period_starts_from_the_records(texts: ReportTexts) -> None:
    """Nothing kept yet: the situation box starts from the opinions of the half's meetings."""
    situation = texts.edits["situation"].toPlainText()
    assert situation.startswith(
        "Ý kiến của Nhân dân và thành viên Tổ tại các cuộc họp trong kỳ tập trung vào:\n- "
    )
    assert texts.edits["lessons"].toPlainText() == ""


def test_typed_text_is_kept_for_its_period(
    qtbot: QtBot, texts: ReportTexts, open_runner: TaskRunner
) -> None:
    """Typed into «Bài học kinh nghiệm»: kept for the first half, not for the second."""
    texts.edits["lessons"].setFocus()
    type_text(texts.edits["lessons"], "Bám sát địa bàn.")
    _save(qtbot, texts)
    kept = _kept(qtbot, open_runner, FIRST_HALF)
    assert isinstance(kept, dict) and kept["lessons"] == "Bám sát địa bàn."
    assert _kept(qtbot, open_runner, SECOND_HALF) is None


def test_kept_text_comes_back_instead_of_the_draft(
    qtbot: QtBot, texts: ReportTexts, open_runner: TaskRunner
) -> None:
    """Another period and back: the boxes show what was kept, not the drafts again."""
    texts.edits["situation"].setPlainText("Bà con đồng tình.")
    with qtbot.waitSignal(texts.loaded, timeout=WAIT_MS):
        texts.set_period(SECOND_HALF)  # keeps the first half's text on the way
    with qtbot.waitSignal(texts.loaded, timeout=WAIT_MS):
        texts.set_period(FIRST_HALF)
    assert texts.edits["situation"].toPlainText() == "Bà con đồng tình."


def test_too_long_text_is_said_under_its_box_and_not_kept(
    qtbot: QtBot, texts: ReportTexts, open_runner: TaskRunner
) -> None:
    """Pasted one character over: the message is under the box, nothing is kept; cut to
    the limit, it is kept."""
    texts.edits["lessons"].setPlainText("a" * (TEXT_CHARS + 1))
    texts.save_now()
    call(qtbot, open_runner, lambda ctx: None)
    assert texts.errors["lessons"].text() == (
        "«Bài học kinh nghiệm» dài 5.001 ký tự; tối đa 5.000 ký tự: hãy rút gọn."
    )
    assert _kept(qtbot, open_runner, FIRST_HALF) is None
    texts.edits["lessons"].setPlainText("a" * TEXT_CHARS)
    assert texts.errors["lessons"].isHidden()
    _save(qtbot, texts)
    kept = _kept(qtbot, open_runner, FIRST_HALF)
    assert isinstance(kept, dict) and len(kept["lessons"]) == TEXT_CHARS


def test_month_report_asks_only_for_proposals(qtbot: QtBot, texts: ReportTexts) -> None:
    """A month report has no review sections: only «Kiến nghị, đề xuất» is shown."""
    with qtbot.waitSignal(texts.loaded, timeout=WAIT_MS):
        texts.set_period({"period": "month", "year": 2026, "month": 5})
    shown = [name for name, edit in texts.edits.items() if edit.isVisibleTo(texts)]
    assert shown == ["proposals"]
    assert list(texts.params()) == ["proposals"]


def test_fill_empty_puts_drafts_only_into_empty_boxes(texts: ReportTexts) -> None:
    """«Điền gợi ý…» fills the emptied boxes from the records and keeps what was typed."""
    texts.edits["situation"].setPlainText("")
    texts.edits["shortcomings"].setPlainText("Viết tay.")
    texts.fill_empty()
    assert texts.edits["situation"].toPlainText().startswith("Ý kiến của Nhân dân")
    assert texts.edits["shortcomings"].toPlainText() == "Viết tay."


def test_preview_follows_the_text_typed(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """On the page, the half-year preview shows what the leader writes under its heading."""
    page = ReportsPage(open_runner, bus, clock=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    with qtbot.waitSignal(page.params.meetings.loaded, timeout=WAIT_MS):
        page.show()
    page.select_kind("periodic_report")
    with qtbot.waitSignal(page.params.texts.loaded, timeout=WAIT_MS):
        page.params.period.set_period("half_year", 2026, 1)
    with qtbot.waitSignal(page.preview_shown, timeout=WAIT_MS):
        page.params.texts.edits["lessons"].setPlainText("Phát huy vai trò người có uy tín.")
    text = flat(page.preview.toPlainText())
    assert "IV. BÀI HỌC KINH NGHIỆM Phát huy vai trò người có uy tín." in text


def test_session_texts_kept_by_the_page_reach_a_report(
    qtbot: QtBot, texts: ReportTexts, open_runner: TaskRunner
) -> None:
    """What the page kept is in the report the command line builds for the period."""
    texts.edits["lessons"].setPlainText("Bám sát dân.")
    _save(qtbot, texts)

    def lines(ctx: JobContext) -> list[str]:
        session: Session = ctx.session
        document = session.build_report("periodic_report", issued_on=TODAY, **FIRST_HALF)
        return [getattr(block, "text", "") for block in document.blocks]

    found = call(qtbot, open_runner, lines)
    assert found[found.index("IV. BÀI HỌC KINH NGHIỆM") + 1] == "Bám sát dân."
