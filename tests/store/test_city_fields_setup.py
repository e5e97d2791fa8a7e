"""The city's model fields on a team's laptop: made at setup under the city's ids, never
sent, never changed by the team (issue 22)."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store.sync_apply import apply_changes

CITY_IDS = [
    "field-economy",
    "field-culture_society",
    "field-defence_security",
    "field-political_system",
    "field-new_rural",
    "field-other",
]


def _outbox_fields(session: Session) -> int:
    row = session.store.db.execute(
        "SELECT count(*) FROM outbox WHERE entity = 'model_field'"
    ).fetchone()
    return int(row[0])


def test_setup_makes_the_six_under_the_city_ids(session: Session) -> None:
    """The six defaults have the ids the city's server gives them: field-<code>."""
    assert [row["id"] for row in session.model_field_rows()] == CITY_IDS


def test_setup_queues_no_field_to_send(session: Session) -> None:
    """The city's fields are the server's: setup leaves no model_field in the outbox."""
    assert _outbox_fields(session) == 0


def test_a_team_field_is_still_queued(session: Session) -> None:
    """A team's own field syncs as before: one operation in the outbox."""
    session.add_model_field(name="Khuyến học")
    assert _outbox_fields(session) == 1


def test_renaming_a_city_field_is_refused(session: Session) -> None:
    """«Kinh tế» is the city's: renaming it is a ValidationError on the name."""
    with pytest.raises(ValidationError) as caught:
        session.rename_model_field("field-economy", name="Kinh tế hộ gia đình")
    assert caught.value.fields == ["name"]
    assert "«Kinh tế» là lĩnh vực của thành phố" in caught.value.message
    assert _outbox_fields(session) == 0


def test_removing_a_city_field_is_refused(session: Session) -> None:
    """Removing «Lĩnh vực khác», which no model uses, is still refused: it is the city's."""
    with pytest.raises(ValidationError):
        session.remove_model_field("field-other")
    assert "other" in [code for code, _name in session.model_fields()]


def test_moving_a_city_field_is_refused(session: Session) -> None:
    """The city sets its fields' order: moving one is refused."""
    with pytest.raises(ValidationError):
        session.move_model_field("field-new_rural", offset=-1)


def test_a_team_field_moves_only_among_the_teams(session: Session) -> None:
    """Moving the team's only field up leaves it after the city's six."""
    own = session.add_model_field(name="Khuyến học")
    assert own.record_id is not None
    session.move_model_field(own.record_id, offset=-1)
    assert [code for code, _name in session.model_fields()][-2:] == ["other", "to_khuyen_hoc"]


def test_a_team_field_named_like_a_city_field_is_refused(session: Session) -> None:
    """«kinh te» folds to the city's «Kinh tế»: refused beside the name."""
    with pytest.raises(ValidationError) as caught:
        session.add_model_field(name="kinh te")
    assert caught.value.message == "Đã có lĩnh vực «Kinh tế»."


def test_the_city_rename_is_listed_over_an_older_copy(session: Session) -> None:
    """A laptop holding an earlier release's own «Kinh tế» (code economy) lists the
    city's renamed field once, under the city's name."""
    apply_changes(
        session.records,
        [
            {
                "entity": "model_field",
                "record_id": "01900000-0000-7000-8000-000000000001",
                "unit_id": "village",
                "server_version": 1,
                "deleted": False,
                "fields": {"code": "economy", "name": "Kinh tế", "position_order": 1},
            },
            {
                "entity": "model_field",
                "record_id": "field-economy",
                "unit_id": "city",
                "server_version": 2,
                "deleted": False,
                "fields": {"code": "economy", "name": "Phát triển kinh tế", "position_order": 1},
            },
        ],
    )
    assert session.model_fields()[0] == ("economy", "Phát triển kinh tế")
    assert [code for code, _name in session.model_fields()].count("economy") == 1


def test_a_removed_city_field_keeps_its_models_last_name(session: Session) -> None:
    """The city removes «Lĩnh vực khác»: a model of code other is still shown under it."""
    apply_changes(
        session.records,
        [
            {
                "entity": "model_field",
                "record_id": "field-other",
                "unit_id": "city",
                "server_version": 1,
                "deleted": True,
                "fields": {"code": "other", "name": "Lĩnh vực khác", "position_order": 6},
            }
        ],
    )
    assert "other" not in [code for code, _name in session.model_fields()]
    assert session.model_field_labels()["other"] == "Lĩnh vực khác"


def test_a_label_is_the_city_name_over_an_older_copy(session: Session) -> None:
    """An earlier release's own copy of «Kinh tế» does not hide the city's new name."""
    apply_changes(
        session.records,
        [
            {
                "entity": "model_field",
                "record_id": "field-economy",
                "unit_id": "city",
                "server_version": 1,
                "deleted": False,
                "fields": {"code": "economy", "name": "Phát triển kinh tế", "position_order": 1},
            },
            {
                "entity": "model_field",
                "record_id": "01900000-0000-7000-8000-000000000002",
                "unit_id": "village",
                "server_version": 2,
                "deleted": False,
                "fields": {"code": "economy", "name": "Kinh tế", "position_order": 1},
            },
        ],
    )
    assert session.model_field_labels()["economy"] == "Phát triển kinh tế"
