"""The sync page's kept messages are matched only against the entries they can fit, and a
message seen before is not matched again (issue 22: the city reviewer's log holds the
same failure 150 times, and matching each against all 1,800 entries held the DB lane's
interpreter lock ~150 ms while the Đồng bộ page was first shown)."""

from __future__ import annotations

import pytest

from danvan_desktop.ui.sync import wording

SEND = ("Không gửi được {count} thay đổi lên máy chủ.", "Could not send {count} changes.")
ANSWER = ("Máy chủ trả lời mã {code} khi nhận dữ liệu.", "The server answered {code}.")
ANY_START = ("{error} trong lúc nhận dữ liệu từ máy chủ.", "{error} while pulling.")


def test_candidates_are_the_entries_whose_start_fits() -> None:
    """A message is tried against the entries its fixed start fits and those with none."""
    catalogue = wording.Wording([SEND, ANSWER, ANY_START])
    sources = [t.source for t in catalogue.candidates("Không gửi được 3 thay đổi lên máy chủ.")]
    assert any("Không" in s for s in sources)
    assert any("trong" in s for s in sources)
    assert not any("Máy" in s for s in sources)


def test_candidates_keep_the_surest_first() -> None:
    """Candidates come longest literal text first, as the whole catalogue is ordered."""
    catalogue = wording.Wording([SEND, ANSWER, ANY_START])
    literals = [t.literal for t in catalogue.candidates("Không gửi được 3 thay đổi.")]
    assert literals == sorted(literals, reverse=True)


def test_a_message_seen_before_is_not_matched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rewording one message twice matches it against the catalogue once."""
    catalogue = wording.Wording([SEND])
    matched: list[str] = []
    real = wording.Wording._reword

    def counting(self: wording.Wording, text: str, language: str, depth: int) -> str:
        matched.append(text)
        return real(self, text, language, depth)

    monkeypatch.setattr(wording.Wording, "_reword", counting)
    first = catalogue.reword("Could not send 3 changes.", "vi")
    second = catalogue.reword("Could not send 3 changes.", "vi")
    assert first == second == "Không gửi được 3 thay đổi lên máy chủ."
    assert matched == ["Could not send 3 changes.", "3"]


def test_a_message_fitting_no_start_stays_as_it_is() -> None:
    """A message no entry's start fits (an operating system's reason) is left unchanged."""
    catalogue = wording.Wording([SEND, ANSWER])
    assert catalogue.reword("[Errno 28] No space left on device", "en") == (
        "[Errno 28] No space left on device"
    )
