"""``danvan network share`` takes the card's contact from the team's consent, run as a user
would: a real process over a real store."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.session import Session
from test_cli import danvan, team_dir  # noqa: F401  (the fixture)


def _team_model(folder: Path) -> str:
    """A recognised model of the team."""
    session = Session.open(folder)
    try:
        result = session.add_model(name="Phân loại rác tại nguồn", field_code="new_rural")
        model_id = str(result.record_id)
        session.store.db.execute("UPDATE model SET status = 'recognised' WHERE id = ?", [model_id])
    finally:
        session.close()
    return model_id


def _as_reviewer(folder: Path) -> None:
    """The laptop set up as the reviewer's of the team's unit (who may share)."""
    session = Session.open(folder)
    try:
        session.store.set_meta("sync_role", "reviewer")
        session.store.set_meta("sync_unit_id", str(session.store.home_unit_id))
    finally:
        session.close()


def _recognised_model(folder: Path) -> str:
    """A recognised model of the team, on a laptop set up as its reviewer's."""
    model_id = _team_model(folder)
    _as_reviewer(folder)
    return model_id


def test_share_refuses_a_typed_contact(team_dir: Path) -> None:  # noqa: F811
    """``--contact`` is refused with the reason, exit 2, and no card is made."""
    model_id = _recognised_model(team_dir)
    done = danvan("network", "share", model_id, "--contact", "0905 999 888", data_dir=team_dir)
    assert done.returncode == 2
    assert "Không nhập liên hệ khi chia sẻ" in done.stderr
    assert danvan("network", "list", "--json", data_dir=team_dir).stdout.strip() == "[]"


def test_share_takes_the_contact_the_team_agreed_to(team_dir: Path) -> None:  # noqa: F811
    """The team's consent recorded with ``update model``: the shared card carries it."""
    model_id = _team_model(team_dir)
    consent = danvan(
        "update", "model", model_id, "contact_consent=có", "contact_name=Nguyễn Thị Lan",
        "contact_role=Tổ trưởng", "contact_phone=0905 123 456", data_dir=team_dir,
    )  # fmt: skip
    assert consent.returncode == 0, consent.stderr
    _as_reviewer(team_dir)
    done = danvan("network", "share", model_id, data_dir=team_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "Liên hệ: Nguyễn Thị Lan (Tổ trưởng), 0905 123 456"


def test_share_without_consent_says_so(team_dir: Path) -> None:  # noqa: F811
    """No consent: the card has no contact and the command says the team did not agree."""
    model_id = _recognised_model(team_dir)
    done = danvan("network", "share", model_id, data_dir=team_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "Tổ không đồng ý chia sẻ liên hệ."
