"""Replication links: «Học tập, nhân rộng» registers a prefilled model and links it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from danvan_desktop.core.errors import PermissionDeniedError, ValidationError
from danvan_desktop.session import Session
from danvan_desktop.store import network, replication

TODAY = dt.date(2025, 3, 4)


def wire_card(card_id: str = "card-1", **over: Any) -> dict[str, Any]:
    """A card from another village, as the server sends it."""
    card: dict[str, Any] = {
        "id": card_id,
        "model_uid": "source-model-1",
        "source_unit": "unit-kim-long-3",
        "name": "Phân loại rác tại nguồn",
        "field_name": "Văn hóa - xã hội",
        "commune_code": 19768,
        "commune_name": "Phường Kim Long",
        "village_name": "Tổ dân phố 3",
        "summary": [
            ["Sự cần thiết và lý do", "Rác thải sinh hoạt tăng nhanh."],
            ["Nội dung và cách làm", "Các hộ để riêng rác hữu cơ."],
            ["Nguồn lực", "Thùng rác do hội phụ nữ vận động."],
        ],
        "results": "Giảm một nửa lượng rác chôn lấp.",
        "indicators": [["Hộ phân loại rác", "120 hộ"]],
        "recognitions": [
            {"level": "commune", "decision_no": "12/QĐ-UBND", "decided_on": "2024-05-02"}
        ],
        "year": 2024,
        "shared_level": "city",
        "shared_on": "2024-06-01",
        "updated_at": "2024-06-01T08:00:00Z",
        "contact": None,
        "photos": [],
    }
    card.update(over)
    return card


def hold_card(session: Session, card: dict[str, Any]) -> None:
    """Put the card in the laptop's network library, as a pull would."""
    network.apply_library_page(session.store.db, [{"id": card["id"], "seq": 1, "card": card}], 1)


def replicate(session: Session, card: dict[str, Any]) -> list[Any]:
    """Replicate the card through the store (the session's verb does the same)."""
    hold_card(session, card)
    got = network.get_card(session.store.db, card["id"])
    assert got is not None
    return replication.register_replica(session.records, got, today=TODAY)


def test_replica_is_registered_in_the_team_with_this_year(session: Session) -> None:
    """The new model is the team's, registered, in this year, named like the card."""
    changes = replicate(session, wire_card())
    model = session.get_record("model", str(changes[0].record_id))
    assert (model["name"], model["status"], model["year"], model["unit_id"]) == (
        "Phân loại rác tại nguồn",
        "registered",
        2025,
        session.store.home_unit_id,
    )


def test_replica_takes_the_registration_items_of_the_card(session: Session) -> None:
    """Each item of the card's summary fills the model's item of the same label."""
    changes = replicate(session, wire_card())
    model = session.get_record("model", str(changes[0].record_id))
    assert (model["situation"], model["content"], model["resources"], model["goals"]) == (
        "Rác thải sinh hoạt tăng nhanh.",
        "Các hộ để riêng rác hữu cơ.",
        "Thùng rác do hội phụ nữ vận động.",
        None,
    )


def test_replica_takes_the_team_field_of_the_same_name(session: Session) -> None:
    """A card in «Văn hóa - xã hội» files the model under the team's own field of that name."""
    changes = replicate(session, wire_card())
    model = session.get_record("model", str(changes[0].record_id))
    codes = dict(session.model_fields())
    assert (model["field_code"], codes[model["field_code"]]) == (
        "culture_society",
        "Văn hóa - xã hội",
    )


def test_a_field_the_team_lacks_is_added(session: Session) -> None:
    """A card in a field the team does not have adds that field to the team's list."""
    changes = replicate(session, wire_card(field_name="Chuyển đổi số"))
    model = session.get_record("model", str(changes[0].record_id))
    assert dict(session.model_fields())[model["field_code"]] == "Chuyển đổi số"


def test_the_link_is_written_with_the_model(session: Session) -> None:
    """One link names the source model, this village, the date and the new model."""
    changes = replicate(session, wire_card())
    links = session.list_records("replication_link")
    assert [
        (r["source_model_id"], r["village_name"], r["replicated_on"], r["model_id"]) for r in links
    ] == [("source-model-1", "Tổ dân phố 5", "2025-03-04", changes[0].record_id)]


def test_model_and_link_both_go_to_the_outbox(session: Session) -> None:
    """Sync carries both the model and its link."""
    replicate(session, wire_card())
    entities = [op.entity for op in session.pending_operations()]
    assert entities.count("model") == 1 and entities.count("replication_link") == 1


def test_a_refused_replica_writes_nothing(session: Session) -> None:
    """A card whose name is too long is refused whole: no model, no link."""
    with pytest.raises(ValidationError):
        replicate(session, wire_card(name="x" * 301))
    assert (session.list_records("model"), session.list_records("replication_link")) == ([], [])


def test_the_same_model_is_not_replicated_twice(session: Session) -> None:
    """A second «Học tập, nhân rộng» of the same source model is refused with the reason."""
    replicate(session, wire_card())
    with pytest.raises(ValidationError) as refused:
        replicate(session, wire_card("card-2"))
    assert refused.value.problems[0].message == (
        "Tổ đã nhân rộng mô hình «Phân loại rác tại nguồn»: hãy mở mô hình đã đăng ký trong "
        "trang Mô hình."
    )


def test_the_team_own_model_is_not_replicated(session: Session) -> None:
    """A card of the team's own model is refused."""
    with pytest.raises(ValidationError):
        replicate(session, wire_card(source_unit=session.store.home_unit_id))


def test_replications_of_a_model_say_where_status_and_date(session: Session) -> None:
    """The source model's replications name the village, the status and the date."""
    replicate(session, wire_card())
    (found,) = session.replications_of("source-model-1")
    assert (found.village_name, found.status, found.replicated_on) == (
        "Tổ dân phố 5",
        "registered",
        TODAY,
    )


def test_replicated_from_names_the_source(session: Session) -> None:
    """The new model knows the model it was replicated from."""
    changes = replicate(session, wire_card())
    found = session.replicated_from(str(changes[0].record_id))
    assert found is not None and found.source_model_uid == "source-model-1"


def test_a_model_with_a_link_shows_replicated(session: Session) -> None:
    """«Được nhân rộng» is computed: true once one link names the model as its source."""
    assert session.is_replicated("source-model-1") is False
    replicate(session, wire_card())
    assert session.is_replicated("source-model-1") is True


def test_replication_counts_per_source_model(session: Session) -> None:
    """The roll-up's count: links per source model."""
    replicate(session, wire_card())
    assert session.replication_counts() == {"source-model-1": 1}


def test_the_link_follows_the_model_status(session: Session) -> None:
    """Moving the replicated model copies its status onto the link for the source team."""
    changes = replicate(session, wire_card())
    session.move_model(str(changes[0].record_id), status="in_progress")
    (link,) = session.list_records("replication_link")
    assert link["model_status"] == "in_progress"


def test_session_replicates_a_card_by_id(session: Session) -> None:
    """``replicate_card`` registers the model and answers with its id and both changes."""
    hold_card(session, wire_card())
    result = session.replicate_card("card-1", today=TODAY)
    assert result.entities == {"model", "replication_link"}
    assert session.get_record("model", str(result.record_id))["name"] == "Phân loại rác tại nguồn"


def test_a_reviewer_laptop_does_not_replicate(session: Session) -> None:
    """Only a team registers models: a reviewer's replicate is refused."""
    hold_card(session, wire_card())
    session.role = "reviewer"
    with pytest.raises(PermissionDeniedError):
        session.replicate_card("card-1", today=TODAY)


def test_cli_replicate_registers_the_model(data_dir: Path, session: Session) -> None:
    """``danvan network replicate CARD_ID`` prints the new model's id and registers it."""
    from test_cli import danvan

    hold_card(session, wire_card())
    session.close()
    done = danvan("network", "replicate", "card-1", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    model_id = done.stdout.splitlines()[0]
    reopened = Session.open(data_dir)
    try:
        assert reopened.get_record("model", model_id)["name"] == "Phân loại rác tại nguồn"
    finally:
        reopened.close()


def test_commune_rollup_counts_replications_per_source_model(session: Session) -> None:
    """The roll-up's list of models says in how many places each one was replicated."""
    from danvan_desktop.reports.builders import build_report
    from danvan_desktop.store.sync_apply import apply_changes

    field = session.list_records("model_field")[0]["code"]
    source = str(session.add_model(name="Tổ tự quản", field_code=field, year=2026).record_id)
    session.add_model(name="Đèn đường", field_code=field, year=2026)
    for number in (1, 2):
        fields = {
            "model_id": f"replica-{number}",
            "source_model_id": source,
            "village_name": f"Thôn {number}",
            "replicated_on": "2026-05-02",
        }
        change = {
            "entity": "replication_link",
            "record_id": f"link-{number}",
            "unit_id": f"unit-{number}",
            "server_version": number,
            "deleted": False,
            "fields": fields,
        }
        apply_changes(session.records, [change])
    document = build_report(
        session.store.db, "commune_rollup", year=2026, issued_on=dt.date(2027, 1, 10)
    )
    annex = document.tables()[-1]
    assert [(row[1], row[-1]) for row in annex.rows] == [("Đèn đường", 0), ("Tổ tự quản", 2)]
