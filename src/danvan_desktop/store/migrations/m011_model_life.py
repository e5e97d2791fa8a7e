"""Step m011's data: an earlier release's models brought into the whole life cycle.

Frozen at its release; never edit. Nothing is lost:

- a model whose status is «replicated» (no longer a status: replication is a link)
  becomes «recognised», and a status history entry says it was «Được nhân rộng» in the
  earlier release;
- a model's ``recognition_level`` / ``recognised_on`` (kept as they were) become a
  recognition entry, the level read from the old free text and the text kept in its
  note;
- operations still waiting in the outbox that carry «replicated» carry «recognised».

The new rows have ids made from the model's (``<model id>:m011-…``), so the step makes
the same rows on every laptop. They stay on this laptop (no outbox operation): a team
may not send a recognition, and the server reads its «replicated» as «recognised».
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from danvan_desktop.core.vntext import fold_vietnamese

if TYPE_CHECKING:
    from sqlite_utils import Database

LEGACY = "replicated"
NOTE_SUFFIX = ":m011-replicated"
RECOGNITION_SUFFIX = ":m011-recognition"
REPLICATED_NOTE = (
    "Phiên bản trước ghi mô hình ở trạng thái «Được nhân rộng». Nay «Được nhân rộng» được "
    "tính từ các nơi học tập, nhân rộng mô hình, nên mô hình chuyển về «Được công nhận "
    "tiêu biểu»."
)
MIGRATED_BY = "m011"
_CITY_WORDS = ("thanh pho", "tinh", "trung uong")


def recognition_level(old_text: str | None) -> str:
    """The level code an earlier release's free-text level stands for (commune unless it
    names the city, the province or the centre)."""
    folded = fold_vietnamese(old_text or "")
    return "city" if any(word in folded for word in _CITY_WORDS) else "commune"


def _recognition_note(old_text: str | None) -> str:
    if old_text:
        return f"Chuyển từ phiên bản trước (cấp công nhận ghi: «{old_text}»)."
    return "Chuyển từ phiên bản trước."


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def convert(db: Database) -> None:
    """Rewrite «replicated» models and turn old recognition fields into entries."""
    now = _now()
    models = db.execute(
        "SELECT id, unit_id, status, recognition_level, recognised_on, updated_at FROM model"
    ).fetchall()
    for model_id, unit_id, status, level, recognised_on, updated_at in models:
        if level or recognised_on:
            _insert(
                db,
                "model_recognition",
                {
                    "id": f"{model_id}{RECOGNITION_SUFFIX}",
                    "unit_id": unit_id,
                    "model_id": model_id,
                    "level": recognition_level(level),
                    "decision_number": None,
                    "decided_on": recognised_on,
                    "reviewer_unit": None,
                    "note": _recognition_note(level),
                    "updated_at": now,
                    "updated_by": MIGRATED_BY,
                },
            )
        if status == LEGACY:
            db.execute("UPDATE [model] SET status = 'recognised' WHERE id = ?", [model_id])
            _insert(
                db,
                "model_status_change",
                {
                    "id": f"{model_id}{NOTE_SUFFIX}",
                    "unit_id": unit_id,
                    "model_id": model_id,
                    "from_status": LEGACY,
                    "to_status": "recognised",
                    "reason": REPLICATED_NOTE,
                    "by_role": "reviewer",
                    "by_unit": None,
                    "changed_on": str(updated_at or now)[:10],
                    "updated_at": now,
                    "updated_by": MIGRATED_BY,
                },
            )
    _rewrite_outbox(db)


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    names = ", ".join(f"[{name}]" for name in row)
    db.execute(
        f"INSERT OR IGNORE INTO [{table}] ({names}, dirty, deleted) "
        f"VALUES ({', '.join('?' * len(row))}, 0, 0)",
        list(row.values()),
    )


def _rewrite_outbox(db: Database) -> None:
    """Pending operations that would send «replicated» send «recognised»."""
    pending = db.execute(
        "SELECT seq, fields FROM outbox WHERE entity = 'model' AND state IN ('pending', 'sending')"
    ).fetchall()
    for seq, text in pending:
        fields = json.loads(text)
        if fields.get("status") == LEGACY:
            fields["status"] = "recognised"
            db.execute(
                "UPDATE outbox SET fields = ? WHERE seq = ?",
                [
                    json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                    seq,
                ],
            )
