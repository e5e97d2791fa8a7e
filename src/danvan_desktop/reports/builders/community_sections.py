"""The team's duties towards residents in the reports: petitions and mediation.

A team's periodic report says how many petitions (kiến nghị, phản ánh) it received in
the period, passed on, saw answered (and answered in time), and how many still wait
(and are overdue); and how many disputes it helped mediate, by outcome. A table gives
those figures, another splits them by field (petitions) or kind of dispute (cases).
The commune's roll-up gives the same figures one row per village, with totals, and
the commune's split by field and kind. Every figure is a count from
``figures.petition_counts`` and ``figures.mediation_counts``: no petitioner, no party
and no petition's wording ever reaches these pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from danvan_desktop.core.vndate import short_date
from danvan_desktop.core.vocab import DISPUTE_KINDS, PETITION_FIELDS
from danvan_desktop.reports.builders.common import (
    ORDINAL,
    count_text,
    number_column,
    numbered,
    simple_table,
)
from danvan_desktop.reports.builders.figures import MediationCounts, PetitionCounts
from danvan_desktop.reports.document import (
    Block,
    CellValue,
    Column,
    Heading,
    Paragraph,
    Table,
)

PETITIONS_HEADING = "Tiếp nhận, phản ánh kiến nghị của Nhân dân"
MEDIATION_HEADING = "Tham gia hòa giải ở cơ sở"
# The petition figures as the tables name them, in order.
PETITION_COLUMNS = (
    ("received", "Tiếp nhận"),
    ("passed_on", "Đã chuyển"),
    ("answered", "Đã trả lời"),
    ("answered_in_time", "Trả lời đúng hạn"),
    ("waiting", "Đang chờ trả lời"),
    ("overdue", "Quá hạn"),
)
MEDIATION_COLUMNS = (
    ("cases", "Số vụ việc"),
    ("settled", "Hòa giải thành"),
    ("not_settled", "Hòa giải không thành"),
    ("passed_on", "Chuyển cơ quan có thẩm quyền"),
    ("pending", "Chưa có kết quả"),
)


def _by_list(counts: Mapping[str, int], names: Mapping[str, str]) -> list[tuple[str, int]]:
    """Every entry of the list in its order (zeros included), then codes not in it."""
    rows = [(label, counts.get(code, 0)) for code, label in names.items()]
    return rows + [(code, n) for code, n in sorted(counts.items()) if code not in names]


def _split_table(title: str, first: str, what: str, rows: list[tuple[str, int]]) -> Table:
    """TT, the field (or kind), the count; a totals row."""
    return simple_table(
        title,
        ["TT", first, what],
        [ORDINAL, Column(3.6), number_column(1.2)],
        numbered([[label, count] for label, count in rows]),
        sum_columns=(2,),
    )


def _figure_table(title: str, what: str, rows: list[tuple[str, int]]) -> Table:
    """A two-column table: what is counted, and how many."""
    return simple_table(
        title,
        ["Nội dung", what],
        [Column(4.2), number_column(1.2)],
        [[label, count] for label, count in rows],
    )


def petition_text(counts: PetitionCounts, as_of: dt.date, who: str = "Tổ") -> str:
    """The sentence a report gives of its petitions."""
    if not counts.received:
        return f"Trong kỳ, {who} chưa tiếp nhận kiến nghị, phản ánh nào của Nhân dân."
    return (
        f"Trong kỳ, {who} tiếp nhận {count_text(counts.received)} kiến nghị, phản ánh của "
        f"Nhân dân; đã chuyển {count_text(counts.passed_on)} kiến nghị, phản ánh đến cơ quan, "
        f"đơn vị có thẩm quyền giải quyết; {count_text(counts.answered)} kiến nghị, phản ánh "
        f"đã được trả lời ({count_text(counts.answered_in_time)} trả lời đúng hạn). Đến ngày "
        f"{short_date(as_of)}, còn {count_text(counts.waiting)} kiến nghị, phản ánh đang chờ "
        f"trả lời, trong đó {count_text(counts.overdue)} quá hạn trả lời."
    )


def mediation_text(counts: MediationCounts, who: str = "Tổ") -> str:
    """The sentence a report gives of its mediation cases."""
    if not counts.cases:
        return f"Trong kỳ, {who} chưa tham gia hòa giải vụ việc nào ở cơ sở."
    return (
        f"Trong kỳ, {who} tham gia hòa giải {count_text(counts.cases)} vụ việc ở cơ sở: hòa "
        f"giải thành {count_text(counts.settled)} vụ việc, không thành "
        f"{count_text(counts.not_settled)} vụ việc, chuyển cơ quan có thẩm quyền "
        f"{count_text(counts.passed_on)} vụ việc; {count_text(counts.pending)} vụ việc chưa "
        "có kết quả."
    )


def team_petition_section(
    counts: PetitionCounts, as_of: dt.date, section: int, tables: Iterator[int]
) -> list[Block]:
    """The team report's petitions: a sentence, the figures, the split by field."""
    blocks: list[Block] = [
        Heading(f"{section}. {PETITIONS_HEADING}", level=2),
        Paragraph.of(petition_text(counts, as_of)),
    ]
    if not counts.received:
        return blocks
    labels = (
        ("received", "Kiến nghị, phản ánh tiếp nhận trong kỳ"),
        ("passed_on", "Đã chuyển đến cơ quan, đơn vị có thẩm quyền"),
        ("answered", "Đã được trả lời"),
        ("answered_in_time", "Trong đó: trả lời đúng hạn"),
        ("waiting", "Đang chờ trả lời"),
        ("overdue", "Trong đó: quá hạn trả lời"),
    )
    blocks.append(
        _figure_table(
            f"Bảng {next(tables)}. Kết quả tiếp nhận kiến nghị, phản ánh",
            "Số kiến nghị",
            [(label, int(getattr(counts, key))) for key, label in labels],
        )
    )
    blocks.append(
        _split_table(
            f"Bảng {next(tables)}. Kiến nghị, phản ánh theo lĩnh vực",
            "Lĩnh vực",
            "Số kiến nghị",
            _by_list(counts.by_field, PETITION_FIELDS),
        )
    )
    return blocks


def team_mediation_section(
    counts: MediationCounts, section: int, tables: Iterator[int]
) -> list[Block]:
    """The team report's mediation: a sentence, the outcomes, the split by kind."""
    blocks: list[Block] = [
        Heading(f"{section}. {MEDIATION_HEADING}", level=2),
        Paragraph.of(mediation_text(counts)),
    ]
    if not counts.cases:
        return blocks
    labels = (
        ("cases", "Vụ việc tham gia hòa giải trong kỳ"),
        ("settled", "Hòa giải thành"),
        ("not_settled", "Hòa giải không thành"),
        ("passed_on", "Chuyển cơ quan có thẩm quyền"),
        ("pending", "Chưa có kết quả"),
    )
    blocks.append(
        _figure_table(
            f"Bảng {next(tables)}. Kết quả tham gia hòa giải ở cơ sở",
            "Số vụ việc",
            [(label, int(getattr(counts, key))) for key, label in labels],
        )
    )
    blocks.append(
        _split_table(
            f"Bảng {next(tables)}. Vụ việc hòa giải theo loại",
            "Loại vụ việc",
            "Số vụ việc",
            _by_list(counts.by_kind, DISPUTE_KINDS),
        )
    )
    return blocks


def _villages_table(
    title: str,
    columns: tuple[tuple[str, str], ...],
    rows: list[tuple[str, PetitionCounts | MediationCounts]],
) -> Table:
    """One row per village with the figures of ``columns``, and their totals."""
    body: list[list[CellValue]] = [
        [name, *(int(getattr(counts, key)) for key, _ in columns)] for name, counts in rows
    ]
    return simple_table(
        title,
        ["TT", "Thôn, tổ dân phố", *(label for _, label in columns)],
        [ORDINAL, Column(2.4), *(number_column(1.0) for _ in columns)],
        numbered(body),
        sum_columns=tuple(range(2, len(columns) + 2)),
    )


def rollup_petition_blocks(
    villages: list[tuple[str, PetitionCounts]],
    commune: PetitionCounts,
    as_of: dt.date,
    tables: Iterator[int],
) -> list[Block]:
    """The roll-up's petitions: the commune's sentence, one row per village, by field."""
    return [
        Paragraph.of(petition_text(commune, as_of, "các Tổ")),
        _villages_table(
            f"Bảng {next(tables)}. Kiến nghị, phản ánh của Nhân dân theo thôn, tổ dân phố",
            PETITION_COLUMNS,
            list(villages),
        ),
        _split_table(
            f"Bảng {next(tables)}. Kiến nghị, phản ánh theo lĩnh vực",
            "Lĩnh vực",
            "Số kiến nghị",
            _by_list(commune.by_field, PETITION_FIELDS),
        ),
    ]


def rollup_mediation_blocks(
    villages: list[tuple[str, MediationCounts]],
    commune: MediationCounts,
    tables: Iterator[int],
) -> list[Block]:
    """The roll-up's mediation: the commune's sentence, one row per village, by kind."""
    return [
        Paragraph.of(mediation_text(commune, "các Tổ")),
        _villages_table(
            f"Bảng {next(tables)}. Hòa giải ở cơ sở theo thôn, tổ dân phố",
            MEDIATION_COLUMNS,
            list(villages),
        ),
        _split_table(
            f"Bảng {next(tables)}. Vụ việc hòa giải theo loại",
            "Loại vụ việc",
            "Số vụ việc",
            _by_list(commune.by_kind, DISPUTE_KINDS),
        ),
    ]
