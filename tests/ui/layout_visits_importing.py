"""The layout walk's visit of Cài đặt (see layout_visits.py): the import dialog, empty and
with a roster previewed (a title row, a two-row header, an update, a repeated row)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importing.import_files import member_list

if TYPE_CHECKING:
    from .layout_visits import Walk


def visit_settings(walk: Walk, window: Any, page: Any) -> None:
    """The import dialog as it opens, then with a roster previewed."""
    from .layout_visits import settle, wait_until

    with walk.dialog(page.open_import, "import dialog") as dialog:
        walk.check(dialog, "import dialog")
        with tempfile.TemporaryDirectory(prefix="import-") as folder:
            dialog.load_file(member_list(Path(folder) / "thanh-vien.xlsx"))
            wait_until(lambda: dialog.plan is not None and not dialog.job_running(), "the preview")
            settle(walk.runner)
            walk.check(dialog, "import dialog, a roster previewed")
