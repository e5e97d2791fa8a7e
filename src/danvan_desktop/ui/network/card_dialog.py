"""A card's page: what a recognised model is, where it runs, what it achieved, its photos.

Everything shown is held on this laptop (read lane): the name, field and place, the ten
registration items, results and indicators, the recognitions, the photos as small
thumbnails, and the contact when the team agreed to give one. «Xem ảnh đầy đủ» fetches
the full photo on the network lane when the city's server can be reached.

A team laptop has «Học tập, nhân rộng»: after a confirmation it registers a model in the
team prefilled from the card, with its replication link (DB lane), and opens it. A
reviewer laptop has «Thu hồi» instead, which withdraws the card from the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.core.network import NetworkCard
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import heading
from danvan_desktop.ui.network.card_texts import (
    Confirm,
    ask,
    level_text,
    place_text,
    recognition_text,
)
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE

THUMB_SIZE = 160
LIBRARY_ENTITY = "network_card"  # what a sync or bundle reports when the library changed


def load_card(ctx: JobContext, card_id: str) -> dict[str, Any]:
    """The card, its thumbnails and what this laptop may do with it (read lane)."""
    session, db = ctx.session, ctx.reader
    card = session.network_card(card_id, db=db)
    thumbs: dict[str, bytes | None] = {}
    if card is not None:
        for photo in card.photos:
            thumbs[photo.attachment_id] = session.card_thumbnail(
                card.id, photo.attachment_id, db=db
            )
    return {"card": card, "thumbs": thumbs, "reviewer": session.is_reviewer}


def replicate(ctx: JobContext, card_id: str) -> Any:
    """«Học tập, nhân rộng»: the new model and its link (DB lane)."""
    return ctx.session.replicate_card(card_id)


class CardDialog(QDialog):
    """One card of the network library.

    Signals:
        loaded(): the card is shown.
        gone(): the card is not held any more (withdrawn); the replicate button is off.
        replicated(str): a model was registered from the card (its id).
        withdrawn(str): the card was withdrawn (its id).
        model_opened(object): the new model's form is on screen.
    """

    loaded = Signal()
    gone = Signal()
    replicated = Signal(str)
    withdrawn = Signal(str)
    model_opened = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        bus: EventBus,
        card_id: str,
        *,
        confirm: Confirm = ask,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._bus = bus
        self._confirm = confirm
        self.card_id = card_id
        self.card: NetworkCard | None = None
        self.photo_buttons: dict[str, QPushButton] = {}
        self._withdrew = False
        self.setWindowTitle(tr("CardDialog", "Mô hình trên mạng lưới"))
        self._build()
        bus.online_changed.connect(self._online_changed)
        bus.data_changed.connect(self._data_changed)
        self.reload()

    def reload(self) -> None:
        """Read the card again (read lane): a sync may have updated or withdrawn it."""
        card_id = self.card_id
        self._runner.read(
            lambda ctx: load_card(ctx, card_id),
            on_done=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _data_changed(self, entities: object) -> None:
        if isinstance(entities, set | frozenset | list | tuple) and LIBRARY_ENTITY in entities:
            self.reload()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        self.body = QVBoxLayout(body)
        self.title = heading(tr("CardDialog", "Đang tải…"))
        self.title.setWordWrap(True)
        self.body.addWidget(self.title)
        self.facts = QFormLayout()
        self.body.addLayout(self.facts)
        self.photos = QGridLayout()
        self.body.addLayout(self.photos)
        self.body.addStretch(1)
        outer.addWidget(scroll, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.replicate_button = self.buttons.addButton(
            tr("CardDialog", "Học tập, nhân rộng"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.withdraw_button = self.buttons.addButton(
            tr("CardDialog", "Thu hồi"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.replicate_button.setEnabled(False)
        self.withdraw_button.hide()
        self.replicate_button.clicked.connect(self.replicate)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.resize(720, 640)

    def _row(self, title: str, text: str) -> None:
        value = QLabel(text)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.addRow(f"<b>{title}</b>", value)

    # -- showing ----------------------------------------------------------------------
    def _clear(self) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        while self.photos.count():
            item = self.photos.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.photo_buttons.clear()

    def _show(self, data: dict[str, Any]) -> None:
        card: NetworkCard | None = data["card"]
        self._clear()
        if card is None:
            self._gone()
            return
        self.card = card
        self.title.setText(card.name)
        self._row(tr("CardDialog", "Lĩnh vực"), card.field_name)
        self._row(tr("CardDialog", "Nơi thực hiện"), place_text(card))
        self._row(tr("CardDialog", "Năm đăng ký"), str(card.year))
        for label, text in card.summary:
            self._row(tr("fields", label), text)
        if card.results:
            self._row(tr("CardDialog", "Kết quả"), card.results)
        if card.indicators:
            lines = [f"{name}: {value}" for name, value in card.indicators]
            self._row(tr("CardDialog", "Chỉ số kết quả"), "\n".join(lines))
        if card.recognitions:
            lines = [recognition_text(r) for r in card.recognitions]
            self._row(tr("CardDialog", "Công nhận"), "\n".join(lines))
        self._row(tr("CardDialog", "Chia sẻ"), level_text(card.shared_level))
        if card.contact:
            self._row(tr("CardDialog", "Liên hệ"), card.contact)
        self._show_photos(card, data["thumbs"])
        reviewer = bool(data["reviewer"])
        self.replicate_button.setVisible(not reviewer)
        self.replicate_button.setEnabled(not reviewer)
        self.withdraw_button.setVisible(reviewer)
        self.loaded.emit()

    def _gone(self) -> None:
        """The card is no longer held: withdrawn from the network (or never received)."""
        self.card = None
        self.title.setText(tr("CardDialog", "Thẻ đã được thu hồi"))
        self.replicate_button.setEnabled(False)
        self.withdraw_button.setEnabled(False)
        if not self._withdrew:  # this reviewer's own withdrawal keeps its message
            self._say(
                tr(
                    "CardDialog",
                    "Thẻ này đã được thu hồi khỏi mạng lưới nên không còn học tập, nhân rộng được. "
                    "Mô hình tổ đã đăng ký từ thẻ (nếu có) vẫn giữ nguyên.",
                ),
                error=True,
            )
        self.gone.emit()

    def _show_photos(self, card: NetworkCard, thumbs: dict[str, bytes | None]) -> None:
        for column, photo in enumerate(card.photos):
            image = QLabel()
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pixmap = QPixmap()
            data = thumbs.get(photo.attachment_id)
            if data and pixmap.loadFromData(data):
                image.setPixmap(
                    pixmap.scaled(
                        THUMB_SIZE,
                        THUMB_SIZE,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            else:
                image.setText(tr("CardDialog", "(chưa có ảnh thu nhỏ)"))
            caption = QLabel(photo.caption)
            caption.setWordWrap(True)
            button = QPushButton(tr("CardDialog", "Xem ảnh đầy đủ"))
            button.clicked.connect(lambda _c=False, a=photo.attachment_id: self.view_photo(a))
            self.photo_buttons[photo.attachment_id] = button
            self.photos.addWidget(image, 0, column)
            self.photos.addWidget(caption, 1, column)
            self.photos.addWidget(button, 2, column)

    def _online_changed(self, online: bool) -> None:
        for button in self.photo_buttons.values():
            button.setEnabled(online)

    def _failed(self, error: BaseException) -> None:
        self._say(str(error), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # -- the full photo ---------------------------------------------------------------
    def view_photo(self, attachment_id: str) -> None:
        """Fetch the full photo (network lane) when it is not held yet, then show it."""
        card_id = self.card_id
        self._say(tr("CardDialog", "Đang tải ảnh từ máy chủ của thành phố…"))
        self._runner.network(
            lambda ctx: ctx.session.fetch_card_photo(card_id, attachment_id),
            on_done=self._open_photo,
            on_error=self._photo_failed,
            owner=self,
        )

    def _open_photo(self, path: Path) -> None:
        self._say(tr("CardDialog", "Đã tải ảnh đầy đủ."))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _photo_failed(self, error: BaseException) -> None:
        self._say(
            tr(
                "CardDialog",
                "Chưa tải được ảnh đầy đủ: {reason} Hãy thử lại khi có kết nối với máy chủ của "
                "thành phố.",
                reason=str(error),
            ),
            error=True,
        )

    # -- replicate and withdraw -------------------------------------------------------
    def replicate(self) -> None:
        """«Học tập, nhân rộng»: confirm, register the model (DB lane), then open it."""
        if self.card is None:
            return
        question = tr(
            "CardDialog",
            "Đăng ký mô hình «{name}» cho tổ mình? Nội dung của thẻ được điền sẵn; tổ sửa lại "
            "cho phù hợp với địa bàn.",
            name=self.card.name,
        )
        if not self._confirm(self, tr("CardDialog", "Học tập, nhân rộng"), question):
            return
        self.replicate_button.setEnabled(False)
        card_id = self.card_id
        self._runner.db(
            lambda ctx: replicate(ctx, card_id),
            on_done=self._replicated,
            on_error=self._refused,
            owner=self,
        )

    def _replicated(self, result: Any) -> None:
        model_id = str(result.record_id)
        self._bus.data_changed.emit(set(result.entities))
        self._say(tr("CardDialog", "Đã đăng ký mô hình cho tổ. Hãy hoàn thiện nội dung đăng ký."))
        self.replicated.emit(model_id)
        self.open_model(model_id)

    def _refused(self, error: BaseException) -> None:
        self.replicate_button.setEnabled(True)
        problems = getattr(error, "problems", None)
        text = "\n".join(p.message for p in problems) if problems else str(error)
        self._say(text, error=True)

    def open_model(self, model_id: str) -> QDialog:
        """Open the form of the model registered from this card."""
        from danvan_desktop.ui.models.model_form_dialog import ModelFormDialog

        dialog = ModelFormDialog(self._runner, self._bus, model_id, parent=self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.model_opened.emit(dialog)
        return dialog

    def withdraw(self) -> None:
        """«Thu hồi» (reviewer): confirm, then withdraw the card from the network."""
        if self.card is None:
            return
        question = tr(
            "CardDialog",
            "Thu hồi thẻ «{name}» khỏi mạng lưới? Thẻ sẽ biến mất khỏi máy của các tổ sau lần "
            "đồng bộ tới.",
            name=self.card.name,
        )
        if not self._confirm(self, tr("CardDialog", "Thu hồi"), question):
            return
        card_id = self.card_id
        self._runner.db(
            lambda ctx: ctx.session.withdraw_card(card_id),
            on_done=lambda _none: self._withdrawn(),
            on_error=self._refused,
            owner=self,
        )

    def _withdrawn(self) -> None:
        self._withdrew = True
        self._bus.data_changed.emit({"network_card"})
        self.withdraw_button.setEnabled(False)
        self._say(tr("CardDialog", "Đã thu hồi thẻ; các máy khác gỡ thẻ sau lần đồng bộ tới."))
        self.withdrawn.emit(self.card_id)
