"""The settings a leader types (backups) are kept within core's rule, or refused by name."""

from __future__ import annotations

import pytest

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.session import Session


def test_a_number_within_the_rule_is_kept(session: Session) -> None:
    """100 backups kept and 720 hours are the largest numbers taken, and are kept."""
    session.change_setting("backup_keep", 100)
    session.change_setting("backup_interval_hours", 720)
    assert (session.setting("backup_keep"), session.setting("backup_interval_hours")) == (100, 720)


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("backup_keep", 0, "từ 1 đến 100"),
        ("backup_keep", 101, "từ 1 đến 100"),
        ("backup_interval_hours", 721, "từ 1 đến 720"),
        ("backup_keep", None, "không được để trống"),
        ("backup_interval_hours", "mười", "«Số giờ giữa hai lần tự động sao lưu»"),
    ],
)
def test_a_number_outside_the_rule_is_refused_and_nothing_stored(
    session: Session, key: str, value: object, words: str
) -> None:
    """A number outside the rule, none, or words are refused naming the setting; the old
    value stays."""
    before = session.setting(key)
    with pytest.raises(ValidationError) as refused:
        session.change_setting(key, value)
    assert refused.value.problems[0].field == key
    assert words in refused.value.problems[0].message
    assert session.setting(key) == before


def test_other_settings_are_not_numbers(session: Session) -> None:
    """The language and the server's address are stored as given (no number rule)."""
    session.change_setting("language", "en")
    assert session.setting("language") == "en"
