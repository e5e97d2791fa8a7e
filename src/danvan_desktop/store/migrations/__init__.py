"""Schema changes, one named step each, through ``sqlite_utils.Migrations``.

A released step is never edited: its SQL is frozen in a file beside this one.
Every release opens every older store; a store that has a step this release
does not know was written by a newer release and is refused before anything is
touched.

The steps are listed here without sqlite-utils; ``registry()`` builds its
``Migrations`` (importing sqlite-utils) only when a store has steps to apply, so
opening an up-to-date store stays quick (store/database.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "danvan"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records the applied steps
Step = Callable[["Database"], None]
_STEPS: list[tuple[str, Step]] = []


def _step(name: str) -> Callable[[Step], Step]:
    """Register a step under ``name`` (in the order of this file)."""

    def register(fn: Step) -> Step:
        _STEPS.append((name, fn))
        return fn

    return register


@cache
def registry() -> Migrations:
    """The steps as sqlite-utils ``Migrations`` (apply, pending, applied)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, fn in _STEPS:
        migrations(name=name)(fn)
    return migrations


def _run_sql_file(db: Database, name: str) -> None:
    from importlib.resources import files

    sql = files(__package__).joinpath(name).read_text(encoding="utf-8")
    code = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    for statement in code.split(";"):
        if statement.strip():
            db.execute(statement)


@_step("m001_entities")
def m001_entities(db: Database) -> None:
    """Synced entity tables, the outbox, base copies and meta."""
    _run_sql_file(db, "m001_entities.sql")


@_step("m002_local")
def m002_local(db: Database) -> None:
    """Laptop-only tables: settings, drafts, document counters, attachment blobs."""
    _run_sql_file(db, "m002_local.sql")


@_step("m003_search")
def m003_search(db: Database) -> None:
    """Vietnamese sort-key columns and the folded full-text search index, backfilled."""
    from danvan_desktop.store.search_index import rebuild

    _run_sql_file(db, "m003_search.sql")
    rebuild(
        db,
        sort_fields={
            "unit": ("name",),
            "team": ("name",),
            "member": ("full_name",),
            "model_field": ("name",),
            "model": ("name",),
            "exemplar": ("name",),
            "meeting": ("title",),
            "task": ("title",),
            "handbook_doc": ("title",),
        },
        searchable=(
            "model",
            "meeting",
            "opinion",
            "conclusion",
            "agenda_item",
            "member",
            "task",
            "handbook_doc",
            "exemplar",
        ),
    )


@_step("m004_sync")
def m004_sync(db: Database) -> None:
    """Conflicts kept for the user to resolve, and the sync log."""
    _run_sql_file(db, "m004_sync.sql")


@_step("m005_handbook")
def m005_handbook(db: Database) -> None:
    """Laptop-only handbook marks: what was read, what is bookmarked."""
    _run_sql_file(db, "m005_handbook.sql")


@_step("m006_attachment_upload")
def m006_attachment_upload(db: Database) -> None:
    """Attachments name the copy the server holds (a down-scaled photo)."""
    _run_sql_file(db, "m006_attachment_upload.sql")


@_step("m007_meeting_households")
def m007_meeting_households(db: Database) -> None:
    """Community meetings count the village's households as well as those represented."""
    _run_sql_file(db, "m007_meeting_households.sql")


@_step("m008_sync_quarantine")
def m008_sync_quarantine(db: Database) -> None:
    """Records from the server this laptop could not store, kept aside with the reason."""
    _run_sql_file(db, "m008_sync_quarantine.sql")


@_step("m009_community_work")
def m009_community_work(db: Database) -> None:
    """Residents' petitions and mediation cases, their people kept apart; the regulation's
    petition answer period and review cut-off days; the period a review covers; one full
    pull after the upgrade (see the SQL)."""
    _run_sql_file(db, "m009_community_work.sql")


@_step("m010_issued_documents")
def m010_issued_documents(db: Database) -> None:
    """The laptop's register of issued documents: each as issued, with its number."""
    _run_sql_file(db, "m010_issued_documents.sql")


@_step("m011_model_life")
def m011_model_life(db: Database) -> None:
    """A model's whole life (issue 17): replication links, the status history and the
    recognitions; «replicated» models become «recognised» with a note, and the old
    recognition fields become a recognition entry (see m011_model_life.py)."""
    from importlib import import_module

    # imported by name: this function's own name hides the submodule's attribute
    life = import_module(f"{__package__}.m011_model_life")
    _run_sql_file(db, "m011_replication_link.sql")
    _run_sql_file(db, "m011_model_life.sql")
    life.convert(db)


@_step("m012_network")
def m012_network(db: Database) -> None:
    """The network library: shared cards, their photos and thumbnails, folded search."""
    _run_sql_file(db, "m012_network.sql")


@_step("m013_base_copies")
def m013_base_copies(db: Database) -> None:
    """Base copies only for records edited here and not yet synced (issue 22): the
    needless ones dropped; the list of pulled records the search index has yet to take."""
    _run_sql_file(db, "m013_base_copies.sql")


@_step("m014_member_birth_year")
def m014_member_birth_year(db: Database) -> None:
    """A member's birth year (issue 18): two members of the same name told apart."""
    _run_sql_file(db, "m014_member_birth_year.sql")


@_step("m015_model_contact_consent")
def m015_model_contact_consent(db: Database) -> None:
    """A team's consent to give a contact on its model's network card (issue 17)."""
    _run_sql_file(db, "m015_model_contact_consent.sql")


@_step("m016_list_indexes")
def m016_list_indexes(db: Database) -> None:
    """Indexes for the city's scale (issue 22): live models by field, for the overview;
    meetings by the meeting they correct, for the meetings list and a meeting's sheet."""
    _run_sql_file(db, "m016_list_indexes.sql")


def known_step_names() -> list[str]:
    """Names of every step this release knows, in order."""
    return [name for name, _ in _STEPS]


def schema_version() -> int:
    """The schema version this release writes (the number of steps it knows)."""
    return len(known_step_names())
