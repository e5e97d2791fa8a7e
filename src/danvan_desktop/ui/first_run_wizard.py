"""The first-run wizard: where the team is, who leads it, and (optionally) its server.

Three short pages; Huế is the first province and its communes come from the
official list. The server address and enrollment code may stay empty: the
application works fully without them and they can be entered later in Cài đặt.
Next is always offered: pressing it holds each answer of the page to what the store
will keep (needed names, core's lengths and the phone rule) and, when one is not,
stays on the page with the message beside that field, so Finish never fails for an
answer of an earlier page. Finishing saves everything on the DB lane; the wizard
closes only when the store has accepted it, and shows the store's message otherwise.

«Máy thay thế» (a replacement laptop of a team the server holds, or a commune or city
reviewer's laptop) skips the team's pages: the server address and code are needed,
and finishing enrolls and pulls on the network lane (``Session.set_up_from_server``),
creating nothing of its own.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from danvan_desktop.core.coercion import problem_message
from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.field_rules import phone_problem, value_problem
from danvan_desktop.core.schema import MEMBER, TEAM, UNIT, FieldSpec
from danvan_desktop.core.vocab import VILLAGE_KINDS, label, team_name_for
from danvan_desktop.session.places import HUE_PROVINCE_CODE, communes_of, provinces
from danvan_desktop.ui.sync.writer_turns import WriterTurns
from danvan_desktop.ui.task_runner import JobContext, TaskRunner
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import ERROR_STYLE, FieldError, add_row

PLACE_PAGE, TEAM_PAGE, SERVER_PAGE = 0, 1, 2


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


def set_up_from_server(runner: TaskRunner, answers: WizardAnswers, ctx: JobContext) -> None:
    """A replacement or reviewer's laptop: enroll, then the first sync (network lane)."""
    with WriterTurns(runner, threading.Event()) as turns:
        session = turns.session
        session.set_up_from_server(
            server_url=answers.server_url or "",
            code=answers.enrollment_code or "",
            on_wire=turns.on_wire,
        )
        session.sync_now(on_wire=turns.on_wire)


def _text(edit: QLineEdit) -> str:
    return " ".join(edit.text().split())


def _require(edit: QLineEdit, error: FieldError, missing: str) -> None:
    """Take back the ``missing`` message beside ``edit`` as soon as something is typed."""

    def typed(text: str) -> None:
        if text.strip() and error.text() == missing:
            error.clear_message()

    edit.textChanged.connect(typed)


def _named(edit: QLineEdit, error: FieldError, spec: FieldSpec, missing: str) -> bool:
    """Say beside ``edit`` why its name cannot be kept: ``missing`` when it is empty, core's
    message when it breaks the rule of ``spec`` (its length); True when it can be kept."""
    text = _text(edit)
    problem = value_problem(spec, text)
    message = problem_message(spec, problem, text) if problem else ("" if text else missing)
    error.show_message(message)
    return not message


class PlacePage(QWizardPage):
    """Province, commune, and the village or residential group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Wizard", "Địa bàn của tổ"))
        self.setSubTitle(
            tr("Wizard", "Chọn tỉnh, thành phố và xã, phường; nhập tên thôn, tổ dân phố.")
        )
        form = QFormLayout(self)
        self.new_team = QRadioButton(tr("Wizard", "Tổ mới"))
        self.new_team.setChecked(True)
        self.replacement = QRadioButton(
            tr("Wizard", "Máy thay thế (tổ đã có trên máy chủ, hoặc máy của cấp xã, thành phố)")
        )
        form.addRow(self.new_team)
        form.addRow(self.replacement)
        self.province = QComboBox()
        for place in provinces():
            self.province.addItem(place.name, place.code)
        self.commune = QComboBox()
        self.kind = QComboBox()
        for code in VILLAGE_KINDS:
            self.kind.addItem(label(VILLAGE_KINDS, code), code)
        self.kind.setCurrentIndex(list(VILLAGE_KINDS).index("to_dan_pho"))
        self.village = QLineEdit()
        watch_length(self.village, UNIT, "name")
        self.village.setPlaceholderText(tr("Wizard", "Ví dụ: Tổ dân phố 5"))
        add_row(form, tr("Wizard", "Tỉnh, thành phố"), self.province)
        self.commune_error = add_row(form, tr("Wizard", "Xã, phường"), self.commune)
        add_row(form, tr("Wizard", "Loại địa bàn"), self.kind)
        self.village_error = add_row(form, tr("Wizard", "Tên thôn, tổ dân phố"), self.village)
        _require(self.village, self.village_error, self._missing())
        self.province.currentIndexChanged.connect(self._fill_communes)
        self._fill_communes()

    @staticmethod
    def _missing() -> str:
        return tr("Wizard", "Chưa có tên thôn, tổ dân phố: hãy nhập tên, ví dụ Tổ dân phố 5.")

    def _fill_communes(self) -> None:
        self.commune.clear()
        for place in communes_of(int(self.province.currentData())):
            self.commune.addItem(place.name, place.code)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Next is enabled once there is a commune to choose; what the village's name
        lacks is said beside it when Next is pressed (``validatePage``)."""
        return self.commune.count() > 0

    def validatePage(self) -> bool:
        """Go on only with a village name the store keeps; otherwise say why beside it.
        A replacement laptop names no village: the server holds its unit."""
        if self.replacement.isChecked():
            return True
        return _named(self.village, self.village_error, UNIT.field("name"), self._missing())

    def nextId(self) -> int:
        """A replacement laptop goes straight to the server's page."""
        return SERVER_PAGE if self.replacement.isChecked() else TEAM_PAGE


class TeamPage(QWizardPage):
    """The team's name and its leader."""

    def __init__(self, place: PlacePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place = place
        self.setTitle(tr("Wizard", "Tổ dân vận"))
        self.setSubTitle(tr("Wizard", "Tên tổ và người tổ trưởng."))
        form = QFormLayout(self)
        self.team = QLineEdit()
        watch_length(self.team, TEAM, "name")
        self.leader = QLineEdit()
        watch_length(self.leader, MEMBER, "full_name")
        self.phone = QLineEdit()
        watch_length(self.phone, MEMBER, "phone")
        self.phone.setPlaceholderText(tr("Wizard", "Không bắt buộc, ví dụ 0905 123 456"))
        self.team_error = add_row(form, tr("Wizard", "Tên tổ dân vận"), self.team)
        self.leader_error = add_row(form, tr("Wizard", "Họ và tên tổ trưởng"), self.leader)
        self.phone_error = add_row(form, tr("Wizard", "Số điện thoại"), self.phone)
        _require(self.team, self.team_error, self._missing_team())
        _require(self.leader, self.leader_error, self._missing_leader())

    @staticmethod
    def _missing_team() -> str:
        return tr(
            "Wizard", "Chưa có tên tổ dân vận: hãy nhập tên tổ, ví dụ Tổ dân vận tổ dân phố 5."
        )

    @staticmethod
    def _missing_leader() -> str:
        return tr("Wizard", "Chưa có họ và tên tổ trưởng: hãy nhập họ và tên của tổ trưởng.")

    def initializePage(self) -> None:
        """Suggest the team's name from the village, its letters kept as typed."""
        if not _text(self.team):
            self.team.setText(team_name_for(_text(self._place.village)))

    def validatePage(self) -> bool:
        """Go on only with answers the store keeps: the team's and the leader's names
        (needed, within core's lengths) and the phone number (optional, a phone number);
        each problem is said beside its field, all at once."""
        team = _named(self.team, self.team_error, TEAM.field("name"), self._missing_team())
        leader = _named(
            self.leader, self.leader_error, MEMBER.field("full_name"), self._missing_leader()
        )
        phone, spec = _text(self.phone), MEMBER.field("phone")
        problem = (value_problem(spec, phone) or phone_problem(phone)) if phone else None
        self.phone_error.show_message(problem_message(spec, problem, phone) if problem else "")
        return team and leader and problem is None


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
        self.server_error = add_row(form, tr("Wizard", "Địa chỉ máy chủ"), self.server)
        self.code_error = add_row(form, tr("Wizard", "Mã đăng ký thiết bị"), self.code)
        self.save_error = FieldError()
        layout.addWidget(self.save_error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        """A server address, when given, must be https (the link is always encrypted);
        a replacement laptop needs the address and its code."""
        url = self.server.text().strip()
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard) and wizard.replacing and not url:
            self.server_error.show_message(
                tr(
                    "Wizard",
                    "Máy thay thế cần địa chỉ máy chủ: hãy nhập địa chỉ do cán bộ quản trị cấp.",
                )
            )
            return False
        if isinstance(wizard, FirstRunWizard) and wizard.replacing and not self.code.text().strip():
            self.code_error.show_message(
                tr("Wizard", "Máy thay thế cần mã đăng ký: hãy nhập mã do cán bộ quản trị cấp.")
            )
            return False
        self.code_error.show_message("")
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
        for page_id, page in (
            (PLACE_PAGE, self.place_page),
            (TEAM_PAGE, self.team_page),
            (SERVER_PAGE, self.server_page),
        ):
            self.setPage(page_id, page)
        self.resize(640, 480)
        self._select_default_commune()

    def _select_default_commune(self) -> None:
        index = self.place_page.province.findData(HUE_PROVINCE_CODE)
        self.place_page.province.setCurrentIndex(max(index, 0))

    @property
    def replacing(self) -> bool:
        """True when «Máy thay thế» is chosen: set up from the server, nothing made here."""
        return self.place_page.replacement.isChecked()

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
        if self.replacing:
            runner = self._runner
            runner.network(
                lambda ctx: set_up_from_server(runner, answers, ctx),
                on_done=self._saved,
                on_error=self._failed,
                owner=self,
            )
            return
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
