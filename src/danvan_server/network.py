"""The network library on the city's server: cards reviewers share, and their lane.

A reviewer (a commune's or the city's token) shares a recognised model of its scope
as a card; every device below the sharer (and the sharer's superiors) reads it. A
card is updated by sharing it again and withdrawn by a reviewer of its scope; a team
may only ask for its own model's card to be withdrawn (``withdrawal_requests``).

Cards travel in the library lane (``library_page``), a sequence of its own after the
team's records: each change of a card (a withdrawal is a tombstone) takes the lane's
next number. Card writers hold the records' sequence lock (``writing``), so they
commit one after another, in lane order, and a reader never skips a number. Releases
will share this lane later. Thumbnails (at most 8 KB) are made here from the shared
photos when the sharer sent none; the full photos are readable by every device the
card reaches (``card_photo_readable``). A card's contact is the one its model's team
agreed to give, whatever the sharer sent, and it follows the model's later changes
(network_contact.py). The tables are in network_tables.py.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    and_,
    func,
    insert,
    or_,
    select,
    update,
)

from danvan_desktop.core.network import MAX_CARD_PHOTOS
from danvan_desktop.core.network_wire import (
    MAX_THUMBNAIL_BYTES,
    CardFormatError,
    WirePhoto,
    card_from_wire,
    card_to_wire,
    wire_photos,
)
from danvan_server.attachments import AttachmentStore
from danvan_server.auth import Scope
from danvan_server.db import reading, records, writing
from danvan_server.http import ApiError
from danvan_server.messages import say
from danvan_server.network_contact import card_contact, next_lane_seq
from danvan_server.network_tables import network_cards as network_cards
from danvan_server.network_tables import network_photos as network_photos
from danvan_server.network_tables import withdrawal_requests as withdrawal_requests
from danvan_server.records import utc_now

_next_lane_seq = next_lane_seq  # its old name here (bench/network.py, tests read it)
SHAREABLE_STATUSES = ("recognised", "replicated")
THUMBNAIL_PIXELS = 160
ROWS_PER_QUERY = 200


def _refuse(status: int, language: str, text: str, **params: object) -> ApiError:
    return ApiError(status, say(language, text, "server", **params))


def _reviewer_only(scope: Scope, language: str) -> None:
    if scope.role != "reviewer" or scope.unit.level not in ("commune", "city"):
        raise _refuse(
            403,
            language,
            "Chỉ cán bộ xã, phường hoặc thành phố mới chia sẻ, sửa hay gỡ được thẻ trên mạng "
            "lưới; tổ dân vận có thể đề nghị gỡ thẻ của mô hình mình.",
        )


def visible_cards(scope: Scope) -> ColumnElement[bool]:
    """Cards this scope reads: shared by its unit or a unit above it, or below it."""
    return or_(
        network_cards.c.sharer_unit_id.in_([*scope.unit.ancestor_ids, scope.unit.id]),
        network_cards.c.sharer_path.startswith(scope.unit.path, autoescape=True),
    )


def _record(connection: Connection, entity: str, record_id: str, scope: Scope) -> Any:
    return connection.execute(
        select(records.c.fields, records.c.unit_id).where(
            records.c.entity == entity,
            records.c.id == record_id,
            records.c.deleted.is_(False),
            records.c.scope_path.startswith(scope.unit.path, autoescape=True),
        )
    ).first()


def share(
    engine: Engine, files: AttachmentStore, body: dict[str, Any], scope: Scope, language: str
) -> dict[str, Any]:
    """Store a shared (or updated) card; answer ``{"card": wire card, "seq"}``."""
    _reviewer_only(scope, language)
    wire = body.get("card")
    try:
        card = card_from_wire(wire if isinstance(wire, dict) else {})
        photos = wire_photos(wire if isinstance(wire, dict) else {})
    except CardFormatError as exc:
        raise _refuse(
            422, language, "Thẻ gửi lên không đúng định dạng: {detail}", detail=str(exc)
        ) from None
    with writing(engine) as connection:
        model = _record(connection, "model", card.model_uid, scope)
        if model is None:
            raise _refuse(
                403,
                language,
                "Mô hình này không thuộc phạm vi của đơn vị mình nên không chia sẻ được.",
            )
        model_fields = json.loads(model.fields)
        if model_fields.get("status") not in SHAREABLE_STATUSES:
            raise _refuse(
                422,
                language,
                "Chỉ mô hình đã được công nhận mới chia sẻ lên mạng lưới được: hãy công nhận "
                "mô hình trước.",
            )
        held = connection.execute(
            select(network_cards.c.sharer_path).where(network_cards.c.id == card.id)
        ).first()
        if held is not None and not str(held.sharer_path).startswith(scope.unit.path):
            raise _refuse(403, language, "Thẻ này do cấp trên chia sẻ: chỉ cấp đó sửa hay gỡ được.")
        checked = _checked_photos(connection, files, card.model_uid, photos, scope, language)
        now = utc_now()
        out = card_to_wire(card, checked)
        out.update(
            source_unit=str(model.unit_id),
            shared_level=scope.unit.level,
            updated_at=now,
            contact=card_contact(model_fields),  # the team's consent, never the sharer's
        )
        seq = next_lane_seq(connection)
        values = {
            "model_uid": card.model_uid,
            "sharer_unit_id": scope.unit.id,
            "sharer_path": scope.unit.path,
            "lane_seq": seq,
            "deleted": False,
            "card": json.dumps(out, ensure_ascii=False, separators=(",", ":")),
            "updated_at": now,
            "updated_by": scope.device_id,
        }
        if held is None:
            connection.execute(insert(network_cards).values(id=card.id, **values))
        else:
            connection.execute(
                update(network_cards).where(network_cards.c.id == card.id).values(**values)
            )
        connection.execute(network_photos.delete().where(network_photos.c.card_id == card.id))
        for photo in checked:
            connection.execute(
                insert(network_photos).values(
                    card_id=card.id, attachment_id=photo.attachment_id, sha256=photo.sha256
                )
            )
    return {"card": out, "seq": seq}


def _checked_photos(
    connection: Connection,
    files: AttachmentStore,
    model_uid: str,
    photos: tuple[WirePhoto, ...],
    scope: Scope,
    language: str,
) -> tuple[WirePhoto, ...]:
    """The photos as the server knows them: attachments of the model within the scope,
    their file named by the server's record, a thumbnail made when none came."""
    if len(photos) > MAX_CARD_PHOTOS:
        raise _refuse(
            422, language, "Một thẻ có tối đa {count} ảnh: hãy bỏ bớt ảnh.", count=MAX_CARD_PHOTOS
        )
    checked = []
    for photo in photos:
        row = _record(connection, "attachment", photo.attachment_id, scope)
        fields = json.loads(row.fields) if row is not None else {}
        if row is None or fields.get("owner_id") != model_uid:
            raise _refuse(
                422, language, "Ảnh này không thuộc mô hình được chia sẻ: hãy chọn ảnh của mô hình."
            )
        sha = str(fields.get("upload_sha256") or fields.get("sha256") or "")
        thumbnail = photo.thumbnail or make_thumbnail(files.final_path(sha) if sha else None)
        checked.append(WirePhoto(photo.attachment_id, photo.caption, sha or None, thumbnail))
    return tuple(checked)


def make_thumbnail(path: Path | None) -> bytes | None:
    """A JPEG of at most 8 KB from the photo at ``path`` (None when the file is absent)."""
    if path is None or not path.is_file():
        return None
    from PIL import Image

    try:
        with Image.open(path) as opened:
            image = opened.convert("RGB")
            image.thumbnail((THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
            for quality in (70, 55, 40, 25, 10):
                sink = io.BytesIO()
                image.save(sink, "JPEG", quality=quality)
                if sink.tell() <= MAX_THUMBNAIL_BYTES:
                    return sink.getvalue()
                image.thumbnail((image.width * 3 // 4, image.height * 3 // 4))
    except OSError:
        return None
    return None


def withdraw(engine: Engine, card_id: str, scope: Scope, language: str) -> dict[str, Any]:
    """Withdraw a card (a tombstone in the lane): reviewers of the sharer's scope only."""
    _reviewer_only(scope, language)
    with writing(engine) as connection:
        held = connection.execute(
            select(network_cards.c.sharer_path, network_cards.c.deleted).where(
                network_cards.c.id == card_id
            )
        ).first()
        if held is None:
            raise _refuse(404, language, "Không tìm thấy thẻ này trên máy chủ của thành phố.")
        if not str(held.sharer_path).startswith(scope.unit.path):
            raise _refuse(403, language, "Thẻ này do cấp trên chia sẻ: chỉ cấp đó sửa hay gỡ được.")
        if not held.deleted:
            connection.execute(
                update(network_cards)
                .where(network_cards.c.id == card_id)
                .values(
                    deleted=True,
                    card="{}",
                    lane_seq=next_lane_seq(connection),
                    updated_at=utc_now(),
                    updated_by=scope.device_id,
                )
            )
            connection.execute(network_photos.delete().where(network_photos.c.card_id == card_id))
    return {"withdrawn": True}


def request_withdrawal(
    engine: Engine, body: dict[str, Any], scope: Scope, language: str
) -> dict[str, Any]:
    """Keep a team's request that its own model's card be withdrawn."""
    model_uid = body.get("model_uid")
    if not isinstance(model_uid, str) or not model_uid:
        raise _refuse(422, language, "«model_uid» phải là mã của mô hình.")
    with writing(engine, sequenced=False) as connection:
        model = _record(connection, "model", model_uid, scope)
        if model is None or (scope.role == "team" and model.unit_id != scope.unit.id):
            raise _refuse(
                403, language, "Chỉ đề nghị gỡ được thẻ của mô hình do tổ mình thực hiện."
            )
        connection.execute(
            withdrawal_requests.delete().where(withdrawal_requests.c.model_uid == model_uid)
        )
        connection.execute(
            insert(withdrawal_requests).values(
                model_uid=model_uid,
                unit_id=str(model.unit_id),
                device_id=scope.device_id,
                requested_at=str(body.get("requested_at") or utc_now())[:40],
            )
        )
    return {"requested": True}


def library_rows(connection: Connection, scope: Scope, since: int, limit: int) -> list[Any]:
    """The lane's changes this scope sees after ``since``, oldest first."""
    return list(
        connection.execute(
            select(
                network_cards.c.id,
                network_cards.c.lane_seq,
                network_cards.c.deleted,
                network_cards.c.card,
                network_cards.c.sharer_unit_id,
            )
            .where(network_cards.c.lane_seq > since, visible_cards(scope))
            .order_by(network_cards.c.lane_seq)
            .limit(limit)
        ).all()
    )


def _item_json(row: Any) -> str:
    head = f'{{"id":{json.dumps(row.id)},"seq":{int(row.lane_seq)},'
    if row.deleted:
        return head + '"deleted":true}'
    return (
        head + f'"deleted":false,"sharer_unit":{json.dumps(row.sharer_unit_id)},"card":{row.card}}}'
    )


def library_page(engine: Engine, scope: Scope, since: int, max_bytes: int) -> bytes:
    """One page of the library lane: ``{"items", "next", "more", "high_seq"}``."""
    high, parts, next_seq, more = _library_items(engine, scope, since, max_bytes)
    head = f'{{"high_seq":{high},"more":{"true" if more else "false"},"next":{next_seq},"items":['
    return (head + ",".join(parts) + "]}").encode()


def library_lines(engine: Engine, scope: Scope, since: int, max_bytes: int) -> bytes:
    """The same page as lines (protocol 3, ``format=lines``): ``{"high_seq"}``, then one
    item per line in lane order, then ``{"next", "more"}``. A laptop whose link drops
    mid-page keeps every complete item line it received (its checkpoint moves to the
    last one's ``seq``) and asks again from there, instead of for the whole page."""
    high, parts, next_seq, more = _library_items(engine, scope, since, max_bytes)
    tail = f'{{"next":{next_seq},"more":{"true" if more else "false"}}}'
    return "\n".join([f'{{"high_seq":{high}}}', *parts, tail, ""]).encode()


def _library_items(
    engine: Engine, scope: Scope, since: int, max_bytes: int
) -> tuple[int, list[str], int, bool]:
    """(high_seq, the page's items as JSON, next checkpoint, more to come)."""
    with reading(engine) as connection:
        high = int(
            connection.execute(
                select(func.coalesce(func.max(network_cards.c.lane_seq), 0))
            ).scalar_one()
        )
        parts: list[str] = []
        size, last, more, cursor = 100, since, False, since
        while not more:
            rows = library_rows(connection, scope, cursor, ROWS_PER_QUERY)
            for row in rows:
                piece = _item_json(row)
                if parts and size + len(piece.encode()) + 1 > max_bytes:
                    more = True
                    break
                parts.append(piece)
                size += len(piece.encode()) + 1
                last = int(row.lane_seq)
            if len(rows) < ROWS_PER_QUERY:
                break
            cursor = int(rows[-1].lane_seq)
    next_seq = last if more else max(since, high)
    return high, parts, next_seq, more


def card_photo_readable(engine: Engine, sha256: str, scope: Scope) -> bool:
    """Whether a live card this scope reads has a photo with this file."""
    with reading(engine) as connection:
        row = connection.execute(
            select(network_photos.c.card_id)
            .join(network_cards, network_cards.c.id == network_photos.c.card_id)
            .where(
                and_(
                    network_photos.c.sha256 == sha256,
                    network_cards.c.deleted.is_(False),
                    visible_cards(scope),
                )
            )
            .limit(1)
        ).first()
    return row is not None
