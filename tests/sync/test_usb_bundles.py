"""USB bundles end to end: laptop → stick → province import → reply → laptop.

The province's side runs through the server's own import code over the same
database the real server process serves; a second laptop checks online what the
server holds. Bundles are real files in a folder standing in for the stick.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from danvan_desktop.session import Session
from danvan_desktop.store import outbox, sync_apply
from danvan_desktop.sync.bundle_format import BundleError
from danvan_server import admin, bundles
from danvan_server.attachments import AttachmentStore
from danvan_server.db import make_engine, read_sequence, reading
from danvan_server.settings import Settings
from support.photos import photo
from sync.conftest import Province, new_laptop


class Office:
    """The province's import desk over the test server's database."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.engine = make_engine(Settings(database_url=database_url))
        self.files = AttachmentStore(self.engine, admin.attachments_dir(self.engine), 10**8)

    def import_file(self, path: Path, passphrase: str | None = None) -> bundles.Imported:
        return bundles.import_bundle(
            self.engine, self.files, path.read_bytes(), passphrase=passphrase
        )

    def reply(
        self,
        device_id: str,
        folder: Path,
        passphrase: str | None = None,
        bundle_ids: tuple[str, ...] = (),
    ) -> Path:
        made = bundles.make_reply(
            self.engine, device_id, bundle_ids=bundle_ids, passphrase=passphrase
        )
        path = folder / made.file_name
        path.write_bytes(made.data)
        return path

    def high_seq(self) -> int:
        with reading(self.engine) as connection:
            return read_sequence(connection)


@pytest.fixture
def office(province: Province) -> Iterator[Office]:
    desk = Office(province.database_url)
    yield desk
    desk.engine.dispose()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def _model(session: Session, name: str) -> str:
    return session.add_model(name=name, field_code="new_rural", year=2026).record_id or ""


def _model_names(session: Session) -> set[str]:
    return {row[0] for row in session.store.db.execute("SELECT name FROM model WHERE deleted = 0")}


def test_a_bundle_carries_the_laptops_work_and_the_reply_settles_it(
    laptops: Callable[[str], Session], office: Office, stick: Path, tmp_path: Path
) -> None:
    """A model and its photo go by stick; the reply empties A's queue and brings B's model.
    B synced first, so its team is the village's: A's own setup (team, regulation, leader)
    is refused naming it, and the reply moves A onto that team (store/setup_merge.py)."""
    a, b = laptops("a"), laptops("b")
    model_id = _model(a, "Đèn đường năng lượng mặt trời")
    source = tmp_path / "anh.jpg"
    source.write_bytes(photo(3))
    a.add_attachment(source, owner_entity="model", owner_id=model_id)
    _model(b, "Vườn rau sạch")
    b.sync_now()

    written = a.write_sync_bundle(stick)
    assert written.path.parent == stick and written.path.suffix == ".dvbundle"
    assert written.operations >= 2 and written.files == 1
    imported = office.import_file(written.path)
    setup = 3  # A's team, regulation and leader: the village has B's
    assert (imported.counts["applied"], imported.counts["rejected"]) == (
        written.operations - setup,
        setup,
    )
    assert imported.files_stored == 1

    b.sync_now()  # the server now holds A's model, and B pulls it online
    assert "Đèn đường năng lượng mặt trời" in _model_names(b)
    applied = a.import_sync_reply(office.reply(a.store.device_id, stick))
    assert applied.settled == written.operations - setup and applied.rejected == 0
    assert applied.joined_team == b.store.meta("team_id")
    assert a.pending_count() == 0
    assert "Vườn rau sạch" in _model_names(a)
    assert a.pending_uploads() == 0  # the server confirmed the photo
    assert sync_apply.checkpoint(a.records) == office.high_seq()
    log = a.sync_log()
    assert [row["direction"] for row in log[:2]] == ["usb-in", "usb-out"]


def test_importing_twice_changes_nothing(
    laptops: Callable[[str], Session], office: Office, stick: Path
) -> None:
    """The same bundle again answers duplicates; the same reply again settles nothing."""
    a = laptops("a")
    _model(a, "Mô hình dân vận khéo")
    written = a.write_sync_bundle(stick)
    office.import_file(written.path)
    high = office.high_seq()
    again = office.import_file(written.path)
    assert again.seen_before is not None
    assert again.counts["duplicate"] == written.operations and again.counts["applied"] == 0
    assert office.high_seq() == high
    reply = office.reply(a.store.device_id, stick)
    first = a.import_sync_reply(reply)
    second = a.import_sync_reply(reply)
    assert first.settled == written.operations
    assert (second.settled, second.changes, second.checkpoint_moved) == (0, 0, False)


def test_bundles_are_cumulative_so_order_does_not_matter(
    laptops: Callable[[str], Session], office: Office, stick: Path, tmp_path: Path
) -> None:
    """Bundle 2 imported before bundle 1 leaves the server with the newest name."""
    a = laptops("a")
    model_id = _model(a, "Tên cũ")
    first = a.write_sync_bundle(stick)
    a.update_model(model_id, name="Tên mới")
    second_dir = tmp_path / "stick2"
    second_dir.mkdir()
    second = a.write_sync_bundle(second_dir)
    assert second.operations == first.operations + 1  # the edit is an operation of its own
    newer = office.import_file(second.path)
    late = office.import_file(first.path)
    assert late.counts["applied"] == 0 and late.counts["duplicate"] == first.operations
    b = laptops("b")
    b.sync_now()
    assert b.get_record("model", model_id)["name"] == "Tên mới"
    both = (newer.bundle_id, late.bundle_id)  # as `import-bundle --reply-dir` answers them
    a.import_sync_reply(office.reply(a.store.device_id, stick, bundle_ids=both))
    assert a.pending_count() == 0
    assert a.get_record("model", model_id)["name"] == "Tên mới"


def test_an_edit_after_writing_is_not_folded_into_the_written_operation(
    laptops: Callable[[str], Session], stick: Path
) -> None:
    """Operations in a bundle are frozen: a later edit queues an operation of its own."""
    a = laptops("a")
    model_id = _model(a, "Tên cũ")
    a.write_sync_bundle(stick)
    before = {op.op_id: op.fields for op in outbox.operations(a.records.db)}
    a.update_model(model_id, name="Tên mới")
    after = {op.op_id: op.fields for op in outbox.operations(a.records.db)}
    assert all(after[op_id] == fields for op_id, fields in before.items())
    assert len(after) == len(before) + 1


def test_a_changed_byte_refuses_the_bundle_whole(
    laptops: Callable[[str], Session], office: Office, stick: Path, tmp_path: Path
) -> None:
    """A bundle altered after signing is refused and the server writes nothing."""
    a = laptops("a")
    _model(a, "Mô hình bị sửa")
    written = a.write_sync_bundle(stick)
    tampered = tmp_path / "tampered.dvbundle"
    with zipfile.ZipFile(written.path) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "manifest.json":
                data = data.replace(b'"checkpoint":0', b'"checkpoint":1')
            target.writestr(info, data)
    high = office.high_seq()
    with pytest.raises(BundleError, match="Chữ ký"):
        office.import_file(tampered)
    assert office.high_seq() == high


def test_a_swapped_member_is_refused(
    laptops: Callable[[str], Session], office: Office, stick: Path, tmp_path: Path
) -> None:
    """Operations replaced under a valid signature do not match the manifest."""
    a = laptops("a")
    _model(a, "Mô hình thật")
    written = a.write_sync_bundle(stick)
    tampered = tmp_path / "swapped.dvbundle"
    with zipfile.ZipFile(written.path) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "ops.json.gz":
                data = data[:-4] + b"\0\0\0\0"
            target.writestr(info, data)
    with pytest.raises(BundleError, match="bị hỏng hoặc đã bị sửa"):
        office.import_file(tampered)


def test_an_encrypted_bundle_needs_its_passphrase(
    laptops: Callable[[str], Session], office: Office, stick: Path
) -> None:
    """No Vietnamese text shows in the file; no or a wrong passphrase is refused clearly."""
    a = laptops("a")
    _model(a, "Tổ tự quản an ninh trật tự")
    written = a.write_sync_bundle(stick, passphrase="mật khẩu của tổ")
    raw = written.path.read_bytes()
    assert "Tổ tự quản".encode() not in raw
    with pytest.raises(BundleError, match="mã hóa"):
        office.import_file(written.path)
    with pytest.raises(BundleError, match="Mật khẩu của gói không đúng"):
        office.import_file(written.path, passphrase="sai")
    imported = office.import_file(written.path, passphrase="mật khẩu của tổ")
    assert imported.counts["applied"] == written.operations
    reply = office.reply(a.store.device_id, stick, passphrase="mật khẩu của tổ")
    with pytest.raises(BundleError, match="Mật khẩu"):
        a.import_sync_reply(reply, passphrase="sai")
    assert a.import_sync_reply(reply, passphrase="mật khẩu của tổ").settled == written.operations


def test_a_revoked_laptops_bundle_is_refused(
    laptops: Callable[[str], Session], office: Office, stick: Path
) -> None:
    """After revocation the province refuses the laptop's bundles, naming why."""
    a = laptops("a")
    _model(a, "Mô hình")
    written = a.write_sync_bundle(stick)
    admin.revoke_device(office.engine, a.store.device_id)
    with pytest.raises(BundleError, match="thu hồi"):
        office.import_file(written.path)


def test_a_laptop_never_enrolled_cannot_write_a_bundle(tmp_path: Path, stick: Path) -> None:
    """The message says to enroll once where there is a link."""
    lone = new_laptop(tmp_path / "lone")
    try:
        with pytest.raises(BundleError, match="chưa đăng ký"):
            lone.write_sync_bundle(stick)
        assert list(stick.iterdir()) == []
        assert lone.sync_log()[0]["result"] == "error"
    finally:
        lone.close()


def test_a_reply_for_another_laptop_is_refused(
    laptops: Callable[[str], Session], office: Office, stick: Path
) -> None:
    """B cannot apply the reply made for A."""
    a, b = laptops("a"), laptops("b")
    _model(a, "Mô hình của A")
    office.import_file(a.write_sync_bundle(stick).path)
    reply = office.reply(a.store.device_id, stick)
    with pytest.raises(BundleError, match="dành cho một máy khác"):
        b.import_sync_reply(reply)


def test_a_laptop_bundle_is_not_a_reply(laptops: Callable[[str], Session], stick: Path) -> None:
    """Importing one's own outgoing bundle says where it should go."""
    a = laptops("a")
    _model(a, "Mô hình")
    written = a.write_sync_bundle(stick)
    with pytest.raises(BundleError, match="gửi lên máy chủ"):
        a.import_sync_reply(written.path)


def test_the_server_commands_import_and_write_the_reply(
    laptops: Callable[[str], Session], province: Province, stick: Path
) -> None:
    """`danvan-server import-bundle --reply-dir` writes the reply the laptop applies."""
    a = laptops("a")
    _model(a, "Mô hình qua lệnh")
    written = a.write_sync_bundle(stick)
    command = [sys.executable, "-m", "danvan_server.cli", "--database", province.database_url]
    done = subprocess.run(
        [*command, "import-bundle", str(written.path), "--reply-dir", str(stick)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"{written.operations} applied" in done.stdout
    replies = [p for p in stick.iterdir() if p.name.startswith("traloi-")]
    assert len(replies) == 1
    assert a.import_sync_reply(replies[0]).settled == written.operations
    refused = subprocess.run(
        [*command, "import-bundle", str(replies[0])], capture_output=True, text=True, timeout=120
    )
    assert refused.returncode == 1 and "refused" in refused.stdout


def test_the_laptop_commands_write_a_bundle_and_import_the_reply(
    province: Province, office: Office, stick: Path, tmp_path: Path
) -> None:
    """`danvan bundle write --to` and `danvan bundle import` round the trip from a shell."""
    folder = tmp_path / "cli-laptop"
    laptop = new_laptop(folder)
    try:
        laptop.enroll_device(server_url=province.server.url, code=province.code())
        _model(laptop, "Mô hình từ dòng lệnh")
        device_id = laptop.store.device_id
    finally:
        laptop.close()
    danvan = [sys.executable, "-m", "danvan_desktop.cli", "--data-dir", str(folder)]
    wrote = subprocess.run(
        [*danvan, "bundle", "write", "--to", str(stick)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert wrote.returncode == 0, wrote.stderr
    assert wrote.stdout.startswith("Đã ghi gói ")
    [bundle] = list(stick.glob("dongbo-*.dvbundle"))
    office.import_file(bundle)
    reply = office.reply(device_id, stick)
    imported = subprocess.run(
        [*danvan, "bundle", "import", str(reply)], capture_output=True, text=True, timeout=120
    )
    assert imported.returncode == 0, imported.stderr
    assert "máy chủ xác nhận" in imported.stdout
    again = subprocess.run(
        [*danvan, "bundle", "import", str(bundle)], capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 2 and "gửi lên máy chủ" in again.stderr
