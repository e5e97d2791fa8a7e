"""The models (mô hình) as entities: the fields they belong to, the model itself and its
children (indicator readings, status history, recognitions, resources, replications).

Part of the synced entities of ``core/schema.py``, which lists them all in ``ENTITIES``.
"""

from __future__ import annotations

from danvan_desktop.core.entity_spec import EntitySpec, FieldSpec
from danvan_desktop.core.entity_spec import date_field as _d
from danvan_desktop.core.entity_spec import long_text_field as _l
from danvan_desktop.core.entity_spec import ref_field as _ref
from danvan_desktop.core.entity_spec import text_field as _t

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
