"""Draw the pages in docs/reports from the real builders on the small demo store.

    .venv/bin/python docs/reports/make_pages.py [docs/reports] [--with-docx] [--dpi 72]

Makes a demo store in a temporary folder (the small demo set, dated 20 December
2026 so that the pages do not change from day to day), adds what a leader would
type that the demo set leaves out (indicator readings, resources, exemplars and
commendation proposals, and a meeting with agenda, opinions and votes), and two
neighbouring villages as a reviewer's store receives them; then builds each
document with ``Session.build_report``, renders it to PDF and draws every page
with poppler's ``pdftoppm`` as ``<name>-<page>.png``. ``--with-docx`` also draws
the DOCX through headless LibreOffice as ``<name>-docx-<page>.png``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.reports.registry import render
from danvan_desktop.reports.samples import docx_to_pdf, pdf_to_pngs
from danvan_desktop.session import Session
from danvan_desktop.store import demo_community, demo_data
from danvan_desktop.store.bulk import insert_synced

TODAY = dt.date(2026, 12, 20)
PHU_XUAN = 19768


def _typed_records(session: Session) -> str:
    """What a leader types beyond the demo set; returns the detailed meeting's id."""
    model = session.list_records("model", where="year = ?", params=[TODAY.year], limit=1)[0]
    for indicator, unit, value, day in (
        ("Ngày công đóng góp", "ngày công", 640, "2026-05-10"),
        ("Đất hiến", "m²", 1250, "2026-06-02"),
        ("Đường bê tông", "m", 420, "2026-10-15"),
    ):
        session.add_record(
            "indicator_reading",
            model_id=model["id"],
            indicator=indicator,
            unit_label=unit,
            value=value,
            read_on=day,
        )
    session.add_record(
        "resource_contribution",
        model_id=model["id"],
        kind="money",
        amount=86_500_000,
        unit_label="đồng",
        contributed_on="2026-06-20",
    )
    for kind, name, position, achievement, form in (
        (
            "individual",
            "Trần Thị Bích",
            "Chi hội trưởng Chi hội Phụ nữ",
            "Vận động 14 hộ hiến 1.250 m² đất mở rộng kiệt 12",
            "Giấy khen",
        ),
        (
            "individual",
            "Đặng Văn Ánh",
            "Tổ viên, người có uy tín",
            "Hòa giải thành 04 vụ việc ở cộng đồng dân cư",
            "Giấy khen",
        ),
        (
            "collective",
            "Chi hội Cựu chiến binh tổ dân phố 5",
            "",
            "Góp 200 ngày công làm đường, thắp sáng 1,2 km đường kiệt",
            "Bằng khen",
        ),
    ):
        exemplar = session.add_record(
            "exemplar",
            kind=kind,
            name=name,
            position=position,
            achievement=achievement,
            year=TODAY.year,
        ).record_id
        level = "thành phố" if form == "Bằng khen" else "xã"
        session.add_record(
            "commendation",
            exemplar_id=exemplar,
            year=TODAY.year,
            state="proposed",
            form=form,
            level=level,
        )
    starts = dt.datetime(2026, 12, 18, 19, 30)
    meeting_id = session.create_meeting(
        kind="year_end", starts_at=starts, place="Nhà văn hóa Tổ dân phố 5"
    ).record_id
    assert meeting_id is not None
    agenda = session.list_records("agenda_item", where="meeting_id = ?", params=[meeting_id])
    for item, speaker, text in (
        (0, "Trần Thị Bích", "Đề nghị biểu dương các hộ đã hiến đất mở rộng kiệt 12."),
        (1, "Đặng Văn Ánh", "Mô hình thắp sáng đường quê đã duy trì tốt, đề nghị nhân rộng."),
        (2, "Nguyễn Văn An", "Thống nhất đề nghị khen thưởng 02 cá nhân và 01 tập thể."),
    ):
        session.add_record(
            "opinion",
            meeting_id=meeting_id,
            agenda_item_id=agenda[item]["id"],
            speaker=speaker,
            content=text,
            position_order=1,
        )
    session.add_record(
        "conclusion",
        meeting_id=meeting_id,
        position_order=1,
        content="Năm 2026 Tổ hoàn thành tốt nhiệm vụ; tiếp tục nhân rộng mô hình.",
    )
    session.add_record(
        "vote",
        meeting_id=meeting_id,
        in_favour=9,
        against=0,
        abstain=0,
        subject="Đề nghị khen thưởng 02 cá nhân và 01 tập thể",
    )
    session.add_task(
        meeting_id=meeting_id,
        title="Hoàn thiện hồ sơ đề nghị khen thưởng",
        owner_name="Trần Thị Bích",
        deadline="2026-12-28",
    )
    secretary = session.list_records("member", where="role = 'member'", limit=1)[0]
    session.update_record(
        "meeting",
        meeting_id,
        ends_at=starts.replace(hour=21, minute=10),
        secretary=secretary["full_name"],
    )
    session.finalise_meeting(meeting_id, today=TODAY)
    return meeting_id


def _neighbours(session: Session) -> None:
    """Two more villages of the ward with their year (their residents' petitions and a
    mediation case too), as synced records."""
    rows: dict[str, list[dict[str, Any]]] = {"unit": [], "team": [], "meeting": [], "model": []}
    rng = random.Random(2026)
    for name, months, models in (("Thôn An Hòa", 11, 6), ("Tổ dân phố 7", 12, 4)):
        unit, team = uuid7(), uuid7()
        for entity, batch in demo_community.large_rows(rng, unit, demo_data.person, 2026).items():
            rows.setdefault(entity, []).extend(batch)
        rows["unit"].append(
            {
                "id": unit,
                "unit_id": unit,
                "level": "village",
                "name": name,
                "province_code": 46,
                "commune_code": PHU_XUAN,
                "commune_name": "Phường Phú Xuân",
            }
        )
        rows["team"].append({"id": team, "unit_id": unit, "name": f"Tổ dân vận {name}"})
        for month in range(1, months + 1):
            day = f"2026-{month:02d}-20"
            rows["meeting"].append(
                {
                    "id": uuid7(),
                    "unit_id": unit,
                    "team_id": team,
                    "kind": "regular",
                    "title": f"Họp tháng {month:02d}/2026",
                    "starts_at": f"{day}T08:00",
                    "state": "final",
                }
            )
        for index in range(models):
            idea, field = demo_data.MODEL_IDEAS[(index * 5 + months) % len(demo_data.MODEL_IDEAS)]
            rows["model"].append(
                {
                    "id": uuid7(),
                    "unit_id": unit,
                    "name": f"{idea} ở {name}",
                    "field_code": field,
                    "year": 2026 - index % 2,
                    "status": ("in_progress", "registered", "recognised")[index % 3],
                }
            )
    version = 1
    with session.store.db.atomic():
        for entity, batch in rows.items():
            version = insert_synced(session.store.db, entity, batch, first_version=version)


def _leaders_texts(session: Session, **period: Any) -> None:
    """What the leader writes into a review: the drafts the Báo cáo page offers from the
    records, and a lesson of their own (kept for the period, as the page keeps them)."""
    texts = dict(session.report_texts("periodic_report", **period)["suggested"])
    texts["lessons"] = (
        "- Bám sát địa bàn, lắng nghe ý kiến của Nhân dân ngay tại các cuộc họp tổ.\n"
        "- Phân công rõ người theo dõi từng kiến nghị đến khi có trả lời."
    )
    session.save_report_texts("periodic_report", texts, **period)


def documents(session: Session, meeting_id: str) -> dict[str, Any]:
    """The documents drawn, by page-file name."""
    _leaders_texts(session, period="half_year", year=2026, month=1, issued_on=dt.date(2026, 7, 2))
    _leaders_texts(session, period="year", year=2026, issued_on=TODAY)
    model = session.list_records("model", where="status = 'in_progress' AND year = 2026", limit=1)[
        0
    ]["id"]
    on: dict[str, Any] = {"issued_on": TODAY}
    return {
        "ban-dang-ky-mo-hinh": session.build_report(
            "model_registration", id=model, issued=True, **on
        ),
        "bien-ban-hop": session.build_report("meeting_minutes", id=meeting_id),
        "bao-cao-6-thang": session.build_report(
            "periodic_report",
            period="half_year",
            year=2026,
            preset="party",
            issued_on=dt.date(2026, 7, 2),
        ),
        "bao-cao-tong-ket-nam": session.build_report(
            "periodic_report",
            period="year",
            year=2026,
            preset="state",
            number=12,
            **on,
            proposals=["Đề nghị phường hỗ trợ xi măng làm tiếp 300 m đường kiệt 14."],
        ),
        "bang-thong-ke": session.build_report("model_statistics", commune_code=PHU_XUAN, **on),
        "to-trinh-khen-thuong": session.build_report(
            "commendation_list", year=2026, number=13, issued=True, **on
        ),
        "bao-cao-tong-hop-xa": session.build_report(
            "commune_rollup",
            period="year",
            year=2026,
            preset="party",
            **on,
            letterhead={
                "issuing_body": "Ban Dân vận Đảng ủy phường Phú Xuân",
                "managing_body": "Đảng bộ phường Phú Xuân",
                "abbreviation": "BDV",
                "signer_name": "Lê Quang Vinh",
                "signer_role": "Trưởng ban",
                "recipients": [
                    "Ban Tuyên giáo và Dân vận Thành ủy (b/c)",
                    "Thường trực Đảng ủy phường (b/c)",
                ],
            },
        ),
    }


def make_pages(out_dir: Path, *, dpi: int, with_docx: bool) -> list[Path]:
    """Build the demo store, render every document and draw its pages into out_dir."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="danvan-pages-") as scratch_name:
        scratch = Path(scratch_name)
        session = Session.open(scratch / "data", create=True)
        try:
            session.initialise_team(
                province_code=46,
                commune_code=PHU_XUAN,
                village_name="Tổ dân phố 5",
                village_kind="to_dan_pho",
                team_name="Tổ dân vận tổ dân phố 5",
                leader_name="Nguyễn Văn An",
            )
            demo_data.fill_small(session, today=TODAY)
            meeting_id = _typed_records(session)
            _neighbours(session)
            made = documents(session, meeting_id)
        finally:
            session.close()
        for name, document in made.items():
            for old in out_dir.glob(f"{name}-*.png"):
                old.unlink()
            pdf = scratch / f"{name}.pdf"
            pdf.write_bytes(render(document, "pdf"))
            written += pdf_to_pngs(pdf, out_dir / name, dpi)
            if with_docx:
                source = scratch / f"{name}.docx"
                source.write_bytes(render(document, "docx"))
                converted = docx_to_pdf(source, scratch / "lo", scratch / "profile")
                written += pdf_to_pngs(converted, out_dir / f"{name}-docx", dpi)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path(__file__).parent)
    parser.add_argument("--dpi", type=int, default=72)
    parser.add_argument("--with-docx", action="store_true")
    args = parser.parse_args(argv)
    for path in make_pages(args.out_dir, dpi=args.dpi, with_docx=args.with_docx):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
