"""File names that Windows and FAT/exFAT sticks accept."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_desktop.core.errors import ValidationError
from danvan_desktop.usb.errors import BadFileNameError
from danvan_desktop.usb.names import check_file_name, name_problems, safe_file_name


@pytest.mark.parametrize("name", ["Báo cáo tháng 5.docx", "so-lieu_2025.xlsx", "a", ".bashrc"])
def test_ordinary_names_pass(name: str) -> None:
    """Vietnamese letters, spaces, dashes and a leading dot are allowed."""
    assert check_file_name(name) == name


@pytest.mark.parametrize("char", list('<>:"/\\|?*'))
def test_each_windows_forbidden_character_is_refused(char: str) -> None:
    """Every character Windows forbids in a name is refused."""
    with pytest.raises(BadFileNameError):
        check_file_name(f"bao{char}cao.txt")


def test_refusal_is_a_validation_error_on_file_name() -> None:
    """The refusal names the field file_name and says the fix in Vietnamese."""
    with pytest.raises(ValidationError) as caught:
        check_file_name("Quý 1/2025.docx")
    assert caught.value.fields == ["file_name"]
    assert caught.value.message == (
        "Tên tệp không được chứa ký tự /. Hãy bỏ các ký tự này hoặc thay bằng dấu gạch ngang (-)."
    )


def test_refusal_carries_reason_bad_name() -> None:
    """The same error is a UsbWriteError with reason bad_name."""
    with pytest.raises(BadFileNameError) as caught:
        check_file_name("a?b")
    assert caught.value.reason == "bad_name"


@pytest.mark.parametrize("name", ["a\x00b", "a\tb", "a\nb", "a\x1fb", "a\x7fb"])
def test_control_characters_are_refused(name: str) -> None:
    """Invisible control characters (often pasted) are refused."""
    assert len(name_problems(name)) == 1


@pytest.mark.parametrize("name", ["bao cao.", "bao cao ", "..", "."])
def test_trailing_dot_or_space_is_refused(name: str) -> None:
    """Windows strips a trailing dot or space, so such names are refused."""
    with pytest.raises(BadFileNameError, match="kết thúc bằng dấu chấm"):
        check_file_name(name)


@pytest.mark.parametrize(
    "name",
    ["CON", "con.txt", "Nul.tar.gz", "PRN", "aux.docx", "COM1", "lpt9.pdf", "COM¹", "NUL .txt"],
)
def test_reserved_device_names_are_refused(name: str) -> None:
    """Device names are refused with or without an extension, in any case."""
    with pytest.raises(BadFileNameError, match="dành riêng"):
        check_file_name(name)


@pytest.mark.parametrize("name", ["CONSOLE.txt", "com10", "con_1.docx", "Côn.docx", "lpt.txt"])
def test_names_that_only_resemble_devices_pass(name: str) -> None:
    """Only the exact device names are reserved."""
    assert check_file_name(name) == name


def test_255_utf8_bytes_pass_and_256_fail() -> None:
    """The limit is 255 bytes of UTF-8, where a Vietnamese letter takes 2–3 bytes."""
    fits = "ế" * 85  # 3 bytes each: 255
    assert check_file_name(fits) == fits
    with pytest.raises(BadFileNameError, match="256 byte"):
        check_file_name(fits + "a")


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name_is_refused(name: str) -> None:
    """An empty or blank name is refused with an example of a good one."""
    with pytest.raises(BadFileNameError, match="để trống"):
        check_file_name(name)


def test_several_problems_are_all_reported() -> None:
    """A name with two faults gets two messages, both on file_name."""
    with pytest.raises(BadFileNameError) as caught:
        check_file_name("a:b.")
    assert caught.value.fields == ["file_name", "file_name"]


def test_check_returns_nfc() -> None:
    """A decomposed name (as some input methods type it) comes back composed."""
    decomposed = unicodedata.normalize("NFD", "Đường làng.txt")
    assert check_file_name(decomposed) == "Đường làng.txt"


def test_safe_name_keeps_vietnamese_and_replaces_forbidden() -> None:
    """A title with a colon and a slash becomes a readable name."""
    assert safe_file_name("Báo cáo: quý 1/2025", ".docx") == "Báo cáo - quý 1-2025.docx"


def test_safe_name_drops_question_marks_and_swaps_quotes() -> None:
    """Question marks vanish, double quotes become single ones."""
    assert safe_file_name('Vì sao "Dân vận khéo"?') == "Vì sao 'Dân vận khéo'"


def test_safe_name_avoids_device_names() -> None:
    """ "Con" is a Vietnamese word but a Windows device: an underscore is added."""
    assert safe_file_name("Con", ".docx") == "Con_.docx"


def test_safe_name_of_blank_title_has_a_default() -> None:
    """A title with nothing usable gives the default name."""
    assert safe_file_name(" ?* ", ".pdf") == "Tài liệu.pdf"


def test_safe_name_cuts_long_titles_and_keeps_the_extension() -> None:
    """A long Vietnamese title is cut to 255 bytes including the extension."""
    name = safe_file_name("Đường " * 80, ".xlsx")
    assert name.endswith(".xlsx")
    assert len(name.encode("utf-8")) <= 255
    assert check_file_name(name) == name


def test_safe_name_composes_decomposed_text() -> None:
    """The proposed name is NFC."""
    assert safe_file_name(unicodedata.normalize("NFD", "Thôn Đông")) == "Thôn Đông"


@given(st.text(max_size=300), st.sampled_from(["", ".docx", ".pdf", ".xlsx", ".zip"]))
def test_safe_name_always_passes_the_check(title: str, extension: str) -> None:
    """Whatever the title, the proposed name passes check_file_name unchanged."""
    name = safe_file_name(title, extension)
    assert check_file_name(name) == name


@given(st.text(max_size=300))
def test_safe_name_is_idempotent(title: str) -> None:
    """Cleaning an already cleaned name changes nothing."""
    once = safe_file_name(title)
    assert safe_file_name(once) == once
