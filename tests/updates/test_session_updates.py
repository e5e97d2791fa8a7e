"""The Session's update verbs: a staged release, the install request, a stick's releases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import set_language
from danvan_desktop.session import Session
from danvan_desktop.updates.stage import StagingRefused
from support.release_bundles import PLATFORM, installed_n, new_key, public_text, stick_with_release

KEY = new_key()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A stick root holding release 1.1.0."""
    return stick_with_release(tmp_path / "stick", KEY)


@pytest.fixture
def updatable(session: Session, tmp_path: Path) -> Session:
    """A Session whose installation is a bundle of version 1.0.0 trusting the test key."""
    session.installation_override = installed_n(tmp_path / "app", KEY)
    return session


def test_no_release_is_pending_at_first(updatable: Session) -> None:
    """Nothing staged: no pending release."""
    assert updatable.pending_release() is None


def test_run_from_source_has_no_pending_release(session: Session) -> None:
    """A program run from source has nothing to update."""
    assert session.pending_release() is None


def test_stick_releases_are_listed(updatable: Session, stick: Path) -> None:
    """The stick's release is listed with its version."""
    assert [r.version for r in updatable.stick_releases([stick])] == ["1.1.0"]


def test_a_stick_release_becomes_pending(updatable: Session, stick: Path) -> None:
    """Importing from the stick makes the release pending, with its Vietnamese notes."""
    release = updatable.stick_releases([stick])[0]
    updatable.import_release_from_stick(release.folder)
    pending = updatable.pending_release()
    assert pending is not None
    assert (pending.version, pending.notes) == ("1.1.0", "Sửa lỗi lưu biên bản cuộc họp.")


def test_notes_follow_the_language(updatable: Session, stick: Path) -> None:
    """In English the pending release carries the English notes."""
    updatable.import_release_from_stick(updatable.stick_releases([stick])[0].folder)
    set_language("en")
    pending = updatable.pending_release()
    assert pending is not None and pending.notes == "Fixes saving meeting minutes."


def test_install_at_next_start_writes_the_request(updatable: Session, stick: Path) -> None:
    """«Cài khi mở lại» writes the switcher's request for the next start."""
    updatable.import_release_from_stick(updatable.stick_releases([stick])[0].folder)
    updatable.install_release(now=False)
    request = Path(updatable.store.data_dir) / "updates" / "install-request.json"
    assert json.loads(request.read_text()) == {
        "version": "1.1.0",
        "platform": PLATFORM,
        "when": "next_start",
    }


def test_install_now_writes_now(updatable: Session, stick: Path) -> None:
    """«Cài ngay» asks for the switch now."""
    updatable.import_release_from_stick(updatable.stick_releases([stick])[0].folder)
    updatable.install_release(now=True)
    request = Path(updatable.store.data_dir) / "updates" / "install-request.json"
    assert json.loads(request.read_text())["when"] == "now"


def test_installing_without_a_release_is_refused(updatable: Session) -> None:
    """With nothing staged, installing says so and writes no request."""
    with pytest.raises(DanvanError):
        updatable.install_release(now=False)
    assert not (Path(updatable.store.data_dir) / "updates" / "install-request.json").exists()


def test_a_half_copied_stick_release_is_refused(updatable: Session, stick: Path) -> None:
    """A stick release missing a changed file is refused and nothing becomes pending."""
    release = updatable.stick_releases([stick])[0]
    (release.folder / "files" / "_internal/danvan_desktop/app.pyc").unlink()
    with pytest.raises(StagingRefused):
        updatable.import_release_from_stick(release.folder)
    assert updatable.pending_release() is None


def test_installing_keeps_the_learnt_keys_for_the_switch(updatable: Session, stick: Path) -> None:
    """The keys recorded in the settings are written to updates/trusted-keys.json."""
    from danvan_desktop.store.settings import set_setting
    from danvan_desktop.sync.release_lane import RECORDED_KEYS_SETTING

    learnt = {"keys": [{"key_id": "hue-2027-1", "public_key": public_text(new_key())}]}
    set_setting(updatable.store.db, RECORDED_KEYS_SETTING, json.dumps(learnt))
    updatable.import_release_from_stick(updatable.stick_releases([stick])[0].folder)
    updatable.install_release(now=False)
    keys_file = Path(updatable.store.data_dir) / "updates" / "trusted-keys.json"
    assert json.loads(keys_file.read_text()) == learnt
