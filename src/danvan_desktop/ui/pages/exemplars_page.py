"""The Exemplars page: not built yet; another engineer replaces this module with the real one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from danvan_desktop.ui.pages.not_built_page import NotBuiltPage
from danvan_desktop.ui.text import tr


class ExemplarsPage(NotBuiltPage):
    """Says plainly that «Điển hình & khen thưởng» is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("ExemplarsPage", "Điển hình & khen thưởng"),
            tr(
                "ExemplarsPage",
                "Mục Điển hình và khen thưởng (gương điển hình, đề nghị khen thưởng, quyết "
                "định) đang được xây dựng và sẽ có trong bản cập nhật tới.",
            ),
            parent,
        )
