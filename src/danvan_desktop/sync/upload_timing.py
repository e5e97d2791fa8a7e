"""How long a push upload's requests wait on a slow link: blocks, streams, questions.

Each wait is the bytes at stake at the measured speed, a few round trips and a margin,
never more than the transport's stall timeout (30 s): on a link that goes silent
without a reset a wait is what a cut costs, so none is longer than the bytes need.
"""

from __future__ import annotations

from danvan_desktop.sync.request_guard import AnswerWait
from danvan_desktop.sync.transport import SyncTransport

BLOCK_MARGIN_S = 2.0  # a block's answer: the server's append and fsync, and some luck
BLOCK_TIMEOUT_RTTS = 4.0
# The offset question and complete are small requests: on a silent link they give up
# as a block would (a few round trips and a margin), not after the 30 s stall timeout;
# complete also waits for the server to apply the batch (up to 2,000 operations).
SMALL_REQUEST_BYTES = 1024
COMPLETE_APPLY_S = 8.0
# A streamed PUT's last byte handed over: what may still sit in buffers along the link
# (a proxy's, a radio bearer's queue) besides the laptop's own send buffer.
STREAM_PATH_BYTES = 64 * 1024
STREAM_BUFFER_S = 1.0
MIN_SEND_BUFFER_BYTES = 8 * 1024


def stream_send_buffer_bytes(transport: SyncTransport) -> int:
    """A streamed PUT's kernel send buffer: a second of the link at the measured speed
    (at least 8 KB), so little waits in the laptop's kernel when the body ends."""
    return max(MIN_SEND_BUFFER_BYTES, int(transport.estimator.bytes_per_s * STREAM_BUFFER_S))


def stream_timeout_s(transport: SyncTransport) -> float:
    """How long a streamed PUT may go without handing a byte to the kernel: a block's
    wait for what buffers along the link take in before they let more in (the kernel's
    send buffer, which Linux doubles, and ``STREAM_PATH_BYTES``), so a silent cut
    mid-body is seen within seconds."""
    return block_timeout_s(transport, 2 * stream_send_buffer_bytes(transport) + STREAM_PATH_BYTES)


def stream_answer_wait(transport: SyncTransport) -> AnswerWait:
    """How long a streamed PUT waits for its answer once its last byte is handed over:
    a block's wait for what the link cannot have carried yet at the measured speed (the
    bytes handed, less the speed times the time they took), at most the stall timeout."""
    bytes_per_s = transport.estimator.bytes_per_s

    def wait(sent: int, elapsed_s: float) -> float:
        backlog = max(0, int(sent - bytes_per_s * elapsed_s))
        return block_timeout_s(transport, backlog)

    return wait


def block_timeout_s(transport: SyncTransport, size: int) -> float:
    """How long a block of ``size`` bytes may go without a byte moving: the whole block
    at the measured speed (what is still in buffers when the last byte has been handed
    over drains within that), a few round trips and a margin; at most the stall timeout."""
    estimator = transport.estimator
    wanted = size / estimator.bytes_per_s + BLOCK_TIMEOUT_RTTS * estimator.rtt_s + BLOCK_MARGIN_S
    return min(transport.stall_timeout_s, wanted)


def complete_timeout_s(transport: SyncTransport) -> float:
    """How long ``complete`` may wait without a byte: a small request's time and the
    server's apply of the batch; at most the stall timeout."""
    wanted = block_timeout_s(transport, SMALL_REQUEST_BYTES) + COMPLETE_APPLY_S
    return min(transport.stall_timeout_s, wanted)
