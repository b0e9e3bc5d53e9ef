"""notify's webhook POST: one deadline per attempt, whatever the server drips, and a redirect is a failure, never followed."""

from __future__ import annotations

import http.server
import time
from collections.abc import Iterator

import pytest

from tests.webserver import Server, serving
from trustpages.opendata import notify


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setattr(notify, "TIMEOUT_SECONDS", 1.0)
    with serving() as served:
        yield served


def test_a_webhook_that_drips_is_given_up_at_the_deadline(server: Server) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        server.drip(handler, b"HTTP/1.0 200 OK\r\nX-Slow: " + b"y" * 1000)

    server.answer = answer
    started = time.monotonic()
    with pytest.raises(notify.WebhookError, match="could not reach the webhook .* did not send its answer within 1 seconds"):
        notify.post(server.url + "/hook", {"text": "hello"}, sleep=lambda seconds: None)
    assert time.monotonic() - started < 3 * notify.ATTEMPTS + 5  # each attempt stops at its deadline


def test_a_redirect_is_a_failure_not_a_get(server: Server) -> None:
    methods = []

    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        methods.append(handler.command)
        handler.send_response(302)
        handler.send_header("Location", "/elsewhere")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.answer = answer
    with pytest.raises(notify.WebhookError, match="webhook answered 302"):
        notify.post(server.url + "/hook", {"text": "hello"}, sleep=lambda seconds: None)
    assert methods == ["POST"]  # one attempt: a 302 is not worth retrying, and the message was never re-sent as a GET


def test_a_webhook_that_answers_2xx_takes_the_message(server: Server) -> None:
    got = []

    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        got.append(handler.rfile.read(int(handler.headers["Content-Length"])))
        handler.send_response(204)
        handler.end_headers()

    server.answer = answer
    notify.post(server.url + "/hook", {"text": "hello"})
    assert got == [b'{"text": "hello"}']
