"""The model regulation shipped with the app: a reference draft that says so, with its
legal basis, the team's term, funding, commendation, discipline, coordination and the
party cell's approval."""

from __future__ import annotations

import datetime as dt
import re

from danvan_desktop.core.community_schema import DEFAULT_PETITION_ANSWER_DAYS
from danvan_desktop.session import Session
from danvan_desktop.store.regulation import read_model_text

MARCH_1 = dt.date(2026, 3, 1)


def _text(session: Session, **settings: object) -> str:
    return str(session.regulation_model_text(today=MARCH_1, **settings))


def test_model_says_it_is_a_reference_draft(session: Session) -> None:
    """The text opens with a note: a reference until the city issues its own model."""
    first = _text(session).splitlines()[0]
    assert first.startswith("*(Bản tham khảo: quy chế mẫu này do ứng dụng cung cấp")
    assert "cho đến khi thành phố ban hành quy chế mẫu chính thức" in first
    assert "xóa đoạn ghi chú này trước khi trình chi bộ thông qua" in first


def test_model_cites_its_legal_basis(session: Session) -> None:
    """Article 2 names Hướng dẫn 80-HD/BDVTW with its date and issuer."""
    assert (
        "Tổ dân vận tổ dân phố 5 do Đảng ủy phường Phú Xuân quyết định thành lập, hoạt động "
        "theo Hướng dẫn số 80-HD/BDVTW ngày 28/02/2012 của Ban Dân vận Trung ương"
    ) in _text(session)


def test_model_has_every_article(session: Session) -> None:
    """Chapters and articles: term, petitions, funding, commendation and discipline included."""
    headings = [line for line in _text(session).splitlines() if line.startswith("#")]
    assert headings == [
        "## Chương I. QUY ĐỊNH CHUNG",
        "### Điều 1. Phạm vi áp dụng",
        "### Điều 2. Vị trí của tổ",
        "### Điều 3. Nguyên tắc làm việc",
        "## Chương II. THÀNH PHẦN, NHIỆM KỲ VÀ NHIỆM VỤ",
        "### Điều 4. Thành phần",
        "### Điều 5. Nhiệm kỳ",
        "### Điều 6. Nhiệm vụ của tổ",
        "### Điều 7. Nhiệm vụ của tổ trưởng, tổ phó và tổ viên",
        "## Chương III. CHẾ ĐỘ LÀM VIỆC",
        "### Điều 8. Chế độ họp",
        "### Điều 9. Chế độ báo cáo",
        "### Điều 10. Tiếp nhận và theo dõi kiến nghị, phản ánh",
        "### Điều 11. Quan hệ công tác",
        "## Chương IV. KINH PHÍ, KHEN THƯỞNG VÀ KỶ LUẬT",
        "### Điều 12. Kinh phí hoạt động",
        "### Điều 13. Khen thưởng",
        "### Điều 14. Kỷ luật",
        "## Chương V. TỔ CHỨC THỰC HIỆN",
        "### Điều 15. Hiệu lực thi hành",
    ]


def test_model_coordinates_with_mediation_and_security_groups(session: Session) -> None:
    """Article 11 has a line for the mediation group and one for the security group."""
    article = _text(session).split("### Điều 11.", 1)[1].split("## Chương IV", 1)[0]
    starts = [line.split(":", 1)[0] for line in article.splitlines() if line.startswith("- ")]
    assert starts == [
        "- Với chi bộ",
        "- Với Ban công tác Mặt trận và các chi hội",
        "- Với tổ hòa giải",
        "- Với Tổ bảo vệ an ninh, trật tự ở cơ sở",
        "- Với cán bộ, công chức cấp xã phụ trách địa bàn",
    ]


def test_party_cell_approves_the_regulation(session: Session) -> None:
    """The last article says the party cell adopted it, on the day set in the form."""
    text = _text(session, adopted_on="2026-01-05")
    assert (
        "Quy chế này đã được tập thể Tổ dân vận tổ dân phố 5 thảo luận, thống nhất và được "
        "Chi bộ tổ dân phố 5 thông qua ngày 05/01/2026; có hiệu lực từ ngày thông qua."
    ) in text


def test_model_speaks_of_nhan_dan() -> None:
    """The model says «Nhân dân» where it said «bà con»."""
    text = read_model_text()
    assert "bà con" not in text.lower()
    assert len(re.findall(r"\bNhân dân\b", text)) >= 10


def test_model_sets_the_petition_answer_period() -> None:
    """Article 10 gives 30 days from passing a petition on, the app's default period."""
    assert DEFAULT_PETITION_ANSWER_DAYS == 30
    assert "Quá 30 ngày kể từ ngày chuyển mà chưa có trả lời" in read_model_text()
