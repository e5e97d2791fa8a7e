"""Attachments: files kept once by SHA-256, linked to their record by a tracked row."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store.attachments import blob_path, is_image, store_file


def _model(session: Session) -> str:
    result = session.add_model(name="Đường hoa", field_code="new_rural", year=2026)
    assert result.record_id is not None
    return result.record_id


def _photo(tmp_path: Path, content: bytes = b"\x89PNG fake photo bytes") -> Path:
    path = tmp_path / "ảnh đường hoa.png"
    path.write_bytes(content)
    return path


def test_file_is_stored_under_its_sha256(session: Session, tmp_path: Path) -> None:
    """The copy lives at attachments/ab/cdef… and holds the same bytes."""
    source = _photo(tmp_path)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    stored = store_file(session.store, source)
    assert stored.sha256 == digest
    assert stored.path == session.store.attachments_dir / digest[:2] / digest[2:]
    assert stored.path.read_bytes() == source.read_bytes()


def test_same_content_is_stored_once(session: Session, tmp_path: Path) -> None:
    """Two files with the same bytes share one stored copy."""
    first = store_file(session.store, _photo(tmp_path))
    other = tmp_path / "copy.png"
    other.write_bytes(_photo(tmp_path).read_bytes())
    second = store_file(session.store, other)
    assert first.path == second.path
    assert len([p for p in session.store.attachments_dir.rglob("*") if p.is_file()]) == 1


def test_no_partial_file_is_left(session: Session, tmp_path: Path) -> None:
    """After storing, no ``.partial`` file remains in the attachment folder."""
    store_file(session.store, _photo(tmp_path))
    assert list(session.store.attachments_dir.rglob("*.partial")) == []


def test_attachment_record_links_the_file(session: Session, tmp_path: Path) -> None:
    """add_attachment writes an attachment record naming the owner, file and type."""
    model_id = _model(session)
    result = session.add_attachment(_photo(tmp_path), owner_entity="model", owner_id=model_id)
    assert result.entities == {"attachment"}
    rows = session.attachments_of("model", model_id)
    assert [(r["file_name"], r["mime_type"], r["size"]) for r in rows] == [
        ("ảnh đường hoa.png", "image/png", 21)
    ]
    assert rows[0]["present"] is True
    assert rows[0]["path"] == blob_path(session.store, rows[0]["sha256"])


def test_attachment_goes_to_the_outbox(session: Session, tmp_path: Path) -> None:
    """The link is a synced record: it waits in the outbox."""
    model_id = _model(session)
    before = session.pending_count()
    session.add_attachment(_photo(tmp_path), owner_entity="model", owner_id=model_id)
    assert session.pending_count() == before + 1


def test_blob_is_remembered_as_not_uploaded(session: Session, tmp_path: Path) -> None:
    """The laptop-only blob table notes the file, not yet uploaded."""
    model_id = _model(session)
    session.add_attachment(_photo(tmp_path), owner_entity="model", owner_id=model_id)
    rows = session.store.db.execute("SELECT size, uploaded FROM attachment_blob").fetchall()
    assert rows == [(21, 0)]


def test_missing_file_is_refused_with_the_field(session: Session, tmp_path: Path) -> None:
    """A file that is not there gives a message on ``file_name``; nothing is linked."""
    model_id = _model(session)
    with pytest.raises(ValidationError) as err:
        session.add_attachment(tmp_path / "không có.jpg", owner_entity="model", owner_id=model_id)
    assert err.value.fields == ["file_name"]
    assert "không có.jpg" in str(err.value)
    assert session.attachments_of("model", model_id) == []


def test_owner_must_exist(session: Session, tmp_path: Path) -> None:
    """Linking to a record that does not exist is refused."""
    with pytest.raises(ValidationError) as err:
        session.add_attachment(_photo(tmp_path), owner_entity="model", owner_id="no-such-model")
    assert err.value.fields == ["owner_id"]


def test_deleted_attachment_is_not_listed(session: Session, tmp_path: Path) -> None:
    """A deleted link disappears from the record's attachments."""
    model_id = _model(session)
    result = session.add_attachment(_photo(tmp_path), owner_entity="model", owner_id=model_id)
    assert result.record_id is not None
    session.delete_record("attachment", result.record_id)
    assert session.attachments_of("model", model_id) == []


def test_backup_includes_the_attachment(session: Session, tmp_path: Path) -> None:
    """A backup zip carries the stored file under attachments/."""
    import zipfile

    model_id = _model(session)
    session.add_attachment(_photo(tmp_path), owner_entity="model", owner_id=model_id)
    sha = session.attachments_of("model", model_id)[0]["sha256"]
    with zipfile.ZipFile(session.make_backup()) as zf:
        assert f"attachments/{sha[:2]}/{sha[2:]}" in zf.namelist()


def test_is_image() -> None:
    """Pictures get thumbnails; documents do not."""
    assert is_image("image/jpeg") and not is_image("application/pdf") and not is_image(None)
