"""Fuzz the city server's HTTP API from its own OpenAPI schema (schemathesis).

    schema = load_schema(client)                     # the server's /openapi.json
    tally = fuzz(schema, client, examples=20)        # no token: what anyone may send
    tally = fuzz(schema, client, examples=20, device=Device(token, device_id, unit_id),
                 known_sha=sha)                      # an enrolled laptop's token
    assert tally.failures == []

Every operation of the schema is fuzzed with positive data (what the schema allows)
and negative data (what it forbids), ``examples`` Hypothesis cases each; with a
``device`` the cases carry its token, a push names its device and unit (so the
operations reach the merge), and the attachment paths are fuzzed once more with
``known_sha``, a file the device uploaded (so Range downloads and offsets are
reached). Each answer is checked by schemathesis: no 5xx, a documented status, the
documented content type, headers and body shape. ``client`` is an ``httpx.Client``:
the app in-process (``fastapi.testclient.TestClient``, whose unhandled exceptions
are raised here) or the real server on loopback. Cases are sent exactly as
generated: header values outside ASCII go as UTF-8 bytes; a request the client
library itself refuses to send (a newline in a header) is counted as unsendable.
Hypothesis runs with the fixed ``api-fuzz`` profile (derandomized, no deadline, no
example database), or from ``seed``, so a run can be repeated.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, Case, GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Err

Operation = APIOperation[Any, Any, Any, Any]
AnyCase = Case[Operation]
PROFILE = "api-fuzz"
settings.register_profile(
    PROFILE,
    derandomize=True,  # the same cases on every run: CI is reproducible
    deadline=None,  # the first request of an operation may open a connection
    database=None,  # nothing remembered between runs: the run is the run
    phases=[Phase.generate],  # every failure is collected, none is shrunk
    suppress_health_check=list(HealthCheck),
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# What the client library refuses to send; anything else raised while sending (a
# dropped connection, an exception out of the in-process app) is the server's fault.
CLIENT_REFUSALS = (httpx.LocalProtocolError, httpx.InvalidURL, httpx.UnsupportedProtocol)
MAX_REPORTED = 20  # failures described in full; the rest are counted


@dataclass(frozen=True)
class Device:
    """An enrolled laptop: its token, id and unit."""

    token: str
    device_id: str
    unit_id: str


@dataclass
class Tally:
    """What one fuzz run sent and got back."""

    cases: Counter[str] = field(default_factory=Counter)  # operation label -> cases sent
    statuses: dict[str, Counter[int]] = field(default_factory=dict)  # label -> status counts
    unsendable: int = 0
    server_errors: int = 0  # 5xx answers and exceptions out of the server
    failures: list[str] = field(default_factory=list)  # the first MAX_REPORTED, described
    failed: int = 0  # cases with any failure

    @property
    def total(self) -> int:
        """Cases sent."""
        return sum(self.cases.values())

    def record(self, label: str, status: int) -> None:
        """Count one answer."""
        self.cases[label] += 1
        self.statuses.setdefault(label, Counter())[status] += 1

    def fail(self, description: str, *, server_error: bool) -> None:
        """Count one failed case (described while fewer than MAX_REPORTED are)."""
        self.failed += 1
        self.server_errors += server_error
        if len(self.failures) < MAX_REPORTED:
            self.failures.append(description)

    def report(self) -> str:
        """The failures, for an assertion message."""
        more = self.failed - len(self.failures)
        tail = [f"... and {more} more failed cases"] if more > 0 else []
        return "\n\n".join([*self.failures, *tail])


def load_schema(client: httpx.Client) -> schemathesis.BaseSchema:
    """The server's own /openapi.json, loaded by schemathesis."""
    answer = client.get("/openapi.json")
    answer.raise_for_status()
    return schemathesis.openapi.from_dict(answer.json())


def operations(schema: schemathesis.BaseSchema) -> list[Operation]:
    """Every operation of the schema (AssertionError when schemathesis cannot use one)."""
    found = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise AssertionError(f"schemathesis cannot use an operation: {result.err()}")
        found.append(result.ok())
    return found


def operation_labels(schema: schemathesis.BaseSchema) -> set[str]:
    """Every operation of the schema, as "METHOD /path"."""
    return {operation.label for operation in operations(schema)}


def secured_labels(schema: schemathesis.BaseSchema) -> set[str]:
    """The operations that need a device token."""
    return {op.label for op in operations(schema) if op.definition.raw.get("security")}


def fuzz(
    schema: schemathesis.BaseSchema,
    client: httpx.Client,
    *,
    examples: int,
    device: Device | None = None,
    known_sha: str | None = None,
    seed: int | None = None,
) -> Tally:
    """Fuzz every operation of ``schema`` through ``client``; what it sent and got."""
    tally = Tally()
    headers = {"Authorization": f"Bearer {device.token}"} if device else None
    for operation in operations(schema):
        variants: list[dict[str, Any]] = [{}]
        if known_sha and "{sha256}" in operation.path:
            variants.append({"path_parameters": {"sha256": known_sha}})
        for variant in variants:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                strategy = operation.as_strategy(generation_mode=mode, headers=headers, **variant)
                if device is not None and mode is GenerationMode.POSITIVE:
                    strategy = strategy.map(lambda case: _as_device(case, device))
                _run(strategy, examples, seed, lambda case: _send(client, case, tally))
    return tally


def _run(
    strategy: st.SearchStrategy[AnyCase],
    examples: int,
    seed: int | None,
    send: Callable[[AnyCase], None],
) -> None:
    @settings(settings.get_profile(PROFILE), max_examples=examples, derandomize=seed is None)
    @given(strategy)
    def run(case: AnyCase) -> None:
        send(case)

    if seed is not None:
        run = hypothesis_seed(seed)(run)
    with contextlib.suppress(Unsatisfiable):  # nothing to negate: positive data covers it
        run()


def _as_device(case: AnyCase, device: Device) -> AnyCase:
    """A push that names the token's device and unit, so its operations are merged."""
    if case.operation.path.endswith("/push") and isinstance(case.body, dict):
        case.body["device_id"] = device.device_id
        ops = case.body.get("ops")
        for op in ops if isinstance(ops, list) else []:
            if isinstance(op, dict):
                op.update(device_id=device.device_id, unit_id=device.unit_id)
    return case


def _send(client: httpx.Client, case: AnyCase, tally: Tally) -> None:
    label = case.operation.label
    try:
        request = _request(client, case)
    except (*CLIENT_REFUSALS, UnicodeError, ValueError, TypeError):
        tally.unsendable += 1
        return
    try:
        response = client.send(request)
    except CLIENT_REFUSALS:
        tally.unsendable += 1
        return
    except Exception as exc:  # out of the in-process app, or the connection dropped
        tally.cases[label] += 1
        tally.fail(
            f"{label}: {type(exc).__name__}: {exc}\n{_curl(client, case)}", server_error=True
        )
        return
    tally.record(label, response.status_code)
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        titles = "; ".join(f"{type(f).__name__}: {f.title}" for f in group.exceptions)
        body = response.text[:300]
        tally.fail(
            f"{label} answered {response.status_code} ({titles}): {body}\n{_curl(client, case)}",
            server_error=response.status_code >= 500,
        )


def _request(client: httpx.Client, case: AnyCase) -> httpx.Request:
    """The case as an httpx request, bytes exactly as generated."""
    kwargs = case.as_transport_kwargs(base_url=str(client.base_url).rstrip("/"))
    headers = [(name, _header_value(value)) for name, value in kwargs["headers"].items()]
    options: dict[str, Any] = {"headers": headers, "params": kwargs.get("params")}
    if "json" in kwargs:
        options["json"] = kwargs["json"]
    data = kwargs.get("data")
    if isinstance(data, bytes | str):
        options["content"] = data
    elif data is not None:
        options["data"] = data
    if kwargs.get("cookies"):
        options["cookies"] = kwargs["cookies"]
    return client.build_request(kwargs["method"], kwargs["url"], **options)


def _header_value(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def _curl(client: httpx.Client, case: AnyCase) -> str:
    try:
        return case.as_curl_command(base_url=str(client.base_url).rstrip("/"))
    except Exception:  # a case too odd for a shell line: its repr says what it was
        return repr(case)
