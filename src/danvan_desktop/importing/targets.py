"""What each kind of record takes from a file: fields, headings, natural key, choices.

One ``ImportTarget`` per kind (``TARGETS``): adding a kind is one more entry here. A
target names

- the record's fields a file may fill (a reviewer's fields are not among them: a team
  never writes those) and the other ways lists head them (besides the field's label);
- its natural key: the fields that say two rows are the same record (a member: the
  name and the birth year; a model: the name and the year; a petition: the matter and
  the day received); a key field in ``optional`` may be left empty (a member's birth
  year: a row without one matches the one member of that name, and where there are two
  «Nguyễn Văn An» the preview asks for the year that tells them apart: ``matching``);
- ``years``: fields read as a year from a year, a date or a typed date (a birth year
  from a «Ngày sinh» column);
- which fields are choices, and from which list (a vocabulary of core, or the team's
  own list of model fields in the store), so «Tổ phó» or «Kinh tế» is read as its code;
- extras: columns read that are no field of the record (the person who raised a
  petition, saved as its petitioner).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan_desktop.core.schema import ENTITIES, EntitySpec
from danvan_desktop.core.vocab import (
    MEMBER_ROLES,
    MODEL_STATUSES,
    PETITION_FIELDS,
    PETITION_RAISED_BY,
)
from danvan_desktop.importing.headings import HeadingIndex

MODEL_FIELDS = "model_fields"  # a choice from the team's list of model fields (the store)
BIRTH_YEAR = "birth_year"
PETITIONER_PREFIX = "petitioner."


@dataclass(frozen=True)
class Extra:
    """A column read that is no field of the record: its name, label and kind."""

    name: str
    label: str  # Vietnamese source, shown with tr("importing", label)
    kind: str  # "year" | "text" (a child record's field: its kind is the child's)


@dataclass(frozen=True)
class ImportTarget:
    """One kind of record a file can bring in."""

    entity: str
    fields: tuple[str, ...]
    headings: dict[str, tuple[str, ...]]
    key: tuple[str, ...]
    optional: tuple[str, ...] = ()  # key fields a row may leave empty (see the notes)
    years: tuple[str, ...] = ()  # fields read as a year from a date (see the notes)
    choices: dict[str, dict[str, str] | str] = field(default_factory=dict)
    defaults: dict[str, object] = field(default_factory=dict)
    # Required fields the importer fills when a row leaves them empty: ``defaults``, and a
    # model's year (the year it started, else this year: ``plan``).
    filled: tuple[str, ...] = ()
    extras: tuple[Extra, ...] = ()
    child: str | None = None  # the entity extras named «<child>.<field>» are saved as
    # The stored records rows are matched with: those of the team («team_id») or of the
    # team's unit («unit_id»), in this order (pairs are made in it).
    owner: str = "unit_id"
    order: str = "rowid"

    @property
    def spec(self) -> EntitySpec:
        """The entity's spec in core's schema."""
        return ENTITIES[self.entity]

    @property
    def needed(self) -> tuple[str, ...]:
        """The required fields a file must give a column for."""
        return tuple(n for n in self.fields if self.spec.field(n).required and n not in self.filled)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every name a column can be given: the fields, then the extras."""
        return (*self.fields, *(e.name for e in self.extras))

    def extra(self, name: str) -> Extra | None:
        """The extra called ``name`` (None for a field)."""
        return next((e for e in self.extras if e.name == name), None)

    def heading_index(self) -> HeadingIndex:
        """The headings of every field and extra, the field's label among them."""
        table: dict[str, tuple[str, ...]] = {}
        for name in self.fields:
            table[name] = (self.spec.field(name).label, *self.headings.get(name, ()))
        for extra in self.extras:
            table[extra.name] = (extra.label, *self.headings.get(extra.name, ()))
        return HeadingIndex(table)


MEMBER_TARGET = ImportTarget(
    "member",
    fields=(
        "full_name",
        "role",
        "organisation",
        "position",
        "phone",
        "term_start",
        "term_end",
        "position_order",
        BIRTH_YEAR,
    ),
    headings={
        "full_name": (
            "Họ tên",
            "Họ, tên",
            "Tên",
            "Thành viên",
            "Họ và tên thành viên",
            "Họ tên thành viên",
            "Tên thành viên",
        ),
        "role": ("Vai trò trong tổ", "Chức danh trong tổ", "Nhiệm vụ trong tổ", "Chức danh"),
        "organisation": (
            "Đoàn thể",
            "Tổ chức",
            "Đơn vị",
            "Cơ quan, đơn vị",
            "Đơn vị công tác",
            "Chi hội, đoàn thể",
        ),
        "position": ("Chức vụ hiện nay", "Chức vụ đảng, đoàn thể"),
        "phone": ("Điện thoại", "Số ĐT", "SĐT", "ĐT", "Di động", "Điện thoại liên hệ"),
        "term_start": ("Ngày bắt đầu", "Từ ngày", "Ngày vào tổ", "Ngày tham gia"),
        "term_end": ("Ngày kết thúc", "Đến ngày"),
        "position_order": ("Thứ tự trong danh sách",),
        BIRTH_YEAR: ("Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Sinh năm"),
    },
    key=("full_name", BIRTH_YEAR),
    optional=(BIRTH_YEAR,),
    years=(BIRTH_YEAR,),
    owner="team_id",
    order="coalesce(position_order, 1e9), rowid",
    choices={"role": MEMBER_ROLES},
    defaults={"role": "member"},
    filled=("role",),
)

MODEL_TARGET = ImportTarget(
    "model",
    fields=(
        "name",
        "field_code",
        "status",
        "year",
        "start_date",
        "end_date",
        "situation",
        "goals",
        "content",
        "scope",
        "actors",
        "resources",
        "timeline",
        "outputs",
        "sustainability",
    ),
    headings={
        "name": ("Mô hình", "Tên", "Tên mô hình Dân vận khéo", "Tên mô hình “Dân vận khéo”"),
        "situation": (
            "Sự cần thiết",
            "Lý do",
            "Sự cần thiết, lý do",
            "Lý do xây dựng",
            "Thực trạng",
        ),
        "goals": ("Mục tiêu", "Mục tiêu, tiêu chí", "Tiêu chí đánh giá"),
        "content": ("Nội dung", "Cách làm", "Nội dung, cách làm", "Cách thức thực hiện"),
        "scope": ("Phạm vi", "Đối tượng", "Phạm vi và đối tượng", "Địa bàn, đối tượng"),
        "actors": ("Chủ thể", "Chủ thể thực hiện", "Đơn vị thực hiện", "Người thực hiện"),
        "resources": ("Kinh phí", "Nguồn lực, kinh phí"),
        "timeline": ("Thời gian", "Lộ trình", "Thời gian thực hiện"),
        "outputs": ("Sản phẩm", "Kết quả", "Kết quả đạt được"),
        "sustainability": ("Duy trì, nhân rộng", "Nhân rộng", "Khả năng nhân rộng"),
        "field_code": ("Lĩnh vực hoạt động",),
        "status": ("Tình trạng", "Tình hình thực hiện"),
        "year": ("Năm", "Năm xây dựng", "Năm thực hiện"),
        "start_date": ("Ngày bắt đầu", "Thời gian bắt đầu", "Ngày triển khai", "Bắt đầu"),
        "end_date": ("Ngày đánh giá", "Ngày kết thúc", "Thời gian đánh giá"),
    },
    key=("name", "year"),
    choices={"status": MODEL_STATUSES, "field_code": MODEL_FIELDS},
    defaults={"status": "registered"},
    filled=("status", "year"),
)

PETITION_TARGET = ImportTarget(
    "petition",
    fields=(
        "title",
        "received_on",
        "field_code",
        "raised_by",
        "details",
        "passed_to",
        "passed_on",
        "answer",
        "answered_on",
    ),
    headings={
        "title": (
            "Nội dung kiến nghị",
            "Nội dung phản ánh",
            "Kiến nghị",
            "Nội dung",
            "Vấn đề",
            "Tóm tắt nội dung",
        ),
        "details": ("Nội dung chi tiết",),
        "received_on": ("Ngày nhận", "Ngày", "Ngày kiến nghị", "Thời gian tiếp nhận"),
        "field_code": ("Lĩnh vực kiến nghị",),
        "passed_to": ("Chuyển đến", "Cơ quan giải quyết", "Chuyển cho", "Nơi nhận"),
        "passed_on": ("Ngày chuyển đi",),
        "answer": ("Trả lời", "Kết quả giải quyết", "Kết quả trả lời"),
        "answered_on": ("Ngày trả lời",),
        "petitioner.full_name": (
            "Họ tên người kiến nghị",
            "Họ và tên người kiến nghị",
            "Người phản ánh",
            "Họ và tên",
            "Họ tên",
        ),
        "petitioner.address": ("Địa chỉ người kiến nghị", "Địa chỉ", "Nơi ở"),
        "petitioner.phone": ("Số điện thoại", "Điện thoại", "SĐT"),
    },
    key=("title", "received_on"),
    choices={"field_code": PETITION_FIELDS, "raised_by": PETITION_RAISED_BY},
    extras=(
        Extra("petitioner.full_name", "Người kiến nghị", "text"),
        Extra("petitioner.address", "Địa chỉ người kiến nghị", "text"),
        Extra("petitioner.phone", "Số điện thoại người kiến nghị", "text"),
    ),
    child="petitioner",
)

TARGETS: dict[str, ImportTarget] = {
    t.entity: t for t in (MEMBER_TARGET, MODEL_TARGET, PETITION_TARGET) if t.entity in ENTITIES
}
