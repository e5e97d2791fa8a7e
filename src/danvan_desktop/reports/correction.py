"""A correction of an issued document: a new issue that names the one it replaces.

Decree 30/2020 has an issued document that is wrong in its content replaced by a
document of the same form, issued anew; the register keeps both. The correction
is the same kind of document built again from the records as they stand, with
the issuing body's next number, opening with «Văn bản này thay thế văn bản số …
ngày …» and naming the replaced one (``Document.replaces_id``), so the register
marks the old one replaced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from danvan_desktop.core.vndate import short_date
from danvan_desktop.reports.document import Document, Paragraph


def replacement_line(reference: str, issued_on: dt.date) -> str:
    """«Văn bản này thay thế văn bản số 01/BC-TDV ngày 05/01/2026.» (no number: the date)."""
    day = short_date(issued_on)
    if reference:
        return f"Văn bản này thay thế văn bản số {reference} ngày {day}."
    return f"Văn bản này thay thế văn bản ban hành ngày {day}."


def replacing(
    document: Document, *, issued_id: int, reference: str, issued_on: dt.date
) -> Document:
    """``document`` as the correction of issued document ``issued_id``."""
    line = Paragraph.of(replacement_line(reference, issued_on), italic=True)
    return dataclasses.replace(document, blocks=[line, *document.blocks], replaces_id=issued_id)
