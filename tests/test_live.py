"""live: the live site's summary is read within one deadline, and whatever it sends is a plain NotLive, never a traceback."""

from __future__ import annotations

import http.server
from collections.abc import Iterator

import pytest

from tests.webserver import Server, serving
from trustpages import live


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as served:
        yield served


def _answering(server: Server, body: bytes) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.answer = answer


def test_a_summary_sent_a_byte_at_a_time_is_not_live(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        server.drip(handler, b'{"source_commit": "' + b"a" * 40 + b'"}')

    server.answer = answer
    monkeypatch.setattr(live, "DEADLINE_SECONDS", 1)
    with pytest.raises(live.NotLive, match=r"did not send its answer within 1 seconds$"):
        live.live_commit(server.url + "/api/v1/summary.json")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "is not a trustpages summary.json (it is nested too deeply)"),
        (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "is not a trustpages summary.json (it is nested too deeply)"),
        (b"[1, 2]", "is not a trustpages summary.json"),
        (b'{"source_commit": "HEAD"}', "does not say which commit the site was built from (no source_commit)"),
    ],
    ids=["nested lists", "nested objects", "a list", "no commit"],
)
def test_whatever_the_summary_holds_is_a_plain_answer(server: Server, body: bytes, expected: str) -> None:
    _answering(server, body)
    with pytest.raises(live.NotLive) as raised:
        live.live_commit(server.url + "/api/v1/summary.json")
    assert str(raised.value) == f"{server.url}/api/v1/summary.json {expected}"


def test_the_commit_of_a_summary_is_read(server: Server) -> None:
    _answering(server, b'{"version": "1", "source_commit": "' + b"0123456789" * 4 + b'"}')
    assert live.live_commit(server.url + "/api/v1/summary.json") == "0123456789" * 4
