"""The one rule for a city server address, used by the transport, the CLI and the Đồng bộ page.

The link to the city's server is always encrypted: ``https://`` with a host. Plain
``http://`` is accepted only for a server on this very computer (127.0.0.0/8, ``::1``,
``localhost``), where nothing crosses a network: a test server, or the server and the
laptop on one machine.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr

_CTX = "SyncTransport"


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this computer (localhost, 127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def server_url_allowed(url: str) -> bool:
    """https with a host, or plain http to this computer only."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:  # a malformed address (an unclosed "[" of IPv6)
        return False
    if parts.scheme == "https":
        return bool(host)
    return parts.scheme == "http" and is_loopback(host)


def checked_server_url(url: str) -> str:
    """``url`` without its trailing slash; a ValidationError on ``server_url`` naming
    https when the address is not allowed."""
    if server_url_allowed(url):
        return url.strip().rstrip("/")
    problem = tr(
        _CTX,
        "Địa chỉ máy chủ của thành phố phải bắt đầu bằng https:// (ví dụ https://dongbo.hue.gov.vn).",
    )
    if url.strip().lower().startswith("http://"):
        problem = tr(
            _CTX,
            "Địa chỉ http:// chỉ dùng được cho máy chủ chạy trên chính máy này (127.0.0.1, "
            "localhost); máy chủ của thành phố phải dùng https:// (ví dụ "
            "https://dongbo.hue.gov.vn).",
        )
    raise ValidationError([FieldProblem("server_url", problem)])
