"""Group commit: pushes waiting together are applied in one transaction, each answered
as if it had committed alone."""

from __future__ import annotations

import asyncio

from sqlalchemy import Engine

from danvan_desktop.core.ids import uuid7
from danvan_server import auth, push
from danvan_server.push_writer import PushWriter
from support.server_process import ServerApi

TASK = {"title": "Dọn vệ sinh đường làng", "status": "open"}


def _job(engine: Engine, laptop: ServerApi, ops: list[dict[str, object]]) -> push.PushJob:
    scope = auth.authenticate(engine, f"Bearer {laptop.token}", "vi")
    return push.prepare({"device_id": laptop.device_id, "ops": ops}, scope, 5000, "vi")


async def _apply_together(writer: PushWriter, jobs: list[push.PushJob]) -> list[dict[str, object]]:
    return list(await asyncio.gather(*(writer.apply(job) for job in jobs)))


def test_pushes_arriving_together_share_transactions(
    engine: Engine, team: ServerApi, neighbour_team: ServerApi
) -> None:
    """Forty pushes from two villages: every operation applied once, versions 1..N with
    no gap, in fewer transactions than pushes."""
    laptops = [team, neighbour_team] * 20
    jobs = [_job(engine, laptop, [laptop.op("task", uuid7(), TASK)]) for laptop in laptops]
    writer = PushWriter(engine)
    start = team.request("GET", "/health").json()["high_seq"]
    answers = asyncio.run(_apply_together(writer, jobs))
    writer.stop()
    versions = sorted(a["results"][0]["server_version"] for a in answers)  # type: ignore[index]
    assert [a["results"][0]["status"] for a in answers] == ["applied"] * 40  # type: ignore[index]
    assert versions == list(range(start + 1, start + 41))
    assert writer.requests == 40 and writer.groups < 40
    assert {a["high_seq"] for a in answers} <= set(range(start + 1, start + 41))


def test_one_operation_sent_twice_at_once_is_applied_once(engine: Engine, team: ServerApi) -> None:
    """A laptop that re-sends a batch while the first is still waiting: the first
    applies, the second is answered ``duplicate`` with the same version."""
    op = team.op("task", uuid7(), TASK)
    writer = PushWriter(engine)
    first, second = asyncio.run(
        _apply_together(writer, [_job(engine, team, [op]), _job(engine, team, [op])])
    )
    writer.stop()
    a, b = first["results"][0], second["results"][0]  # type: ignore[index]
    assert (a["status"], b["status"]) == ("applied", "duplicate")
    assert a["server_version"] == b["server_version"]
