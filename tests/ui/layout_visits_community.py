"""The layout walk's visits of the Kiến nghị and Hòa giải pages (see layout_visits.py):
each filter of the list, the form new (with a person's row, then refused as empty) and
filled (a petition made from a meeting opinion, a case passed on), the remove question."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .layout_visits import Walk


def settle(runner: Any) -> None:
    """layout_visits.settle (imported when called: layout_visits lists these visits)."""
    from .layout_visits import settle as settle_lanes

    settle_lanes(runner)


def _check_filters(walk: Walk, window: Any, page: Any, key: str) -> None:
    for code in page.FILTERS:
        page.set_filter(code)
        settle(walk.runner)
        walk.check(window, f"page {key}, filter {code}")
    page.set_filter("all")
    settle(walk.runner)


def _select(page: Any, wanted: Any) -> None:
    rows = [i for i, row in enumerate(page.model.rows) if wanted(row)]
    page.table.selectRow(rows[0] if rows else 0)


def visit_petitions(walk: Walk, window: Any, page: Any) -> None:
    """Each filter; the petition form new (a petitioner's row, a save refused) and one made
    from a meeting opinion; the remove question."""
    _check_filters(walk, window, page, "petitions")
    with walk.dialog(page.new_record, "petition dialog (new)") as dialog:
        dialog.people.add_button.click()
        walk.check(dialog, "petition dialog (new)")
        walk.check_refused(dialog, dialog.save, "petition dialog (new)")
    _select(page, lambda row: row.get("opinion_id"))
    walk.check_dialog(page.edit_selected, "petition dialog (from a meeting opinion)")
    walk.check_dialog(page.remove_selected, "remove petition question")


def visit_mediations(walk: Walk, window: Any, page: Any) -> None:
    """Each filter; the case form new (two parties' rows, a save refused) and one passed on
    (the body's row shown); the remove question."""
    _check_filters(walk, window, page, "mediations")
    with walk.dialog(page.new_record, "mediation dialog (new)") as dialog:
        dialog.people.add_button.click()
        dialog.people.add_button.click()
        dialog.people.add_button.click()  # the third party: «related», the longest side
        walk.check(dialog, "mediation dialog (new)")
        walk.check_refused(dialog, dialog.save, "mediation dialog (new)")
    _select(page, lambda row: row.get("parties"))
    with walk.dialog(page.edit_selected, "mediation dialog") as dialog:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("passed_on"))
        walk.check(dialog, "mediation dialog, passed on")
    walk.check_dialog(page.remove_selected, "remove case question")
