"""Render every page of the desktop application with demo data into docs/screenshots/.

Usage::

    python docs/screenshots.py [--data-dir DIR] [--out DIR]
        [--size 1366x768] [--language vi|en] [--only KEY,KEY]

It runs on Qt's offscreen platform (no display needed) with one screen of ``--size``
(1366×768 by default, a small laptop's), so that dialogs size themselves as they do on
such a laptop; with ``QT_QPA_PLATFORM`` set to another platform (xcb under Xvfb) that
platform's screen is used instead.

Without ``--data-dir`` a demo team in Phường Phú Xuân, Huế, is made in a
temporary folder and filled with ``Session.fill_demo(size="small")``. Each page
is shown in a window the size of a small laptop screen (1366×768 by default),
its background reads are waited for, and the window is grabbed to a PNG. The
first-run wizard (on an empty folder), the model form, the minutes editor (each
tab, a draft and a final meeting), the new-meeting dialog and the member dialog
are included, and so are the handbook (a topic open, a search typed plain), the
regulation filled from the city's model, the exemplar form and a scored proposal,
the export dialog (a stick listed, then a report written onto it) and «Giới thiệu».
``--only meetings,tasks,team`` renders just those pages and their
dialogs. For the Đồng bộ page the demo store first syncs for real with the
city server started on loopback (``add_sync_history``); it is backed up once,
so that Cài đặt lists a backup to restore.

The Vietnamese set (the default) is in docs/screenshots/; the English user guide
uses ``--language en --out docs/screenshots/en``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from danvan_desktop.session import Session
from danvan_desktop.ui.app_controller import AppController, StartOptions
from danvan_desktop.ui.events import EventBus
from danvan_desktop.ui.look import Translations, register_fonts
from danvan_desktop.ui.sync.sync_scheduler import SyncTimings
from danvan_desktop.ui.task_runner import TaskRunner

HERE = Path(__file__).parent
PHU_XUAN = 19768


def use_screen(width: int, height: int, folder: Path) -> None:
    """On the offscreen platform, one screen of ``width``×``height`` at 96 dpi (before Qt
    starts); another platform keeps its own screen."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    config = folder / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def make_demo(data_dir: Path) -> Path:
    """A demo team with a year of work (the small demo set)."""
    session = Session.open(data_dir, create=True)
    try:
        session.initialise_team(
            province_code=46,
            commune_code=PHU_XUAN,
            village_name="Tổ dân phố 5",
            village_kind="to_dan_pho",
            team_name="Tổ dân vận tổ dân phố 5",
            leader_name="Nguyễn Văn An",
            leader_phone="0905 123 456",
        )
        session.fill_demo(size="small")
        add_readings(session)
        add_commendations(session)
        add_handbook_update(session)
        session.make_backup()  # the settings page then lists a backup to restore
    finally:
        session.close()
    return data_dir


def add_readings(session: Session) -> None:
    """A few indicator readings on every model, so the results tab has something to show."""
    for model in session.list_records("model"):
        for month, (days, metres) in enumerate(((40, 120.0), (85, 260.5), (130, 410.0)), 1):
            day = f"2026-{month * 3:02d}-15"
            session.add_record(
                "indicator_reading",
                model_id=model["id"],
                indicator="Số ngày công đóng góp",
                unit_label="ngày công",
                value=days,
                read_on=day,
            )
            session.add_record(
                "indicator_reading",
                model_id=model["id"],
                indicator="Đường bê tông làm mới",
                unit_label="mét",
                value=metres,
                read_on=day,
            )


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
    """Run the event loop until ``condition`` holds."""
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the page did not finish loading")
        wait(20)
        waited += 20


def round_trip(runner: TaskRunner, lane: str) -> None:
    """Wait until a no-op queued now on ``lane`` has come back (so has all before it)."""
    done: list[bool] = []

    def mark(_value: object) -> None:
        done.append(True)

    runner.run(lane, lambda ctx: None, on_done=mark)
    wait_until(lambda: bool(done))


def settle(runner: TaskRunner) -> None:
    """Wait until the jobs queued so far on the DB and read lanes have come back."""
    for _ in range(2):
        for lane in ("db", "read"):
            round_trip(runner, lane)
    wait(150)  # debounced refreshes and the last paint


def save(widget: QWidget, path: Path) -> None:
    """Grab ``widget`` into a PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


# Each page's picture keeps its number when pages are added to the sidebar: the guides
# name the files. A page not listed here is numbered by its place in the sidebar.
PAGE_SHOTS = {
    "overview": "01-overview",
    "models": "02-models",
    "meetings": "03-meetings",
    "tasks": "04-tasks",
    "team": "05-team",
    "regulation": "06-regulation",
    "exemplars": "07-exemplars",
    "handbook": "08-handbook",
    "reports": "09-reports",
    "sync": "10-sync",
    "settings": "11-settings",
    "petitions": "14-petitions",
    "mediations": "15-mediations",
    "network": "16-network",
}


def shoot_pages(
    controller: AppController, out: Path, size: tuple[int, int], only: set[str] | None = None
) -> None:
    """One PNG per page of the main window (only those in ``only``, when given)."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    for number, key in enumerate(window.page_keys(), start=1):
        if only and key not in only:
            continue
        window.show_page(key)
        settle(controller.runner)
        save(window, out / f"{PAGE_SHOTS.get(key, f'{number:02d}-{key}')}.png")


def shoot_model_form(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """The form of the first model in the list, and its indicator tab."""
    window = controller.window
    assert window is not None
    page: Any = window.show_page("models")
    settle(controller.runner)
    page.table.selectRow(0)
    record_id = page.table_model.record_id(0)
    dialog = page.open_form(record_id)
    wait_until(dialog.isEnabled)
    settle(controller.runner)
    save(dialog, out / "11-model-form.png")
    dialog.tabs.setCurrentIndex(1)
    settle(controller.runner)
    save(dialog, out / "12-model-form-indicators.png")
    page.search.setText("duong hoa")
    dialog.close()
    settle(controller.runner)
    wait(300)
    settle(controller.runner)
    window.resize(*size)
    save(window, out / "13-models-search.png")


PROCEEDINGS = (
    "19 giờ 30 phút, đồng chí tổ trưởng khai mạc, nêu mục đích cuộc họp và thông qua "
    "chương trình.\n"
    "Tổ viên báo cáo tình hình nhân dân trong tháng: bà con đồng tình với chủ trương bê tông "
    "hóa đường kiệt; còn hai hộ chưa thống nhất phương án hiến đất.\n"
    "Các thành viên thảo luận, thống nhất phân công vận động từng hộ."
)


CONCLUSION = (
    "Thống nhất ra quân vệ sinh bờ sông sáng chủ nhật cuối tháng; các chi hội vận động hội viên."
)
VOTE_SUBJECT = "Ra quân vệ sinh bờ sông sáng chủ nhật cuối tháng"
TASKS = (("Vận động hai hộ còn lại hiến đất mở đường kiệt", 1), ("Liên hệ đội thu gom rác", 4))
NOTES = "Nhiều hộ phản ánh rác thải ở bờ sông chưa được thu gom đúng giờ."
OPINIONS = (  # (the speaker's place in the list of those present, what they said)
    (1, "Đề nghị tổ chức ra quân vệ sinh bờ sông vào sáng chủ nhật cuối tháng."),
    (2, "Cần vận động các hộ kinh doanh ven sông ký cam kết giữ vệ sinh chung."),
)


def _open_meeting(controller: AppController, page: Any, row: int) -> Any:
    """Open the minutes of the meeting in list row ``row`` and wait for them."""
    editor = page.editor
    loaded: list[str] = []
    editor.loaded.connect(loaded.append)
    page.open_meeting(page.model.record_id(row))
    wait_until(lambda: bool(loaded))
    editor.loaded.disconnect(loaded.append)
    settle(controller.runner)
    return editor


def shoot_meetings(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """A meeting made from its template and written up (each tab), a final one, the dialog."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    page: Any = window.show_page("meetings")
    settle(controller.runner)
    dialog = page.new_record()
    dialog.place.setText("Nhà văn hóa tổ dân phố 5")
    wait(100)
    save(dialog, out / "25-new-meeting.png")
    loaded: list[str] = []
    page.editor.loaded.connect(loaded.append)
    dialog.create_meeting()
    wait_until(lambda: bool(loaded))
    settle(controller.runner)
    editor = page.editor
    editor.header.content.setPlainText(PROCEEDINGS)
    save(window, out / "20-meeting-minutes.png")
    editor.tabs.setCurrentIndex(1)
    settle(controller.runner)
    save(window, out / "21-meeting-attendance.png")
    editor.tabs.setCurrentIndex(2)
    agenda = editor.agenda
    agenda.agenda_table.selectRow(1)
    agenda.notes.setPlainText(NOTES)
    for speaker, text in OPINIONS:
        agenda.speaker.setEditText(agenda.speaker.itemText(speaker))
        agenda.opinion.setPlainText(text)
        agenda.add_opinion()
        settle(controller.runner)
    save(window, out / "22-meeting-opinions.png")
    editor.tabs.setCurrentIndex(3)
    outcomes = editor.outcomes
    outcomes.conclusion.setPlainText(CONCLUSION)
    outcomes.add_conclusion()
    settle(controller.runner)
    outcomes.subject.setText(VOTE_SUBJECT)
    outcomes.in_favour.setText(str(outcomes.present - 1))
    outcomes.abstain.setText("1")
    outcomes.add_vote()
    settle(controller.runner)
    save(window, out / "27-meeting-outcomes.png")
    editor.tabs.setCurrentIndex(4)
    tasks = editor.tasks
    for offset, (title, owner) in enumerate(TASKS, start=1):
        tasks.title.setText(title)
        tasks.owner.setCurrentIndex(owner)
        tasks.deadline.set_value(dt.date.today() + dt.timedelta(days=7 * offset))
        tasks.add_task()
        settle(controller.runner)
    save(window, out / "23-meeting-tasks.png")
    page.show_list()
    settle(controller.runner)
    final = next(i for i, r in enumerate(page.model.rows) if r["state"] == "final")
    editor = _open_meeting(controller, page, final)
    editor.tabs.setCurrentIndex(0)
    settle(controller.runner)
    save(window, out / "24-meeting-final.png")
    page.show_list()
    settle(controller.runner)


def shoot_member_dialog(controller: AppController, out: Path) -> None:
    """The member dialog adding a deputy (the usual position filled in)."""
    window = controller.window
    assert window is not None
    page: Any = window.show_page("team")
    settle(controller.runner)
    dialog = page.new_record()
    dialog.full_name.setText("Hồ Thị Hoa")
    dialog.role.setCurrentIndex(dialog.role.findData("deputy"))
    dialog.phone.setText("0914 222 333")
    wait(100)
    save(dialog, out / "26-member-dialog.png")
    dialog.close()


PROVINCE_SERVER = "https://dongbo.hue.gov.vn"  # shown instead of the loopback address
# The shots show the state the real rounds below recorded: no round of its own.
QUIET_SYNC = SyncTimings(start_delay_ms=3_600_000, periodic_ms=3_600_000)
DEPUTY_NOTE = " Mỗi hộ góp 3 ngày công; hộ khó khăn được miễn."
LEADER_NOTE = " Mỗi hộ góp 2 ngày công và 200.000 đồng; hộ khó khăn được miễn."


def add_sync_history(data_dir: Path) -> None:
    """Real rounds with the city's server on loopback, recorded in the demo store.

    The team's data goes up; the deputy's laptop enrolls and edits the same model's
    «Nội dung và cách làm» as the leader, so a conflict on long text comes back; one
    round stalls on a link that went silent (the slow-link proxy, cut), as a mountain
    2G link does (an error row in the log). The server's address is then set to the
    province's, so the page shows no loopback address.
    """
    sys.path.insert(0, str(HERE.parent / "tests"))
    try:
        from support.server_process import (
            add_village,
            make_enrollment_code,
            sqlite_url,
            start_server,
        )
        from support.slowlink import SlowLink
    except ImportError as exc:  # no server extra installed: the page shows an unenrolled laptop
        print(f"no sync history ({exc})")
        return
    from danvan_desktop.sync.transport import LinkDown

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = sqlite_url(folder)
        (folder / "server").mkdir()
        leader = Session.open(data_dir)
        deputy = Session.open(folder / "deputy", create=True)
        try:
            with start_server(url, log_dir=folder / "server") as server:
                village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
                for session, name in ((leader, "Máy tổ trưởng"), (deputy, "Máy tổ phó")):
                    session.enroll_device(
                        server_url=server.url,
                        code=make_enrollment_code(url, village.id),
                        device_name=name,
                    )
                    session.sync_now()
                model = leader.list_records("model")[0]
                deputy.update_record("model", model["id"], content=model["content"] + DEPUTY_NOTE)
                leader.update_record("model", model["id"], content=model["content"] + LEADER_NOTE)
                deputy.sync_now()
                leader.sync_now()
                link = SlowLink(upstream=("127.0.0.1", server.port), down_behaviour="blackhole")
                with link:
                    link.cut()  # the radio is gone: the round stalls, the log shows how
                    leader.change_setting("server_url", f"http://127.0.0.1:{link.port}")
                    with contextlib.suppress(LinkDown):
                        leader.sync_now()
            leader.change_setting("server_url", PROVINCE_SERVER)
        finally:
            deputy.close()
            leader.close()


def shoot_sync_log(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """The Đồng bộ page with its log tab shown."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    page: Any = window.show_page("sync")
    page.tabs.setCurrentIndex(1)
    settle(controller.runner)
    save(window, out / "30-sync-log.png")
    page.tabs.setCurrentIndex(0)


def shoot_bundle(controller: AppController, out: Path) -> None:
    """Đồng bộ qua USB: the write dialog with a stick listed, then the bundle written."""
    from danvan_desktop.ui.sync.bundle_dialog import WRITE, BundleDialog
    from danvan_desktop.usb import Volume

    window = controller.window
    assert window is not None
    window.show_page("sync")
    controller.runner.db(  # the week's work since the last sync, for the bundle to carry
        lambda ctx: ctx.session.add_model(
            name="Tủ sách cộng đồng tổ dân phố 5", field_code="culture_society", year=2026
        )
    )
    with tempfile.TemporaryDirectory(prefix="usb-") as tmp:
        stick = Path(tmp) / "KINGSTON"
        stick.mkdir()
        volume = Volume(stick, "KINGSTON", "vfat", 15_500_000_000, 7_900_000_000, True, False, "")
        dialog = BundleDialog(controller.runner, WRITE, window, list_volumes=lambda: [volume])
        dialog.show()
        settle(controller.runner)
        dialog.passphrase.setText("to5-phu-xuan")
        dialog.repeat.setText("to5-phu-xuan")
        wait(100)
        save(dialog, out / "31-bundle-write.png")
        dialog.action_button.click()
        wait_until(lambda: dialog.status.text().startswith(("Đã ghi", "Wrote")))
        settle(controller.runner)
        save(dialog, out / "32-bundle-written.png")
        dialog.close()


EXEMPLARS = (  # (kind, name, position, achievement, proposal: (criteria, form, level) or None)
    ("individual", "Trần Thị Bích", "Chi hội trưởng Chi hội Phụ nữ",
     "Vận động 14 hộ hiến đất mở rộng kiệt 12", (["mo_hinh", "van_dong", "du_hop"], "Giấy khen",
                                                 "phường")),
    ("individual", "Lê Văn Cường", "Chi hội trưởng Chi hội Cựu chiến binh",
     "Hòa giải thành 4 vụ việc trong tổ dân phố", (["hoa_giai", "nam_tinh_hinh"], "Giấy khen",
                                                   "phường")),
    ("individual", "Đặng Văn Ánh", "Trưởng dòng họ Đặng",
     "Vận động dòng họ góp 120 ngày công làm đường", None),
    ("collective", "Chi hội Cựu chiến binh tổ dân phố 5", "",
     "Duy trì mô hình «Camera an ninh» suốt năm", (["mo_hinh", "nhan_rong"], "Bằng khen",
                                                   "thành phố")),
)  # fmt: skip
PROVINCE_HANDBOOK_DOC = {
    "entity": "handbook_doc",
    "record_id": "0190f000-0000-7000-8000-0000000000d1",
    "unit_id": None,
    "server_version": 1,
    "deleted": False,
    "fields": {
        "slug": "dien-hinh-khen-thuong-hue",
        "title": "Hướng dẫn bình xét khen thưởng năm nay",
        "section": "Công tác dân vận",
        "position_order": 6,
        "body": "# Hướng dẫn bình xét khen thưởng năm nay\n\nCác tổ gửi danh sách đề nghị "
        "khen thưởng về Đảng ủy phường trước ngày 15 tháng 12. Mỗi đề nghị kèm bảng chấm điểm "
        "theo bộ tiêu chí của phường và minh chứng là mô hình, biên bản họp.\n",
        "doc_version": 1,
        "source": "province",
        "published_at": "2026-11-20T02:00:00+00:00",
    },
}


def add_commendations(session: Session) -> None:
    """This year's exemplars citing the demo's models and meetings; some proposed, one decided."""
    year = dt.date.today().year
    models = [m["id"] for m in session.list_records("model")][:2]
    meetings = [m["id"] for m in session.list_records("meeting")][:2]
    for kind, name, position, achievement, proposal in EXEMPLARS:
        exemplar_id = session.save_exemplar(
            kind=kind, name=name, position=position or None, achievement=achievement, year=year,
            linked_model_ids=models[:1] if proposal else [], linked_meeting_ids=meetings,
        ).record_id  # fmt: skip
        if proposal is None or exemplar_id is None:
            continue
        ticked, form, level = proposal
        commendation = session.propose_commendation(
            exemplar_id, form=form, level=level, ticked=ticked
        )
        if name.startswith("Lê") and commendation.record_id:
            session.decide_commendation(
                commendation.record_id,
                decision_number="125-QĐ/ĐU",
                decision_date=dt.date(year, 1, 20),
                decided_by="Đảng ủy phường Phú Xuân",
            )


def add_handbook_update(session: Session) -> None:
    """A handbook document as the city publishes it (what a sync brings), not yet read."""
    from danvan_desktop.store.sync_apply import apply_changes

    apply_changes(session.records, [PROVINCE_HANDBOOK_DOC])
    session.bookmark_handbook("the-thuc-van-ban")


def shoot_handbook(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """The handbook: a topic open (the update announced), then a search typed plain."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    page: Any = window.show_page("handbook")
    settle(controller.runner)
    page.open_document("hop-to-dan-van")
    settle(controller.runner)
    save(window, out / "40-handbook-reader.png")
    page.search.setText("noi nhan")
    wait(300)
    settle(controller.runner)
    page.hits.setCurrentRow(0)
    settle(controller.runner)
    save(window, out / "41-handbook-search.png")
    page.search.clear()
    settle(controller.runner)


def shoot_network_card(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """A card's page of the «Mạng lưới» library, over the list searched plain."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    page: Any = window.show_page("network")
    page.search.setText("rac")
    wait(300)
    settle(controller.runner)
    dialog = page.open_card(page.model.record_id(0))
    wait_until(lambda: dialog.card is not None)
    settle(controller.runner)
    save(dialog, out / "48-network-card.png")
    dialog.close()
    page.search.clear()
    settle(controller.runner)


def shoot_regulation(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """The regulation page with the city's model filled in for the team."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    page: Any = window.show_page("regulation")
    settle(controller.runner)
    page.confirm_replace = lambda: True
    page.fill_from_model()
    settle(controller.runner)
    save(window, out / "42-regulation-model.png")


def shoot_commendation(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """The exemplar form with its evidence, and a proposal scored on the checklist."""
    window = controller.window
    assert window is not None
    window.resize(*size)
    page: Any = window.show_page("exemplars")
    settle(controller.runner)
    page.select_name("Đặng Văn Ánh")
    for action, name in ((page.edit_exemplar, "43-exemplar-form.png"),
                         (page.propose, "44-commendation-score.png")):  # fmt: skip
        action()
        settle(controller.runner)
        dialog = page.dialog
        if name.startswith("44"):
            for row in (0, 1, 4):
                dialog.criteria.item(row).setCheckState(Qt.CheckState.Checked)
        wait(100)
        save(dialog, out / name)
        dialog.close()
        settle(controller.runner)


def shoot_export(controller: AppController, out: Path, size: tuple[int, int]) -> None:
    """The export dialog of the month's report: two sticks listed, then the files written.

    Stick detection cannot be staged here, so the page is given the volumes a laptop
    would report: a stick that is a temporary folder, and a locked memory card.
    """
    from danvan_desktop.usb import Volume

    window = controller.window
    assert window is not None
    window.resize(*size)
    page: Any = window.show_page("reports")
    settle(controller.runner)
    with tempfile.TemporaryDirectory(prefix="usb-") as tmp:
        stick = Path(tmp) / "KINGSTON"
        stick.mkdir()
        page.list_volumes = lambda: [
            Volume(stick, "KINGSTON", "vfat", 15_500_000_000, 7_900_000_000, True, False, "sdb1"),
            Volume(Path(tmp) / "SD", "THE NHO", "vfat", 7_800_000_000, 1_200_000_000, True, True,
                   "sdc1"),
        ]  # fmt: skip
        page.update_preview()
        settle(controller.runner)
        dialog = page.open_export()
        settle(controller.runner)
        dialog.formats["pdf"].setChecked(True)
        wait(100)
        save(dialog, out / "45-export-dialog.png")
        failed: list[str] = []
        written: list[object] = []
        dialog.export_failed.connect(failed.append)
        dialog.exported.connect(written.append)
        dialog.export_button.click()
        wait_until(lambda: bool(written or failed))
        if failed:
            raise RuntimeError(f"the export failed: {failed[0]}")
        settle(controller.runner)
        save(dialog, out / "46-export-done.png")
        dialog.close()
        page.list_volumes = None


def shoot_about(controller: AppController, out: Path) -> None:
    """«Giới thiệu», opened from Cài đặt: version, build, data folder, notices."""
    window = controller.window
    assert window is not None
    page: Any = window.show_page("settings")
    settle(controller.runner)
    dialog = page.about_box.open_about()
    wait_until(lambda: dialog.notices.toPlainText() != "")
    wait(100)
    save(dialog, out / "47-about.png")
    dialog.close()


def shoot_wizard(app: QApplication, out: Path, language: str) -> None:
    """The first-run wizard on an empty folder, its first page filled in."""
    runner = TaskRunner()
    bus = EventBus()
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as tmp:
        controller = AppController(runner, bus, translations, StartOptions(Path(tmp) / "data"))
        controller.start()
        wait_until(lambda: controller.wizard is not None)
        wizard: Any = controller.wizard
        translations.apply(language)
        wizard.place_page.village.setText("Tổ dân phố 5")
        wait(100)
        save(wizard, out / "00-first-run-wizard.png")
        wizard.close()
        runner.shutdown()


def main() -> int:
    """Render the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--language", choices=("vi", "en"), default="vi")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated page keys (and «wizard»): render only these and their dialogs",
    )
    args = parser.parse_args()
    only = {key for key in args.only.split(",") if key}
    width, height = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        use_screen(width, height, Path(tmp))
        app = QApplication(sys.argv[:1])
        register_fonts(app)
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = make_demo(Path(tmp) / "demo")
            if not only or "sync" in only:
                add_sync_history(data_dir)
        if not only or "wizard" in only:
            shoot_wizard(app, args.out, args.language)
        runner = TaskRunner()
        bus = EventBus()
        translations = Translations(app)
        options = StartOptions(
            data_dir, auto_backup_delay_ms=3_600_000, sync_timings=QUIET_SYNC, watch_network=False
        )
        controller = AppController(runner, bus, translations, options)
        controller.start()
        wait_until(lambda: controller.window is not None)
        translations.apply(args.language)
        if args.language != "vi":
            controller.change_language(args.language)
        shoot_pages(controller, args.out, (width, height), only)
        if not only or "models" in only:
            shoot_model_form(controller, args.out, (width, height))
        if not only or "meetings" in only:
            shoot_meetings(controller, args.out, (width, height))
        if not only or "team" in only:
            shoot_member_dialog(controller, args.out)
        if not only or "sync" in only:
            shoot_sync_log(controller, args.out, (width, height))
            shoot_bundle(controller, args.out)
        if not only or "handbook" in only:
            shoot_handbook(controller, args.out, (width, height))
        if not only or "network" in only:
            shoot_network_card(controller, args.out, (width, height))
        if not only or "regulation" in only:
            shoot_regulation(controller, args.out, (width, height))
        if not only or "exemplars" in only:
            shoot_commendation(controller, args.out, (width, height))
        if not only or "reports" in only:
            shoot_export(controller, args.out, (width, height))
        if not only or "settings" in only:
            shoot_about(controller, args.out)
        runner.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
