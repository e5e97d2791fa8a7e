"""Health, protocol headers and protocol versions, through HTTP on both backends."""

from __future__ import annotations

from danvan_desktop.sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA
from support.server_process import ServerApi


def test_health_reports_versions_epoch_and_high_seq(anonymous: ServerApi) -> None:
    """Health needs no token and names protocol 3 (still accepting 2), epoch and the
    highest sequence number."""
    body = anonymous.request("GET", "/health").json()
    assert body["status"] == "ok"
    assert (body["protocol"], body["min_protocol"]) == (3, 2)
    assert body["high_seq"] == 0
    assert len(body["epoch"]) == 36
    assert body["server_time"].endswith("Z")


def test_high_seq_counts_committed_changes(anonymous: ServerApi, team: ServerApi) -> None:
    """After six units (city, two communes, three villages), the city's six model fields
    and one record, high_seq is 13."""
    team.push([team.op("team", "t1", {"name": "Tổ dân vận tổ dân phố 5"})])
    assert anonymous.request("GET", "/health").json()["high_seq"] == 13


def test_missing_protocol_header_is_400_with_message(team: ServerApi) -> None:
    """A request without X-Danvan-Protocol is refused with a message naming the header."""
    headers = team.headers()
    del headers[HEADER_PROTOCOL]
    assert team.client is not None
    answer = team.client.get("/api/v1/pull", headers=headers)
    assert answer.status_code == 400
    assert HEADER_PROTOCOL in answer.json()["detail"]


def test_missing_schema_header_is_400(team: ServerApi) -> None:
    """A request without X-Danvan-Schema is refused too."""
    headers = team.headers()
    del headers[HEADER_SCHEMA]
    assert team.client is not None
    answer = team.client.get("/api/v1/pull", headers=headers)
    assert answer.status_code == 400
    assert HEADER_SCHEMA in answer.json()["detail"]


def test_non_numeric_protocol_header_is_400(team: ServerApi) -> None:
    """X-Danvan-Protocol must be an integer."""
    answer = team.request("GET", "/pull", headers={HEADER_PROTOCOL: "one"})
    assert answer.status_code == 400
    assert "«one»" in answer.json()["detail"]


def test_client_two_versions_behind_gets_426(team: ServerApi) -> None:
    """Protocol 1, older than the oldest accepted (2), gets 426 and is told to update."""
    answer = team.request("GET", "/pull", headers={HEADER_PROTOCOL: "1"})
    assert answer.status_code == 426
    assert "chỉ nhận từ giao thức 2: hãy cập nhật phần mềm" in answer.json()["detail"]


def test_client_one_version_behind_is_accepted(team: ServerApi) -> None:
    """Protocol 2, the first release's, still pulls."""
    answer = team.request("GET", "/pull", headers={HEADER_PROTOCOL: "2"})
    assert answer.status_code == 200


def test_newer_client_than_server_is_told_to_update_the_server(team: ServerApi) -> None:
    """A client ahead of the server (4) gets a 4xx that names the server's protocol (3)."""
    answer = team.request("GET", "/pull", headers={HEADER_PROTOCOL: "4"})
    assert answer.status_code == 400
    assert "giao thức 3" in answer.json()["detail"]


def test_messages_follow_accept_language(team: ServerApi) -> None:
    """An English laptop reads the 426 message in English."""
    answer = team.request(
        "GET",
        "/pull",
        headers={HEADER_PROTOCOL: "1", "Accept-Language": "en-GB"},
    )
    assert answer.status_code == 426
    assert answer.json()["detail"].startswith("This version of the application is too old")


def test_openapi_lists_the_sync_endpoints(anonymous: ServerApi) -> None:
    """/openapi.json documents push, pull, enroll and the attachment routes; /docs is served."""
    assert anonymous.client is not None
    paths = anonymous.client.get("/openapi.json").json()["paths"]
    assert {
        "/api/v1/push",
        "/api/v1/pull",
        "/api/v1/enroll",
        "/api/v1/health",
        "/api/v1/attachments/missing",
        "/api/v1/attachments/{sha256}",
    } <= set(paths)
    assert "requestBody" in paths["/api/v1/push"]["post"]
    assert anonymous.client.get("/docs").status_code == 200


def test_responses_are_gzipped_when_asked(team: ServerApi) -> None:
    """A pull answered to Accept-Encoding: gzip comes compressed."""
    answer = team.request("GET", "/pull", headers={"Accept-Encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.json()["high_seq"] == 12  # six units, the city's six model fields
