"""Read one web address whole, within a deadline for the whole request and a cap on its size.

A socket timeout bounds each read, not the request: a server that sends a byte every few
seconds (headers or body) would hold a plain `urlopen` forever. Here a timer shuts down every
socket the request opened when the deadline passes, whatever it was waiting for (connecting,
the TLS handshake, headers, body, a redirect), and the body is refused as soon as it grows past
the cap. Only http and https are followed, redirects included.

    body = fetch("https://trust.example.com/api/v1/summary.json", max_bytes=1 << 20, deadline_seconds=30)

Name lookup (DNS) is the one wait the timer cannot cut short; the system resolver's own
timeouts bound it.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from typing import Any

_CHUNK = 1 << 16


class FetchError(Exception):
    """The address could not be read whole in time; the message says why in one plain sentence.

    `status`: the HTTP status the server answered with, when it answered with an error (404: there is nothing there).
    """

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def fetch(
    url: str, *, max_bytes: int, deadline_seconds: float, data: bytes | None = None, content_type: str = "", user_agent: str = "trustpages"
) -> bytes:
    """The body of a GET of `url` (http or https, redirects followed), at most `max_bytes`, within `deadline_seconds` in all.

    With `data`: a POST of it (as `content_type`), never redirected (a redirect would turn it into a GET and drop it).

    Raises FetchError when the address is not http(s), the server answers with an error status,
    cannot be reached, sends more than `max_bytes`, or has not sent everything by the deadline.
    """
    if not url.startswith(("https://", "http://")):
        raise FetchError(f"{url} is not a web address (http:// or https://)")
    watch = _Deadline(deadline_seconds)
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _HTTPHandler(watch),
        _HTTPSHandler(watch),
        *([urllib.request.HTTPRedirectHandler()] if data is None else []),  # a redirect to anything but http(s) finds no handler: an error
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    headers = {"User-Agent": user_agent, "Cache-Control": "no-cache", **({"Content-Type": content_type} if content_type else {})}
    request = urllib.request.Request(url, data=data, headers=headers, method="GET" if data is None else "POST")
    try:
        with opener.open(request, timeout=deadline_seconds) as response:
            return _read(response, url, max_bytes, watch)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(f"{url} answered {exc.code} {exc.reason}", exc.code) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        if watch.passed():
            raise FetchError(f"{url} did not send its answer within {deadline_seconds:g} seconds") from None
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(f"{url} could not be read ({reason})") from None
    finally:
        watch.stop()


def _read(response: Any, url: str, max_bytes: int, watch: _Deadline) -> bytes:
    length = response.headers.get("Content-Length")
    if length is not None and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url} is {int(length):,} bytes, more than the {max_bytes:,} expected")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(min(_CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url} sent more than the {max_bytes:,} bytes expected")
    if watch.passed():  # the timer shut the socket mid-body: what was read is not the whole answer
        raise OSError("deadline")
    return b"".join(chunks)


class _Deadline:
    """Shuts down every socket the request opened once `seconds` have passed."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds
        self.expired = threading.Event()
        self.sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def connect(self, address: tuple[str, int], timeout: Any = None, source_address: Any = None) -> socket.socket:
        """`socket.create_connection` for http.client, each socket watched, none opened after the deadline."""
        left = self.ends - time.monotonic()
        if left <= 0 or self.expired.is_set():
            self.expired.set()
            raise TimeoutError("deadline")
        sock = socket.create_connection(address, left, source_address)
        with self._lock:
            self.sockets.append(sock)
            if self.expired.is_set():  # expired while connecting
                _shut(sock)
        return sock

    def passed(self) -> bool:
        """True once the deadline has passed (the timer, or a socket's own timeout, may be first to see it)."""
        return self.expired.is_set() or time.monotonic() >= self.ends

    def _expire(self) -> None:
        with self._lock:
            self.expired.set()
            for sock in self.sockets:
                _shut(sock)

    def stop(self) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self.sockets:
                sock.close()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # a blocked read returns at once, in whichever thread it waits
    except OSError:  # already closed
        pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watch: _Deadline) -> None:
        super().__init__()
        self.watch = watch

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connection(host: str, **options: Any) -> http.client.HTTPConnection:
            made = http.client.HTTPConnection(host, **options)
            made._create_connection = self.watch.connect  # type: ignore[attr-defined]  # http.client's own seam for this
            return made

        return self.do_open(connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Deadline) -> None:
        super().__init__(context=ssl.create_default_context())
        self.watch = watch

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connection(host: str, **options: Any) -> http.client.HTTPSConnection:
            made = http.client.HTTPSConnection(host, context=self._context, **options)  # type: ignore[attr-defined]
            made._create_connection = self.watch.connect  # type: ignore[attr-defined]
            return made

        return self.do_open(connection, req)
