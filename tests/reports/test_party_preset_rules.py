"""The Party preset against Hướng dẫn 36-HD/VPTW: «T/M» signatures, and no Decree 30 «./.».

36-HD/VPTW writes the collective a signer acts for with a slash («T/M CHI BỘ», as
K/T, T/L), where Decree 30 writes «TM.»; «./.» is Decree 30's closing mark. Whether
the guide asks for «./.» could not be confirmed from its text, so the Party preset
adds none and keeps ``body.closing_mark`` among its unconfirmed keys (a data fix).
"""

from __future__ import annotations

import docx
from builder_records import ISSUED, docx_lines, docx_of, team_quarter

from danvan_desktop.reports.builders import build_report
from danvan_desktop.reports.document import Document
from danvan_desktop.reports.presets import load_preset
from danvan_desktop.session import Session

PROPOSAL = "Đề nghị phường hỗ trợ 20 bao xi măng cho kiệt 12."


def _report(session: Session, preset: str) -> Document:
    team_quarter(session)
    return build_report(
        session.store.db,
        "periodic_report",
        period="quarter",
        quarter=1,
        year=2026,
        issued_on=ISSUED,
        preset=preset,
        proposals=[PROPOSAL],
    )


def _cells(result: docx.document.Document) -> list[str]:
    return [cell.text for table in result.tables for row in table.rows for cell in row.cells]


def test_party_report_signs_on_behalf_of_the_chi_bo(session: Session) -> None:
    """The Party report's signature reads «T/M CHI BỘ», «BÍ THƯ», then the name."""
    cells = _cells(docx_of(_report(session, "party")))
    assert "T/M CHI BỘ\nBÍ THƯ\nNguyễn Văn An" in cells


def test_state_report_signs_with_decree_30_prefix(session: Session) -> None:
    """The state report signs «TM. TỔ DÂN VẬN» (Decree 30's prefix, with a dot)."""
    cells = _cells(docx_of(_report(session, "state")))
    assert any(text.startswith("TM. TỔ DÂN VẬN\n") for text in cells)


def test_party_report_ends_without_the_decree_30_mark(session: Session) -> None:
    """The Party report's last words end «kiệt 12.», with no «./.» after them."""
    lines = docx_lines(docx_of(_report(session, "party")))
    assert f"- {PROPOSAL}" in lines
    assert not any(line.endswith("./.") for line in lines)


def test_state_report_ends_with_the_decree_30_mark(session: Session) -> None:
    """The state report's last words end «kiệt 12./.»."""
    lines = docx_lines(docx_of(_report(session, "state")))
    assert "- Đề nghị phường hỗ trợ 20 bao xi măng cho kiệt 12./." in lines


def test_party_closing_mark_stays_marked_unconfirmed() -> None:
    """The Party preset's closing mark is data still to check against the original guide."""
    preset = load_preset("party")
    assert (preset.closing_mark, "body.closing_mark" in preset.unconfirmed) == ("", True)
    assert (preset.signature_prefix, load_preset("state").signature_prefix) == ("T/M", "TM.")
