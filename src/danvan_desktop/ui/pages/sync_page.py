"""The Sync page: not built yet; another engineer replaces this module with the real one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.pages.not_built_page import NotBuiltPage
from danvan_desktop.ui.text import tr


class SyncPage(NotBuiltPage):
    """Says plainly that «Đồng bộ» is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("SyncPage", "Đồng bộ"),
            tr(
                "SyncPage",
                "Mục Đồng bộ (gửi dữ liệu lên máy chủ của tỉnh khi có mạng, hoặc qua USB khi "
                "không có mạng) đang được xây dựng và sẽ có trong bản cập nhật tới. Mọi thay "
                "đổi đã được giữ an toàn trên máy này và sẽ được gửi đi khi tính năng này hoàn "
                "thành.",
            ),
            parent,
        )
