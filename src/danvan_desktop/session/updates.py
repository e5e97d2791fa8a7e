"""The updates part of the Session: a staged release, installing it, releases on a stick.

A release comes by sync (sync/release_lane.py stages it in ``<data dir>/updates/``) or
from a USB stick (``import_release_from_stick``, updates/stick.py). ``pending_release``
says whether one is staged complete and verified, with its notes in the leader's
language; ``install_release`` writes the request the switcher acts on at the next start
or now (updates/switch.py reads ``<data dir>/updates/install-request.json``). The window
calls these on its DB lane: checking a staged release reads files (under two seconds
for the whole bundle). No Qt here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import current_language, tr
from danvan_desktop.session.base import SessionBase
from danvan_desktop.store.settings import get_setting

if TYPE_CHECKING:
    from danvan_desktop.updates.plan import Installation
    from danvan_desktop.updates.stage import StagedRelease
    from danvan_desktop.updates.stick import StickRelease


class UpdatesMixin(SessionBase):
    """The update verbs of the Session."""

    # Tests (and a program that knows better) set the installation releases are checked
    # against; otherwise it is this frozen program's (None from source: no updates).
    installation_override: Installation | None = None

    def release_installation(self) -> Installation | None:
        """What releases are checked against: the installed bundle, its version, the
        platform and the keys this laptop trusts."""
        if self.installation_override is not None:
            return self.installation_override
        from danvan_desktop.sync.release_lane import RECORDED_KEYS_SETTING
        from danvan_desktop.updates import keys
        from danvan_desktop.updates.plan import current_installation

        recorded = keys.keys_from_json(get_setting(self.store.db, RECORDED_KEYS_SETTING))
        return current_installation(recorded)

    def pending_release(self) -> StagedRelease | None:
        """The newest release staged complete and verified, ready to install; ``None``
        when there is none (or this program runs from source)."""
        from danvan_desktop.updates.stage import find_staged

        installation = self.release_installation()
        if installation is None:
            return None
        return find_staged(Path(self.store.data_dir), installation, current_language())

    def install_release(self, now: bool) -> StagedRelease:
        """Ask the switcher to install the pending release at the next start (``now``
        False) or as soon as the window closes for it (``now`` True)."""
        from danvan_desktop.core.release import INSTALL_AT_NEXT_START, INSTALL_NOW
        from danvan_desktop.updates.stage import write_install_request

        pending = self.pending_release()
        if pending is None:
            raise DanvanError(
                tr(
                    "SessionUpdates",
                    "Chưa có bản cập nhật nào sẵn sàng để cài: hãy đồng bộ với máy chủ của "
                    "thành phố hoặc tìm bản cập nhật trên USB.",
                )
            )
        when = INSTALL_NOW if now else INSTALL_AT_NEXT_START
        self.save_release_keys_for_switch()
        write_install_request(Path(self.store.data_dir), pending.version, pending.platform, when)
        return pending

    def save_release_keys_for_switch(self) -> Path:
        """Copy the release keys this laptop learnt (its settings) into
        ``<data dir>/updates/trusted-keys.json``: the switch verifies the staged
        signature with them before the store opens."""
        from danvan_desktop.sync.release_lane import RECORDED_KEYS_SETTING
        from danvan_desktop.updates import keys

        recorded = keys.keys_from_json(get_setting(self.store.db, RECORDED_KEYS_SETTING))
        return keys.save_recorded_keys(Path(self.store.data_dir), recorded)

    def stick_releases(self, roots: Iterable[Path] | None = None) -> list[StickRelease]:
        """The releases on the mounted USB sticks (or under ``roots``), newest first."""
        from danvan_desktop.updates.stick import find_stick_releases

        if roots is None:
            from danvan_desktop.usb.volumes import list_removable_volumes

            roots = [volume.mount_path for volume in list_removable_volumes()]
        return find_stick_releases(roots)

    def import_release_from_stick(
        self, path: Path, *, cancel: threading.Event | None = None
    ) -> StagedRelease:
        """Verify and stage the release folder ``path`` of a stick; the staged release.
        ``ReleaseRefused`` or ``StagingRefused`` (both DanvanError) say why not."""
        from danvan_desktop.updates.stick import import_from_stick

        installation = self.release_installation()
        if installation is None:
            raise DanvanError(
                tr(
                    "SessionUpdates",
                    "Bản đang chạy không phải bản cài đặt (chạy từ mã nguồn) nên không cài "
                    "được bản cập nhật.",
                )
            )
        import_from_stick(Path(path), Path(self.store.data_dir), installation, cancel=cancel)
        pending = self.pending_release()
        assert pending is not None  # just staged and checked
        return pending
