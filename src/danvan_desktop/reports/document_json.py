"""A Document as JSON and back: the stored copy of an issued document.

An issued document is kept as built (its content, number and date), so every later
export, in any format, renders the same text. The JSON names each block's type and
carries a format version; reading refuses a version it does not know instead of
guessing. Standard library only: no renderer is loaded to store or read a copy.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from danvan_desktop.reports.document import (
    Attachment,
    Block,
    BulletList,
    Column,
    Document,
    DocumentKind,
    HeaderCell,
    Heading,
    LabelledLine,
    LabelledLines,
    Paragraph,
    Recipients,
    Run,
    SignatureBlock,
    Table,
    TotalsRow,
)

FORMAT_VERSION = 1
_BLOCK_TYPES: dict[type, str] = {
    Heading: "heading",
    Paragraph: "paragraph",
    BulletList: "bullets",
    LabelledLines: "labelled",
    Table: "table",
}


class StoredDocumentError(ValueError):
    """A stored copy this release cannot read (a newer format, or damaged text)."""


def _block_dict(block: Block) -> dict[str, Any]:
    return {"type": _BLOCK_TYPES[type(block)], **asdict(block)}


def _blocks_out(blocks: list[Block]) -> list[dict[str, Any]]:
    return [_block_dict(block) for block in blocks]


def document_to_json(document: Document) -> str:
    """The document as compact JSON text (UTF-8 characters kept as they are)."""
    data = asdict(document)
    data["kind"] = document.kind.value
    data["date"] = document.date.isoformat()
    data["blocks"] = _blocks_out(document.blocks)
    data["attachments"] = [
        {**asdict(a), "blocks": _blocks_out(a.blocks)} for a in document.attachments
    ]
    return json.dumps(
        {"version": FORMAT_VERSION, "document": data}, ensure_ascii=False, sort_keys=True
    )


def _block_in(data: dict[str, Any]) -> Block:
    kind = data.pop("type")
    if kind == "heading":
        return Heading(**data)
    if kind == "paragraph":
        runs = [Run(**run) for run in data.pop("runs")]
        return Paragraph(runs, **data)
    if kind == "bullets":
        return BulletList(**data)
    if kind == "labelled":
        lines = [LabelledLine(**line) for line in data.pop("lines")]
        return LabelledLines(lines, **data)
    if kind == "table":
        totals = data.pop("totals")
        return Table(
            columns=[Column(**column) for column in data.pop("columns")],
            header_rows=[[HeaderCell(**cell) for cell in row] for row in data.pop("header_rows")],
            rows=[list(row) for row in data.pop("rows")],
            totals=TotalsRow(**totals) if totals else None,
            **data,
        )
    raise StoredDocumentError(f"unknown block type {kind!r}")


def _blocks_in(items: list[dict[str, Any]]) -> list[Block]:
    return [_block_in(dict(item)) for item in items]


def _signature(data: dict[str, Any] | None) -> SignatureBlock | None:
    return SignatureBlock(**data) if data else None


def document_from_json(text: str) -> Document:
    """The document stored by ``document_to_json``; StoredDocumentError when unreadable."""
    try:
        outer = json.loads(text)
        if outer.get("version") != FORMAT_VERSION:
            raise StoredDocumentError(f"stored document format {outer.get('version')!r}")
        data = dict(outer["document"])
        recipients = data.pop("recipients")
        return Document(
            kind=DocumentKind(data.pop("kind")),
            date=dt.date.fromisoformat(data.pop("date")),
            blocks=_blocks_in(data.pop("blocks")),
            signature_left=_signature(data.pop("signature_left")),
            signature_right=_signature(data.pop("signature_right")),
            recipients=Recipients(**recipients) if recipients else None,
            attachments=[
                Attachment(**{**a, "blocks": _blocks_in(a["blocks"])})
                for a in data.pop("attachments")
            ],
            **data,
        )
    except StoredDocumentError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise StoredDocumentError(f"damaged stored document: {error}") from error
