"""The stored copy of an issued document: JSON that reads back into the same Document."""

from __future__ import annotations

import pytest
from builder_records import team_quarter

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document_json import (
    StoredDocumentError,
    document_from_json,
    document_to_json,
)
from danvan_desktop.reports.sample_documents import SAMPLES
from danvan_desktop.session import Session


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_reads_back_equal(name: str) -> None:
    """Every block type (headings, runs, lists, labelled lines, spanned tables) survives."""
    document = SAMPLES[name]()
    assert document_from_json(document_to_json(document)) == document


def test_proposal_with_attachments_reads_back_equal(session: Session) -> None:
    """A Tờ trình with its list and achievements attached, numbered, reads back equal."""
    team_quarter(session)
    document = build_report(session.store.db, "commendation_list", year=2026, number=1,
                            issued=True)  # fmt: skip
    again = document_from_json(document_to_json(document))
    assert again == document
    assert [a.title for a in again.attachments] == ["Danh sách", "Báo cáo tóm tắt thành tích"]


def test_unknown_format_version_is_refused() -> None:
    """A copy written by a newer release is refused, not guessed at."""
    with pytest.raises(StoredDocumentError, match="format 99"):
        document_from_json('{"version": 99, "document": {}}')


def test_damaged_copy_is_refused() -> None:
    """Text that is no stored document is a StoredDocumentError, not a crash elsewhere."""
    with pytest.raises(StoredDocumentError, match="damaged"):
        document_from_json('{"version": 1, "document": {"kind": "BC"}}')
