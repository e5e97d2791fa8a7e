"""The network library's routes (protocol 3): share, withdraw, ask, and the library lane.

- ``POST /api/v1/network/cards`` ``{"card": wire card}`` → ``{"card", "seq"}`` (reviewers)
- ``POST /api/v1/network/cards/{id}/withdraw`` → ``{"withdrawn": true}`` (reviewers)
- ``POST /api/v1/network/withdrawal-requests`` ``{"model_uid", "requested_at"}`` →
  ``{"requested": true}`` (a team, for its own model)
- ``GET /api/v1/network/library?since=SEQ&max_bytes=N`` → ``{"items", "next", "more",
  "high_seq"}``: the library lane (network.py). A protocol-2 client never asks.
  ``&format=lines`` (protocol 3) sends the same page as lines, one item per line, so a
  cut link loses only the item in flight (``network.library_lines``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from danvan_desktop.sync.protocol import API_PREFIX
from danvan_server import auth, network
from danvan_server.http import check_protocol_headers, read_json_object, request_language
from danvan_server.openapi_docs import BODIES
from danvan_server.settings import Settings

MAX_CARD_REQUEST = 512 * 1024
MAX_INT64 = 2**63 - 1


def _scope(request: Request) -> auth.Scope:
    check_protocol_headers(request)
    engine = request.app.state.engine
    scope = auth.authenticate(
        engine, request.headers.get("authorization"), request_language(request)
    )
    auth.note_seen(engine, scope)
    return scope


ScopeDep = Annotated[auth.Scope, Depends(_scope)]


def add_network_routes(app: FastAPI) -> None:
    """Register the network library's routes on ``app``."""
    engine = app.state.engine
    settings: Settings = app.state.settings
    prefix = f"{API_PREFIX}/network"

    @app.post(f"{prefix}/cards", tags=["network"], openapi_extra=BODIES["network_card"])
    async def share_card(request: Request, scope: ScopeDep) -> dict[str, Any]:
        """Share a recognised model of the reviewer's scope as a card, or update it."""
        body = await read_json_object(request, MAX_CARD_REQUEST)
        language = request_language(request)
        return await run_in_threadpool(
            network.share, engine, app.state.files, body, scope, language
        )

    @app.post(f"{prefix}/cards/{{card_id}}/withdraw", tags=["network"])
    def withdraw_card(request: Request, card_id: str, scope: ScopeDep) -> dict[str, Any]:
        """Withdraw a card: it disappears from every laptop at their next sync."""
        return network.withdraw(engine, card_id[:64], scope, request_language(request))

    @app.post(
        f"{prefix}/withdrawal-requests",
        tags=["network"],
        openapi_extra=BODIES["withdrawal_request"],
    )
    async def ask_withdrawal(request: Request, scope: ScopeDep) -> dict[str, Any]:
        """A team asks for its model's card to be withdrawn."""
        body = await read_json_object(request, 4 * 1024)
        language = request_language(request)
        return await run_in_threadpool(network.request_withdrawal, engine, body, scope, language)

    @app.get(f"{prefix}/library", tags=["network"])
    def library(
        scope: ScopeDep,
        since: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
        max_bytes: Annotated[int | None, Query(ge=1, le=MAX_INT64)] = None,
        format: Literal["json", "lines"] = "json",
    ) -> Response:
        """The library lane's changes this device sees after ``since``, one page."""
        limit = min(max_bytes or settings.default_pull_bytes, settings.max_pull_bytes)
        if format == "lines":
            lines = network.library_lines(engine, scope, since, limit)
            return Response(content=lines, media_type="application/x-ndjson")
        content = network.library_page(engine, scope, since, limit)
        return Response(content=content, media_type="application/json")
