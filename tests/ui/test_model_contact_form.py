"""The model form's consent to give a contact to the network, and the share panel that
shows it read-only (offscreen, real store)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog
from danvan_desktop.ui.network.replications_panel import ReplicationsPanel
from danvan_desktop.ui.task_runner import TaskRunner

from .helpers import WAIT_MS, call, type_text

LAN = {
    "contact_consent": True,
    "contact_name": "Nguyễn Thị Lan",
    "contact_role": "Tổ trưởng",
    "contact_phone": "0905 123 456",
}
CONTACT_KEYS = ("contact_consent", "contact_name", "contact_role", "contact_phone")


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left with refused changes is closed at the end without asking."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def _model(qtbot: QtBot, runner: TaskRunner, **fields: Any) -> str:
    return str(
        call(
            qtbot,
            runner,
            lambda ctx: (
                ctx.session.add_model(
                    name="Phân loại rác tại nguồn", field_code="new_rural", year=2026, **fields
                ).record_id
            ),
        )
    )


def _form(qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str) -> ModelFormDialog:
    dialog = ModelFormDialog(runner, bus, model_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def _stored(qtbot: QtBot, runner: TaskRunner, model_id: str) -> list[Any]:
    model = call(qtbot, runner, lambda ctx: ctx.session.get_record("model", model_id))
    return [model[k] for k in CONTACT_KEYS]


def test_the_contact_boxes_wait_for_the_consent(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Unticked, the contact's boxes are greyed; ticking the box opens them."""
    dialog = _form(qtbot, open_runner, bus, _model(qtbot, open_runner))
    assert not dialog.contact.consent.isChecked()
    assert not dialog.contact.edits["contact_name"].isEnabled()
    dialog.contact.consent.click()
    assert dialog.contact.edits["contact_name"].isEnabled()


def test_a_ticked_consent_is_saved_with_the_typed_contact(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Tick, type the name, role and phone, save: the model holds them."""
    model_id = _model(qtbot, open_runner)
    dialog = _form(qtbot, open_runner, bus, model_id)
    dialog.contact.consent.click()
    for name in ("contact_name", "contact_role", "contact_phone"):
        type_text(dialog.contact.edits[name], LAN[name])
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()
    assert _stored(qtbot, open_runner, model_id) == [
        1,
        "Nguyễn Thị Lan",
        "Tổ trưởng",
        "0905 123 456",
    ]


def test_a_consent_without_a_name_is_shown_beside_the_name(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Ticked with only a phone: the message is under «Người liên hệ», nothing saved."""
    model_id = _model(qtbot, open_runner)
    dialog = _form(qtbot, open_runner, bus, model_id)
    dialog.contact.consent.click()
    type_text(dialog.contact.edits["contact_phone"], "0905 123 456")
    dialog.save()
    error = dialog.errors["contact_name"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == (
        "Tổ đồng ý chia sẻ liên hệ nhưng chưa ghi người liên hệ: hãy nhập họ tên, hoặc bỏ "
        "chọn «Đồng ý chia sẻ thông tin liên hệ với mạng lưới»."
    )
    assert _stored(qtbot, open_runner, model_id) == [None, None, None, None]


def test_a_phone_that_is_no_number_is_shown_beside_the_phone(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """«090 5» as the phone: the message is under the phone box."""
    dialog = _form(qtbot, open_runner, bus, _model(qtbot, open_runner))
    dialog.contact.consent.click()
    type_text(dialog.contact.edits["contact_name"], "Nguyễn Thị Lan")
    type_text(dialog.contact.edits["contact_phone"], "090 5")
    dialog.save()
    qtbot.waitUntil(dialog.errors["contact_phone"].isVisible, timeout=WAIT_MS)
    assert not dialog.errors["contact_name"].isVisible()


def test_unticking_the_consent_removes_the_contact(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """A consented model unticked and saved holds no contact any more."""
    model_id = _model(qtbot, open_runner, **LAN)
    dialog = _form(qtbot, open_runner, bus, model_id)
    assert dialog.contact.edits["contact_name"].text() == "Nguyễn Thị Lan"
    dialog.contact.consent.click()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save()
    assert _stored(qtbot, open_runner, model_id) == [0, None, None, None]


def _reviewer_panel(
    qtbot: QtBot, runner: TaskRunner, bus: EventBus, model_id: str
) -> ReplicationsPanel:
    call(qtbot, runner, lambda ctx: ctx.session.store.set_meta("sync_role", "reviewer"))
    panel = ReplicationsPanel(runner, bus)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.set_model(model_id, "recognised")
    return panel


def test_the_share_panel_shows_the_teams_contact_read_only(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """A reviewer sees the contact the card will carry, as text, not a box to type in."""
    panel = _reviewer_panel(qtbot, open_runner, bus, _model(qtbot, open_runner, **LAN))
    assert panel.contact.text() == (
        "Liên hệ trên thẻ (tổ đã đồng ý): Nguyễn Thị Lan (Tổ trưởng), 0905 123 456"
    )


def test_the_share_panel_says_when_the_team_did_not_agree(
    qtbot: QtBot, open_runner: TaskRunner, bus: EventBus
) -> None:
    """Without the team's consent the panel says the card has no contact."""
    panel = _reviewer_panel(qtbot, open_runner, bus, _model(qtbot, open_runner))
    assert panel.contact.text() == "Tổ không đồng ý chia sẻ liên hệ."
