"""Setting a laptop up from the city's server: a replacement team laptop or a reviewer's.

``Session.initialise_team`` (facade.py) sets up a new team: its unit, team, leader,
regulation and the city's model fields. A laptop for a team the server already holds
(«Máy thay thế», a replacement), or for a commune or city reviewer, is set up by
enrolling instead: it takes its unit from the enrollment answer and creates nothing
of its own; a team laptop takes the team the server names (protocol 3's ``team_id``)
and its first sync pulls the team, its members, regulation and fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from danvan_desktop.core.errors import StoreError
from danvan_desktop.core.i18n import tr

if TYPE_CHECKING:
    from danvan_desktop.session.transport import OnWire
    from danvan_desktop.store.database import Store

ROLE_KEY = "sync_role"  # sync/engine.py's key: the role the server gave at enrolment


def enrolled_role(store: Store) -> str:
    """The role this laptop writes as: the one its enrollment gave, else a team's."""
    return store.meta(ROLE_KEY) or "team"


class SetupMixin:
    """Set-up verbs of the Session that go through the server (needs the sync verbs)."""

    store: Store
    role: str

    if TYPE_CHECKING:  # SessionBase's and SyncMixin's

        @property
        def is_initialised(self) -> bool: ...

        def enroll_device(
            self,
            *,
            server_url: str,
            code: str,
            device_name: str | None = None,
            ca_bundle: str | None = None,
            on_wire: OnWire | None = None,
        ) -> dict[str, Any]: ...

    def set_up_from_server(
        self,
        *,
        server_url: str,
        code: str,
        device_name: str | None = None,
        ca_bundle: str | None = None,
        on_wire: OnWire | None = None,
    ) -> dict[str, Any]:
        """Enroll a store not yet set up and take its unit (and team) from the server,
        creating no record of its own; the next sync brings the rest. The enrollment
        answer is returned (``role`` says a team's laptop or a reviewer's)."""
        if self.is_initialised:
            raise StoreError(
                tr(
                    "setup",
                    "Thư mục dữ liệu này đã được thiết lập: máy thay thế hoặc máy của cấp xã, "
                    "thành phố cần một thư mục dữ liệu mới; với máy đã thiết lập, hãy đăng ký "
                    "trong mục Đồng bộ.",
                )
            )
        answer = self.enroll_device(
            server_url=server_url,
            code=code,
            device_name=device_name,
            ca_bundle=ca_bundle,
            on_wire=on_wire,
        )
        role = self.role = str(answer.get("role") or "team")
        unit = answer.get("unit") or {}
        if role == "team" and not answer.get("team_id"):
            raise StoreError(
                tr(
                    "setup",
                    "Máy chủ của thành phố chưa có tổ dân vận của {unit}: máy thay thế chỉ dùng "
                    "cho tổ đã đồng bộ lên máy chủ. Hãy thiết lập «Tổ mới» trong một thư mục dữ "
                    "liệu khác và xin cán bộ quản trị mã đăng ký mới.",
                    unit=unit.get("name") or "-",
                )
            )
        return answer
