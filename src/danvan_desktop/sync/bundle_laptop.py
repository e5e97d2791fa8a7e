"""USB bundles on the laptop: make one for the server, apply the server's reply.

A bundle to the server holds every operation the server has not acknowledged yet
(pending or already sent) and the files it may lack: bundles are cumulative, so
the newest one alone brings the server up to date, and importing an older one
after it changes nothing (the server answers ``duplicate``). Operations put in a
bundle are frozen (``sending``): a later edit gets an operation of its own, so the
same ``op_id`` never carries two different contents.

The server's reply carries the results of those operations, the changes in the
team's scope since the checkpoint the bundle reported, and the files it now holds.
Applying it settles the outbox, applies only changes newer than what the laptop
holds, and moves the checkpoint only when no gap is left: replies can arrive in
any order, twice, or after an online sync, and nothing goes backwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.ids import uuid7
from danvan_desktop.core.schema import ENTITIES
from danvan_desktop.core.vntext import fold_vietnamese
from danvan_desktop.store import network as network_store
from danvan_desktop.store import outbox, setup_merge, sync_apply
from danvan_desktop.store.attachments import blob_path
from danvan_desktop.store.database import utc_now
from danvan_desktop.store.migrations import schema_version
from danvan_desktop.store.records import Records
from danvan_desktop.sync import attachments, bundle_library, protocol
from danvan_desktop.sync import bundle_format as fmt
from danvan_desktop.sync.bundle_format import BundleError
from danvan_desktop.sync.engine import TOKEN_KEY, UNIT_KEY
from danvan_desktop.sync.transport import SyncTransport

PRIVATE_KEY = "bundle_private_key"
SERVER_KEY = "bundle_server_key"
REGISTERED_KEY = "bundle_key_registered"  # the public key the server has for this laptop
DEVICE_KEY_PATH = f"{protocol.API_PREFIX}/device-key"
FILES_PER_BUNDLE = fmt.MAX_MEMBERS - 3  # the manifest, its signature and the operations
FILE_BYTES_PER_BUNDLE = fmt.MAX_BUNDLE_BYTES - 512 * 1024**2  # room for the operations


@dataclass(frozen=True)
class MadeBundle:
    """A bundle ready to be written: its bytes, a file name and what it carries."""

    data: bytes
    file_name: str
    bundle_id: str
    operations: int
    files: int


@dataclass(frozen=True)
class AppliedReply:
    """What applying a reply did."""

    bundle_id: str
    settled: int  # operations the server acknowledged that were still waiting here
    rejected: int
    changes: int  # records applied (newer than the laptop's)
    files_confirmed: int
    checkpoint_moved: bool
    deferred: int = 0  # records left for a later sync: sent here, answer still unknown
    cards: int = 0  # network library cards written or removed
    card_messages: tuple[str, ...] = ()  # the server's refusals of this laptop's card changes
    joined_team: str | None = None  # the unit's team this laptop moved onto (setup_merge)

    def joined_note(self) -> str | None:
        """A line for the user when this laptop joined the unit's team, else None."""
        if not self.joined_team:
            return None
        return tr(
            "bundle",
            "Máy đã nhập vào tổ dân vận có sẵn của thôn/tổ trên máy chủ của thành phố: thành "
            "viên và cuộc họp nhập trên máy này đã chuyển sang tổ đó và sẽ được gửi lại trong "
            "gói đồng bộ hoặc lần đồng bộ sau; tổ trưởng và quy chế là của tổ có sẵn.",
        )

    def deferred_note(self) -> str | None:
        """A line for the user when the reply left records for a later sync, else None."""
        if not self.deferred:
            return None
        return tr(
            "bundle",
            "{count} bản ghi chưa được cập nhật theo gói này vì máy đã gửi thay đổi của chúng "
            "mà chưa nhận được xác nhận; lần đồng bộ hoặc gói trả lời sau sẽ cập nhật.",
            count=self.deferred,
        )


# -- keys ------------------------------------------------------------------------------
def device_public_key(records: Records) -> str:
    """This laptop's public key (its key pair is made on first use and kept in the store)."""
    store = records.store
    private = store.meta(PRIVATE_KEY)
    if private is None:
        private = fmt.new_private_key()
        store.set_meta(PRIVATE_KEY, private)
    return fmt.public_key_of(private)


def register_key(records: Records, transport: SyncTransport) -> bool:
    """Give the server this laptop's public key and pin the server's (once per key);
    True when a request was made."""
    public = device_public_key(records)
    store = records.store
    if store.meta(REGISTERED_KEY) == public and store.meta(SERVER_KEY):
        return False
    answer = transport.post_json(DEVICE_KEY_PATH, {"public_key": public}).json()
    server_key = answer.get("server_key")
    if not fmt.is_public_key(server_key):
        raise BundleError(tr("bundle", "Máy chủ trả lời không có khóa ký hợp lệ."))
    with records.db.atomic():
        store.set_meta(SERVER_KEY, str(server_key))
        store.set_meta(REGISTERED_KEY, public)
    return True


# -- to the server ---------------------------------------------------------------------
def make_bundle(records: Records, *, passphrase: str | None = None) -> MadeBundle:
    """A signed bundle of everything the server has not acknowledged (see module doc)."""
    store = records.store
    if not store.meta(TOKEN_KEY):
        raise BundleError(
            tr(
                "bundle",
                "Máy chưa đăng ký với máy chủ của thành phố nên chưa làm được gói đồng bộ: hãy "
                "đăng ký "
                "máy ở trang Đồng bộ một lần, ở nơi có mạng (ví dụ tại xã).",
            )
        )
    public = device_public_key(records)
    if store.meta(REGISTERED_KEY) != public:
        raise BundleError(
            tr(
                "bundle",
                "Máy chủ của thành phố chưa có khóa ký của máy này: hãy đồng bộ qua mạng một lần "
                "(khóa "
                "được gửi tự động), sau đó gói USB mới dùng được.",
            )
        )
    attachments.prepare_uploads(records)
    with records.db.atomic():
        ops = outbox.operations(records.db)
        outbox.mark_sending(records.db, [op.op_id for op in ops])
        files = _files_to_send(records)
        checkpoint = sync_apply.checkpoint(records)
        cards = bundle_library.network_part(records.db)
        library_checkpoint = network_store.checkpoint(records.db)
    bundle_id = uuid7()
    payload: dict[str, object] = {"ops": [op.envelope() for op in ops]}
    if cards:
        payload["network"] = cards  # signed with the operations
    packed, unpacked = fmt.gzip_json(payload)
    members = {fmt.OPS_MEMBER: packed}
    for sha in files:
        members[fmt.FILES_PREFIX + sha] = blob_path(store, sha).read_bytes()
    manifest = {
        "bundle_id": bundle_id,
        "direction": fmt.TO_SERVER,
        "device_id": store.device_id,
        "unit_id": store.meta(UNIT_KEY),
        "epoch": store.meta(sync_apply.EPOCH_KEY),
        "checkpoint": checkpoint,
        "library_checkpoint": library_checkpoint,
        "created_at": utc_now(),
        "protocol": protocol.PROTOCOL_VERSION,
        "schema_version": schema_version(),
        "operations": len(ops),
        "files": len(files),
    }
    private = store.meta(PRIVATE_KEY)
    assert private is not None  # made by device_public_key above
    data = fmt.seal(
        manifest,
        members,
        private_key=private,
        passphrase=passphrase,
        unpacked={fmt.OPS_MEMBER: unpacked},
    )
    return MadeBundle(data, _file_name(records, bundle_id), bundle_id, len(ops), len(files))


def _files_to_send(records: Records) -> list[str]:
    """Files named by live attachments that the server has not confirmed, held here, as
    many as one bundle may carry (``FILES_PER_BUNDLE``, ``FILE_BYTES_PER_BUNDLE``): the
    rest go in a bundle made after the reply has confirmed these."""
    rows = records.db.query(
        "SELECT DISTINCT b.sha256 FROM attachment a "
        "JOIN attachment_blob b ON b.sha256 = coalesce(a.upload_sha256, a.sha256) "
        "WHERE a.deleted = 0 AND b.uploaded = 0 ORDER BY b.sha256"
    )
    chosen: list[str] = []
    total = 0
    for row in rows:
        path = blob_path(records.store, row["sha256"])
        if not path.is_file():
            continue
        size = path.stat().st_size
        if len(chosen) == FILES_PER_BUNDLE or total + size > FILE_BYTES_PER_BUNDLE:
            break
        chosen.append(row["sha256"])
        total += size
    return chosen


def _file_name(records: Records, bundle_id: str) -> str:
    """``dongbo-<team>-<YYYYMMDD-HHMM>-<id>.dvbundle``: plain ASCII for any stick."""
    row = records.db.execute("SELECT name FROM team WHERE deleted = 0 LIMIT 1").fetchone()
    words = fold_vietnamese(str(row[0]) if row else "").split()
    team = "-".join("".join(ch for ch in w if ch.isalnum()) for w in words)[:40].strip("-")
    stamp = utc_now()[:16].replace("-", "").replace(":", "").replace("T", "-")
    return f"dongbo-{team or 'to-dan-van'}-{stamp}-{bundle_id[-6:]}{fmt.SUFFIX}"


# -- from the server -------------------------------------------------------------------
def apply_reply(records: Records, data: bytes, *, passphrase: str | None = None) -> AppliedReply:
    """Check and apply the server's reply bundle, all in one transaction."""
    bundle = fmt.read(data)
    store = records.store
    _check_reply(records, bundle)
    reply = bundle.json_member(fmt.REPLY_MEMBER, passphrase)
    try:
        results = [dict(r) for r in reply["results"]]
        changes: list[Mapping[str, Any]] = [dict(c) for c in reply["changes"]]
        since, next_seq = int(reply["since"]), int(reply["next"])
        stored_files = [str(s) for s in reply.get("files_stored", [])]
    except (KeyError, TypeError, ValueError):
        raise BundleError(
            tr("bundle", "Gói trả lời thiếu phần kết quả: hãy xin máy chủ làm lại gói.")
        ) from None
    settled = rejected = 0
    with records.db.atomic():
        waiting = {op.op_id: op for op in outbox.operations(records.db)}
        answered = [r for r in results if str(r.get("op_id")) in waiting]
        # This laptop's own new team lost the race to the unit's: it joins that team, and
        # its refused operations go again, onto it (store/setup_merge.py).
        joining = setup_merge.joinable_team(records, map(protocol.setup_race_team, answered))
        again = {str(r["op_id"]) for r in answered if joining and protocol.setup_race_team(r)}
        for result in results:
            op = waiting.get(str(result.get("op_id")))
            if op is None or op.op_id in again:
                continue  # settled already (an online sync, or this reply applied twice)
            status = str(result.get("status"))  # applied, duplicate, conflict or rejected
            sync_apply.settle_result(
                records,
                op,
                status=status,
                server_version=result.get("server_version"),
                message=result.get("message"),
            )
            rejected += status == protocol.REJECTED
            settled += status != protocol.REJECTED
        if joining:
            setup_merge.join_server_team(records, joining, again)
        checkpoint = sync_apply.checkpoint(records)
        fresh = [c for c in changes if _newer_here(records, c, checkpoint)]
        unsure = _unanswered(records)
        deferred = [c for c in fresh if (c["entity"], c["record_id"]) in unsure]
        fresh = [c for c in fresh if (c["entity"], c["record_id"]) not in unsure]
        sync_apply.apply_changes(records, fresh)
        setup_merge.take_server_leader(records)
        moved = since <= checkpoint < next_seq and not deferred
        if moved:
            store.set_meta(sync_apply.CHECKPOINT_KEY, str(next_seq))
        for sha in stored_files:
            records.db.execute("UPDATE attachment_blob SET uploaded = 1 WHERE sha256 = ?", [sha])
        try:
            library = bundle_library.apply_network(records.db, reply)
        except ValueError:
            raise BundleError(
                tr("bundle", "Gói trả lời có bản ghi hỏng: hãy xin máy chủ làm lại gói.")
            ) from None
    return AppliedReply(
        str(bundle.manifest["bundle_id"]),
        settled,
        rejected,
        len(fresh),
        len(stored_files),
        moved,
        len(deferred),
        library.cards,
        library.messages,
        joining,
    )


def _unanswered(records: Records) -> set[tuple[str, str]]:
    """Records with an operation already sent (online or in a bundle) whose answer this
    reply does not carry. The server may or may not have applied it, so a change in the
    reply cannot be merged with it: a delete made on the server after our edit had
    arrived would look like a delete that raced the edit, and "an edit beats a delete"
    would keep a record the server has deleted. Such changes wait for the next sync or
    reply, which settles the operation first; the checkpoint stays where it is."""
    return {
        (op.entity, op.record_id) for op in outbox.operations(records.db, states=(outbox.SENDING,))
    }


def _check_reply(records: Records, bundle: fmt.Bundle) -> None:
    store = records.store
    if bundle.direction != fmt.TO_DEVICE:
        raise BundleError(
            tr(
                "bundle",
                "Đây là gói gửi lên máy chủ, không phải gói trả lời: hãy mang nó đến máy chủ "
                "của thành phố (lệnh danvan-server import-bundle).",
            )
        )
    if bundle.manifest.get("device_id") != store.device_id:
        raise BundleError(
            tr(
                "bundle",
                "Gói trả lời này dành cho một máy khác: hãy nhập gói mang đúng tên máy này.",
            )
        )
    server_key = store.meta(SERVER_KEY)
    if not server_key:
        raise BundleError(
            tr(
                "bundle",
                "Máy chưa có khóa của máy chủ của thành phố để kiểm tra gói: hãy đồng bộ qua mạng "
                "một "
                "lần rồi nhập lại gói.",
            )
        )
    bundle.verify(server_key)
    epoch = bundle.manifest.get("epoch")
    if not isinstance(epoch, str) or not epoch:
        raise BundleError(
            tr(
                "bundle",
                "Bản kê của gói trả lời thiếu mã máy chủ (epoch) nên không biết gói đến từ máy "
                "chủ nào: gói bị từ chối; hãy xin máy chủ của thành phố làm lại gói.",
            )
        )
    known_epoch = store.meta(sync_apply.EPOCH_KEY)
    if known_epoch and epoch != known_epoch:
        raise BundleError(
            tr(
                "bundle",
                "Gói trả lời đến từ một máy chủ khác (hoặc máy chủ đã được cài lại): hãy đồng "
                "bộ qua mạng hoặc xin gói mới.",
            )
        )


def _newer_here(records: Records, change: Mapping[str, Any], checkpoint: int) -> bool:
    """Whether a change in a reply is newer than what the laptop holds."""
    try:
        version = int(change["server_version"])
        entity, record_id = str(change["entity"]), str(change["record_id"])
    except (KeyError, TypeError, ValueError):
        raise BundleError(
            tr("bundle", "Gói trả lời có bản ghi hỏng: hãy xin máy chủ làm lại gói.")
        ) from None
    if version <= checkpoint:
        return False
    spec = ENTITIES.get(entity)
    table = spec.table if spec else ("conflict" if entity == "conflict" else None)
    if table is None:
        return True  # an entity from a newer schema: apply_changes counts it as skipped
    row = records.db.execute(
        f"SELECT server_version FROM [{table}] WHERE id = ?", [record_id]
    ).fetchone()
    return row is None or row[0] is None or int(row[0]) <= version
