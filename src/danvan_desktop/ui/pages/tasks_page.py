"""The Tasks page: not built yet; another engineer replaces this module with the real one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.pages.not_built_page import NotBuiltPage
from danvan_desktop.ui.text import tr


class TasksPage(NotBuiltPage):
    """Says plainly that «Nhiệm vụ» is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("TasksPage", "Nhiệm vụ"),
            tr(
                "TasksPage",
                "Mục Nhiệm vụ (theo dõi việc được giao sau cuộc họp, thời hạn, đánh dấu đã hoàn "
                "thành) đang được xây dựng và sẽ có trong bản cập nhật tới. Các nhiệm vụ quá "
                "hạn đã hiện ở mục Tổng quan.",
            ),
            parent,
        )
