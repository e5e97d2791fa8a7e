"""The synced entities as data: fields, kinds, owners, parents.

One definition serves the store (columns, change tracking), validation (labels
and kinds), the sync protocol and the server (which role may write which field,
how a record is scoped to a unit). Labels are Vietnamese source strings,
translated with ``tr("fields", label)`` where shown.

Residents' names stay local: an entity marked ``commune_only`` (the petitioners of a
petition, the parties of a mediation) holds residents' personal details, and the
server sends its records only to the team's own laptops and to the reviewers of its
commune, never to a reviewer above the commune (danvan_server/pull.py). The city sees
the petitions and mediations themselves, which name nobody, and counts them.

``since_schema`` is the laptop store schema (the number of migration steps) that first
stores an entity: the server leaves such records out for a laptop of an older schema,
which could not store them.
"""

from __future__ import annotations

from danvan_desktop.core.community_schema import (
    DEFAULT_PETITION_ANSWER_DAYS as DEFAULT_PETITION_ANSWER_DAYS,
)
from danvan_desktop.core.community_schema import (
    MEDIATION,
    MEDIATION_PARTY,
    PETITION,
    PETITIONER,
)
from danvan_desktop.core.entity_spec import SYSTEM_COLUMNS as SYSTEM_COLUMNS
from danvan_desktop.core.entity_spec import EntitySpec as EntitySpec
from danvan_desktop.core.entity_spec import FieldKind as FieldKind
from danvan_desktop.core.entity_spec import FieldSpec as FieldSpec
from danvan_desktop.core.entity_spec import Owner as Owner
from danvan_desktop.core.entity_spec import date_field as _d
from danvan_desktop.core.entity_spec import long_text_field as _l
from danvan_desktop.core.entity_spec import ref_field as _ref
from danvan_desktop.core.entity_spec import text_field as _t

UNIT = EntitySpec(
    "unit",
    "Đơn vị",
    (
        FieldSpec("level", "text", "Cấp", required=True),  # village | commune | city
        FieldSpec("province_code", "int", "Mã tỉnh, thành phố", required=True),
        FieldSpec("commune_code", "int", "Mã xã, phường"),
        _t("commune_name", "Xã, phường"),
        _t("name", "Tên đơn vị", required=True, max_length=200, sortable=True),
        _t("village_kind", "Loại địa bàn"),  # thon | ban | to_dan_pho
        _ref("parent_unit_id", "Đơn vị cấp trên", "unit"),
        _t("old_address", "Địa danh cũ"),
    ),
)

TEAM = EntitySpec(
    "team",
    "Tổ dân vận",
    (
        _t("name", "Tên tổ", required=True, max_length=200, sortable=True),
        _d("established_on", "Ngày thành lập"),
        _t("decision_ref", "Quyết định thành lập"),
        _t("abbreviation", "Chữ viết tắt của tổ", max_length=30),
    ),
)

MEMBER = EntitySpec(
    "member",
    "Thành viên",
    (
        _ref("team_id", "Tổ", "team", required=True),
        _t("full_name", "Họ và tên", required=True, max_length=120, sortable=True),
        FieldSpec("role", "text", "Vai trò", required=True),  # leader | deputy | member
        _t("organisation", "Tổ chức, đoàn thể"),
        _t("position", "Chức vụ"),
        _t("phone", "Số điện thoại", max_length=20),
        _d("term_start", "Bắt đầu nhiệm kỳ"),
        _d("term_end", "Kết thúc nhiệm kỳ"),
        FieldSpec("position_order", "int", "Thứ tự"),
        # Schema 14 (m014): tells apart two members of the same name (null: not known).
        FieldSpec("birth_year", "int", "Năm sinh"),
    ),
    parent="team_id",
    searchable=("full_name", "organisation", "position"),
    names=("full_name",),
)

REGULATION = EntitySpec(
    "regulation",
    "Quy chế hoạt động",
    (
        _ref("team_id", "Tổ", "team", required=True),
        FieldSpec("meeting_period", "text", "Định kỳ họp", required=True),  # monthly|quarterly
        FieldSpec("meeting_day", "int", "Ngày họp trong kỳ"),
        FieldSpec("reporting_periods", "json", "Kỳ báo cáo"),
        FieldSpec("report_recipients", "json", "Nơi nhận báo cáo"),
        _t("issuing_body", "Cơ quan ban hành"),
        _t("managing_body", "Cơ quan chủ quản"),
        _t("document_place", "Địa danh ghi trên văn bản"),
        _l("text", "Nội dung quy chế"),
        _d("adopted_on", "Ngày thông qua"),
        # Schema 9: how many days the body a petition was passed to has to answer it
        # before the petition counts as overdue (null: DEFAULT_PETITION_ANSWER_DAYS).
        FieldSpec("petition_answer_days", "int", "Thời hạn trả lời kiến nghị (ngày)"),
        # Schema 9: the last day the half-year and the year count in a review, "MM-DD"
        # (null: core.schedule's DEFAULT_HALF_YEAR_CUTOFF, DEFAULT_YEAR_CUTOFF).
        _t("half_year_cutoff", "Ngày chốt số liệu sơ kết 6 tháng", max_length=5),
        _t("year_cutoff", "Ngày chốt số liệu tổng kết năm", max_length=5),
    ),
    parent="team_id",
)

MODEL_FIELD = EntitySpec(
    "model_field",
    "Lĩnh vực",
    (
        _t("code", "Mã lĩnh vực", required=True, max_length=40),
        _t("name", "Tên lĩnh vực", required=True, max_length=120, sortable=True),
        FieldSpec("position_order", "int", "Thứ tự"),
    ),
)

MODEL = EntitySpec(
    "model",
    "Mô hình",
    (
        _t("name", "Tên mô hình", required=True, max_length=300, sortable=True),
        _l("situation", "Sự cần thiết và lý do"),
        _l("goals", "Mục tiêu và tiêu chí đánh giá"),
        _l("content", "Nội dung và cách làm"),
        _l("scope", "Phạm vi, đối tượng"),
        _l("actors", "Chủ thể thực hiện, phối hợp"),
        _l("resources", "Nguồn lực"),
        _l("timeline", "Thời gian, lộ trình"),
        _l("outputs", "Sản phẩm cụ thể"),
        _l("sustainability", "Duy trì và nhân rộng"),
        _t("field_code", "Lĩnh vực", required=True),
        FieldSpec("status", "text", "Trạng thái", required=True),
        FieldSpec("year", "int", "Năm đăng ký", required=True),
        _d("start_date", "Ngày bắt đầu"),
        _d("end_date", "Ngày đánh giá kết quả"),
        _l("review_comment", "Nhận xét của cấp trên", owner="reviewer"),
        _t("recognition_level", "Cấp công nhận", owner="reviewer"),
        _d("recognised_on", "Ngày công nhận", owner="reviewer"),
        # Schema 15 (m015): the team's consent to give a contact on the model's network
        # card, and the contact it gives (core/network_wire.py's consented_contact).
        FieldSpec("contact_consent", "bool", "Đồng ý chia sẻ thông tin liên hệ với mạng lưới"),
        _t("contact_name", "Người liên hệ", max_length=120),
        _t("contact_role", "Chức vụ người liên hệ", max_length=120),
        _t("contact_phone", "Số điện thoại người liên hệ", max_length=20),
    ),
    searchable=(
        "name",
        "situation",
        "goals",
        "content",
        "scope",
        "actors",
        "resources",
        "outputs",
        "sustainability",
    ),
    names=("name",),
)

INDICATOR_READING = EntitySpec(
    "indicator_reading",
    "Chỉ số kết quả",
    (
        _ref("model_id", "Mô hình", "model", required=True),
        _t("indicator", "Chỉ số", required=True, max_length=200),
        _t("unit_label", "Đơn vị tính", max_length=40),
        FieldSpec("value", "real", "Giá trị", required=True),
        _d("read_on", "Ngày ghi nhận", required=True),
        _t("note", "Ghi chú"),
    ),
    parent="model_id",
)

# Schema 11 (issue 17): a model's whole life. Each status move is a record of its own
# (who moved it, from what to what, why), so a team and its reviewers see why a model
# stands where it does; entries are written by the role that made the move and never
# edited. Recognition is a list written by reviewers only: the commune recognises first,
# the city may later (the model's old recognition_level and recognised_on fields stay
# readable for released laptops; this release reads the list).
MODEL_LIFE_SCHEMA = 11  # store/migrations m011_model_life

MODEL_STATUS_CHANGE = EntitySpec(
    "model_status_change",
    "Lịch sử trạng thái mô hình",
    (
        _ref("model_id", "Mô hình", "model", required=True, owner="system"),
        FieldSpec("from_status", "text", "Trạng thái trước", owner="system", max_length=40),
        FieldSpec(
            "to_status", "text", "Trạng thái mới", required=True, owner="system", max_length=40
        ),
        _t("reason", "Lý do", max_length=1000, owner="system"),
        FieldSpec("by_role", "text", "Vai trò", required=True, owner="system", max_length=20),
        _t("by_unit", "Đơn vị chuyển trạng thái", max_length=200, owner="system"),
        _d("changed_on", "Ngày chuyển", required=True, owner="system"),
    ),
    parent="model_id",
    since_schema=MODEL_LIFE_SCHEMA,
)

MODEL_RECOGNITION = EntitySpec(
    "model_recognition",
    "Công nhận mô hình",
    (
        _ref("model_id", "Mô hình", "model", required=True, owner="reviewer"),
        FieldSpec("level", "text", "Cấp công nhận", required=True, owner="reviewer", max_length=20),
        _t("decision_number", "Số quyết định", required=True, max_length=60, owner="reviewer"),
        _d("decided_on", "Ngày quyết định", required=True, owner="reviewer"),
        _t("reviewer_unit", "Đơn vị công nhận", max_length=200, owner="reviewer"),
        _t("note", "Ghi chú", max_length=500, owner="reviewer"),
    ),
    parent="model_id",
    since_schema=MODEL_LIFE_SCHEMA,
)

RESOURCE_CONTRIBUTION = EntitySpec(
    "resource_contribution",
    "Nguồn lực huy động",
    (
        _ref("model_id", "Mô hình", "model", required=True),
        FieldSpec("kind", "text", "Loại nguồn lực", required=True),
        FieldSpec("amount", "real", "Số lượng", required=True),
        _t("unit_label", "Đơn vị tính", max_length=40),
        _d("contributed_on", "Ngày huy động"),
        _t("contributor", "Người, tổ chức đóng góp"),
        _t("note", "Ghi chú"),
    ),
    parent="model_id",
)

EXEMPLAR = EntitySpec(
    "exemplar",
    "Điển hình",
    (
        FieldSpec("kind", "text", "Loại điển hình", required=True),  # individual | collective
        _t("name", "Tên cá nhân, tập thể", required=True, max_length=200, sortable=True),
        _t("position", "Chức vụ, đơn vị"),
        _l("achievement", "Thành tích"),
        FieldSpec("year", "int", "Năm", required=True),
        FieldSpec("linked_model_ids", "json", "Mô hình liên quan"),
        FieldSpec("linked_meeting_ids", "json", "Cuộc họp làm minh chứng"),
    ),
    searchable=("name", "position", "achievement"),
    names=("name",),
)

COMMENDATION = EntitySpec(
    "commendation",
    "Khen thưởng",
    (
        _ref("exemplar_id", "Điển hình", "exemplar", required=True),
        FieldSpec("year", "int", "Năm", required=True),
        FieldSpec("state", "text", "Tình trạng", required=True),  # proposed | decided
        _t("form", "Hình thức khen thưởng", required=True),
        _t("level", "Cấp khen thưởng", required=True),
        _t("decision_number", "Số quyết định"),
        _d("decision_date", "Ngày quyết định"),
        _t("decided_by", "Cơ quan quyết định"),
        _l("achievement", "Thành tích đề nghị"),
        FieldSpec("score", "real", "Điểm đánh giá"),
        FieldSpec("criteria", "json", "Tiêu chí đã đạt"),
    ),
    parent="exemplar_id",
)

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

HANDBOOK_DOC = EntitySpec(
    "handbook_doc",
    "Tài liệu sổ tay",
    (
        _t("slug", "Mã tài liệu", required=True, max_length=120),
        _t("title", "Tiêu đề", required=True, max_length=300, sortable=True),
        _t("section", "Chủ đề"),
        FieldSpec("position_order", "int", "Thứ tự"),
        _l("body", "Nội dung", required=True),
        FieldSpec("doc_version", "int", "Phiên bản", required=True),
        _t("source", "Nguồn"),  # bundled | province | team
        FieldSpec("published_at", "datetime", "Ngày ban hành"),
    ),
    searchable=("title", "section", "body"),
    names=("title",),
)

ATTACHMENT = EntitySpec(
    "attachment",
    "Tệp đính kèm",
    (
        _t("sha256", "Mã băm SHA-256", required=True, max_length=64),
        _t("owner_entity", "Loại hồ sơ", required=True),
        FieldSpec("owner_id", "ref", "Hồ sơ", required=True),
        _t("file_name", "Tên tệp", required=True, max_length=255),
        _t("mime_type", "Kiểu tệp"),
        FieldSpec("size", "int", "Dung lượng", required=True),
        _t("caption", "Chú thích"),
        # The file the server holds when it is not the original: a photo down-scaled
        # for the link (sync/attachments.py). Null: the server holds ``sha256`` itself.
        _t("upload_sha256", "Mã băm bản gửi lên máy chủ", max_length=64),
    ),
    parent="owner_id",
)

# Schema 11: a model replicated from another unit's model («Học tập, nhân rộng» on a
# network card). A child of the model registered here; the source model lives in
# another unit, so ``source_model_id`` is a plain reference, not a local foreign key.
# Written by the replicating team only; the server also sends it to the source model's
# unit and the reviewers above it (danvan_server/replication_scope.py). The village
# name and the model's status are copied so that the source team, which never holds
# the replicating unit's records, can show where and how far the model was replicated.
REPLICATION_LINK = EntitySpec(
    "replication_link",
    "Nhân rộng mô hình",
    (
        _ref("model_id", "Mô hình nhân rộng", "model", required=True),
        _t("source_model_id", "Mô hình gốc", required=True, max_length=64),
        _t("source_unit_id", "Đơn vị có mô hình gốc", max_length=64),
        _t("source_model_name", "Tên mô hình gốc", max_length=300),
        _t("card_id", "Thẻ trên mạng lưới", max_length=64),
        _t("village_name", "Thôn, tổ dân phố nhân rộng", max_length=200),
        _t("model_status", "Trạng thái mô hình nhân rộng", max_length=40),
        _d("replicated_on", "Ngày nhân rộng", required=True),
    ),
    parent="model_id",
    since_schema=11,
)

ENTITIES: dict[str, EntitySpec] = {
    e.name: e
    for e in (
        UNIT,
        TEAM,
        MEMBER,
        REGULATION,
        MODEL_FIELD,
        MODEL,
        INDICATOR_READING,
        MODEL_STATUS_CHANGE,
        MODEL_RECOGNITION,
        RESOURCE_CONTRIBUTION,
        EXEMPLAR,
        COMMENDATION,
        MEETING,
        ATTENDANCE,
        AGENDA_ITEM,
        OPINION,
        CONCLUSION,
        VOTE,
        TASK,
        HANDBOOK_DOC,
        ATTACHMENT,
        PETITION,
        PETITIONER,
        MEDIATION,
        MEDIATION_PARTY,
        REPLICATION_LINK,
    )
}


def entity(name: str) -> EntitySpec:
    """The entity called ``name``; KeyError for an unknown one."""
    return ENTITIES[name]
