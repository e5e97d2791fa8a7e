"""A team laptop of Tổ dân phố 5 (Phú Xuân, Huế), set up and enrolled with a server:
the benches' starting point (bench/sync.py, bench/network.py, bench/update.py)."""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.session import Session


def enrolled_team_laptop(folder: Path, server_url: str, code: str) -> Session:
    """A new store in ``folder`` set up as the team of Tổ dân phố 5 and enrolled at
    ``server_url`` with ``code`` (nothing synced yet)."""
    laptop = Session.open(folder, create=True)
    laptop.initialise_team(
        province_code=46,
        commune_code=19768,
        village_name="Tổ dân phố 5",
        village_kind="to_dan_pho",
        team_name="Tổ dân vận tổ dân phố 5",
        leader_name="Nguyễn Văn An",
    )
    laptop.enroll_device(server_url=server_url, code=code)
    return laptop
