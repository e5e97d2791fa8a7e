"""Sổ tay: read the topics, search without diacritics, bookmarks, and what is new."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.store.sync_apply import apply_page
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.handbook.handbook_page import SLUG_ROLE, HandbookPage
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, make_team_dir, type_text

PROVINCE_DOC = "0190f000-0000-7000-8000-00000000d0c2"


def province_update(version: int = 1) -> dict[str, Any]:
    """The city's own «xuat-usb», as a pulled page carries it."""
    return {
        "entity": "handbook_doc",
        "record_id": PROVINCE_DOC,
        "unit_id": "city",
        "server_version": 50 + version,
        "deleted": False,
        "fields": {
            "slug": "xuat-usb",
            "title": "Xuất văn bản ra USB (thành phố hướng dẫn)",
            "section": "Sử dụng ứng dụng",
            "position_order": 9,
            "body": "# Xuất văn bản ra USB\n\nDùng USB đã quét virus của bộ phận một cửa.\n",
            "doc_version": version,
            "source": "province",
            "published_at": "2027-02-01T03:00:00+00:00",
        },
    }


def _open_page(qtbot: QtBot, runner: TaskRunner, bus: EventBus, data_dir: Path) -> HandbookPage:
    opened: list[Any] = []
    runner.open_session(data_dir, on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    page = HandbookPage(runner, bus)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 0, timeout=WAIT_MS)
    return page


@pytest.fixture
def page(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, translations: Any
) -> HandbookPage:
    """The handbook page over a new team's store (the bundled handbook only)."""
    return _open_page(qtbot, runner, bus, make_team_dir(tmp_path / "data"))


def _sections(page: HandbookPage) -> list[QTreeWidgetItem]:
    tree = page.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [item for item in items if item is not None]


def _children(section: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    items = [section.child(j) for j in range(section.childCount())]
    return [item for item in items if item is not None]


def _topics(page: HandbookPage) -> dict[str, list[str]]:
    return {s.text(0): [c.text(0) for c in _children(s)] for s in _sections(page)}


def _select(qtbot: QtBot, page: HandbookPage, title: str) -> None:
    for section in _sections(page):
        for child in _children(section):
            if child.text(0) == title:
                with qtbot.waitSignal(page.document_shown, timeout=WAIT_MS):
                    page.tree.setCurrentItem(child)
                return
    raise AssertionError(f"no topic {title!r}")


def test_topics_are_grouped_by_section_in_order(page: HandbookPage) -> None:
    """Sections in the handbook's order, each with its documents."""
    topics = _topics(page)
    assert list(topics) == ["Công tác dân vận", "Văn bản", "Sử dụng ứng dụng"]
    assert topics["Sử dụng ứng dụng"] == [
        "Sử dụng ứng dụng hằng ngày",
        "Đồng bộ dữ liệu với máy chủ",
        "Xuất văn bản ra USB",
        "Ứng dụng này và ứng dụng Hue-S của thành phố",
    ]


def test_choosing_a_topic_shows_it_rendered(qtbot: QtBot, page: HandbookPage) -> None:
    """The reader shows the Markdown as text, without its marks."""
    _select(qtbot, page, "Xuất văn bản ra USB")
    text = page.reader.toPlainText()
    assert text.startswith("Xuất văn bản ra USB")
    assert "Chỉ rút USB khi thấy dòng chữ “An toàn để rút USB”." in text
    assert "#" not in text


def test_search_without_diacritics_lists_hits_highlighted(qtbot: QtBot, page: HandbookPage) -> None:
    """«an toan de rut» finds the USB topic; the snippet marks the words found."""
    with qtbot.waitSignal(page.hits_shown, timeout=WAIT_MS):
        type_text(page.search, "an toan de rut")
    assert page.left.currentWidget() is page.hits
    first = page.hits.item(0)
    assert first.data(SLUG_ROLE) == "xuat-usb"
    label = page.hits.itemWidget(first)
    assert isinstance(label, QLabel)
    assert "<b>Xuất văn bản ra USB</b>" in label.text()
    assert "background-color: #ffe08a" in label.text()


def test_opening_a_hit_marks_the_words_in_the_reader(qtbot: QtBot, page: HandbookPage) -> None:
    """The words typed plain are marked where they stand, with their diacritics."""
    with qtbot.waitSignal(page.hits_shown, timeout=WAIT_MS):
        type_text(page.search, "rut usb")
    with qtbot.waitSignal(page.document_shown, timeout=WAIT_MS):
        page.hits.setCurrentRow(0)
    marked = page.marked_words()
    assert "rút" in marked and "USB" in marked
    assert set(marked) <= {"rút", "USB", "Rút"}


def test_vietnamese_typed_with_diacritics_finds_too(qtbot: QtBot, page: HandbookPage) -> None:
    """Typing «Nơi nhận» (as the input method gives it) finds the formats topic."""
    with qtbot.waitSignal(page.hits_shown, timeout=WAIT_MS):
        type_text(page.search, "Nơi nhận")
    slugs = [page.hits.item(i).data(SLUG_ROLE) for i in range(page.hits.count())]
    assert "the-thuc-van-ban" in slugs


def test_nothing_found_says_so(qtbot: QtBot, page: HandbookPage) -> None:
    """A query with no hit says what to do instead of showing an empty list."""
    with qtbot.waitSignal(page.hits_shown, timeout=WAIT_MS):
        type_text(page.search, "xyzxyz")
    assert page.left.currentWidget() is page.empty
    assert page.empty.text() == "Không tìm thấy tài liệu nào: hãy thử từ khác, ngắn hơn."


def test_bookmark_is_kept_and_listed(qtbot: QtBot, page: HandbookPage, runner: TaskRunner) -> None:
    """A bookmarked topic is starred, listed under «Đã đánh dấu», and stored."""
    _select(qtbot, page, "Thể thức văn bản: mẫu Nhà nước và mẫu Đảng")
    page.bookmark_button.click()
    qtbot.waitUntil(lambda: any(e.bookmarked for e in page.entries), timeout=WAIT_MS)
    assert page.bookmark_button.text() == "Bỏ đánh dấu"
    page.show_bookmarks.click()
    assert _topics(page) == {"Văn bản": ["★ Thể thức văn bản: mẫu Nhà nước và mẫu Đảng"]}
    entries = call(qtbot, runner, lambda ctx: ctx.session.handbook_entries())
    assert [e.slug for e in entries if e.bookmarked] == ["the-thuc-van-ban"]


def test_no_bookmarks_yet_says_how(qtbot: QtBot, page: HandbookPage) -> None:
    """The bookmark view of a new store explains how to bookmark."""
    page.show_bookmarks.click()
    assert page.left.currentWidget() is page.empty
    assert "bấm «Đánh dấu trang»" in page.empty.text()


@pytest.fixture
def updated_page(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, translations: Any
) -> HandbookPage:
    """The page over a store that has received the city's version of «xuat-usb»."""

    def receive(session: Session) -> None:
        apply_page(session.records, [province_update()], next_seq=51)
        session.refresh_handbook_index()

    return _open_page(qtbot, runner, bus, make_team_dir(tmp_path / "data", receive))


def test_whats_new_lists_the_province_update(updated_page: HandbookPage) -> None:
    """The update is counted, announced, and alone under «Mới cập nhật»."""
    page = updated_page
    assert page.show_new.text() == "Mới cập nhật (1)"
    assert page.news.isVisible()
    assert "Xuất văn bản ra USB (thành phố hướng dẫn)" in page.news.text()
    page.show_new.click()
    assert _topics(page) == {
        "Sử dụng ứng dụng": ["Xuất văn bản ra USB (thành phố hướng dẫn) (mới)"]
    }


def test_reading_the_update_clears_it(qtbot: QtBot, updated_page: HandbookPage) -> None:
    """Once read, the update is no longer new; the reader says who published it."""
    page = updated_page
    _select(qtbot, page, "Xuất văn bản ra USB (thành phố hướng dẫn) (mới)")
    assert "bộ phận một cửa" in page.reader.toPlainText()
    assert page.doc_info.text() == ("Tài liệu do cấp trên ban hành ngày 01/02/2027, phiên bản 1.")
    qtbot.waitUntil(lambda: page.show_new.text() == "Mới cập nhật", timeout=WAIT_MS)
    assert not page.news.isVisible()


def test_update_arriving_while_open_shows_up(
    qtbot: QtBot, page: HandbookPage, runner: TaskRunner, bus: EventBus
) -> None:
    """A sync that brings a handbook document refreshes the page (data_changed)."""
    call(
        qtbot, runner, lambda ctx: apply_page(ctx.session.records, [province_update()], next_seq=51)
    )
    with qtbot.waitSignal(page.entries_shown, timeout=WAIT_MS):
        bus.data_changed.emit({"handbook_doc"})
    assert "Xuất văn bản ra USB (thành phố hướng dẫn) (mới)" in _topics(page)["Sử dụng ứng dụng"]
    with qtbot.waitSignal(page.hits_shown, timeout=WAIT_MS):
        type_text(page.search, "quet virus")
    assert [page.hits.item(i).data(SLUG_ROLE) for i in range(page.hits.count())] == ["xuat-usb"]


def test_page_speaks_english(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, tmp_path: Path, translations: Any
) -> None:
    """With the English translators installed, the page's own words are English."""
    translations.apply("en")
    page = _open_page(qtbot, runner, bus, make_team_dir(tmp_path / "data"))
    assert (page.show_all.text(), page.show_new.text()) == ("All", "What's new")
    assert page.bookmark_button.text() == "Bookmark"


def test_reader_opens_where_the_words_stand_together(qtbot: QtBot, page: HandbookPage) -> None:
    """«noi nhan»: the cursor lands on «Nơi nhận», past the loose «nơi» and «nội» before it."""
    with qtbot.waitSignal(page.hits_shown, timeout=WAIT_MS):
        type_text(page.search, "noi nhan")
    row = next(
        i for i in range(page.hits.count()) if page.hits.item(i).data(SLUG_ROLE) == "hop-to-dan-van"
    )
    with qtbot.waitSignal(page.document_shown, timeout=WAIT_MS):
        page.hits.setCurrentRow(row)
    cursor = page.reader.textCursor()
    text = page.reader.toPlainText()
    assert cursor.selectedText() == "Nơi"
    assert text[cursor.selectionEnd() : cursor.selectionEnd() + 6] == " nhận "
    assert text.index("nơi") < cursor.selectionStart()


def test_a_prefix_marks_whole_words_in_the_reader_and_the_hits(
    qtbot: QtBot, page: HandbookPage
) -> None:
    """«đán» marks whole words («đánh», «Đánh»…), never a piece such as «đán» of «đánh»."""
    with qtbot.waitSignal(page.hits_shown, timeout=WAIT_MS):
        type_text(page.search, "đán")
    label = page.hits.itemWidget(page.hits.item(0))
    assert isinstance(label, QLabel)
    assert "đán</span>h" not in label.text() and "Đán</span>h" not in label.text()
    with qtbot.waitSignal(page.document_shown, timeout=WAIT_MS):
        page.hits.setCurrentRow(0)
    marked = page.marked_words()
    assert any(word.lower() == "đánh" for word in marked)
    text = page.reader.toPlainText()
    assert all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in marked)
