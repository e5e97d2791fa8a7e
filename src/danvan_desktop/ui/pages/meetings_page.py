"""The meetings page: not built yet; another engineer replaces this module with the real one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.pages.not_built_page import NotBuiltPage
from danvan_desktop.ui.text import tr


class MeetingsPage(NotBuiltPage):
    """Says plainly that «Cuộc họp» is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("MeetingsPage", "Cuộc họp"),
            tr(
                "MeetingsPage",
                "Mục Cuộc họp (lập biên bản họp tổ theo mẫu, điểm danh, ý kiến, kết luận, giao "
                "nhiệm vụ) đang được xây dựng và sẽ có trong bản cập nhật tới. Dữ liệu cuộc họp "
                "đã nhập bằng lệnh «danvan» vẫn được giữ và được tính trong mục Tổng quan.",
            ),
            parent,
        )
