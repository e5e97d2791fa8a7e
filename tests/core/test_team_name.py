"""The team's name suggested from its village: only the kind word's first letter changes."""

from __future__ import annotations

from danvan_desktop.core.vocab import team_name_for, village_in_name


def test_village_kind_goes_to_lower_case_the_name_keeps_its_capitals() -> None:
    """«Thôn Hạ Lang» gives «Tổ dân vận thôn Hạ Lang», not «… thôn hạ lang»."""
    assert team_name_for("Thôn Hạ Lang") == "Tổ dân vận thôn Hạ Lang"


def test_residential_group_with_a_number() -> None:
    """«Tổ dân phố 5» gives «Tổ dân vận tổ dân phố 5»."""
    assert team_name_for("Tổ dân phố 5") == "Tổ dân vận tổ dân phố 5"


def test_village_without_a_kind_word_keeps_its_letters() -> None:
    """«Hạ Lang» typed alone stays «Hạ Lang»."""
    assert team_name_for("Hạ Lang") == "Tổ dân vận Hạ Lang"


def test_name_that_only_begins_like_a_kind_word_is_kept() -> None:
    """«Thônla» is not the word «Thôn»: nothing changes."""
    assert village_in_name("Thônla Đông") == "Thônla Đông"


def test_capitals_typed_on_purpose_are_kept() -> None:
    """A village typed in capitals is not changed at all."""
    assert village_in_name("THÔN HẠ LANG") == "THÔN HẠ LANG"


def test_decomposed_input_and_extra_spaces_are_normalised() -> None:
    """Decomposed «Thôn» (as some input methods send it) is still the kind word."""
    assert village_in_name("Tho\u0302n  Hạ Lang ") == "thôn Hạ Lang"
