"""The team's operating regulation (quy chế hoạt động) as a document.

The text is the team's own (the regulation record's ``text``), or the city's model
filled in for the team when it has written none. It is Markdown as the Quy chế
page edits it: ``##`` chapters and ``###`` articles become headings, ``-`` lines
a dashed list, other lines paragraphs. A regulation is issued with a decision and
carries no number of its own: it has no number line and no place-date line (the
decision carries them), and under its title the line «(Ban hành kèm theo Quyết
định số …… ngày …… của …)» leaves the decision's number and date to be written in.

The day the Party cell adopted it comes from the team's record (the regulation's
«Ngày thông qua»): under the title, and in the text wherever it says «thông qua
ngày» followed by a blank left to be written in (a text made from the model before
the day was known).
"""

from __future__ import annotations

import datetime as dt
import re

from sqlite_utils import Database

from danvan_desktop.core.vndate import short_date
from danvan_desktop.reports.builders.common import BLANK, Issue, make_document
from danvan_desktop.reports.builders.letterhead import resolve_letterhead, store_defaults
from danvan_desktop.reports.document import (
    Block,
    BulletList,
    Document,
    DocumentKind,
    Heading,
    Paragraph,
    Recipients,
)
from danvan_desktop.store.regulation import regulation_text, settings

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
# "thông qua ngày" then a blank: dots, an ellipsis, underscores or the model's placeholder.
_ADOPTED_BLANK = re.compile(r"(thông qua ngày)\s*(?:…+|\.{2,}|_{2,}|\{ngay_thong_qua\})")
MEMBERS_RECIPIENT = "Các thành viên của tổ"


def _plain(text: str) -> str:
    """Markdown emphasis marks dropped: the document has its own styles."""
    return _EMPHASIS.sub("", text).strip()


def markdown_blocks(text: str) -> list[Block]:
    """Headings, dashed lists and paragraphs of a small Markdown text."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph.of(_plain(" ".join(paragraph))))
            paragraph.clear()
        if bullets:
            blocks.append(BulletList(list(bullets)))
            bullets.clear()

    for raw in text.splitlines():
        line = raw.strip()
        heading, bullet = _HEADING.match(line), _BULLET.match(line)
        if not line:
            flush()
        elif heading:
            flush()
            level = max(1, len(heading.group(1)) - 1)  # "##" chapters are the outer level
            blocks.append(Heading(_plain(heading.group(2)), level=level))
        elif bullet:
            if paragraph:
                flush()
            bullets.append(_plain(bullet.group(1)))
        else:
            if bullets:
                flush()
            paragraph.append(line)
    flush()
    return blocks


def build_regulation(db: Database, issue: Issue, *, today: dt.date | None = None) -> Document:
    """The regulation of the store's team, in the issue's preset."""
    letterhead = resolve_letterhead(db, preset=issue.preset, overrides=issue.overrides)
    found = store_defaults(db)
    current = settings(db, _team_id(db))
    issuer = letterhead.issuing_body
    blocks: list[Block] = []
    adopted = current.get("adopted_on")
    text = regulation_text(db, today=today or issue.issued_on)
    if adopted:
        day = short_date(dt.date.fromisoformat(str(adopted)[:10]))
        blocks.append(Paragraph.of(f"(Thông qua ngày {day})", italic=True, align="center",
                                   first_line_indent=False))  # fmt: skip
        text = _ADOPTED_BLANK.sub(lambda m: f"{m.group(1)} {day}", text)
    blocks += markdown_blocks(text)
    team_name = str(found.get("team_name") or letterhead.issuing_body)
    return make_document(
        letterhead,
        issue,
        kind=DocumentKind.REGULATION,
        title="Quy chế",
        subtitle=f"Hoạt động của {team_name}",
        note=f"(Ban hành kèm theo Quyết định số {BLANK} ngày {BLANK} của {issuer})",
        blocks=blocks,
        number=None,
        has_number_line=False,
        has_date_line=False,
        recipients=Recipients([*letterhead.recipients, MEMBERS_RECIPIENT], letterhead.collective),
    )


def _team_id(db: Database) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'team_id'").fetchone()
    return None if row is None else str(row[0])
