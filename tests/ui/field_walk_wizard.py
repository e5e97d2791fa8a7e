"""The every-field walk's table for the first-run wizard: its three pages.

The wizard sets a team up once, so it runs on its own runner over folders of its own:
a case that saved moves the next one to a new, empty folder. Each case goes to the
page of its field (the pages before it filled with valid answers), types the value,
then presses Next and Finish to the end, the later pages filled as well.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard

from danvan_desktop.core.schema import MEMBER, TEAM, UNIT
from danvan_desktop.ui.task_runner import TaskRunner

from .field_cases import EITHER, KEPT, LONG_WITHOUT_LIMIT, SERVER_CASES, Case, replace_text
from .field_walk import Field, Form, Opened, Walk
from .helpers import WAIT_MS

DEFAULTS = {"village": "Tổ dân phố 5", "team": "Tổ dân vận tổ dân phố 5", "leader": "Nguyễn Văn An"}
CODE_CASES = [
    Case("a code", "HUE-0042", KEPT, "HUE-0042"),
    Case(
        f"{LONG_WITHOUT_LIMIT} characters",
        "A" * LONG_WITHOUT_LIMIT,
        EITHER,
        "A" * LONG_WITHOUT_LIMIT,
    ),
    Case("empty", "", KEPT, None),
]


@dataclass
class WizardCtx:
    """The wizard's own runner and the folders it sets teams up in."""

    runner: TaskRunner
    base: Path
    folders: int = 0


def _prepare(walk: Walk, _fld: Field | None) -> WizardCtx:
    runner = TaskRunner()
    walk.later(runner.shutdown)
    return WizardCtx(runner, walk.tmp / "wizard")


def _empty_store(walk: Walk, ctx: WizardCtx) -> None:
    """Open a new folder unless the one open has no team yet."""
    if ctx.folders and not walk.call(lambda s: s.is_initialised, ctx.runner):
        return
    ctx.folders += 1
    opened: list[Any] = []
    ctx.runner.open_session(ctx.base / str(ctx.folders), create=True, on_done=opened.append)
    walk.qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)


def _fill_defaults(wizard: Any, page: Any, skip: str) -> None:
    if page is wizard.place_page and skip != "village":
        replace_text(page.village, DEFAULTS["village"])
    if page is wizard.team_page:  # the team named, not the suggestion (the village + words)
        for key in ("team", "leader"):
            if skip != key:
                replace_text(getattr(page, key), DEFAULTS[key])


def _press_on(walk: Walk, wizard: Any, skip: str) -> bool:
    """Next (or Finish on the last page); False when the wizard stayed on its page."""
    page = wizard.currentPage()
    last = page is wizard.server_page
    which = QWizard.WizardButton.FinishButton if last else QWizard.WizardButton.NextButton
    walk.click(wizard.button(which))
    if last:
        return False
    moved = wizard.currentPage() is not page
    if moved:
        _fill_defaults(wizard, wizard.currentPage(), skip)
    return moved


def _read(session: Any, _fld: Field) -> Mapping[str, Any] | None:
    if not session.is_initialised:
        return None
    unit = session.get_record("unit", session.store.home_unit_id)
    team = session.get_record("team", session.team_id)
    leader = session.list_records("member")[0]
    return {
        "province": unit["province_code"],
        "commune": unit["commune_code"],
        "village_kind": unit["village_kind"],
        "village": unit["name"],
        "team": team["name"],
        "leader": leader["full_name"],
        "phone": leader["phone"],
        "server": session.setting("server_url"),
        "code": session.setting("enrollment_code"),
    }


def _opener(page_name: str) -> Any:
    def open_page(walk: Walk, ctx: WizardCtx) -> Opened:
        from danvan_desktop.ui.first_run_wizard import FirstRunWizard

        _empty_store(walk, ctx)
        wizard = FirstRunWizard(ctx.runner)
        walk.show(wizard)
        target = getattr(wizard, page_name)
        _fill_defaults(wizard, wizard.currentPage(), skip="")
        while wizard.currentPage() is not target:
            assert _press_on(walk, wizard, skip=""), "the wizard did not reach the page"

        def save(fld: Field) -> None:
            while _press_on(walk, wizard, skip=fld.key):
                pass
            walk.settle(ctx.runner)

        return Opened(
            target,
            save,
            _read,
            ("unit", "team", "member", "settings"),
            lambda: walk.dismiss(wizard),
            ctx.runner,
        )

    return open_page


def _wizard_prefill(opened: Opened, fld: Field) -> None:
    wizard = opened.root.wizard()
    _fill_defaults(wizard, opened.root, skip=fld.key)


def wizard_forms() -> tuple[Form, ...]:
    """The wizard's pages: the place, the team, the server."""
    from danvan_desktop.ui import first_run_wizard as wizard

    return (
        Form(
            wizard.PlacePage,
            _prepare,
            _opener("place_page"),
            (
                Field("province", "choice", lambda p: p.province),
                Field("commune", "choice", lambda p: p.commune),
                Field("village_kind", "choice", lambda p: p.kind),
                Field("village", "text", lambda p: p.village, UNIT.field("name")),
            ),
            _wizard_prefill,
        ),
        Form(
            wizard.TeamPage,
            _prepare,
            _opener("team_page"),
            (
                Field("team", "text", lambda p: p.team, TEAM.field("name")),
                Field("leader", "text", lambda p: p.leader, MEMBER.field("full_name")),
                Field("phone", "phone", lambda p: p.phone, MEMBER.field("phone")),
            ),
            _wizard_prefill,
        ),
        Form(
            wizard.ServerPage,
            _prepare,
            _opener("server_page"),
            (
                Field("server", "text", lambda p: p.server, cases=lambda _ctx: list(SERVER_CASES)),
                Field("code", "text", lambda p: p.code, cases=lambda _ctx: list(CODE_CASES)),
            ),
            _wizard_prefill,
        ),
    )
