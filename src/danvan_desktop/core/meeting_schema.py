"""The meetings as entities: the meeting and its minutes (attendance, agenda, opinions,
conclusions, votes) and the tasks a meeting gives (a task may also stand alone).

Part of the synced entities of ``core/schema.py``, which lists them all in ``ENTITIES``.
"""

from __future__ import annotations

from danvan_desktop.core.entity_spec import EntitySpec, FieldSpec
from danvan_desktop.core.entity_spec import date_field as _d
from danvan_desktop.core.entity_spec import long_text_field as _l
from danvan_desktop.core.entity_spec import ref_field as _ref
from danvan_desktop.core.entity_spec import text_field as _t

MEETING = EntitySpec(
    "meeting",
    "Cuộc họp",
    (
        _ref("team_id", "Tổ", "team", required=True),
        FieldSpec("kind", "text", "Loại cuộc họp", required=True),
        _t("title", "Tên cuộc họp", required=True, max_length=300, sortable=True),
        FieldSpec("starts_at", "datetime", "Thời gian bắt đầu", required=True),
        FieldSpec("ends_at", "datetime", "Thời gian kết thúc"),
        _t("place", "Địa điểm", max_length=300),
        _t("chair", "Chủ trì", max_length=120),
        _t("secretary", "Thư ký", max_length=120),
        _l("content", "Diễn biến cuộc họp"),
        FieldSpec("state", "text", "Tình trạng biên bản", required=True),  # draft | final
        FieldSpec("number", "int", "Số văn bản", owner="system"),
        FieldSpec("number_year", "int", "Năm đánh số", owner="system"),
        FieldSpec("version", "int", "Lần sửa"),
        _ref("supersedes_id", "Thay thế biên bản", "meeting"),
        # Community meetings (Luật 10/2022/QH15): the village's households
        # and how many of them sent a representative.
        FieldSpec("households_total", "int", "Tổng số hộ của thôn, tổ dân phố"),
        FieldSpec("households_represented", "int", "Số hộ có đại diện dự họp"),
        FieldSpec("finalised_at", "datetime", "Thời điểm hoàn tất", owner="system"),
        # Schema 9: the period a half-year or year-end review covers (core/schedule.py;
        # null: the default period for the day it is held).
        _d("covers_from", "Đầu kỳ đánh giá"),
        _d("covers_to", "Cuối kỳ đánh giá"),
    ),
    searchable=("title", "place", "content"),
    names=("title",),
)

ATTENDANCE = EntitySpec(
    "attendance",
    "Điểm danh",
    (
        _ref("meeting_id", "Cuộc họp", "meeting", required=True),
        _ref("member_id", "Thành viên", "member"),
        _t("name", "Họ và tên", required=True, max_length=120),
        FieldSpec("present", "bool", "Có mặt", required=True),
        _t("absence_reason", "Lý do vắng"),
        FieldSpec("is_guest", "bool", "Khách mời"),
        _t("organisation", "Đơn vị, chức vụ"),
    ),
    parent="meeting_id",
)

AGENDA_ITEM = EntitySpec(
    "agenda_item",
    "Nội dung họp",
    (
        _ref("meeting_id", "Cuộc họp", "meeting", required=True),
        FieldSpec("position_order", "int", "Thứ tự", required=True),
        _t("title", "Nội dung", required=True, max_length=500),
        _l("notes", "Ghi chép"),
    ),
    parent="meeting_id",
    searchable=("title", "notes"),
)

OPINION = EntitySpec(
    "opinion",
    "Ý kiến",
    (
        _ref("meeting_id", "Cuộc họp", "meeting", required=True),
        _ref("agenda_item_id", "Nội dung họp", "agenda_item"),
        _t("speaker", "Người phát biểu", required=True, max_length=120),
        _l("content", "Nội dung ý kiến", required=True),
        FieldSpec("position_order", "int", "Thứ tự"),
    ),
    parent="meeting_id",
    searchable=("speaker", "content"),
)

CONCLUSION = EntitySpec(
    "conclusion",
    "Kết luận",
    (
        _ref("meeting_id", "Cuộc họp", "meeting", required=True),
        FieldSpec("position_order", "int", "Thứ tự"),
        _l("content", "Nội dung kết luận", required=True),
    ),
    parent="meeting_id",
    searchable=("content",),
)

VOTE = EntitySpec(
    "vote",
    "Biểu quyết",
    (
        _ref("meeting_id", "Cuộc họp", "meeting", required=True),
        _t("subject", "Vấn đề biểu quyết", required=True, max_length=500),
        FieldSpec("in_favour", "int", "Số tán thành", required=True),
        FieldSpec("against", "int", "Số không tán thành", required=True),
        FieldSpec("abstain", "int", "Số không biểu quyết"),
    ),
    parent="meeting_id",
)

TASK = EntitySpec(
    "task",
    "Nhiệm vụ",
    (
        _ref("meeting_id", "Cuộc họp", "meeting"),
        _t("title", "Nhiệm vụ", required=True, max_length=500, sortable=True),
        _ref("owner_member_id", "Người phụ trách", "member"),
        _t("owner_name", "Người phụ trách", max_length=120),
        _d("deadline", "Thời hạn"),
        FieldSpec("status", "text", "Tình trạng", required=True),  # open | done | cancelled
        _d("done_on", "Ngày hoàn thành"),
        _l("note", "Ghi chú"),
    ),
    parent="meeting_id",
    searchable=("title", "owner_name", "note"),
    names=("title",),
)
