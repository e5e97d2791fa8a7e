"""The Handbook page: not built yet; another engineer replaces this module with the real one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.pages.not_built_page import NotBuiltPage
from danvan_desktop.ui.text import tr


class HandbookPage(NotBuiltPage):
    """Says plainly that «Sổ tay» is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("HandbookPage", "Sổ tay"),
            tr(
                "HandbookPage",
                "Mục Sổ tay (tài liệu hướng dẫn công tác dân vận, quy chế mẫu của thành phố) "
                "đang được xây dựng và sẽ có trong bản cập nhật tới.",
            ),
            parent,
        )
