"""«Nơi nhân rộng»: the model page's panel of where a model has been replicated.

The source team and the reviewers above it see each village that replicated the model,
with that model's status and the date (from the replication links sync brings). A model
registered from another unit's model says which. A reviewer's laptop also has «Chia sẻ
lên mạng lưới» here for a recognised model: the card goes up with the next sync. The
card's contact is shown read-only beside the button: the one the team agreed to give on
the model form, or «Tổ không đồng ý chia sẻ liên hệ» (the reviewer cannot type another).
Reads run on the read lane, the share on the DB lane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.core.network import Replication
from danvan_desktop.core.vocab import MODEL_STATUSES, label
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.network.card_texts import Confirm, ask
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import date_text, tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE
from danvan_desktop.ui.widgets.record_table import Column, RecordTableModel, record_view

SHAREABLE_STATUSES = ("recognised",)


def load_replications(ctx: JobContext, model_id: str) -> dict[str, Any]:
    """Where the model went, where it came from, and whether this laptop may share it."""
    session, db = ctx.session, ctx.reader
    return {
        "replications": session.replications_of(model_id, db=db),
        "source": session.replicated_from(model_id, db=db),
        "reviewer": session.is_reviewer,
        "contact": session.team_contact(model_id, db=db),
    }


def contact_text(contact: str | None) -> str:
    """What the card's contact line says before sharing: the team's contact, or none."""
    if contact:
        return tr(
            "ReplicationsPanel", "Liên hệ trên thẻ (tổ đã đồng ý): {contact}", contact=contact
        )
    return tr("ReplicationsPanel", "Tổ không đồng ý chia sẻ liên hệ.")


def replication_row(replication: Replication) -> dict[str, Any]:
    """One row of the panel: the village, its model's status, the date."""
    return {
        "id": replication.model_uid,
        "village": replication.village_name,
        "status": label(MODEL_STATUSES, replication.status),
        "date": replication.replicated_on.isoformat(),
    }


class ReplicationsPanel(QWidget):
    """The «Nơi nhân rộng» tab of a model's page.

    Signals:
        loaded(int): the panel shows this many replications.
        shared(object): the model was shared with the network (the card).
    """

    loaded = Signal(int)
    shared = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        *,
        confirm: Confirm = ask,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self._confirm: Callable[[QWidget, str, str], bool] = confirm
        self.model_id: str | None = None
        self.status: str | None = None
        self.team_contact: str | None = None
        self.table_model = RecordTableModel(
            [
                Column("village", tr("ReplicationsPanel", "Thôn, tổ dân phố"), width=0),
                Column("status", tr("ReplicationsPanel", "Trạng thái"), width=22),
                Column("date", tr("ReplicationsPanel", "Ngày nhân rộng"), "date", width=14),
            ],
            self,
        )
        self.table_model.set_read_only(True)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.hide()
        layout.addWidget(self.source)
        self.table = record_view(self.table_model)
        layout.addWidget(self.table, 1)
        self.contact = QLabel()  # read-only: the team's consent decides it
        self.contact.setWordWrap(True)
        self.contact.hide()
        layout.addWidget(self.contact)
        row = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self.share_button = QPushButton(tr("ReplicationsPanel", "Chia sẻ lên mạng lưới"))
        self.share_button.hide()
        self.share_button.clicked.connect(self.share)
        row.addWidget(self.share_button)
        layout.addLayout(row)
        bus.data_changed.connect(self._on_data_changed)

    def set_model(self, model_id: str | None, status: str | None = None) -> None:
        """Show the replications of ``model_id`` (None: a model not saved yet); ``status``
        is the model's, which says whether a reviewer may share it."""
        self.model_id = model_id
        self.status = status
        if model_id is None:
            self.table_model.set_rows([])
            self.summary.setText(
                tr("ReplicationsPanel", "Lưu mô hình trước, rồi xem nơi nhân rộng ở đây.")
            )
            return
        self._runner.read(
            lambda ctx: load_replications(ctx, model_id), on_done=self._show, owner=self
        )

    def _on_data_changed(self, entities: object) -> None:
        if (
            self.model_id
            and isinstance(entities, set | frozenset)
            and ({"replication_link", "model"} & entities)
        ):
            self.set_model(self.model_id, self.status)

    def _show(self, data: dict[str, Any]) -> None:
        replications: list[Replication] = data["replications"]
        self.table_model.set_rows([replication_row(r) for r in replications])
        if replications:
            self.summary.setText(
                tr(
                    "ReplicationsPanel",
                    "Được nhân rộng: mô hình đã được học tập, nhân rộng ở {count} nơi.",
                    count=len(replications),
                )
            )
        else:
            self.summary.setText(tr("ReplicationsPanel", "Chưa có nơi nào nhân rộng mô hình này."))
        source: Replication | None = data["source"]
        self.source.setVisible(source is not None)
        if source is not None:
            self.source.setText(
                tr(
                    "ReplicationsPanel",
                    "Mô hình này được nhân rộng từ một mô hình trên mạng lưới, ngày {day}.",
                    day=date_text(source.replicated_on),
                )
            )
        reviewer = bool(data["reviewer"])
        self.team_contact = data["contact"]
        self.contact.setText(contact_text(self.team_contact))
        self.contact.setVisible(reviewer)
        self.share_button.setVisible(reviewer)
        self.share_button.setEnabled(reviewer and self.status in SHAREABLE_STATUSES)
        self.loaded.emit(len(replications))

    # -- sharing (reviewer) ---------------------------------------------------------------
    def share(self) -> None:
        """«Chia sẻ lên mạng lưới»: confirm, then share the model as a card (DB lane)."""
        model_id = self.model_id
        if model_id is None:
            return
        question = tr(
            "ReplicationsPanel",
            "Chia sẻ mô hình này lên mạng lưới? Các tổ thuộc địa bàn sẽ đọc được thẻ mô hình "
            "sau lần đồng bộ tới; thẻ không có thông tin cá nhân của người dân.",
        )
        question += "\n\n" + contact_text(self.team_contact)
        if not self._confirm(self, tr("ReplicationsPanel", "Chia sẻ lên mạng lưới"), question):
            return
        self.share_button.setEnabled(False)
        self._runner.db(
            lambda ctx: ctx.session.share_model(model_id),
            on_done=self._shared,
            on_error=self._refused,
            owner=self,
        )

    def _shared(self, card: Any) -> None:
        self.share_button.setEnabled(True)
        self.message.setStyleSheet("")
        self.message.setText(
            tr("ReplicationsPanel", "Đã chia sẻ; thẻ lên máy chủ của thành phố lần đồng bộ tới.")
        )
        self._bus.data_changed.emit({"network_card"})
        self.shared.emit(card)

    def _refused(self, error: BaseException) -> None:
        self.share_button.setEnabled(True)
        problems = getattr(error, "problems", None)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText("\n".join(p.message for p in problems) if problems else str(error))
