"""The FastAPI application: routes of the sync protocol (``danvan_desktop.sync.protocol``).

``create_app(settings)`` builds one app over one database; several processes may
serve the same PostgreSQL database behind a load balancer (``danvan-server run
--workers N`` imports ``create_app_from_env`` by name in each). OpenAPI is at
``/docs`` and ``/openapi.json``. Request bodies are read (and un-gzipped) and
headers checked on the event loop; reads run in the thread pool, each request in
one transaction; pushes go to the process's ``PushWriter``, which commits the
pushes waiting together.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from anyio import to_thread
from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from danvan_desktop.sync.protocol import (
    API_PREFIX,
    HEADER_SCHEMA,
    MAX_SKIP_RANGES,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
    parse_ranges,
)
from danvan_server import admin, auth, bundles, network, pull, push, residents
from danvan_server.attachments import AttachmentStore, OffsetMismatch, check_sha256
from danvan_server.db import get_meta, make_engine, read_sequence, reading
from danvan_server.http import (
    ApiError,
    check_protocol_headers,
    read_chunk,
    read_json_object,
    request_language,
)
from danvan_server.messages import say
from danvan_server.network_routes import add_network_routes
from danvan_server.openapi_docs import BODIES, describe
from danvan_server.push_upload import PushUploads, add_push_upload_routes
from danvan_server.push_writer import PushWriter
from danvan_server.records import utc_now
from danvan_server.release_routes import add_release_routes
from danvan_server.settings import Settings, settings_from_env

log = logging.getLogger(__name__)
MAX_INT64 = 2**63 - 1  # the largest sequence number or offset a database column holds


def create_app(settings: Settings) -> FastAPI:
    """The server over ``settings.database_url`` (initialised by ``danvan-server init``)."""
    engine = make_engine(settings)
    files = AttachmentStore(engine, admin.attachments_dir(engine), settings.max_attachment_bytes)
    writer = PushWriter(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Fewer threads than anyio's 40: each waits for the GIL less, and finds a
        # pooled connection (settings.pool_size) instead of opening one.
        to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        yield
        await run_in_threadpool(writer.stop)  # the pushes already queued are answered
        engine.dispose()  # close pooled connections when the server stops

    app = FastAPI(
        lifespan=lifespan,
        title="Dân vận khéo city server",
        version=str(PROTOCOL_VERSION),
        description="Sync protocol between team laptops and the city's server "
        "(see docs/protocol.md).",
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.files = files
    app.state.push_writer = writer
    app.add_middleware(GZipMiddleware, minimum_size=500, **_gzip_exclusions())
    _add_error_handlers(app)
    _add_sync_routes(app)
    _add_attachment_routes(app)
    add_network_routes(app)  # protocol 3: the network library (network_routes.py)
    add_release_routes(app)  # protocol 3: app releases (release_routes.py)
    # protocol 3: a push body in blocks the server keeps (push_upload.py)
    add_push_upload_routes(
        app, PushUploads(files.folder / "push-uploads", settings.max_request_bytes)
    )
    describe(app)  # what /openapi.json cannot infer: headers, token, refusals
    return app


def _gzip_exclusions() -> dict[str, Any]:
    """Leave attachment files alone: photos and PDFs are already compressed."""
    try:
        from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES
    except ImportError:  # Starlette before 1.5 has no exclusion list
        return {}
    return {"exclude_content_types": (*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/octet-stream")}


def create_app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory`` (settings from ``DANVAN_DATABASE_URL``)."""
    return create_app(settings_from_env())


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body: dict[str, Any] = {"detail": exc.message}
        if isinstance(exc, OffsetMismatch):
            body["offset"] = exc.offset
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
            parts.append(f"{where}: {error.get('msg', '')}")
        message = say(
            request_language(request),
            "Tham số của yêu cầu không hợp lệ: {detail}",
            detail="; ".join(parts),
        )
        return JSONResponse({"detail": message}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)
    async def _database_down(request: Request, exc: Exception) -> JSONResponse:
        log.warning("database unavailable on %s: %s", request.url.path, exc)
        message = say(
            request_language(request),
            "Cơ sở dữ liệu của máy chủ của thành phố tạm thời không dùng được; sẽ tự thử lại sau.",
        )
        return JSONResponse({"detail": message}, status_code=503, headers={"Retry-After": "30"})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        message = say(
            request_language(request), "Máy chủ của thành phố gặp lỗi nội bộ; sẽ tự thử lại sau."
        )
        return JSONResponse({"detail": message}, status_code=500)


async def _protocol(request: Request) -> int:
    """The request's protocol version (checked on the event loop: no I/O, no thread)."""
    return check_protocol_headers(request)


ProtocolDep = Annotated[int, Depends(_protocol)]


def _scope(request: Request, _protocol: ProtocolDep) -> auth.Scope:
    """The authenticated scope of the request (runs in the thread pool: it reads the DB)."""
    return _request_scope(request)


def _request_scope(request: Request) -> auth.Scope:
    """``_scope`` once the protocol headers are checked (called in the thread pool)."""
    engine = request.app.state.engine
    scope = auth.authenticate(
        engine, request.headers.get("authorization"), request_language(request)
    )
    auth.note_seen(engine, scope)
    return scope


ScopeDep = Annotated[auth.Scope, Depends(_scope)]


def _authenticated_pull(
    engine: Engine,
    authorization: str | None,
    language: str,
    since: int,
    limit: int,
    ranges: list[tuple[int, int]],
    client_schema: int | None = None,
) -> bytes:
    """Authenticate and read the page on one connection (no extra hop, no BEGIN/COMMIT):
    the token and the page's head in one statement, then the page."""
    with reading(engine, snapshot=False) as connection:
        scope, content = pull.authenticated_pull_on(
            connection, authorization, language, since, limit, ranges, client_schema
        )
    auth.note_seen(engine, scope)
    return content


def _add_sync_routes(app: FastAPI) -> None:
    settings: Settings = app.state.settings
    engine = app.state.engine
    writer: PushWriter = app.state.push_writer

    @app.get(f"{API_PREFIX}/health", tags=["sync"])
    def health() -> dict[str, Any]:
        """Server time, protocol versions, epoch and highest sequence number (no token)."""
        with reading(engine) as connection:
            epoch = get_meta(connection, "epoch")
            high_seq = read_sequence(connection)
        return {
            "status": "ok",
            "server_time": utc_now(),
            "protocol": PROTOCOL_VERSION,
            "min_protocol": MIN_PROTOCOL_VERSION,
            "epoch": epoch,
            "high_seq": high_seq,
        }

    @app.post(f"{API_PREFIX}/enroll", tags=["sync"], openapi_extra=BODIES["enroll"])
    async def enroll(request: Request, _protocol: ProtocolDep) -> dict[str, Any]:
        """Trade a single-use enrollment code for a device token bound to one unit."""
        body = await read_json_object(request, 64 * 1024)
        return await run_in_threadpool(auth.enroll, engine, body, request_language(request))

    @app.post(
        f"{API_PREFIX}/push", tags=["sync"], openapi_extra=BODIES["push"], response_model=None
    )
    async def push_ops(request: Request, client: ProtocolDep) -> Response:
        """Apply outbox operations; one result per operation, in order."""
        # The token is read here, not by a dependency: FastAPI's solving of a nested
        # thread-pool dependency cost a tenth of a push's CPU in a 200-laptop burst.
        scope = await run_in_threadpool(_request_scope, request)
        body = await read_json_object(request, settings.max_request_bytes)
        language = request_language(request)
        job = push.prepare(body, scope, settings.max_ops_per_push, language, client)
        answer = await writer.apply(job)
        # Plain JSON types only: FastAPI's generic encoder would walk every result again.
        content = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
        return Response(content=content, media_type="application/json")

    @app.post(f"{API_PREFIX}/device-key", tags=["sync"], openapi_extra=BODIES["device_key"])
    async def device_key(request: Request, scope: ScopeDep) -> dict[str, Any]:
        """Keep the device's public key for its USB bundles; answer the server's key."""
        body = await read_json_object(request, 4 * 1024)
        try:
            key = await run_in_threadpool(
                bundles.register_device_key, engine, scope, body.get("public_key")
            )
        except ValueError:
            raise ApiError(
                422,
                say(
                    request_language(request),
                    "public_key phải là khóa công khai Ed25519 (32 byte, mã hóa base64).",
                ),
            ) from None
        return {"server_key": key}

    @app.get(f"{API_PREFIX}/pull", tags=["sync"])
    async def pull_changes(
        request: Request,
        _protocol: ProtocolDep,
        since: Annotated[
            int, Query(ge=0, le=MAX_INT64, description="the checkpoint: last sequence seen")
        ] = 0,
        max_bytes: Annotated[
            int | None, Query(ge=1, le=MAX_INT64, description="page size in bytes")
        ] = None,
        skip: Annotated[
            str,
            Query(
                max_length=MAX_SKIP_RANGES * 40,
                pattern=r"^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$",
                description="versions the device holds exactly (its own writes): 3-7,9",
            ),
        ] = "",
    ) -> Response:
        """Changes in the device's scope after ``since``, one page bounded by bytes."""
        language = request_language(request)
        limit = min(max_bytes or settings.default_pull_bytes, settings.max_pull_bytes)
        try:
            ranges = parse_ranges(skip)
        except ValueError as exc:
            raise ApiError(
                422,
                say(language, "Tham số của yêu cầu không hợp lệ: {detail}", detail=f"skip: {exc}"),
            ) from None
        authorization = request.headers.get("authorization")
        # The laptop's store schema: what it cannot store is left out (residents.py).
        client_schema = residents.client_schema(request.headers.get(HEADER_SCHEMA))
        content = await run_in_threadpool(
            _authenticated_pull,
            engine,
            authorization,
            language,
            since,
            limit,
            ranges,
            client_schema,
        )
        return Response(content=content, media_type="application/json")


def _add_attachment_routes(app: FastAPI) -> None:
    files: AttachmentStore = app.state.files
    settings: Settings = app.state.settings
    prefix = f"{API_PREFIX}/attachments"

    @app.post(f"{prefix}/missing", tags=["attachments"], openapi_extra=BODIES["missing"])
    async def missing(request: Request, scope: ScopeDep) -> dict[str, Any]:
        """Which of these files the device's unit has not uploaded (nor a unit below it)."""
        language = request_language(request)
        body = await read_json_object(request, 4 * 1024 * 1024)
        shas = body.get("sha256")
        if not isinstance(shas, list) or not all(isinstance(s, str) for s in shas):
            raise ApiError(422, say(language, "«sha256» phải là danh sách mã SHA-256."))
        for sha in shas:
            check_sha256(sha, language)
        return {"missing": await run_in_threadpool(files.missing, shas, scope)}

    @app.get(f"{prefix}/{{sha256}}/offset", tags=["attachments"])
    def offset(request: Request, sha256: str, scope: ScopeDep) -> dict[str, Any]:
        """How many bytes of this file the server holds from the device's unit (where its
        upload resumes)."""
        return files.offset(check_sha256(sha256, request_language(request)), scope)

    @app.put(f"{prefix}/{{sha256}}", tags=["attachments"], openapi_extra=BODIES["chunk"])
    async def put_chunk(
        request: Request,
        sha256: str,
        scope: ScopeDep,
        offset: Annotated[int, Query(ge=0, le=MAX_INT64)],
    ) -> dict[str, Any]:
        """Append one chunk at ``offset``; its SHA-256 is in the X-Chunk-SHA256 header."""
        language = request_language(request)
        check_sha256(sha256, language)
        data, chunk_sha = await read_chunk(request, settings.max_chunk_bytes)
        held = await run_in_threadpool(
            files.append, sha256, offset, data, chunk_sha, scope, language
        )
        return {"offset": held}

    @app.post(
        f"{prefix}/{{sha256}}/complete", tags=["attachments"], openapi_extra=BODIES["complete"]
    )
    async def complete(request: Request, sha256: str, scope: ScopeDep) -> dict[str, Any]:
        """Accept the upload once its size and whole-file SHA-256 match."""
        language = request_language(request)
        check_sha256(sha256, language)
        size = (await read_json_object(request, 64 * 1024)).get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ApiError(422, say(language, "«size» phải là số byte của tệp."))
        await run_in_threadpool(files.complete, sha256, size, scope, language)
        return {"stored": True}

    @app.get(f"{prefix}/{{sha256}}", tags=["attachments"], response_model=None)
    def download(request: Request, sha256: str, scope: ScopeDep) -> FileResponse:
        """The file (``Range`` supported), when the device's unit or one below it uploaded it;
        403 when a record in its scope names a file only other units uploaded, 404 else."""
        language = request_language(request)
        path = files.readable_path(check_sha256(sha256, language), scope)
        if path is None and network.card_photo_readable(files.engine, sha256, scope):
            path = files.final_path(sha256)  # a card's photo: every laptop the card reaches
            path = path if path.exists() else None
        if path is not None:
            return FileResponse(path, media_type="application/octet-stream")
        if files.stored_size(sha256) is not None and files.named_in_scope(sha256, scope):
            raise ApiError(
                403,
                say(
                    language,
                    "Không tải được tệp này: máy chủ của thành phố chỉ giữ tệp này từ một đơn vị "
                    "khác, và chỉ gửi tệp cho đơn vị đã tải nó lên (hoặc đơn vị cấp trên). Nếu "
                    "một máy của đơn vị mình có tệp này, hãy thử lại sau khi máy đó đồng bộ.",
                ),
            )
        raise ApiError(404, say(language, "Máy chủ không có tệp này trong phạm vi của máy."))
