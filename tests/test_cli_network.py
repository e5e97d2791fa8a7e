"""``danvan network list|search|show|share``, run as a user would: a real process."""

from __future__ import annotations

import json
from pathlib import Path

from danvan_desktop.session import Session
from danvan_desktop.store import network
from store.test_network_store import wire_card
from test_cli import danvan, team_dir  # noqa: F401  (the fixture)


def _hold_cards(folder: Path) -> None:
    session = Session.open(folder)
    try:
        items = [
            {"id": "c1", "seq": 1, "card": wire_card("c1", "Phân loại rác tại nguồn")},
            {
                "id": "c2",
                "seq": 2,
                "card": wire_card(
                    "c2",
                    "Đèn đường kiệt",
                    summary=[["Nội dung", "Lắp đèn"]],
                    indicators=[],
                    results="",
                ),
            },
        ]
        network.apply_library_page(session.store.db, items, 2)
    finally:
        session.close()


def test_list_shows_every_card_in_vietnamese_order(team_dir: Path) -> None:  # noqa: F811
    """``network list --json`` gives the cards, «Đèn» before «Phân»."""
    _hold_cards(team_dir)
    done = danvan("network", "list", "--json", data_dir=team_dir)
    assert done.returncode == 0, done.stderr
    assert [c["name"] for c in json.loads(done.stdout)] == [
        "Đèn đường kiệt",
        "Phân loại rác tại nguồn",
    ]


def test_search_folds_what_was_typed(team_dir: Path) -> None:  # noqa: F811
    """``network search "mo hinh rac"`` finds the waste card only."""
    _hold_cards(team_dir)
    done = danvan("network", "search", "mo hinh rac", data_dir=team_dir)
    assert done.returncode == 0, done.stderr
    assert [line.split("\t")[0] for line in done.stdout.splitlines()] == ["c1"]


def test_show_prints_the_card(team_dir: Path) -> None:  # noqa: F811
    """``network show`` prints the items and indicators."""
    _hold_cards(team_dir)
    done = danvan("network", "show", "c1", data_dir=team_dir)
    assert done.returncode == 0, done.stderr
    assert "Các hộ để riêng rác hữu cơ." in done.stdout
    assert "- Hộ phân loại rác: 120 hộ" in done.stdout


def test_a_team_laptop_cannot_share(team_dir: Path) -> None:  # noqa: F811
    """``network share`` on a team's laptop is refused with the reason, exit 2."""
    done = danvan("network", "share", "any-model", data_dir=team_dir)
    assert done.returncode == 2
    assert "Chỉ máy của cán bộ" in done.stderr
