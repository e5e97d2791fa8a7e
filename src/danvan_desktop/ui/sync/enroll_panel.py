"""The city's server on the Đồng bộ page: its address, the city's CA file, enrollment.

This panel is the one place where the server's address is typed (Cài đặt only shows
it and sends the leader here): the address matters only for sync, and here it sits
beside what it is for (the code, the CA file, whether the server answers), where the
sync messages point. The field shows the stored address, and follows it when it
changes, unless the leader is typing another one; «Lưu địa chỉ» stores a new one
(a server that moved) without enrolling again.

A laptop is enrolled once, with a single-use code a server administrator made;
enrolling again (a replacement laptop, or a reinstalled one) takes a fresh code
and then pulls the team's whole data. The CA file is the city's own
certificate authority, for a server whose certificate the operating system does
not trust; it is stored at once as the ``ca_bundle`` setting. The panel only
collects and asks; the page does the work.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from danvan_desktop.core.errors import DanvanError, ValidationError
from danvan_desktop.core.server_address import server_url_allowed
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row


class EnrollPanel(QGroupBox):
    """Server address, CA file, enrollment code and the enroll button.

    Signals:
        enroll_requested(str, str, str): server address, code, CA file ("" for none).
        ca_file_chosen(str): the CA file to store ("" to go back to the system's trust).
        server_save_requested(str): the (checked) server address to store.
    """

    enroll_requested = Signal(str, str, str)
    ca_file_chosen = Signal(str)
    server_save_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("SyncPage", "Máy chủ của thành phố"), parent)
        self.enrolled = False
        self.stored_server = ""  # the address the store holds, as last read
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://danvan.hue.gov.vn")
        self.ca_file = QLineEdit()
        self.ca_file.setReadOnly(True)
        self.ca_file.setPlaceholderText(tr("SyncPage", "Chứng chỉ của hệ thống"))
        self.ca_button = QPushButton(tr("SyncPage", "Chọn tệp…"))
        self.ca_clear = QPushButton(tr("SyncPage", "Bỏ"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("SyncPage", "Mã do cán bộ quản trị máy chủ cấp"))
        # The code is a secret until used: masked, shown in clear only while typed.
        self.code.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.enroll_button = QPushButton()
        self.save_server_button = QPushButton(tr("SyncPage", "Lưu địa chỉ"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        server_row = QWidget()
        server_layout = QHBoxLayout(server_row)
        server_layout.setContentsMargins(0, 0, 0, 0)
        server_layout.addWidget(self.server, 1)
        server_layout.addWidget(self.save_server_button)
        self.server_error: FieldError = add_row(form, tr("SyncPage", "Địa chỉ máy chủ"), server_row)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file, 1)
        ca_layout.addWidget(self.ca_button)
        ca_layout.addWidget(self.ca_clear)
        self.ca_error = add_row(form, tr("SyncPage", "Chứng chỉ (CA) của thành phố"), ca_row)
        self.code_error = add_row(form, tr("SyncPage", "Mã đăng ký"), self.code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enroll_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.note)
        self.enroll_button.clicked.connect(self.request_enroll)
        self.save_server_button.clicked.connect(self.request_save_server)
        self.ca_button.clicked.connect(self.choose_ca_file)
        self.ca_clear.clicked.connect(lambda: self.set_ca_file(""))
        self.show_enrolled(False, "")

    def show_enrolled(self, enrolled: bool, server_url: str) -> None:
        """Say whether this laptop is enrolled, and offer enrolling (again)."""
        self.enrolled = enrolled
        self.show_stored_server(server_url)
        if enrolled:
            self.enroll_button.setText(tr("SyncPage", "Đăng ký lại"))
            self.note.setText(
                tr(
                    "SyncPage",
                    "Máy này đã đăng ký với máy chủ {server}. Chỉ đăng ký lại khi thay máy "
                    "hoặc cài lại: cần mã mới, rồi máy nhận lại toàn bộ dữ liệu của tổ.",
                    server=server_url,
                )
            )
        else:
            self.enroll_button.setText(tr("SyncPage", "Đăng ký máy này"))
            self.note.setText(
                tr(
                    "SyncPage",
                    "Máy này chưa đăng ký với máy chủ của thành phố. Nhập địa chỉ máy chủ và mã "
                    "đăng ký "
                    "do cán bộ quản trị cung cấp; máy thay thế sẽ nhận toàn bộ dữ liệu của tổ.",
                )
            )

    def show_stored_server(self, server_url: str) -> None:
        """Show the stored address, unless the leader is typing another one."""
        typed = self.server.text().strip()
        if typed in ("", self.stored_server) and not self.server.hasFocus():
            self.server.setText(server_url)
        self.stored_server = server_url

    def request_save_server(self) -> None:
        """Check the address, then ask the page to store it."""
        self.server_error.clear_message()
        url = self.server.text().strip()
        if not url:
            self.server_error.show_message(
                tr("SyncPage", "Hãy nhập địa chỉ máy chủ, ví dụ https://danvan.hue.gov.vn.")
            )
            return
        if not server_url_allowed(url):
            self.server_error.show_message(
                tr("SyncPage", "Địa chỉ máy chủ phải bắt đầu bằng https:// ; hãy sửa lại.")
            )
            return
        self.server_save_requested.emit(url)

    def show_saved_code(self, code: str) -> None:
        """Use the code saved in the first-run wizard or Cài đặt, unless one is typed."""
        if code and not self.enrolled and not self.code.text():
            self.code.setText(code)

    def set_busy(self, busy: bool) -> None:
        """Disable enrolling while an enrollment runs."""
        self.enroll_button.setEnabled(not busy)
        if busy:
            self.note.setText(tr("SyncPage", "Đang đăng ký với máy chủ của thành phố…"))

    def request_enroll(self) -> None:
        """Check the fields, then ask the page to enroll."""
        for line in (self.server_error, self.code_error, self.ca_error):
            line.clear_message()
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server:
            self.server_error.show_message(
                tr("SyncPage", "Hãy nhập địa chỉ máy chủ, ví dụ https://danvan.hue.gov.vn.")
            )
            return
        if not code:
            self.code_error.show_message(
                tr("SyncPage", "Hãy nhập mã đăng ký do cán bộ quản trị máy chủ cấp.")
            )
            return
        self.enroll_requested.emit(server, code, self.ca_file.text())

    def show_error(self, error: BaseException) -> None:
        """Show why enrolling failed, beside the field at fault when there is one."""
        self.enroll_button.setEnabled(True)
        self.show_enrolled(self.enrolled, self.stored_server)
        if isinstance(error, ValidationError):
            lines = {"server_url": self.server_error, "ca_bundle": self.ca_error}
            for problem in error.problems:
                lines.get(problem.field, self.code_error).show_message(problem.message)
            return
        message = error.message if isinstance(error, DanvanError) else repr(error)
        self.code_error.show_message(tr("SyncPage", "Chưa đăng ký được: {error}", error=message))

    def enrolled_now(self) -> None:
        """Enrollment went through: the code is used up."""
        self.code.clear()
        self.enroll_button.setEnabled(True)
        self.stored_server = self.server.text().strip()  # enrolling stored it
        self.show_enrolled(True, self.stored_server)

    def choose_ca_file(self) -> None:
        """Pick the city's CA file (.pem, .crt) with a file chooser."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            tr("SyncPage", "Chọn tệp chứng chỉ (CA) của thành phố"),
            self.ca_file.text(),
            tr("SyncPage", "Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)"),
        )
        if path:
            self.set_ca_file(path)

    def set_ca_file(self, path: str) -> None:
        """Use ``path`` as the city's CA file ("" for the system's trust store)."""
        self.ca_error.clear_message()
        self.ca_file.setText(path)
        self.ca_file_chosen.emit(path)
