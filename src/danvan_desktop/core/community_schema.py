"""The team's duties towards residents as entities: petitions and mediation (schema 9).

A petition (kiến nghị, phản ánh) and a mediation case (hòa giải ở cơ sở) name nobody:
they travel to the commune and the city, which count them. Who raised a petition and
who the parties of a case are live in child records marked ``commune_only``
(``petitioner``, ``mediation_party``): the server sends them to the team's laptops and
the commune's reviewers only (see ``core/schema.py``). Choices (fields, kinds of
dispute, outcomes) are vocabularies in ``core/vocab.py``; the rules that tie dates and
fields together are in ``core/community_rules.py``.
"""

from __future__ import annotations

from danvan_desktop.core.entity_spec import EntitySpec, FieldSpec
from danvan_desktop.core.entity_spec import date_field as _d
from danvan_desktop.core.entity_spec import long_text_field as _l
from danvan_desktop.core.entity_spec import ref_field as _ref
from danvan_desktop.core.entity_spec import text_field as _t

COMMUNITY_SCHEMA = 9  # store/migrations m009_community_work
DEFAULT_PETITION_ANSWER_DAYS = 30

PETITION = EntitySpec(
    "petition",
    "Kiến nghị, phản ánh",
    (
        _t("title", "Nội dung kiến nghị, phản ánh", required=True, max_length=300, sortable=True),
        _l("details", "Chi tiết", max_length=5000),
        _d("received_on", "Ngày tiếp nhận", required=True),
        # Codes of PETITION_RAISED_BY (null: not noted) and PETITION_FIELDS (core/vocab.py).
        FieldSpec("raised_by", "text", "Người nêu", max_length=40),
        FieldSpec("field_code", "text", "Lĩnh vực", required=True, max_length=40),
        _ref("opinion_id", "Ý kiến tại cuộc họp", "opinion"),
        _t("passed_to", "Nơi chuyển đến", max_length=200),
        _d("passed_on", "Ngày chuyển"),
        _l("answer", "Nội dung trả lời", max_length=5000),
        _d("answered_on", "Ngày nhận trả lời"),
    ),
    searchable=("title", "details", "passed_to", "answer"),
    names=("title",),
    since_schema=COMMUNITY_SCHEMA,
)

PETITIONER = EntitySpec(
    "petitioner",
    "Người kiến nghị",
    (
        _ref("petition_id", "Kiến nghị, phản ánh", "petition", required=True),
        FieldSpec("kind", "text", "Cá nhân hay hộ gia đình", max_length=40),  # PETITIONER_KINDS
        _t("full_name", "Họ và tên", required=True, max_length=120),
        _t("address", "Địa chỉ", max_length=300),
        _t("phone", "Số điện thoại", max_length=20),
    ),
    # Found by name on the laptops that hold it (the team's and its commune's): a hit
    # opens the petition (store/search_index.py).
    searchable=("full_name",),
    names=("full_name",),
    parent="petition_id",
    commune_only=True,
    since_schema=COMMUNITY_SCHEMA,
)

MEDIATION = EntitySpec(
    "mediation",
    "Vụ việc hòa giải",
    (
        _t("title", "Vụ việc", required=True, max_length=300, sortable=True),
        # Codes of DISPUTE_KINDS, and of MEDIATION_OUTCOMES (null: no outcome yet).
        FieldSpec("dispute_kind", "text", "Loại việc", required=True, max_length=40),
        _l("summary", "Nội dung vụ việc", max_length=5000),
        _d("mediated_on", "Ngày hòa giải", required=True),
        _t("participants", "Thành phần tham gia hòa giải", max_length=500),
        FieldSpec("outcome", "text", "Kết quả", max_length=40),
        _d("outcome_on", "Ngày có kết quả"),
        _t("passed_to", "Nơi chuyển đến", max_length=200),
        _l("outcome_note", "Ghi chú kết quả", max_length=2000),
    ),
    searchable=("title", "summary", "participants", "outcome_note"),
    names=("title",),
    since_schema=COMMUNITY_SCHEMA,
)

MEDIATION_PARTY = EntitySpec(
    "mediation_party",
    "Bên liên quan trong vụ việc",
    (
        _ref("mediation_id", "Vụ việc hòa giải", "mediation", required=True),
        FieldSpec("side", "text", "Bên", max_length=40),  # PARTY_SIDES
        _t("full_name", "Họ và tên", required=True, max_length=120),
        _t("address", "Địa chỉ", max_length=300),
        _t("phone", "Số điện thoại", max_length=20),
    ),
    parent="mediation_id",
    commune_only=True,
    since_schema=COMMUNITY_SCHEMA,
)
