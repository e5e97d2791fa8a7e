"""The handbook in the store: bundled documents loaded once, newer versions replacing older
ones (from the bundle or from the province), laptop-only marks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from danvan_desktop.core.paths import resources_dir
from danvan_desktop.session import Session
from danvan_desktop.store import handbook
from danvan_desktop.store.migrations import known_step_names
from danvan_desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START
from danvan_desktop.store.sync_apply import apply_page

BUNDLE = resources_dir() / "handbook"
PROVINCE_DOC = "0190f000-0000-7000-8000-00000000d0c1"


def _slugs() -> list[str]:
    index = json.loads((BUNDLE / "index.json").read_text(encoding="utf-8"))
    return [item["slug"] for item in index["documents"]]


def _bundled_version(slug: str) -> int:
    index = json.loads((BUNDLE / "index.json").read_text(encoding="utf-8"))
    return int(next(item["version"] for item in index["documents"] if item["slug"] == slug))


def grown_bundle(folder: Path, *, drop: str | None = None, body: str | None = None) -> Path:
    """A copy of the bundle one version on, «dong-bo» one version on with a new body."""
    copy = folder / "handbook"
    shutil.copytree(BUNDLE, copy)
    index = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    index["version"] += 1
    index["published_at"] = "2027-03-01"
    for item in index["documents"]:
        if item["slug"] == "dong-bo":
            item["version"] += 1
    if drop:
        index["documents"] = [i for i in index["documents"] if i["slug"] != drop]
    (copy / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    text = body or "# Đồng bộ dữ liệu với máy chủ\n\nBản sửa: đồng bộ qua mạng di động yếu.\n"
    (copy / "dong-bo.md").write_text(text, encoding="utf-8")
    return copy


def province_change(
    *,
    version: int = 1,
    deleted: bool = False,
    body: str = "Đồng bộ qua điểm phát sóng ở nhà văn hóa.",
) -> dict[str, object]:
    """A province-published «dong-bo» as a pulled page carries it."""
    return {
        "entity": "handbook_doc",
        "record_id": PROVINCE_DOC,
        "unit_id": "city-unit",
        "server_version": 40 + version,
        "deleted": deleted,
        "fields": {
            "slug": "dong-bo",
            "title": "Đồng bộ dữ liệu (hướng dẫn của thành phố)",
            "section": "Sử dụng ứng dụng",
            "position_order": 16,
            "body": f"# Đồng bộ\n\n{body}\n",
            "doc_version": version,
            "source": "province",
            "published_at": f"2027-0{version}-15T02:00:00+00:00",
        },
    }


def _entry(session: Session, slug: str) -> handbook.HandbookEntry:
    return next(e for e in session.handbook_entries() if e.slug == slug)


def test_first_open_loads_every_bundled_document(session: Session) -> None:
    """A new store holds the whole bundle, in the index's order, nothing marked new."""
    entries = session.handbook_entries()
    assert [e.slug for e in entries] == _slugs()
    assert {e.source for e in entries} == {"bundled"}
    assert not any(e.is_new for e in entries)


def test_bundled_documents_never_go_to_the_server(session: Session) -> None:
    """Bundled records are not queued, not dirty, and carry no server version."""
    assert all(op.entity != "handbook_doc" for op in session.pending_operations())
    rows = session.store.db.execute(
        "SELECT DISTINCT dirty, server_version FROM handbook_doc"
    ).fetchall()
    assert rows == [(0, None)]


def test_reopening_does_not_load_twice(session: Session, data_dir: Path) -> None:
    """The second open finds the bundle's version loaded and adds nothing."""
    session.close()
    again = Session.open(data_dir)
    try:
        assert again.load_bundled_handbook() == handbook.LoadOutcome(loaded=False)
        count = again.store.db.execute("SELECT count(*) FROM handbook_doc").fetchone()[0]
        assert count == len(_slugs())
    finally:
        again.close()


def test_a_store_with_an_older_bundle_is_brought_up_to_date_when_opened(
    session: Session, data_dir: Path
) -> None:
    """Opening asks the cheap version question and loads only when the store is behind."""
    from danvan_desktop.store.handbook_version import BUNDLE_META_KEY, bundle_version

    assert not session.bundled_handbook_is_newer()
    session.store.set_meta(BUNDLE_META_KEY, str(bundle_version() - 1))
    assert session.bundled_handbook_is_newer()
    session.close()
    again = Session.open(data_dir)
    try:
        assert again.store.meta(BUNDLE_META_KEY) == str(bundle_version())
        assert not again.bundled_handbook_is_newer()
    finally:
        again.close()


def test_grown_bundle_replaces_the_older_version(session: Session, tmp_path: Path) -> None:
    """A newer doc_version of a slug replaces the text in place and is marked new."""
    outcome = handbook.load_bundled(session.store, handbook.read_bundle(grown_bundle(tmp_path)))
    assert (outcome.loaded, outcome.inserted, outcome.updated) == (True, 0, 1)
    document = session.handbook_document("dong-bo")
    assert document is not None
    assert "mạng di động yếu" in document["body"]
    assert document["doc_version"] == _bundled_version("dong-bo") + 1
    assert [e.slug for e in session.handbook_entries() if e.is_new] == ["dong-bo"]


def test_grown_bundle_is_what_search_finds(session: Session, tmp_path: Path) -> None:
    """The old text is no longer found, the new one is, once."""
    assert session.search_handbook("chap chon")
    handbook.load_bundled(session.store, handbook.read_bundle(grown_bundle(tmp_path)))
    assert session.search_handbook("chap chon") == []
    assert [h.title for h in session.search_handbook("mang di dong yeu")] == [
        "Đồng bộ dữ liệu với máy chủ"
    ]


def test_document_dropped_from_the_bundle_goes(session: Session, tmp_path: Path) -> None:
    """A slug the new bundle no longer has is removed from the store and the index."""
    bundle = handbook.read_bundle(grown_bundle(tmp_path, drop="xuat-usb"))
    assert handbook.load_bundled(session.store, bundle).removed == 1
    assert "xuat-usb" not in [e.slug for e in session.handbook_entries()]
    assert session.search_handbook("an toan de rut usb") == []


def test_province_document_replaces_the_bundled_one(session: Session) -> None:
    """A province-published version of the same slug is the one shown, and it is new."""
    apply_page(session.records, [province_change()], next_seq=41)
    entry = _entry(session, "dong-bo")
    assert (entry.id, entry.source, entry.is_new) == (PROVINCE_DOC, "province", True)
    assert len(session.handbook_entries()) == len(_slugs())


def test_province_document_is_searched_alone(session: Session) -> None:
    """After the index is refreshed, only the province text of the slug is found."""
    apply_page(session.records, [province_change()], next_seq=41)
    session.refresh_handbook_index()
    assert [h.record_id for h in session.search_handbook("diem phat song")] == [PROVINCE_DOC]
    assert session.search_handbook("chap chon") == []


def test_search_never_shows_a_replaced_document(session: Session) -> None:
    """Even before the index is refreshed, a replaced bundled text is not a hit."""
    apply_page(session.records, [province_change()], next_seq=41)
    assert session.search_handbook("chap chon") == []


def test_withdrawn_province_document_brings_the_bundled_one_back(session: Session) -> None:
    """When the province deletes its document, the bundled text is shown and found again."""
    apply_page(session.records, [province_change()], next_seq=41)
    session.refresh_handbook_index()
    apply_page(session.records, [province_change(deleted=True)], next_seq=42)
    session.refresh_handbook_index()
    assert _entry(session, "dong-bo").source == "bundled"
    assert [h.title for h in session.search_handbook("chap chon")] == [
        "Đồng bộ dữ liệu với máy chủ"
    ]


def test_newer_province_version_is_new_again_after_reading(session: Session) -> None:
    """Reading clears «new»; the city's next version brings it back."""
    apply_page(session.records, [province_change()], next_seq=41)
    assert session.mark_handbook_read("dong-bo") is True
    entry = _entry(session, "dong-bo")
    assert (entry.is_new, entry.read) == (False, True)
    apply_page(session.records, [province_change(version=2, body="Bản 2.")], next_seq=42)
    entry = _entry(session, "dong-bo")
    assert (entry.is_new, entry.read, entry.doc_version) == (True, False, 2)


def test_older_bundle_text_does_not_beat_a_later_publication(
    session: Session, tmp_path: Path
) -> None:
    """Versions are counted per publisher: the city's v1 of 2027-01 beats bundle v1."""
    apply_page(session.records, [province_change(version=1)], next_seq=41)
    assert _entry(session, "dong-bo").source == "province"
    handbook.load_bundled(session.store, handbook.read_bundle(grown_bundle(tmp_path)))
    assert _entry(session, "dong-bo").source == "bundled"  # bundle of 2027-03: newer still


def test_bookmarks_and_reading_marks_stay_on_the_laptop(session: Session, data_dir: Path) -> None:
    """Marks survive reopening and queue nothing for sync."""
    session.bookmark_handbook("xuat-usb")
    session.mark_handbook_read("xuat-usb")
    pending = session.pending_count()
    session.close()
    again = Session.open(data_dir)
    try:
        entry = _entry(again, "xuat-usb")
        assert (entry.bookmarked, entry.read) == (True, True)
        again.bookmark_handbook("xuat-usb", on=False)
        assert _entry(again, "xuat-usb").bookmarked is False
        assert again.pending_count() == pending
    finally:
        again.close()


def test_marks_table_comes_from_its_own_schema_step() -> None:
    """The laptop-only marks arrive with step m005_handbook, after m004_sync."""
    names = known_step_names()
    assert names.index("m005_handbook") == names.index("m004_sync") + 1


def test_unknown_slug_cannot_be_read(session: Session) -> None:
    """Marking a slug that no document has says so and stores nothing."""
    assert session.mark_handbook_read("khong-co") is False
    assert session.handbook_document("khong-co") is None


@pytest.mark.parametrize("slug", _slugs())
def test_each_bundled_document_opens_with_its_body(session: Session, slug: str) -> None:
    """Every bundled document has a title heading and text under it."""
    document = session.handbook_document(slug)
    assert document is not None
    assert document["body"].startswith("# ")
    assert len(document["body"]) > 400


def test_words_typed_together_rank_first(session: Session) -> None:
    """«noi nhan» puts the documents saying «nơi nhận» before those with the words apart."""
    slugs = [
        session.get_record("handbook_doc", h.record_id)["slug"]
        for h in session.search_handbook("noi nhan")
    ]
    together = {
        "the-thuc-van-ban",
        "hop-to-dan-van",
        "quy-che-hoat-dong",
        "to-dan-van",
        "bao-cao-dinh-ky",
    }
    assert set(slugs[:5]) == together
    assert "mo-hinh-dan-van-kheo" in slugs[5:]


def test_snippet_shows_where_the_words_stand_together(session: Session) -> None:
    """The snippet is taken at «Nơi nhận», not at the loose «nơi» met earlier."""
    hit = next(
        h
        for h in session.search_handbook("noi nhan")
        if session.get_record("handbook_doc", h.record_id)["slug"] == "hop-to-dan-van"
    )
    assert f"{HIGHLIGHT_START}Nơi{HIGHLIGHT_END} {HIGHLIGHT_START}nhận{HIGHLIGHT_END}" in (
        hit.snippet
    )
