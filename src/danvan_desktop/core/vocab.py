"""Closed vocabularies: codes stored in records, Vietnamese labels shown to users.

Labels are source strings for ``tr("vocab", label)``. Lists that localities edit
(the fields of models, commendation criteria) are records, not vocabularies; the
defaults for them live here and seed a new store.
"""

from __future__ import annotations

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
    "half_year": "Sáu tháng",
    "year": "Năm",
}
TASK_STATUSES = {"open": "Đang thực hiện", "done": "Đã hoàn thành", "cancelled": "Đã hủy"}
MODEL_STATUSES = {
    "registered": "Đã đăng ký",
    "in_progress": "Đang triển khai",
    "reviewed": "Đã tự đánh giá",
    "recognised": "Được công nhận tiêu biểu",
    "replicated": "Được nhân rộng",
    "paused": "Tạm dừng, củng cố",
}
EXEMPLAR_KINDS = {"individual": "Cá nhân", "collective": "Tập thể"}
COMMENDATION_STATES = {"proposed": "Đề nghị", "decided": "Đã quyết định"}
RESOURCE_KINDS = {
    "money": "Tiền",
    "materials": "Vật tư",
    "labour_days": "Ngày công",
    "land": "Đất hiến",
    "other": "Khác",
}
ROLES = {"team": "Tổ dân vận", "reviewer": "Cấp xã hoặc thành phố"}

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
    ("exemplar", "kind"): EXEMPLAR_KINDS,
    ("commendation", "state"): COMMENDATION_STATES,
    ("resource_contribution", "kind"): RESOURCE_KINDS,
}


def label(vocabulary: dict[str, str], code: str) -> str:
    """The translated label of ``code`` (the code itself when unknown)."""
    text = vocabulary.get(code)
    return tr("vocab", text) if text else code
