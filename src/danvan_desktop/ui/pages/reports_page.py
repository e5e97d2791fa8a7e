"""The Reports page: not built yet; another engineer replaces this module with the real one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.pages.not_built_page import NotBuiltPage
from danvan_desktop.ui.text import tr


class ReportsPage(NotBuiltPage):
    """Says plainly that «Báo cáo» is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("ReportsPage", "Báo cáo"),
            tr(
                "ReportsPage",
                "Mục Báo cáo (báo cáo sáu tháng và cả năm, xuất ra Word, PDF, Excel) đang được "
                "xây dựng và sẽ có trong bản cập nhật tới.",
            ),
            parent,
        )
