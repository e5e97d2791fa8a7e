"""A handbook document the city publishes (``danvan-server publish``) reaches an enrolled
laptop through the real sync path and replaces the bundled version of its slug."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.store.handbook import HandbookEntry
from sync.conftest import Province

TITLE = "Xuất văn bản ra USB (hướng dẫn của thành phố)"


def publish(province: Province, folder: Path, body: str) -> str:
    """Run the admin command as an administrator would; its report line."""
    source = folder / "xuat-usb.md"
    source.write_text(f"# {TITLE}\n\n{body}\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable, "-m", "danvan_server.cli", "--database", province.database_url,
            "publish", str(source), "--unit", "city:46", "--slug", "xuat-usb",
            "--section", "Sử dụng ứng dụng", "--order", "9",
        ],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _entry(laptop: Session, slug: str) -> HandbookEntry:
    return next(e for e in laptop.handbook_entries() if e.slug == slug)


def test_published_document_arrives_new_and_replaces_the_bundled_one(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """After a sync the city's text is shown, new, found by search; the bundle's is not."""
    laptop = laptops("a")
    laptop.sync_now()
    assert "version 1" in publish(province, tmp_path, "Chỉ dùng USB đã quét virus ở xã.")
    report = laptop.sync_now()
    assert report.pulled >= 1 and report.rejected == 0
    entry = _entry(laptop, "xuat-usb")
    assert (entry.title, entry.source, entry.is_new) == (TITLE, "province", True)
    laptop.refresh_handbook_index()
    assert [h.title for h in laptop.search_handbook("quet virus")] == [TITLE]
    assert laptop.search_handbook("an toan de rut") == []


def test_next_version_is_new_again_after_reading(
    province: Province, laptops: Callable[[str], Session], tmp_path: Path
) -> None:
    """The city's second version replaces the first and is news even after reading it."""
    laptop = laptops("a")
    publish(province, tmp_path, "Bản 1.")
    laptop.sync_now()
    laptop.mark_handbook_read("xuat-usb")
    assert _entry(laptop, "xuat-usb").is_new is False
    assert "version 2" in publish(province, tmp_path, "Bản 2: dùng USB của bộ phận một cửa.")
    laptop.sync_now()
    document = laptop.handbook_document("xuat-usb")
    assert document is not None
    assert (document["doc_version"], document["is_new"]) == (2, True)
    assert "bộ phận một cửa" in document["body"]


def test_bundled_documents_are_never_sent(laptops: Callable[[str], Session]) -> None:
    """A full round leaves the bundled handbook local: nothing rejected, nothing pending."""
    laptop = laptops("a")
    report = laptop.sync_now()
    assert report.rejected == 0 and laptop.pending_count() == 0
    sources = {e.source for e in laptop.handbook_entries()}
    assert sources == {"bundled"}
