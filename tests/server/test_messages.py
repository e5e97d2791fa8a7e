"""The server's messages: Vietnamese source, English from server_en.ts, per request."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from danvan_desktop.core.i18n import load_ts_file
from danvan_desktop.core.paths import resources_dir
from danvan_server import checks
from danvan_server.messages import language_of, say

SERVER_SRC = Path(__file__).parents[2] / "src" / "danvan_server"
CATALOGUE = load_ts_file(resources_dir() / "translations" / "server_en.ts")


def _server_sources() -> list[str]:
    """Every literal message the server passes to say() in its own context."""
    sources: list[str] = list(checks._EXPECTED.values())
    for path in sorted(SERVER_SRC.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") in ("say", "_refuse_code")
                and len(node.args) >= 2
            ):
                continue
            contexts = [k.value for k in node.keywords if k.arg == "context"]
            literal = node.args[1]
            if not contexts and isinstance(literal, ast.Constant):
                sources.append(str(literal.value))
    return sources


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_finds_the_messages() -> None:
    """The scan sees the 426 message, so the next test checks real strings."""
    assert any(s.startswith("Phiên bản phần mềm này quá cũ") for s in _server_sources())


@pytest.mark.parametrize("source", _server_sources())
def test_every_message_has_an_english_translation(source: str) -> None:
    """Each Vietnamese message is in server_en.ts with the same placeholders."""
    translation = CATALOGUE.get(("server", source))
    assert translation, f"missing from server_en.ts: {source}"
    assert _placeholders(translation) == _placeholders(source)
    assert not re.search(
        r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
        translation.replace("Dân vận khéo", ""),
    ), translation


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "vi"),
        ("", "vi"),
        ("vi-VN,vi;q=0.9", "vi"),
        ("en", "en"),
        ("en-GB,en;q=0.8", "en"),
        ("fr-FR", "vi"),
    ],
)
def test_language_of_accept_language(header: str | None, language: str) -> None:
    """English only when the first tag asks for it; Vietnamese otherwise."""
    assert language_of(header) == language


def test_say_translates_and_formats() -> None:
    """say() picks the English text and fills its placeholders."""
    assert say("en", "Tệp đính kèm quá lớn (tối đa {limit} byte).", limit=5) == (
        "The attachment is too large (at most 5 bytes)."
    )
    assert say("vi", "Tệp đính kèm quá lớn (tối đa {limit} byte).", limit=5) == (
        "Tệp đính kèm quá lớn (tối đa 5 byte)."
    )
