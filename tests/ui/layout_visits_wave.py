"""The layout walk's visits of this wave's windows (see layout_visits.py): a card of the
network library, the dialog that moves a model with its reason, and «Giới thiệu»."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .layout_visits import Walk


def visit_network(walk: Walk, window: Any, page: Any) -> None:
    """The first card of the library (the demo holds six), opened as a leader would."""
    from .layout_visits import wait_until

    wait_until(lambda: page.model.rowCount() > 0, "the network's cards")
    walk.check_dialog(partial(page.open_card, page.model.record_id(0)), "network card")


def visit_model_status(walk: Walk, page: Any) -> None:
    """A saved model's status dialog, as it opens and with a move refused for its reason."""
    with walk.dialog(partial(page.open_form, page.table_model.record_id(0)), "model form") as form:
        walk.check_dialog(form.move_status.click, "model status dialog")


def visit_settings(walk: Walk, window: Any, page: Any) -> None:
    """Cài đặt's import dialog (layout_visits_importing.py), then «Giới thiệu»: the
    version, the data folder and the notices."""
    from .layout_visits_importing import visit_settings as visit_import

    visit_import(walk, window, page)
    walk.check_dialog(page.about_box.open_about, "about dialog")
