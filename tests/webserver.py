"""A local HTTP server that misbehaves on purpose, for the tests of what reads the web (fetch, live)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

DRIP = 0.2  # seconds between two bytes of a dripping answer: each read is quick, the answer never ends


class Server:
    """A local HTTP server whose answer to GET is `answer(handler)`; stopped with the test, its dripping threads too."""

    def __init__(self) -> None:
        self.answer: Callable[[http.server.BaseHTTPRequestHandler], None] = lambda handler: None
        self.stopping = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                try:
                    server.answer(self)
                except OSError:  # the client gave up: what the tests want
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"

    def drip(self, handler: http.server.BaseHTTPRequestHandler, data: bytes) -> None:
        for byte in data:
            if self.stopping.wait(DRIP):
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()


@contextmanager
def serving() -> Iterator[Server]:
    """A Server answering on 127.0.0.1 until the block ends."""
    served = Server()
    thread = threading.Thread(target=served.http.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        served.stopping.set()
        served.http.shutdown()
        served.http.server_close()
