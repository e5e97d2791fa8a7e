"""The Team page: not built yet; another engineer replaces this module with the real one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.pages.not_built_page import NotBuiltPage
from danvan_desktop.ui.text import tr


class TeamPage(NotBuiltPage):
    """Says plainly that «Tổ dân vận» is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("TeamPage", "Tổ dân vận"),
            tr(
                "TeamPage",
                "Mục Tổ dân vận (danh sách thành viên, vai trò, nhiệm kỳ và quy chế hoạt động "
                "của tổ) đang được xây dựng và sẽ có trong bản cập nhật tới.",
            ),
            parent,
        )
