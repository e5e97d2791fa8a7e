"""First run: the wizard sets up the team; the second start goes straight to the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from danvan_desktop.session import Session
from danvan_desktop.ui.app_controller import AppController
from danvan_desktop.ui.first_run_wizard import FirstRunWizard
from danvan_desktop.ui.main_window import MainWindow

from .helpers import WAIT_MS, type_text


def _wizard(qtbot: QtBot, start_app: Any, data_dir: Path) -> tuple[AppController, FirstRunWizard]:
    controller = start_app(data_dir)
    qtbot.waitUntil(lambda: controller.wizard is not None, timeout=WAIT_MS)
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    return controller, wizard


def _next(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def _finish(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_hue_comes_first_with_its_communes(qtbot: QtBot, start_app: Any, tmp_path: Path) -> None:
    """The province list starts with Huế, chosen, and offers its 40 communes."""
    _controller, wizard = _wizard(qtbot, start_app, tmp_path / "data")
    place = wizard.place_page
    assert place.province.itemText(0) == "Thành phố Huế"
    assert place.province.currentData() == 46
    assert place.commune.count() == 40
    assert place.commune.findText("Phường Phú Xuân") >= 0


def test_next_without_a_village_says_it_is_missing(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """Next on an unnamed village stays on the page and says so beside the village."""
    _controller, wizard = _wizard(qtbot, start_app, tmp_path / "data")
    _next(qtbot, wizard)
    place = wizard.place_page
    assert wizard.currentPage() is place
    assert place.village_error.isVisible()
    assert place.village_error.text() == (
        "Chưa có tên thôn, tổ dân phố: hãy nhập tên, ví dụ Tổ dân phố 5."
    )


def test_typing_the_village_takes_the_message_back(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """Once a name is typed, the message that it was missing goes away."""
    _controller, wizard = _wizard(qtbot, start_app, tmp_path / "data")
    _next(qtbot, wizard)
    type_text(wizard.place_page.village, "Thôn Đông")
    assert wizard.place_page.village_error.isHidden()


def test_too_long_village_is_refused_on_its_page(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """A village name over core's 200 characters keeps the wizard on the place page,
    the length said beside the village."""
    _controller, wizard = _wizard(qtbot, start_app, tmp_path / "data")
    place = wizard.place_page
    place.village.setText("Đ" * 201)
    _next(qtbot, wizard)
    assert wizard.currentPage() is place
    assert place.village_error.isVisible()
    assert place.village_error.text() == (
        "«Tên đơn vị» dài 201 ký tự; tối đa 200 ký tự: hãy rút gọn."
    )


def test_team_page_names_what_is_missing(qtbot: QtBot, start_app: Any, tmp_path: Path) -> None:
    """With the team's name emptied and no leader, Next stays and says both, beside each."""
    _controller, wizard = _wizard(qtbot, start_app, tmp_path / "data")
    type_text(wizard.place_page.village, "Tổ dân phố 7")
    _next(qtbot, wizard)
    team = wizard.team_page
    team.team.clear()
    _next(qtbot, wizard)
    assert wizard.currentPage() is team
    assert (team.team_error.text(), team.leader_error.text()) == (
        "Chưa có tên tổ dân vận: hãy nhập tên tổ, ví dụ Tổ dân vận tổ dân phố 5.",
        "Chưa có họ và tên tổ trưởng: hãy nhập họ và tên của tổ trưởng.",
    )
    assert team.team_error.isVisible() and team.leader_error.isVisible()


def test_wizard_end_to_end(qtbot: QtBot, start_app: Any, tmp_path: Path) -> None:
    """Typing through the wizard sets up the team, leader and server settings."""
    data_dir = tmp_path / "data"
    controller, wizard = _wizard(qtbot, start_app, data_dir)
    place = wizard.place_page
    place.commune.setCurrentIndex(place.commune.findText("Phường Kim Long"))
    place.kind.setCurrentIndex(place.kind.findText("Thôn"))
    type_text(place.village, "Thôn Đông Giang")
    _next(qtbot, wizard)
    team = wizard.team_page
    assert team.team.text() == "Tổ dân vận thôn Đông Giang"
    type_text(team.leader, "Trần Thị Hường")
    type_text(team.phone, "abc")
    _next(qtbot, wizard)
    assert wizard.currentPage() is team
    assert "chữ số" in team.phone_error.text() and team.phone_error.isVisible()
    team.phone.clear()
    type_text(team.phone, "0905 123 456")
    _next(qtbot, wizard)
    server = wizard.server_page
    assert wizard.currentPage() is server
    type_text(server.server, "http://may-chu")
    _finish(wizard)
    assert "https://" in server.server_error.text()
    server.server.setText("https://danvan.hue.gov.vn")
    type_text(server.code, "HUE-0042")
    _finish(wizard)
    qtbot.waitUntil(lambda: isinstance(controller.window, MainWindow), timeout=WAIT_MS)
    assert controller.window is not None and controller.window.isVisible()
    window = controller.window
    qtbot.waitUntil(lambda: "Đông Giang" in window.windowTitle(), timeout=WAIT_MS)
    controller.runner.shutdown()
    session = Session.open(data_dir)
    try:
        unit = session.get_record("unit", session.store.home_unit_id or "")
        assert (unit["name"], unit["village_kind"], unit["commune_code"]) == (
            "Thôn Đông Giang",
            "thon",
            19810,
        )
        assert session.list_records("team")[0]["name"] == "Tổ dân vận thôn Đông Giang"
        leader = session.list_records("member")[0]
        assert (leader["full_name"], leader["phone"]) == ("Trần Thị Hường", "0905 123 456")
        assert session.setting("server_url") == "https://danvan.hue.gov.vn"
        assert session.setting("enrollment_code") == "HUE-0042"
    finally:
        session.close()


def test_server_is_optional(qtbot: QtBot, start_app: Any, tmp_path: Path) -> None:
    """Leaving the server empty still sets the team up; no server setting is stored."""
    data_dir = tmp_path / "data"
    controller, wizard = _wizard(qtbot, start_app, data_dir)
    type_text(wizard.place_page.village, "Tổ dân phố 7")
    _next(qtbot, wizard)
    type_text(wizard.team_page.leader, "Lê Văn Bình")
    _next(qtbot, wizard)
    _finish(wizard)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    controller.runner.shutdown()
    session = Session.open(data_dir)
    try:
        assert session.is_initialised and session.setting("server_url") is None
    finally:
        session.close()


def test_second_start_opens_the_main_window(qtbot: QtBot, start_app: Any, team_dir: Path) -> None:
    """A folder with a team opens straight into the main window, no wizard."""
    controller = start_app(team_dir)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT_MS)
    assert controller.wizard is None
    assert controller.window is not None and controller.window.current_key() == "overview"


def test_replacement_goes_straight_to_the_server_page(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """«Máy thay thế» skips the village and team pages: Next shows the server's page."""
    _controller, wizard = _wizard(qtbot, start_app, tmp_path / "data")
    wizard.place_page.replacement.setChecked(True)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.server_page


def test_replacement_without_a_code_says_it_is_needed(
    qtbot: QtBot, start_app: Any, tmp_path: Path
) -> None:
    """Finishing a replacement without its code stays, the message beside the code."""
    _controller, wizard = _wizard(qtbot, start_app, tmp_path / "data")
    wizard.place_page.replacement.setChecked(True)
    _next(qtbot, wizard)
    wizard.server_page.server.setText("https://danvan.hue.gov.vn")
    _finish(wizard)
    assert wizard.isVisible()
    assert wizard.server_page.code_error.text() == (
        "Máy thay thế cần mã đăng ký: hãy nhập mã do cán bộ quản trị cấp."
    )
