"""Closed vocabularies: codes stored in records, Vietnamese labels shown to users.

Labels are source strings for ``tr("vocab", label)``. Lists that localities edit
(the fields of models, commendation criteria) are records, not vocabularies; the
defaults for them live here and seed a new store.
"""

from __future__ import annotations

import unicodedata

from danvan_desktop.core.i18n import tr

UNIT_LEVELS = {"village": "Thôn, tổ dân phố", "commune": "Xã, phường", "city": "Tỉnh, thành phố"}
VILLAGE_KINDS = {"thon": "Thôn", "ban": "Bản", "to_dan_pho": "Tổ dân phố"}
MEMBER_ROLES = {"leader": "Tổ trưởng", "deputy": "Tổ phó", "member": "Tổ viên"}
MEETING_KINDS = {
    "regular": "Họp định kỳ",
    "adhoc": "Họp đột xuất",
    "half_year": "Sơ kết 6 tháng",
    "year_end": "Tổng kết năm",
    "community": "Họp cộng đồng dân cư",
}
MEETING_STATES = {"draft": "Bản nháp", "final": "Đã hoàn tất"}
MEETING_PERIODS = {"monthly": "Hằng tháng", "quarterly": "Hằng quý"}
REPORTING_PERIODS = {
    "month": "Tháng",
    "quarter": "Quý",
    "half_year": "6 tháng",
    "year": "Năm",
}
TASK_STATUSES = {"open": "Đang thực hiện", "done": "Đã hoàn thành", "cancelled": "Đã hủy"}
MODEL_STATUSES = {
    "registered": "Đã đăng ký",
    "in_progress": "Đang triển khai",
    "reviewed": "Đã tự đánh giá",
    "recognised": "Được công nhận tiêu biểu",
    "not_recognised": "Không được công nhận",
    "paused": "Tạm dừng, củng cố",
    "closed": "Dừng thực hiện",
}
# «Được nhân rộng» is no longer a status (issue 17): it is computed from replication
# links; an earlier release's «replicated» reads as «recognised» (core/model_status.py's
# LEGACY_MODEL_STATUSES, migration m011).
# Who recognised a model: the commune first, the city may later (model_recognition.level).
RECOGNITION_LEVELS = {"commune": "Cấp xã", "city": "Cấp thành phố"}
EXEMPLAR_KINDS = {"individual": "Cá nhân", "collective": "Tập thể"}
# The levels a commendation is given at, offered in the proposal and decision forms (the
# field stays free text). Earlier releases stored the bare level («xã», «phường», «thành
# phố», «trung ương»); ``commendation_level`` reads those as these on every read, so no
# stored value is rewritten.
COMMENDATION_LEVELS = ("cấp xã", "cấp thành phố", "cấp Trung ương")
# Pairs, not a dict: these are stored data, not labels to translate.
_OLD_COMMENDATION_LEVELS = (
    ("xã", "cấp xã"),
    ("phường", "cấp xã"),
    ("xã, phường", "cấp xã"),
    ("thành phố", "cấp thành phố"),
    ("tỉnh", "cấp tỉnh"),
    ("trung ương", "cấp Trung ương"),
)
COMMENDATION_STATES = {"proposed": "Đề nghị", "decided": "Đã quyết định"}
RESOURCE_KINDS = {
    "money": "Tiền",
    "materials": "Vật tư",
    "labour_days": "Ngày công",
    "land": "Đất hiến",
    "other": "Khác",
}
ROLES = {"team": "Tổ dân vận", "reviewer": "Cấp xã hoặc thành phố"}

# Residents' petitions (kiến nghị, phản ánh) and mediation at the grassroots (Luật Hòa
# giải ở cơ sở 2013, Article 3: the matters mediation takes up).
PETITION_FIELDS = {
    "land": "Đất đai, xây dựng",
    "infrastructure": "Giao thông, điện, nước sinh hoạt",
    "environment": "Môi trường, vệ sinh",
    "social_policy": "Chính sách xã hội, an sinh",
    "security": "An ninh, trật tự",
    "health_education": "Y tế, giáo dục",
    "administration": "Thủ tục hành chính",
    "other": "Lĩnh vực khác",
}
PETITION_RAISED_BY = {
    "person": "Cá nhân",
    "household": "Hộ gia đình",
    "group": "Nhóm hộ dân",
    "undisclosed": "Người dân đề nghị không nêu tên",
}
PETITIONER_KINDS = {"person": "Cá nhân", "household": "Hộ gia đình"}
DISPUTE_KINDS = {
    "land": "Tranh chấp đất đai, ranh giới",
    "neighbours": "Mâu thuẫn giữa hàng xóm",
    "family": "Hôn nhân và gia đình",
    "inheritance": "Thừa kế, tài sản",
    "civil_contract": "Vay mượn, hợp đồng dân sự",
    "environment": "Môi trường, vệ sinh, tiếng ồn",
    "minor_offence": "Vi phạm pháp luật chưa đến mức bị xử lý",
    "other": "Việc khác",
}
MEDIATION_OUTCOMES = {
    "settled": "Hòa giải thành",
    "not_settled": "Hòa giải không thành",
    "passed_on": "Chuyển cơ quan có thẩm quyền",
}
# What the lists show of a petition (store/petitions.py) and of a case (store/mediations.py).
PETITION_STATES = {
    "waiting": "Đang chờ trả lời",
    "overdue": "Quá hạn trả lời",
    "answered": "Đã trả lời",
}
MEDIATION_STATES = {"pending": "Chưa có kết quả", **MEDIATION_OUTCOMES}
PARTY_SIDES = {
    "first": "Bên thứ nhất",
    "second": "Bên thứ hai",
    "related": "Người có quyền lợi, nghĩa vụ liên quan",
}

# Positions members of a team usually hold (DOMAIN.md), offered as suggestions; the list
# is data (a team may keep its own: the Session's ``member_positions``) and the field
# stays free text. Since 1/7/2024 (Luật 30/2023/QH15) there is no «công an viên» in
# villages: the grassroots force for security and order (Tổ bảo vệ an ninh, trật tự ở cơ
# sở) took its place. The head and deputy head of the place take its kind's title.
MEMBER_POSITIONS = {
    "party_secretary": "Bí thư chi bộ",
    "village_head": "Trưởng thôn",
    "front_head": "Trưởng ban công tác Mặt trận",
    "party_deputy": "Phó bí thư chi bộ",
    "village_deputy": "Phó trưởng thôn",
    "veterans": "Chi hội trưởng Hội Cựu chiến binh",
    "farmers": "Chi hội trưởng Hội Nông dân",
    "women": "Chi hội trưởng Hội Liên hiệp Phụ nữ",
    "elderly": "Chi hội trưởng Hội Người cao tuổi",
    "youth": "Bí thư chi đoàn Thanh niên",
    "militia": "Thôn đội trưởng",
    "security_order": "Tổ trưởng Tổ bảo vệ an ninh, trật tự ở cơ sở",
    "clan_head": "Trưởng dòng họ",
    "village_elder": "Già làng",
    "respected": "Người có uy tín trong cộng đồng",
}
VILLAGE_HEADS = {"thon": "Trưởng thôn", "ban": "Trưởng bản", "to_dan_pho": "Tổ trưởng tổ dân phố"}
VILLAGE_DEPUTY_HEADS = {
    "thon": "Phó trưởng thôn",
    "ban": "Phó trưởng bản",
    "to_dan_pho": "Tổ phó tổ dân phố",
}

DEFAULT_MODEL_FIELDS = (
    ("economy", "Kinh tế"),
    ("culture_society", "Văn hóa - xã hội"),
    ("defence_security", "Quốc phòng - an ninh"),
    ("political_system", "Xây dựng hệ thống chính trị, cải cách hành chính"),
    ("new_rural", "Xây dựng nông thôn mới, đô thị văn minh"),
    ("other", "Lĩnh vực khác"),
)

# Which closed vocabulary each (entity, field) takes.
FIELD_CHOICES: dict[tuple[str, str], dict[str, str]] = {
    ("unit", "level"): UNIT_LEVELS,
    ("unit", "village_kind"): VILLAGE_KINDS,
    ("member", "role"): MEMBER_ROLES,
    ("meeting", "kind"): MEETING_KINDS,
    ("meeting", "state"): MEETING_STATES,
    ("regulation", "meeting_period"): MEETING_PERIODS,
    ("task", "status"): TASK_STATUSES,
    ("model", "status"): MODEL_STATUSES,
    ("model_status_change", "to_status"): MODEL_STATUSES,
    ("model_recognition", "level"): RECOGNITION_LEVELS,
    ("exemplar", "kind"): EXEMPLAR_KINDS,
    ("commendation", "state"): COMMENDATION_STATES,
    ("resource_contribution", "kind"): RESOURCE_KINDS,
    ("petition", "field_code"): PETITION_FIELDS,
    ("petition", "raised_by"): PETITION_RAISED_BY,
    ("petitioner", "kind"): PETITIONER_KINDS,
    ("mediation", "dispute_kind"): DISPUTE_KINDS,
    ("mediation", "outcome"): MEDIATION_OUTCOMES,
    ("mediation_party", "side"): PARTY_SIDES,
}


def label(vocabulary: dict[str, str], code: str) -> str:
    """The translated label of ``code`` (the code itself when unknown)."""
    text = vocabulary.get(code)
    return tr("vocab", text) if text else code


def member_positions(village_kind: str | None, positions: list[str] | None = None) -> list[str]:
    """The positions offered for a member, translated: ``positions`` (a team's own list,
    kept as typed) or the usual ones, the head and deputy head of the place by its kind."""
    if positions is not None:
        return list(positions)
    kind = village_kind if village_kind is not None and village_kind in VILLAGE_HEADS else "thon"
    titles = dict(MEMBER_POSITIONS)
    titles["village_head"] = VILLAGE_HEADS[kind]
    titles["village_deputy"] = VILLAGE_DEPUTY_HEADS[kind]
    return [tr("vocab", text) for text in titles.values()]


# Words that name the kind of a village at the start of its name. Inside a longer name
# they are common nouns, so only their first letter goes to lower case («Thôn Hạ Lang» →
# «Tổ dân vận thôn Hạ Lang»); the village's own name keeps the letters typed.
VILLAGE_KIND_WORDS = (*VILLAGE_KINDS.values(), "Khu phố", "Xóm", "Làng")
TEAM_NAME_PREFIX = "Tổ dân vận"


def village_in_name(village: str) -> str:
    """The village as it reads inside a longer name: a leading kind word in lower case.

    «Thôn Hạ Lang» → «thôn Hạ Lang», «Tổ dân phố 5» → «tổ dân phố 5»; a name without a
    kind word («Hạ Lang»), or one typed in capitals («THÔN HẠ LANG»), keeps its letters.
    """
    text = " ".join(unicodedata.normalize("NFC", village).split())
    for word in sorted(VILLAGE_KIND_WORDS, key=len, reverse=True):
        if text == word or text.startswith(word + " "):
            return word[0].lower() + text[1:]
    return text


def team_name_for(village: str) -> str:
    """The team's usual name from its village as typed (the wizard and ``danvan init``).

    The name is the team's own (printed on its documents), so it is not translated.
    """
    return f"{TEAM_NAME_PREFIX} {village_in_name(village)}"


def commendation_level(value: str | None) -> str:
    """A stored commendation level as documents and forms write it: «cấp xã», «cấp thành
    phố», «cấp Trung ương»; an older bare level («xã», «phường», «trung ương») is read
    as its «cấp …» form, and a level typed with «cấp» keeps its words."""
    text = " ".join(unicodedata.normalize("NFC", str(value or "")).split())
    if not text:
        return ""
    folded = text.lower()
    old = dict(_OLD_COMMENDATION_LEVELS)
    if folded in old:
        return old[folded]
    if folded == "cấp" or folded.startswith("cấp "):
        return text
    return f"cấp {text}"


# Words that name the kind of a commune-level unit at the start of its official name
# («Phường Phú Xuân», «Xã A Lưới 2», «Đặc khu Côn Đảo»).
COMMUNE_KIND_WORDS = ("Phường", "Xã", "Đặc khu", "Thị trấn")


def commune_in_name(commune: str) -> str:
    """The commune as it reads inside a sentence or a longer name: its kind in lower case.

    «Phường Phú Xuân» → «phường Phú Xuân»; a name without a kind word keeps its letters.
    """
    text = " ".join(unicodedata.normalize("NFC", commune).split())
    for word in sorted(COMMUNE_KIND_WORDS, key=len, reverse=True):
        if text.startswith(word + " "):
            return word.lower() + text[len(word) :]
    return text


def in_running_text(text: str, *names: str) -> str:
    """``text`` with each of ``names`` (a commune, a village: «Phường Phú Xuân») written
    as it reads mid-sentence («phường Phú Xuân») wherever it does not open the text."""
    text = unicodedata.normalize("NFC", text)
    for name in names:
        name = " ".join(unicodedata.normalize("NFC", name).split())
        inner = commune_in_name(village_in_name(name))
        if not name or inner == name:
            continue
        head, tail = text[:1], text[1:]
        text = head + tail.replace(name, inner)
    return text
