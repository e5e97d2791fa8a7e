"""The checks of an enrollment: a code that may be used now, a device id that code may
enroll, a device name both databases can store (``auth.enroll`` runs them in its
transaction; each refusal leaves the code unused)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row

from danvan_server.http import ApiError
from danvan_server.messages import say


def _refuse_code(language: str, text: str, when: str = "") -> ApiError:
    return ApiError(401, say(language, text, when=when))


def storable_text(text: str) -> bool:
    """True for text both databases store: no NUL, no lone surrogate."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_identity(
    code: Row[Any], device_id: str, known: Row[Any, Any] | None, language: str
) -> None:
    """Refuse a code that may not enroll this device id (the code stays unused)."""
    if code.for_device is not None and code.for_device != device_id:
        raise ApiError(
            403,
            say(
                language,
                "Mã đăng ký này được cấp riêng để đăng ký lại một máy khác, không dùng được "
                "cho máy {device}: hãy xin cán bộ quản trị mã đăng ký mới.",
                device=device_id,
            ),
        )
    if known is None:
        return
    if known.revoked_at is not None:
        raise ApiError(
            403,
            say(
                language,
                "Mã máy {device} đã bị thu hồi quyền đồng bộ lúc {when} nên không đăng ký lại "
                "được: máy tính này phải đăng ký với một mã máy mới; hãy liên hệ cán bộ quản "
                "trị máy chủ của thành phố.",
                device=device_id,
                when=known.revoked_at,
            ),
        )
    if code.for_device is None:
        raise already_enrolled(device_id, language)


def already_enrolled(device_id: str, language: str) -> ApiError:
    return ApiError(
        409,
        say(
            language,
            "Mã máy {device} đã được đăng ký với máy chủ của thành phố; mã đăng ký này chỉ "
            "dùng cho máy mới. Để đăng ký lại máy này, hãy xin cán bộ quản trị cấp mã đăng ký "
            "dành riêng cho mã máy {device}.",
            device=device_id,
        ),
    )


def usable_code(row: Row[Any] | None, language: str) -> Row[Any]:
    """The code's row when it may be used now (401 with the reason otherwise)."""
    if row is None:
        raise _refuse_code(
            language,
            "Mã đăng ký không đúng: hãy kiểm tra lại từng ký tự của mã do cán bộ quản trị cấp.",
        )
    if row.used_at is not None:
        raise _refuse_code(
            language,
            "Mã đăng ký này đã được dùng lúc {when}: mỗi mã chỉ dùng một lần, hãy xin mã mới.",
            when=row.used_at,
        )
    if datetime.fromisoformat(row.expires_at) <= datetime.now(UTC):
        raise _refuse_code(
            language,
            "Mã đăng ký đã hết hạn lúc {when}: hãy xin cán bộ quản trị cấp mã mới.",
            when=row.expires_at,
        )
    return row
