"""The release routes (protocol 3): what a laptop may install, and its files.

- ``GET /api/v1/releases/latest?platform=P&from=V`` → ``{"manifest", "signature"}``:
  the newest release for platform P that is not withdrawn, is newer than V and
  updates from V (``min_from_version`` ≤ V); 204 when there is none.
- ``GET /api/v1/releases/{version}/{platform}/files/{sha256}``: one file a live
  release lists, ``Range: bytes=N-`` answered with 206 so a dropped download resumes.

Any enrolled device's token may read them (a revoked or unknown token may not); the
laptop checks the signature and every file's SHA-256 itself (``danvan_desktop.updates``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from danvan_desktop.core.release import PLATFORMS, RELEASES_PATH
from danvan_desktop.sync.protocol import API_PREFIX
from danvan_server import auth, releases
from danvan_server.attachments import check_sha256
from danvan_server.http import ApiError, check_protocol_headers, request_language
from danvan_server.messages import say


def _scope(request: Request) -> auth.Scope:
    check_protocol_headers(request)
    engine = request.app.state.engine
    scope = auth.authenticate(
        engine, request.headers.get("authorization"), request_language(request)
    )
    auth.note_seen(engine, scope)
    return scope


ScopeDep = Annotated[auth.Scope, Depends(_scope)]


def _check_platform(platform: str, language: str) -> str:
    if platform not in PLATFORMS:
        raise ApiError(
            422,
            say(
                language,
                "Nền tảng «{platform}» không có bản phát hành; các nền tảng có: {known}.",
                platform=platform[:40],
                known=", ".join(PLATFORMS),
            ),
        )
    return platform


def _check_version(version: str, language: str) -> str:
    if not releases.is_release_version(version):
        raise ApiError(
            422,
            say(
                language,
                "«{version}» không phải là số phiên bản (ví dụ 1.4.2).",
                version=version[:40],
            ),
        )
    return version


def add_release_routes(app: FastAPI) -> None:
    """Register the release routes on ``app``."""
    engine = app.state.engine
    prefix = f"{API_PREFIX}{RELEASES_PATH}"

    @app.get(f"{prefix}/latest", tags=["releases"], response_model=None)
    def latest(
        request: Request,
        _scope: ScopeDep,
        platform: Annotated[str, Query(max_length=64, description="e.g. linux-x86_64")],
        installed: Annotated[
            str, Query(alias="from", max_length=64, description="the version the laptop runs")
        ],
    ) -> Response:
        """The signed manifest of the release this laptop should install next, or 204."""
        language = request_language(request)
        found = releases.latest(
            engine, _check_platform(platform, language), _check_version(installed, language)
        )
        if found is None:
            return Response(status_code=204)
        return JSONResponse({"manifest": found[0], "signature": found[1]})

    @app.get(
        f"{prefix}/{{version}}/{{platform}}/files/{{sha256}}",
        tags=["releases"],
        response_model=None,
    )
    def release_file(
        request: Request, version: str, platform: str, sha256: str, _scope: ScopeDep
    ) -> FileResponse:
        """One file of a live release (``Range: bytes=N-`` resumes a download)."""
        language = request_language(request)
        check_sha256(sha256, language)
        size = releases.file_size(engine, version[:32], platform[:32], sha256)
        path = releases.stored_path(app.state.files.folder, sha256)
        if size is None or not path.is_file():
            raise ApiError(
                404,
                say(
                    language,
                    "Máy chủ của thành phố không có tệp này trong bản phát hành đang được cung "
                    "cấp (có thể bản này đã bị rút lại).",
                ),
            )
        return FileResponse(path, media_type="application/octet-stream")
