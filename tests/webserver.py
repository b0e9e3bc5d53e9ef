"""Local HTTP servers for the tests of what reads the web: one that misbehaves on purpose (fetch), one that serves a site folder (the public log, a project site)."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

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

            do_POST = do_GET  # a webhook: answered alike

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


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    """A static file server that keeps the test output clean."""

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _static(folder: Path, handler: type[http.server.SimpleHTTPRequestHandler], path: str = "/") -> Iterator[str]:
    """`folder` served by `handler` on 127.0.0.1 until the block ends; yields the address of `path` on it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serving_folder(folder: Path) -> Iterator[str]:
    """`folder` served as a static site on 127.0.0.1 (as a published site is), its address ending in '/', until the block ends.

    The folder is read by its path on every request, so a site swapped into place is served at once.
    """
    with _static(folder, _QuietFiles) as address:
        yield address


@contextmanager
def serving_project_site(folder: Path, prefix: str) -> Iterator[str]:
    """`folder` served under the sub-path `prefix` (e.g. "trust"), as GitHub Pages serves a project site: an address
    outside the prefix is not found, and one inside it that names no file is answered with the site's 404.html and
    status 404. Yields the site's address, ending in '/'."""
    root = f"/{prefix.strip('/')}/"

    class ProjectSite(_QuietFiles):
        def send_head(self):  # type: ignore[no-untyped-def]  # the standard library's own is untyped
            path = self.path.split("?", 1)[0]
            if not path.startswith(root) or not Path(self.translate_path(path)).exists():
                return self._not_found(path.startswith(root))
            return super().send_head()

        def translate_path(self, path: str) -> str:
            return super().translate_path("/" + path.removeprefix(root) if path.startswith(root) else path)

        def _not_found(self, inside: bool):  # type: ignore[no-untyped-def]
            body = (folder / "404.html").read_bytes() if inside and (folder / "404.html").is_file() else b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    with _static(folder, ProjectSite, root) as address:
        yield address
