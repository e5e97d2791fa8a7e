"""The handbook (Sổ tay) part of the Session facade: the bundled documents, read marks,
bookmarks and search.

Reads take an optional ``db`` (a reader from ``open_reader``); the store side is
store/handbook.py and store/handbook_search.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_desktop.session.base import SessionBase

if TYPE_CHECKING:
    from sqlite_utils import Database

    from danvan_desktop.store.handbook import HandbookEntry, LoadOutcome
    from danvan_desktop.store.search import SearchHit


class HandbookMixin(SessionBase):
    """Handbook verbs of the Session."""

    def bundled_handbook_is_newer(self) -> bool:
        """Whether the shipped handbook is newer than this store's copy (asked at every
        open; store/handbook_version.py answers without loading the documents' module)."""
        from danvan_desktop.store import handbook_version as version

        try:
            shipped = version.bundle_version()
        except (OSError, ValueError, KeyError):
            return True  # a damaged install: loading says so (and loads nothing)
        return shipped > version.loaded_version(self.store.meta(version.BUNDLE_META_KEY))

    def load_bundled_handbook(self) -> LoadOutcome:
        """Load the bundled handbook when this store has an older one (or none)."""
        from danvan_desktop.store import handbook

        try:
            if not self.bundled_handbook_is_newer():
                return handbook.LoadOutcome(loaded=False)
            return handbook.load_bundled(self.store, handbook.read_bundle())
        except (OSError, ValueError, KeyError):
            # A damaged install must not keep the team out of its data; the page says so.
            return handbook.LoadOutcome(loaded=False)

    def handbook_entries(self, *, db: Database | None = None) -> list[HandbookEntry]:
        """The handbook's documents in order, each marked new, read or bookmarked."""
        from danvan_desktop.store import handbook

        return handbook.entries(db or self.store.db)

    def handbook_document(self, slug: str, *, db: Database | None = None) -> dict[str, Any] | None:
        """The document shown for ``slug`` (body included), or None."""
        from danvan_desktop.store import handbook

        return handbook.document(db or self.store.db, slug)

    def search_handbook(
        self, text: str, *, limit: int = 30, db: Database | None = None
    ) -> list[SearchHit]:
        """Handbook hits (diacritics optional), one per document, matches marked."""
        from danvan_desktop.store import handbook_search

        return handbook_search.search(db or self.store.db, text, limit=limit)

    def mark_handbook_read(self, slug: str) -> bool:
        """Remember that the document shown for ``slug`` was read on this laptop."""
        from danvan_desktop.store import handbook

        return handbook.mark_read(self.store.db, slug)

    def bookmark_handbook(self, slug: str, *, on: bool = True) -> None:
        """Bookmark a handbook document (``on=False`` takes the bookmark away)."""
        from danvan_desktop.store import handbook

        handbook.set_bookmark(self.store.db, slug, on)

    def refresh_handbook_index(self) -> int:
        """After a sync: search only the document shown for each slug."""
        from danvan_desktop.store import handbook

        return handbook.reconcile_index(self.store.db)
