"""Cards for bench/network.py: realistic text drawn from the handbook, thumbnails of 8 KB."""

from __future__ import annotations

import base64
import random
import re
from typing import Any

from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.paths import resources_dir

THUMBNAIL_BYTES = 8 * 1024
FIELDS = ("Kinh tế", "Văn hóa - xã hội", "Môi trường", "Quốc phòng - an ninh", "Xây dựng Đảng")
COMMUNES = ((19768, "Phường Phú Xuân"), (19774, "Phường Thuận Hóa"), (19777, "Phường Vỹ Dạ"))
ITEMS = (
    "Thực trạng",
    "Mục tiêu",
    "Nội dung và cách làm",
    "Phạm vi",
    "Lực lượng",
    "Nguồn lực",
    "Thời gian",
    "Sản phẩm",
    "Tính bền vững",
)


def handbook_sentences() -> list[str]:
    """Every sentence of the handbook's topics (the realistic text of the cards)."""
    folder = resources_dir() / "handbook"
    sentences: list[str] = []
    for path in sorted(folder.glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("#", "|", "-", ">")):
                sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", line) if len(s) > 20]
    return sentences


def wire_card(rng: random.Random, sentences: list[str], number: int, thumb: bool) -> dict[str, Any]:
    """A wire card of realistic text; an 8 KB thumbnail when ``thumb``."""
    commune_code, commune_name = rng.choice(COMMUNES)
    name = " ".join(rng.sample(sentences, 1)[0].split()[:7]).rstrip(".,:;")
    picked = rng.sample(sentences, len(ITEMS) + 2)
    thumbnail = b"\xff\xd8" + rng.randbytes(THUMBNAIL_BYTES - 2) if thumb else None
    photos: list[dict[str, Any]] = [
        {"attachment_id": uuid7(), "caption": "", "sha256": rng.randbytes(32).hex()}
    ]
    photos[0]["thumbnail"] = None
    wire = {
        "id": uuid7(),
        "model_uid": uuid7(),
        "source_unit": uuid7(),
        "name": f"{name} ({number})",
        "field_name": rng.choice(FIELDS),
        "commune_code": commune_code,
        "commune_name": commune_name,
        "village_name": f"Tổ dân phố {rng.randint(1, 30)}",
        "summary": [[label, text] for label, text in zip(ITEMS, picked, strict=False)],
        "results": " ".join(picked[-2:]),
        "indicators": [["Hộ tham gia", f"{rng.randint(20, 400)} hộ"]],
        "recognitions": [
            {
                "level": "commune",
                "decision_no": f"{rng.randint(1, 999)}/QĐ-UBND",
                "decided_on": f"{rng.randint(2019, 2025)}-06-01",
            }
        ],
        "year": rng.randint(2019, 2025),
        "shared_level": "city",
        "shared_on": "2025-06-01",
        "updated_at": "2025-06-01T00:00:00+00:00",
        "contact": None,
        "photos": photos,
    }
    if thumbnail is not None:
        photos[0]["thumbnail"] = base64.b64encode(thumbnail).decode()
    return wire


def cards(count: int, thumbnails: int, seed: int = 2026) -> list[dict[str, Any]]:
    """``count`` wire cards, oldest first; the newest ``thumbnails`` with a thumbnail."""
    rng, sentences = random.Random(seed), handbook_sentences()
    return [wire_card(rng, sentences, n, n >= count - thumbnails) for n in range(count)]
