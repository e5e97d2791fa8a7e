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

The models and their children are defined in ``core/model_schema.py``, the meetings,
their minutes and tasks in ``core/meeting_schema.py``, petitions and mediations in
``core/community_schema.py``; every name stays importable from here.
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
from danvan_desktop.core.meeting_schema import AGENDA_ITEM as AGENDA_ITEM
from danvan_desktop.core.meeting_schema import ATTENDANCE as ATTENDANCE
from danvan_desktop.core.meeting_schema import CONCLUSION as CONCLUSION
from danvan_desktop.core.meeting_schema import MEETING as MEETING
from danvan_desktop.core.meeting_schema import OPINION as OPINION
from danvan_desktop.core.meeting_schema import TASK as TASK
from danvan_desktop.core.meeting_schema import VOTE as VOTE
from danvan_desktop.core.model_schema import INDICATOR_READING as INDICATOR_READING
from danvan_desktop.core.model_schema import MODEL as MODEL
from danvan_desktop.core.model_schema import MODEL_FIELD as MODEL_FIELD
from danvan_desktop.core.model_schema import MODEL_LIFE_SCHEMA as MODEL_LIFE_SCHEMA
from danvan_desktop.core.model_schema import MODEL_RECOGNITION as MODEL_RECOGNITION
from danvan_desktop.core.model_schema import MODEL_STATUS_CHANGE as MODEL_STATUS_CHANGE
from danvan_desktop.core.model_schema import REPLICATION_LINK as REPLICATION_LINK
from danvan_desktop.core.model_schema import RESOURCE_CONTRIBUTION as RESOURCE_CONTRIBUTION

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
