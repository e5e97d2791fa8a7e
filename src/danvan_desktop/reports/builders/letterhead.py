"""Who issues a document, who manages the issuer, who signs it and who receives it.

Nothing here is fixed in code: the team's regulation holds the issuing and
managing bodies, the place written on documents and the recipients; the team
record holds its abbreviation; the roster holds the leader who signs. Each value
can be overridden per document (``overrides``), and the session passes the
laptop's ``report_letterhead`` setting through the same door, which is how a
commune or city reviewer, whose store has no team of its own, names its office.

The state preset issues in the team's name ("TỔ DÂN VẬN …", "TM. TỔ DÂN VẬN"),
under the commune when the regulation names a Party body as the managing one: a
document under the national name and motto is not headed by a Party cell. The
Party preset issues in the name of the Party cell that leads the team (the
regulation's managing body), under the commune's Party organisation.

The place on the place-date line is the commune, written as Decree 30/2020 writes
it (``core.place_names.document_place``): its name without «Phường»/«Xã» («Phú Xuân, ngày …»), the
full name for a unit named by a number, a person or an event («Phường 1, ngày …»;
the persons and events are listed in ``resources/presets/place_names.json``). The
regulation's «Địa danh ghi trên văn bản» wins when the team typed one; the province's
name that earlier releases filled in there by default («Huế») does not.

Recipients are read as a sentence writes them: the commune mid-line with its kind in
lower case («Đảng ủy phường Phú Xuân»), and the placeholder «Chi bộ thôn, tổ dân phố»
of earlier releases replaced by the Party cell's real name.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from danvan_desktop.core.errors import FieldProblem, ValidationError
from danvan_desktop.core.i18n import tr
from danvan_desktop.core.place_names import document_place
from danvan_desktop.core.vocab import MEMBER_ROLES, in_running_text, village_in_name
from danvan_desktop.reports.document import Recipients, SignatureBlock
from danvan_desktop.reports.presets import PRESET_NAMES, Preset
from danvan_desktop.store.places import province_name

OVERRIDE_KEYS = (
    "issuing_body",
    "managing_body",
    "abbreviation",
    "place",
    "signer_name",
    "signer_role",
    "recipients",
)
# Words that start the proper name of a place: the issuer's kind ("Tổ dân vận",
# "Chi bộ", "Ủy ban nhân dân") is what comes before them.
_PLACE_WORDS = (
    ("tổ", "dân", "phố"),
    ("thành", "phố"),
    ("thị", "trấn"),
    ("khu", "phố"),
    ("đặc", "khu"),
    ("thôn",),
    ("bản",),
    ("làng",),
    ("ấp",),
    ("xã",),
    ("phường",),
    ("tỉnh",),
)
PARTY_SIGNER_ROLE = "Bí thư"
# Names that open the name of a Party organisation (lower case, whole words).
_PARTY_BODIES = ("chi bộ", "đảng bộ", "đảng ủy", "chi ủy", "đảng đoàn", "ban cán sự đảng")
# What earlier releases put among the recipients in place of the Party cell's name.
OLD_CELL_RECIPIENT = "Chi bộ thôn, tổ dân phố"


@dataclass(frozen=True)
class Letterhead:
    """The issuer's side of a document, resolved for one preset."""

    preset: str
    issuing_body: str
    managing_body: str | None
    abbreviation: str
    place: str
    collective: str
    signer_name: str
    signer_role: str
    recipients: tuple[str, ...]

    def signature(self, preset: Preset) -> SignatureBlock:
        """The signer on behalf of the collective: "TM. TỔ DÂN VẬN / TỔ TRƯỞNG / name"."""
        return SignatureBlock(
            self.signer_role.upper(), self.signer_name, preset.on_behalf_of(self.collective)
        )

    def recipients_block(self) -> Recipients:
        """The "Nơi nhận:" list, the issuer's archive copy last."""
        return Recipients(list(self.recipients), self.collective)


def issuer_kind_words(name: str) -> list[str]:
    """The words naming the issuer's kind: "Tổ dân vận tổ dân phố 5" → Tổ, dân, vận."""
    words = name.split()
    folded = [word.lower() for word in words]
    for index, word in enumerate(words):
        if any(ch.isdigit() for ch in word):
            return words[:index] or words
        for place in _PLACE_WORDS:
            if index > 0 and tuple(folded[index : index + len(place)]) == place:
                return words[:index]
    return words


def collective_of(name: str) -> str:
    """The collective a document is signed for: "Tổ dân vận", "Chi bộ", "Ủy ban nhân dân"."""
    return " ".join(issuer_kind_words(name))


def abbreviation_of(name: str) -> str:
    """Initials of the issuer's kind, as in "Số: 05/BC-TDV": TDV, CB, UBND, ĐU."""
    initials = "".join(word[0].upper() for word in issuer_kind_words(name) if word[0].isalpha())
    # Initials carry no tone or vowel marks ("Ủy ban" → U), but Đ is a letter of its own.
    loose = unicodedata.normalize("NFD", initials)
    return "".join(ch for ch in loose if not unicodedata.combining(ch))


def is_party_body(name: str) -> bool:
    """True for a Party organisation: «Chi bộ …», «Đảng ủy …», «Ban Dân vận Đảng ủy …»."""
    folded = " ".join(unicodedata.normalize("NFC", name).lower().split())
    return folded.startswith(_PARTY_BODIES) or any(
        f" {body} " in f" {folded} " for body in ("đảng ủy", "đảng bộ")
    )


def _one(db: Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


def _meta(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def store_defaults(db: Database) -> dict[str, Any]:
    """What the store says about the issuer: team, regulation, leader and home commune."""
    found: dict[str, Any] = {}
    unit_id = _meta(db, "home_unit_id")
    unit = _one(db, "SELECT name, commune_name, province_code FROM unit WHERE id = ?", [unit_id])
    if unit:
        found["unit_name"], found["commune_name"] = unit["name"], unit["commune_name"]
        found["province_code"] = unit["province_code"]
    team_id = _meta(db, "team_id")
    team = _one(db, "SELECT name, abbreviation FROM team WHERE id = ? AND deleted = 0", [team_id])
    if team is None:
        return found
    found["team_name"], found["team_abbreviation"] = team["name"], team["abbreviation"]
    regulation = _one(
        db,
        "SELECT issuing_body, managing_body, document_place, report_recipients FROM regulation "
        "WHERE team_id = ? AND deleted = 0 ORDER BY rowid LIMIT 1",
        [team_id],
    )
    if regulation:
        found.update({k: v for k, v in regulation.items() if v})
    leader = _one(
        db,
        "SELECT full_name FROM member WHERE team_id = ? AND deleted = 0 AND role = 'leader' "
        "ORDER BY position_order, rowid LIMIT 1",
        [team_id],
    )
    if leader:
        found["leader_name"] = leader["full_name"]
    return found


def _recipients(value: Any, names: tuple[str, ...] = (), cell: str = "") -> tuple[str, ...]:
    """The recipient lines: each ``names`` (commune, village) as a sentence writes it, and
    the old placeholder for the Party cell replaced by ``cell``."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = [line for line in value.splitlines() if line.strip()]
    if not isinstance(value, list | tuple):
        return ()
    items = [" ".join(str(item).split()) for item in value if str(item).strip()]
    if cell:
        items = [cell if item == OLD_CELL_RECIPIENT else item for item in items]
    return tuple(in_running_text(item, *names) for item in items)


def party_cell(found: Mapping[str, Any]) -> str:
    """The Party cell that leads the team: the regulation's managing body when it is a
    Party organisation, else «Chi bộ» of the village («Chi bộ tổ dân phố 5»)."""
    managing = str(found.get("managing_body") or "")
    if managing and is_party_body(managing):
        return in_running_text(managing, str(found.get("unit_name") or ""))
    village = str(found.get("unit_name") or "")
    if not village or not found.get("team_name"):  # a reviewer's store has no cell of its own
        return ""
    return f"Chi bộ {village_in_name(village)}"


def resolve_place(found: Mapping[str, Any]) -> str | None:
    """The place on the place-date line from the store: the regulation's «Địa danh ghi
    trên văn bản» when the team typed one, else the commune as Decree 30 writes it."""
    stored = str(found.get("document_place") or "").strip()
    commune = str(found.get("commune_name") or "").strip()
    if not commune:
        return stored or None
    province = province_name(int(found["province_code"])) if found.get("province_code") else ""
    old_default = (province or "").removeprefix("Thành phố ").removeprefix("Tỉnh ")
    if stored and stored != old_default:
        return stored
    return document_place(commune)


def _missing(field: str, what: str) -> ValidationError:
    return ValidationError(
        [
            FieldProblem(
                field,
                tr(
                    "ReportBuilders",
                    "Chưa có «{what}» để ghi lên văn bản: hãy nhập trong Quy chế hoạt động của "
                    "tổ (hoặc trong hộp thoại xuất báo cáo) rồi thử lại.",
                    what=what,
                ),
            )
        ]
    )


def resolve_letterhead(
    db: Database, *, preset: str, overrides: Mapping[str, Any] | None = None
) -> Letterhead:
    """The letterhead for ``preset`` from the store, with ``overrides`` winning key by key."""
    if preset not in PRESET_NAMES:
        raise ValidationError(
            [
                FieldProblem(
                    "preset",
                    tr(
                        "ReportBuilders",
                        "Không có mẫu trình bày «{preset}»: hãy chọn state (Nhà nước) hoặc party "
                        "(Đảng).",
                        preset=preset,
                    ),
                )
            ]
        )
    found = store_defaults(db)
    given = {k: v for k, v in (overrides or {}).items() if k in OVERRIDE_KEYS and v}
    commune = found.get("commune_name")
    cell = party_cell(found)
    if preset == "party":
        issuing = given.get("issuing_body") or cell or found.get("managing_body")
        managing = given.get("managing_body") or (
            f"Đảng bộ {commune[:1].lower()}{commune[1:]}" if commune else None
        )
        role = given.get("signer_role") or PARTY_SIGNER_ROLE
        abbreviation = given.get("abbreviation")
    else:
        issuing = given.get("issuing_body") or found.get("issuing_body") or found.get("team_name")
        managing = given.get("managing_body") or _state_managing_body(found)
        role = given.get("signer_role") or MEMBER_ROLES["leader"]
        own_issuer = "issuing_body" not in given
        abbreviation = given.get("abbreviation") or (
            found.get("team_abbreviation") if own_issuer else None
        )
    if not issuing:
        raise _missing("issuing_body", tr("fields", "Cơ quan ban hành"))
    place = given.get("place") or resolve_place(found)
    if not place:
        raise _missing("document_place", tr("fields", "Địa danh ghi trên văn bản"))
    return Letterhead(
        preset=preset,
        issuing_body=str(issuing),
        managing_body=str(managing) if managing else None,
        abbreviation=str(abbreviation or abbreviation_of(str(issuing))),
        place=str(place),
        collective=collective_of(str(issuing)),
        signer_name=str(given.get("signer_name") or found.get("leader_name") or ""),
        signer_role=str(role),
        recipients=_not_to_itself(
            _recipients(
                given.get("recipients") or found.get("report_recipients"),
                tuple(str(found[k]) for k in ("commune_name", "unit_name") if found.get(k)),
                cell,
            ),
            str(issuing),
        ),
    )


def _not_to_itself(recipients: tuple[str, ...], issuer: str) -> tuple[str, ...]:
    """The recipients without the issuer itself (the Party cell does not send its own paper
    to itself: its archive copy is the «Lưu» line)."""
    own = " ".join(unicodedata.normalize("NFC", issuer).casefold().split())
    return tuple(r for r in recipients if " ".join(r.casefold().split()) != own)


def _state_managing_body(found: Mapping[str, Any]) -> str | None:
    """The regulation's managing body, unless it is a Party organisation: a document under
    the national name and motto then names the commune above the team."""
    managing = found.get("managing_body")
    if managing and not is_party_body(str(managing)):
        return str(managing)
    if managing:
        return str(found.get("commune_name") or "") or None
    return None


def village_letterhead(
    db: Database, base: Letterhead, overrides: Mapping[str, Any] | None = None
) -> Letterhead:
    """``base`` issued in the village's name (a community meeting is the village's, called by
    its head, not the team's): the village under its commune, its own abbreviation."""
    found = store_defaults(db)
    given = {k: v for k, v in (overrides or {}).items() if k in OVERRIDE_KEYS and v}
    village = given.get("issuing_body") or found.get("unit_name")
    if not village:
        return base
    return dataclasses.replace(
        base,
        issuing_body=str(village),
        managing_body=str(given.get("managing_body") or found.get("commune_name") or "") or None,
        abbreviation=str(given.get("abbreviation") or abbreviation_of(str(village))),
        collective=collective_of(str(village)),
    )
