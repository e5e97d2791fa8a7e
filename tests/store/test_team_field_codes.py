"""A team's own field keeps showing when the city publishes its code
(store/model_fields.py): a new team field's code starts with to_, and a field made before
whose code the city took is listed as the team's, under its own name."""

from __future__ import annotations

from danvan_desktop.session import Session
from danvan_desktop.store import model_fields
from danvan_desktop.store.sync_apply import apply_changes

OWN_ID = "01900000-0000-7000-8000-000000000007"


def _collision(session: Session) -> None:
    """The team's own «Khuyến học» (code khuyen_hoc, an earlier release's), then the
    city's field of the same code, as a pull brings them."""
    unit = session.store.home_unit_id
    apply_changes(
        session.records,
        [
            {
                "entity": "model_field",
                "record_id": OWN_ID,
                "unit_id": unit,
                "server_version": 1,
                "deleted": False,
                "fields": {"code": "khuyen_hoc", "name": "Khuyến học", "position_order": 7},
            },
            {
                "entity": "model_field",
                "record_id": "field-khuyen_hoc",
                "unit_id": "city",
                "server_version": 2,
                "deleted": False,
                "fields": {
                    "code": "khuyen_hoc",
                    "name": "Khuyến học, khuyến tài",
                    "position_order": 7,
                },
            },
        ],
    )


def test_a_new_team_field_code_starts_with_the_team_prefix(session: Session) -> None:
    """«Du lịch cộng đồng» gets to_du_lich_cong_dong: never a code the city publishes."""
    assert model_fields.new_code(session.store.db, "Du lịch cộng đồng") == "to_du_lich_cong_dong"


def test_lists_show_the_teams_field_of_a_code_the_city_took(session: Session) -> None:
    """The list and filters show khuyen_hoc once, under the team's own name."""
    _collision(session)
    assert ("khuyen_hoc", "Khuyến học") in session.model_fields()
    assert ("khuyen_hoc", "Khuyến học, khuyến tài") not in session.model_fields()


def test_the_dialog_shows_the_teams_field_of_a_code_the_city_took(session: Session) -> None:
    """The fields dialog lists the team's row of khuyen_hoc, as the team's (editable)."""
    _collision(session)
    rows = [r for r in session.model_field_rows() if r["code"] == "khuyen_hoc"]
    assert [(r["id"], r["name"], r["city"]) for r in rows] == [(OWN_ID, "Khuyến học", False)]


def test_a_models_field_is_named_by_the_teams_field(session: Session) -> None:
    """A model of khuyen_hoc is labelled with the team's field's name."""
    _collision(session)
    assert model_fields.field_labels(session.store.db)["khuyen_hoc"] == "Khuyến học"


def test_a_copy_of_a_default_gives_way_to_the_city(session: Session) -> None:
    """A team's copy of «economy» (an earlier release's setup) is not listed: the city's is."""
    apply_changes(
        session.records,
        [
            {
                "entity": "model_field",
                "record_id": OWN_ID,
                "unit_id": session.store.home_unit_id,
                "server_version": 1,
                "deleted": False,
                "fields": {"code": "economy", "name": "Phát triển kinh tế", "position_order": 1},
            }
        ],
    )
    [row] = [r for r in session.model_field_rows() if r["code"] == "economy"]
    assert (row["id"], row["city"]) == ("field-economy", True)
