"""Builds the example site once, serves it on 127.0.0.1, and sweeps every page in Debian's chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from tests.browser.browsing import CHROMIUM, CHROMIUM_ARGS, PHONE_CONTEXT, Site, new_context
from tests.browser.sweep import Findings, sweep_site
from tests.webserver import serving_folder

REPO = Path(__file__).resolve().parents[2]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "tests" / "screenshots"
CONTENT = REPO / "content"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own mkdocs.yml and content/, built with the real `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("browser") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=REPO,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@contextmanager
def served(root: Path) -> Iterator[Site]:
    """A built site served over HTTP on a free local port while the block runs."""
    with serving_folder(root) as address:
        yield Site(root, address.rstrip("/"))


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[Site]:
    with served(built_site) as served_site:
        yield served_site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (or set TRUSTPAGES_CHROMIUM)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test`, or `npm ci` in tests/browser")
    return AXE.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Screenshots:
    """tests/screenshots/ (git-ignored), and when this run started writing to it."""

    folder: Path
    since: float


@pytest.fixture(scope="session")
def screenshots() -> Screenshots:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return Screenshots(SCREENSHOTS, time.time() - 1)


@pytest.fixture
def desktop(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, **PHONE_CONTEXT)
    yield context
    context.close()


@pytest.fixture(scope="session")
def key_pages(site: Site) -> dict[str, str]:
    """The pages a customer lands on most, one of each kind: name -> URL path."""
    pages = {"home": "", "commitments": "commitments/"}
    for kind, name in (("commitments", "commitment"), ("incidents", "incident"), ("mistakes", "mistake")):
        records = site.records(kind)
        assert records, f"the example site has no {kind}"
        pages[name] = richest(site, records)
    pages.update({"metrics": "metrics/", "pricing": "pricing/", "contact": "contact/", "surveys": "surveys/", "record": "record/"})
    surveys = site.records("surveys")
    assert surveys, "the example site has no surveys"
    pages["survey"] = richest(site, surveys)  # its tables of figures (issue 32)
    return pages


def richest(site: Site, pages: list[str]) -> str:
    """The record page with the most markup: it shows the most of what its template can do."""
    return max(pages, key=lambda page: ((site.root / page / "index.html").stat().st_size, page))


@pytest.fixture(scope="session")
def sweep(site: Site, browser: Browser, key_pages: dict[str, str], axe_source: str, screenshots: Screenshots) -> dict[str, Findings]:
    """Every page loaded once, checked at desktop and phone width (see sweep.py)."""
    return sweep_site(site, browser, key_pages, axe_source, screenshots.folder)
