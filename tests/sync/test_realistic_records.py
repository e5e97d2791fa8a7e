"""The realistic model records of the sync bench: real prose, seeded, 180–200 KB a thousand."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.core.ids import uuid7
from danvan_desktop.session import Session
from support.realistic_records import (
    REFERENCE_BYTES,
    realistic_models,
    reference_gzip_bytes,
    sentences,
    stored_rows,
)


def test_thousand_records_gzip_to_the_reference_size() -> None:
    """1,000 records with their ids gzip to 180–200 KB as canonical JSON."""
    models = realistic_models(1000)
    size = len(reference_gzip_bytes(stored_rows(models, [str(uuid7()) for _ in models])))
    assert REFERENCE_BYTES == (180_000, 200_000)
    assert 180_000 <= size <= 200_000


def test_same_seed_same_records() -> None:
    """The records are shuffled by the seed: the same seed gives the same records."""
    assert realistic_models(20, seed=7) == realistic_models(20, seed=7)
    assert realistic_models(20, seed=7) != realistic_models(20, seed=8)


def test_text_comes_from_handbook_and_regulation() -> None:
    """Every text item filled in is a sentence of the handbook or the regulation."""
    pool = set(sentences())
    texts = [v for m in realistic_models(50) for k, v in m.items() if k in {"goals", "scope"}]
    assert texts and all(text is None or text in pool for text in texts)
    assert any("Quy chế này" in s for s in pool)  # the regulation is read too
    assert not any("{ten_to}" in s for s in pool)


def test_records_are_stored_by_a_laptop(tmp_path: Path) -> None:
    """A real laptop store takes each record as a new model, its text unchanged."""
    laptop = Session.open(tmp_path / "laptop", create=True)
    laptop.initialise_team(
        province_code=46,
        commune_code=19768,
        village_name="Tổ dân phố 5",
        village_kind="to_dan_pho",
        team_name="Tổ dân vận tổ dân phố 5",
        leader_name="Nguyễn Văn An",
    )
    models = realistic_models(30)
    ids = [str(laptop.add_model(**fields).record_id) for fields in models]
    stored = laptop.get_record("model", ids[-1])
    laptop.close()
    assert stored["name"] == models[-1]["name"]
    assert stored["situation"] == models[-1]["situation"]
