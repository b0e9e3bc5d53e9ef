"""How the browser tests drive chromium: the launch flags, sealed-off contexts, and page visits that record requests."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Route

CHROMIUM = os.environ.get("TRUSTPAGES_CHROMIUM", "/usr/bin/chromium")
# Headless, and nothing that phones home on its own, so every request a test sees comes from the page.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # CI containers often give /dev/shm only 64 MB, which crashes chromium's renderers.
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
PHONE_CONTEXT = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
LOCAL_HOST = "127.0.0.1"
# Matched inside Playwright's driver, so local requests are never paused for a round trip to Python.
OFFSITE = re.compile(r"^(?!(https?://127\.0\.0\.1[:/]|data:|blob:|about:))")


@dataclass(frozen=True)
class Site:
    """The built example site and where it is served."""

    root: Path
    base_url: str

    def url(self, page: str) -> str:
        return f"{self.base_url}/{page}"

    def pages(self) -> list[str]:
        """Every HTML page, as the URL path it is served at ('' is home)."""
        found = []
        for html in sorted(self.root.rglob("index.html")):
            relative = html.parent.relative_to(self.root).as_posix()
            found.append("" if relative == "." else relative + "/")
        return found

    def records(self, kind: str) -> list[str]:
        """The record pages of one kind, e.g. 'commitments/export-all-data/'."""
        return [page for page in self.pages() if page.startswith(f"{kind}/") and page != f"{kind}/"]


@dataclass
class Visit:
    """What one page load did: every request it made and every error it logged."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pending: int = 0
    last_activity: float = field(default_factory=time.monotonic)

    def offsite(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def started(self, url: str) -> None:
        self.requests.append(url)
        self.pending += 1
        self.last_activity = time.monotonic()

    def ended(self) -> None:
        self.pending -= 1
        self.last_activity = time.monotonic()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == LOCAL_HOST


def new_context(browser: Browser, **options: object) -> BrowserContext:
    """A fresh context that never reaches the network: off-site requests are recorded, then refused."""
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    context.route(OFFSITE, lambda route: route.abort("blockedbyclient"))
    return context


def visit(page: Page, url: str) -> Visit:
    """Load `url` and wait until its network is quiet, recording requests and errors along the way."""
    seen = Visit()
    handlers = {
        "request": lambda request: seen.started(request.url),
        "requestfinished": lambda request: seen.ended(),
        "requestfailed": lambda request: seen.ended(),
        "response": lambda response: seen.errors.append(f"HTTP {response.status}: {response.url}") if response.status >= 400 else None,
        "console": lambda message: (
            seen.errors.append(f"console: {message.text} ({message.location.get('url')})") if message.type == "error" else None
        ),
        "pageerror": lambda error: seen.errors.append(f"script error: {error}"),
    }
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        page.goto(url, wait_until="load")
        # Like Playwright's "networkidle", but quiet for 150 ms instead of 500: the search worker
        # fetches its index right after load, and waiting longer would only slow every page down.
        deadline = time.monotonic() + 15
        while seen.pending > 0 or time.monotonic() - seen.last_activity < 0.15:
            assert time.monotonic() < deadline, f"{url} kept loading: {seen.requests}"
            page.wait_for_timeout(30)
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
    return seen


def inject(context: BrowserContext, url: str, before: str, html: str) -> None:
    """Serve `url` with `html` added before the first `before`, as if a template had put it there."""

    def with_extra(route: Route) -> None:
        route.fulfill(body=route.fetch().text().replace(before, html + before, 1), content_type="text/html")

    context.route(url, with_extra)
