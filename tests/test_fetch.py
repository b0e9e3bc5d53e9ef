"""fetch: one deadline for the whole request and a cap on the body, against a local server that misbehaves on purpose."""

from __future__ import annotations

import http.server
import socket
import time
from collections.abc import Iterator

import pytest

from tests.webserver import Server, serving
from trustpages.fetch import FetchError, fetch


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as served:
        yield served


def _gives_up(url: str, deadline: float, **options: int) -> tuple[str, float]:
    began = time.monotonic()
    with pytest.raises(FetchError) as raised:
        fetch(url, max_bytes=options.get("max_bytes", 1 << 20), deadline_seconds=deadline)
    return str(raised.value), time.monotonic() - began


def test_a_body_sent_a_byte_at_a_time_is_given_up_at_the_deadline(server: Server) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.flush()
        server.drip(handler, b"x" * 1000)  # 200 seconds in all, a byte every 0.2: no read ever times out

    server.answer = answer
    message, took = _gives_up(server.url + "/api/v1/summary.json", 1.0)
    assert message == f"{server.url}/api/v1/summary.json did not send its answer within 1 seconds"
    assert took < 10  # the deadline, not the 200 seconds the answer would take (generous for a busy machine)


def test_headers_sent_a_byte_at_a_time_are_given_up_at_the_deadline(server: Server) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        server.drip(handler, b"HTTP/1.0 200 OK\r\nX-Slow: " + b"y" * 1000)

    server.answer = answer
    message, took = _gives_up(server.url, 1.0)
    assert "did not send its answer within 1 seconds" in message and took < 10


def test_a_server_that_accepts_and_says_nothing_is_given_up_at_the_deadline() -> None:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        message, took = _gives_up(f"http://127.0.0.1:{port}/", 1.0)
    assert "did not send its answer within 1 seconds" in message and took < 10


def test_a_body_larger_than_the_cap_is_refused_while_it_is_read(server: Server) -> None:
    sent: list[int] = []

    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()  # no length: the body runs until the server closes
        for _ in range(64):
            handler.wfile.write(b"z" * 65536)
            sent.append(65536)

    server.answer = answer
    message, _ = _gives_up(server.url, 30, max_bytes=100_000)
    assert message == f"{server.url} sent more than the 100,000 bytes expected"


def test_a_declared_length_over_the_cap_is_refused_before_reading(server: Server) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(10**12))
        handler.end_headers()

    server.answer = answer
    message, _ = _gives_up(server.url, 30, max_bytes=1000)
    assert message == f"{server.url} is 1,000,000,000,000 bytes, more than the 1,000 expected"


def test_a_whole_answer_within_the_cap_and_deadline_is_returned_after_redirects(server: Server) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        if handler.path == "/old":
            handler.send_response(301)
            handler.send_header("Location", "/new")
            handler.end_headers()
            return
        body = b'{"source_commit": "abc"}'
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.answer = answer
    assert fetch(server.url + "/old", max_bytes=len(b'{"source_commit": "abc"}'), deadline_seconds=30) == b'{"source_commit": "abc"}'


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("file:///etc/passwd", "answered 302 Found - Redirection to url 'file:///etc/passwd' is not allowed"),
        ("ftp://127.0.0.1/summary.json", "could not be read (unknown url type: ftp)"),
    ],  # fmt: skip
)
def test_a_redirect_away_from_the_web_is_not_followed(server: Server, location: str, expected: str) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.end_headers()

    server.answer = answer
    message, _ = _gives_up(server.url, 30)
    assert message.startswith(f"{server.url} {expected}"), message


def test_an_error_status_is_one_plain_sentence(server: Server) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_error(404)

    server.answer = answer
    assert _gives_up(server.url + "/x", 30)[0] == f"{server.url}/x answered 404 Not Found"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/", "example.com"])
def test_only_web_addresses_are_read(url: str) -> None:
    assert _gives_up(url, 30)[0] == f"{url} is not a web address (http:// or https://)"
