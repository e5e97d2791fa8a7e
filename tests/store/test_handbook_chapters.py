"""The handbook's chapters: the new ones are found, the legal documents are cited with
number, date and issuer, and the wording follows one rule throughout."""

from __future__ import annotations

import re

import pytest

from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.session import Session
from danvan_desktop.store import handbook
from danvan_desktop.store.regulation import read_model_text

# Each chapter added for the duties of the team, with a word of its title typed plain.
NEW_CHAPTERS = (
    ("can-cu-phap-ly", "phap"),
    ("dan-chu-co-so", "giam"),
    ("kien-nghi-phan-anh", "kien"),
    ("hoa-giai-co-so", "hoa"),
    ("ton-giao-dan-toc", "ton"),
    ("phong-chong-bao-lu", "bao"),
    ("bau-cu", "bau"),
    ("bao-cao-dinh-ky", "dinh"),
    ("ung-dung-hue-s", "hue"),
)
# (number, date, issuer) of every legal document the handbook relies on.
LEGAL_DOCUMENTS = (
    ("80-HD/BDVTW", "28/02/2012", "Ban Dân vận Trung ương"),
    ("23-QĐ/TW", "30/7/2021", "Bộ Chính trị"),
    ("10/2022/QH15", "10/11/2022", "Quốc hội"),
    ("59/2023/NĐ-CP", "14/8/2023", "Chính phủ"),
    ("35/2013/QH13", "20/6/2013", "Quốc hội"),
    ("06/2022/QH15", "15/6/2022", "Quốc hội"),
    ("98/2023/NĐ-CP", "31/12/2023", "Chính phủ"),
    ("30/2023/QH15", "28/11/2023", "Quốc hội"),
)
MIN_WORDS, MAX_WORDS = 300, 900


def _docs() -> dict[str, handbook.BundledDoc]:
    return {doc.slug: doc for doc in handbook.read_bundle().docs}


def _texts() -> dict[str, str]:
    """Every bundled chapter's body, and the model regulation, by name."""
    texts = {slug: doc.body for slug, doc in _docs().items()}
    texts["quy-che-mau"] = read_model_text()
    return texts


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+|\n+", text) if s.strip()]


@pytest.mark.parametrize(("slug", "word"), NEW_CHAPTERS, ids=[s for s, _ in NEW_CHAPTERS])
def test_new_chapter_is_found_by_a_word_of_its_title(
    session: Session, slug: str, word: str
) -> None:
    """A word of the chapter's title, typed plain, finds it as a title hit."""
    assert word in re.findall(r"\w+", fold_vietnamese(_docs()[slug].title))
    hits = session.search_handbook(word, limit=30)
    found = {session.get_record("handbook_doc", h.record_id)["slug"]: h for h in hits}
    assert slug in found, f"{word!r} does not find {slug}"
    assert found[slug].in_name


def test_new_chapters_stand_in_the_handbook_order(session: Session) -> None:
    """The handbook lists the new chapters beside the duties they explain."""
    assert [e.slug for e in session.handbook_entries()] == [
        "to-dan-van",
        "can-cu-phap-ly",
        "dan-chu-co-so",
        "quy-che-hoat-dong",
        "hop-to-dan-van",
        "kien-nghi-phan-anh",
        "hoa-giai-co-so",
        "mo-hinh-dan-van-kheo",
        "dien-hinh-khen-thuong",
        "ton-giao-dan-toc",
        "phong-chong-bao-lu",
        "bau-cu",
        "the-thuc-van-ban",
        "bao-cao-dinh-ky",
        "su-dung-ung-dung",
        "dong-bo",
        "xuat-usb",
        "ung-dung-hue-s",
    ]


@pytest.mark.parametrize(
    ("number", "date", "issuer"), LEGAL_DOCUMENTS, ids=[n for n, _, _ in LEGAL_DOCUMENTS]
)
def test_legal_document_is_cited_with_number_date_and_issuer(
    number: str, date: str, issuer: str
) -> None:
    """Some line of the handbook names the document's number, its date and who issued it."""
    lines = [line for doc in _docs().values() for line in doc.body.splitlines()]
    assert any(
        f"số {number}" in line and f"ngày {date}" in line and issuer in line for line in lines
    )


@pytest.mark.parametrize(
    ("number", "date", "issuer"), LEGAL_DOCUMENTS, ids=[n for n, _, _ in LEGAL_DOCUMENTS]
)
def test_legal_document_never_takes_another_date(number: str, date: str, issuer: str) -> None:
    """Wherever a sentence gives the document's number and then a date, it is that date."""
    after = re.compile(re.escape(number) + r"[^.;\n]*?ngày (\d{1,2}/\d{1,2}/\d{4})")
    dates = {m.group(1) for text in _texts().values() for m in after.finditer(text)}
    assert dates <= {date}


@pytest.mark.parametrize("number", [n for n, _, _ in LEGAL_DOCUMENTS])
def test_legal_document_is_found_by_its_number(session: Session, number: str) -> None:
    """Typing a document's number finds the chapter on the legal basis."""
    hits = session.search_handbook(number, limit=30)
    slugs = {session.get_record("handbook_doc", h.record_id)["slug"] for h in hits}
    assert "can-cu-phap-ly" in slugs


@pytest.mark.parametrize("slug", [doc.slug for doc in handbook.read_bundle().docs])
def test_chapter_is_a_readable_length(slug: str) -> None:
    """Every chapter reads in one sitting on a laptop: 300 to 900 words."""
    words = len(_docs()[slug].body.split())
    assert MIN_WORDS <= words <= MAX_WORDS, f"{slug}: {words} words"


@pytest.mark.parametrize("name", sorted(_texts()))
def test_people_are_called_nhan_dan(name: str) -> None:
    """The handbook and the model regulation say «Nhân dân», never «bà con»."""
    assert "bà con" not in _texts()[name].lower()


@pytest.mark.parametrize("name", sorted(_texts()))
def test_half_year_is_written_6_thang(name: str) -> None:
    """The half year is «6 tháng», as in the reports' titles, never «sáu tháng»."""
    assert "sáu tháng" not in _texts()[name].lower()


@pytest.mark.parametrize("name", sorted(_texts()))
def test_no_province_or_district_level(name: str) -> None:
    """Huế is a city with communes and wards under it: no «tỉnh», and districts only as gone."""
    text = _texts()[name].lower()
    assert "tỉnh" not in text
    for sentence in _sentences(text):
        if "huyện" in sentence:
            assert "không còn cấp huyện" in sentence or "huyện a lưới trước" in sentence


@pytest.mark.parametrize("name", sorted(_texts()))
def test_status_words_follow_the_screens(name: str) -> None:
    """«Trạng thái» is a model's (or the status bar); every other record has a «tình trạng»."""
    for sentence in _sentences(_texts()[name].lower()):
        if re.search(r"(?<!thanh )trạng thái", sentence):
            assert "mô hình" in sentence, sentence
        if "tình trạng" in sentence:
            assert "mô hình" not in sentence, sentence


def test_commendation_levels_take_cap_xa() -> None:
    """Commendation levels read «cấp xã» for communes and wards alike, then city, centre."""
    body = _docs()["dien-hinh-khen-thuong"].body
    assert "cấp xã (dùng chung cho cả xã và phường), cấp thành phố, cấp Trung ương" in body
    assert "(xã, thành phố, trung ương)" not in body


@pytest.mark.parametrize("slug", ["kien-nghi-phan-anh", "hoa-giai-co-so"])
def test_duty_chapter_says_where_the_app_keeps_it(slug: str) -> None:
    """The petitions and mediation chapters name their page and keep names off roll-ups."""
    body = _docs()[slug].body
    page = {"kien-nghi-phan-anh": "trang Kiến nghị", "hoa-giai-co-so": "trang Hòa giải"}[slug]
    assert f"là một hồ sơ tổ giữ trong ứng dụng, ở {page}." in body
    assert "chỉ lưu trên máy của tổ và đến cán bộ phụ trách của xã, phường" in body


@pytest.mark.parametrize(
    "slug", ["can-cu-phap-ly", "ton-giao-dan-toc", "phong-chong-bao-lu", "ung-dung-hue-s"]
)
def test_unsourced_local_facts_are_marked_for_checking(slug: str) -> None:
    """Chapters resting on names or figures that change say they are to be checked."""
    body = _docs()[slug].body
    assert "văn bản tham khảo" in body or "hỏi Đảng ủy xã, phường" in body
