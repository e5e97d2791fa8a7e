"""The model form's «Người liên hệ» rows: the team's consent and the contact it gives.

A check box records whether the team agrees to give a contact to the network (its
model's card carries it; core/model_contact.py), and three boxes hold the contact:
name, role, phone. Unchecked, the boxes are greyed and the form saves no contact (the
text stays in the boxes until the form closes, so a slip of the mouse loses nothing).
Each box shows its own problem beside it, from the store's validation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from danvan_desktop.core.i18n import tr as core_tr
from danvan_desktop.core.model_contact import CONSENT, CONTACT_FIELDS, has_consent
from danvan_desktop.core.schema import MODEL
from danvan_desktop.ui.text import tr
from danvan_desktop.ui.widgets.field_limits import watch_length
from danvan_desktop.ui.widgets.form_widgets import FieldError, add_row


class ContactRows(QObject):
    """The consent check box and the contact's boxes, added to a form layout."""

    def __init__(self, form: QFormLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(tr("ModelForm", "Liên hệ trên mạng lưới"))
        heading.setStyleSheet("font-weight: bold;")
        form.addRow(heading)
        self.consent = QCheckBox(core_tr("fields", MODEL.field(CONSENT).label))
        self.consent.setToolTip(
            tr(
                "ModelForm",
                "Chỉ khi tổ đồng ý, thẻ của mô hình trên mạng lưới mới có người liên hệ dưới "
                "đây; bỏ chọn thì thẻ không còn liên hệ sau lần đồng bộ tới.",
            )
        )
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in CONTACT_FIELDS}
        self.edits["contact_name"].setPlaceholderText(tr("ModelForm", "Họ và tên"))
        self.edits["contact_role"].setPlaceholderText(tr("ModelForm", "Ví dụ: Tổ trưởng"))
        self.edits["contact_phone"].setPlaceholderText("0905 123 456")
        self.errors: dict[str, FieldError] = {CONSENT: add_row(form, "", self.consent)}
        for name, edit in self.edits.items():
            watch_length(edit, MODEL, name)
            self.errors[name] = add_row(form, core_tr("fields", MODEL.field(name).label), edit)
        self.consent.toggled.connect(self._follow_consent)
        self._follow_consent(False)

    def _follow_consent(self, agreed: bool) -> None:
        for edit in self.edits.values():
            edit.setEnabled(agreed)
        if not agreed:
            for name in CONTACT_FIELDS:
                self.errors[name].clear_message()

    def show_record(self, record: dict[str, Any]) -> None:
        """The record's consent and contact in the boxes."""
        self.consent.setChecked(has_consent(record))
        for name, edit in self.edits.items():
            edit.setText(str(record.get(name) or ""))
        self._follow_consent(self.consent.isChecked())

    def values(self) -> dict[str, Any]:
        """The consent and the contact as the store takes them (no contact unchecked)."""
        agreed = self.consent.isChecked()
        values: dict[str, Any] = {CONSENT: agreed}
        for name, edit in self.edits.items():
            values[name] = (edit.text().strip() or None) if agreed else None
        return values

    def widgets(self) -> dict[str, QWidget]:
        """Each field's widget, by field name (to focus the one with a problem)."""
        return {CONSENT: self.consent, **self.edits}
