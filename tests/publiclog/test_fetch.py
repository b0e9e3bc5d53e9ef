"""Reading the live log: one deadline for the whole request (headers included), a size cap, and 404 told apart."""

from __future__ import annotations

import http.server
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gitrepo import make_repo
from tests.webserver import Server, serving
from trustpages.publiclog.fetch import LIVE_URL, NotFound, Unreadable, live_address, read


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as served:
        yield served


def test_headers_sent_a_byte_at_a_time_are_given_up_at_the_deadline(server: Server) -> None:
    server.answer = lambda handler: server.drip(handler, b"HTTP/1.0 200 OK\r\nX-Slow: " + b"y" * 1000)
    began = time.monotonic()
    with pytest.raises(Unreadable, match="did not send its answer within 1 seconds"):
        read(server.url + "/log/entries.jsonl", deadline=1)
    assert time.monotonic() - began < 10  # not the 200 seconds the headers would take


def test_a_missing_log_is_not_found_and_a_big_one_unreadable(server: Server) -> None:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        if handler.path.endswith("missing.json"):
            handler.send_error(404)
            return
        handler.send_response(200)
        handler.send_header("Content-Length", "2000")
        handler.end_headers()
        handler.wfile.write(b"x" * 2000)

    server.answer = answer
    with pytest.raises(NotFound, match="answered 404 Not Found"):
        read(server.url + "/log/missing.json")
    with pytest.raises(Unreadable, match="is 2,000 bytes, more than the 1,000 expected"):
        read(server.url + "/log/entries.jsonl", max_bytes=1000)
    assert read(server.url + "/log/entries.jsonl", max_bytes=2000) == b"x" * 2000


def test_an_alias_bomb_in_the_parent_site_yml_is_no_address(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    site = repo.root / "content" / "site.yml"
    bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 9))
    site.write_text(bomb + "url: https://trust.example.com\n", encoding="utf-8")
    repo.commit("A site.yml no reader should expand", "2026-01-05")
    site.write_text("url: https://elsewhere.example.com\n", encoding="utf-8")
    repo.commit("Point url elsewhere", "2026-01-06")
    with pytest.raises(
        Unreadable, match=r"cannot be read \(line 1: more than 100,000 values \(are aliases \(\*\) expanding\?\)\); set TRUSTPAGES_LIVE_URL"
    ):
        live_address(repo.root / "content", environ={})
    assert live_address(repo.root / "content", environ={LIVE_URL: "https://given.example.com"}) == "https://given.example.com"
