"""The first-run wizard: where the team is, who leads it, and (optionally) its server.

Three short pages; Huế is the first province and its communes come from the
official list. The server address and enrollment code may stay empty: the
application works fully without them and they can be entered later in Cài đặt.
Finishing saves everything on the DB lane; the wizard closes only when the store
has accepted it, and shows the store's message otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.vocab import VILLAGE_KINDS, label
from danvan_desktop.session.places import HUE_PROVINCE_CODE, communes_of, provinces
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE, FieldError, add_row

PHONE = re.compile(r"^\+?[0-9 .]{8,20}$")


@dataclass(frozen=True)
class WizardAnswers:
    """What the wizard collected."""

    province_code: int
    commune_code: int
    village_kind: str
    village_name: str
    team_name: str
    leader_name: str
    leader_phone: str | None
    server_url: str | None
    enrollment_code: str | None

    def team_setup(self) -> dict[str, Any]:
        """The keyword arguments of ``Session.initialise_team``."""
        return {
            "province_code": self.province_code,
            "commune_code": self.commune_code,
            "village_kind": self.village_kind,
            "village_name": self.village_name,
            "team_name": self.team_name,
            "leader_name": self.leader_name,
            "leader_phone": self.leader_phone,
        }


def save_answers(ctx: JobContext, answers: WizardAnswers) -> None:
    """Set up the team and store the optional server settings (DB lane)."""
    session = ctx.session
    session.initialise_team(**answers.team_setup())
    if answers.server_url:
        session.change_setting("server_url", answers.server_url)
    if answers.enrollment_code:
        session.change_setting("enrollment_code", answers.enrollment_code)


def _text(edit: QLineEdit) -> str:
    return " ".join(edit.text().split())


class PlacePage(QWizardPage):
    """Province, commune, and the village or residential group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Wizard", "Địa bàn của tổ"))
        self.setSubTitle(
            tr("Wizard", "Chọn tỉnh, thành phố và xã, phường; nhập tên thôn, tổ dân phố.")
        )
        form = QFormLayout(self)
        self.province = QComboBox()
        for place in provinces():
            self.province.addItem(place.name, place.code)
        self.commune = QComboBox()
        self.kind = QComboBox()
        for code in VILLAGE_KINDS:
            self.kind.addItem(label(VILLAGE_KINDS, code), code)
        self.kind.setCurrentIndex(list(VILLAGE_KINDS).index("to_dan_pho"))
        self.village = QLineEdit()
        self.village.setMaxLength(200)
        self.village.setPlaceholderText(tr("Wizard", "Ví dụ: Tổ dân phố 5"))
        add_row(form, tr("Wizard", "Tỉnh, thành phố"), self.province)
        self.commune_error = add_row(form, tr("Wizard", "Xã, phường"), self.commune)
        add_row(form, tr("Wizard", "Loại địa bàn"), self.kind)
        self.village_error = add_row(form, tr("Wizard", "Tên thôn, tổ dân phố"), self.village)
        self.province.currentIndexChanged.connect(self._fill_communes)
        self.village.textChanged.connect(self.completeChanged)
        self._fill_communes()

    def _fill_communes(self) -> None:
        self.commune.clear()
        for place in communes_of(int(self.province.currentData())):
            self.commune.addItem(place.name, place.code)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Next is enabled once a commune is chosen and the village is named."""
        return self.commune.count() > 0 and bool(_text(self.village))

    def validatePage(self) -> bool:
        """Say what is missing beside the field."""
        self.village_error.show_message(
            "" if _text(self.village) else tr("Wizard", "Hãy nhập tên thôn hoặc tổ dân phố.")
        )
        return self.isComplete()


class TeamPage(QWizardPage):
    """The team's name and its leader."""

    def __init__(self, place: PlacePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place = place
        self.setTitle(tr("Wizard", "Tổ dân vận"))
        self.setSubTitle(tr("Wizard", "Tên tổ và người tổ trưởng."))
        form = QFormLayout(self)
        self.team = QLineEdit()
        self.team.setMaxLength(200)
        self.leader = QLineEdit()
        self.leader.setMaxLength(120)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(tr("Wizard", "Không bắt buộc, ví dụ 0905 123 456"))
        self.team_error = add_row(form, tr("Wizard", "Tên tổ dân vận"), self.team)
        self.leader_error = add_row(form, tr("Wizard", "Họ và tên tổ trưởng"), self.leader)
        self.phone_error = add_row(form, tr("Wizard", "Số điện thoại"), self.phone)
        for edit in (self.team, self.leader):
            edit.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        """Suggest the team's name from the village."""
        if not _text(self.team):
            village = _text(self._place.village)
            self.team.setText(tr("Wizard", "Tổ dân vận {village}", village=village.lower()))

    def isComplete(self) -> bool:
        """Next is enabled once the team and its leader are named."""
        return bool(_text(self.team)) and bool(_text(self.leader))

    def validatePage(self) -> bool:
        """Check the phone number's form beside the field."""
        phone = _text(self.phone)
        ok = not phone or bool(PHONE.match(phone))
        self.phone_error.show_message(
            ""
            if ok
            else tr(
                "Wizard",
                "Số điện thoại chỉ gồm chữ số (có thể có dấu + ở đầu), từ 8 đến 20 ký tự; "
                "hãy sửa lại hoặc để trống.",
            )
        )
        return ok and self.isComplete()


class ServerPage(QWizardPage):
    """The optional city server and enrollment code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Wizard", "Máy chủ của thành phố (không bắt buộc)"))
        self.setSubTitle(
            tr(
                "Wizard",
                "Ứng dụng dùng được đầy đủ khi không có mạng và không có máy chủ. Có thể để "
                "trống và nhập sau trong mục Cài đặt.",
            )
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://danvan.hue.gov.vn")
        self.code = QLineEdit()
        self.code.setMaxLength(64)
        self.server_error = add_row(form, tr("Wizard", "Địa chỉ máy chủ"), self.server)
        add_row(form, tr("Wizard", "Mã đăng ký thiết bị"), self.code)
        self.save_error = FieldError()
        layout.addWidget(self.save_error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        """A server address, when given, must be https (the link is always encrypted)."""
        url = self.server.text().strip()
        ok = not url or url.lower().startswith("https://")
        self.server_error.show_message(
            ""
            if ok
            else tr(
                "Wizard",
                "Địa chỉ máy chủ phải bắt đầu bằng https:// ; hãy sửa lại hoặc để trống.",
            )
        )
        return ok


class FirstRunWizard(QWizard):
    """Collects the team's setup and saves it through the runner.

    Signals:
        team_created(): the store accepted the setup; the main window may open.
    """

    team_created = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._saving = False
        self.setWindowTitle(tr("Wizard", "Dân vận khéo — thiết lập lần đầu"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.place_page = PlacePage()
        self.team_page = TeamPage(self.place_page)
        self.server_page = ServerPage()
        for page in (self.place_page, self.team_page, self.server_page):
            self.addPage(page)
        self.resize(640, 480)
        self._select_default_commune()

    def _select_default_commune(self) -> None:
        index = self.place_page.province.findData(HUE_PROVINCE_CODE)
        self.place_page.province.setCurrentIndex(max(index, 0))

    def answers(self) -> WizardAnswers:
        """What the user entered, trimmed."""
        place, team, server = self.place_page, self.team_page, self.server_page
        return WizardAnswers(
            province_code=int(place.province.currentData()),
            commune_code=int(place.commune.currentData()),
            village_kind=str(place.kind.currentData()),
            village_name=_text(place.village),
            team_name=_text(team.team),
            leader_name=_text(team.leader),
            leader_phone=_text(team.phone) or None,
            server_url=server.server.text().strip() or None,
            enrollment_code=server.code.text().strip() or None,
        )

    def accept(self) -> None:
        """Save on the DB lane; close only when the store has accepted the setup."""
        if self._saving or not self.validateCurrentPage():
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.server_page.save_error.show_message(tr("Wizard", "Đang lưu…"))
        self.server_page.save_error.setStyleSheet("")
        answers = self.answers()
        self._runner.db(
            lambda ctx: save_answers(ctx, answers),
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
        )

    def _saved(self, _: object) -> None:
        self._saving = False
        self.team_created.emit()
        QDialog.accept(self)  # the page was validated before saving

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.server_page.save_error.setStyleSheet(ERROR_STYLE)
        if isinstance(error, ValidationError):
            message = "\n".join(p.message for p in error.problems)
        elif isinstance(error, DanvanError):
            message = error.message
        else:
            message = tr(
                "Wizard", "Không lưu được thiết lập ({error}); hãy thử lại.", error=str(error)
            )
        self.server_page.save_error.show_message(message)
