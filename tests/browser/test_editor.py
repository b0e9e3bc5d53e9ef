"""The browser editor at /admin/ (Decap CMS) of a site `init` made, driven in chromium with Decap's in-browser
test backend: an editor creates an incident, adds an update, and what Decap writes passes `trustpages check`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from tests.browser.browsing import LOCAL_HOST, Site, new_context
from tests.browser.conftest import served
from trustpages import editor

CACHE = Path(__file__).resolve().parent / "node_modules" / ".cache" / f"decap-cms-{editor.DECAP_VERSION}.tgz"
ENV = {**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}, "NO_MKDOCS_2_WARNING": "1"}
GIT = {"GIT_AUTHOR_NAME": "Comms", "GIT_AUTHOR_EMAIL": "c@x.eu", "GIT_COMMITTER_NAME": "Comms", "GIT_COMMITTER_EMAIL": "c@x.eu"}
COLLECTIONS = ["Commitments", "Incidents", "Mistakes", "Metrics", "Trust surveys", "Settings and pages"]


def trustpages(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "trustpages", *args], cwd=cwd, env={**ENV, **GIT}, capture_output=True, text=True)


@pytest.fixture(scope="module")
def tarball() -> Path:
    """Decap's npm tarball, fetched from the registry by `trustpages editor`'s own code once, then kept beside node_modules."""
    if not CACHE.is_file():
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(editor.fetch_tarball())  # checked against the registry's sha512
    return CACHE


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, tarball: Path) -> Path:
    """A site from `trustpages init`, with `trustpages editor` run in it and built with `trustpages build`."""
    folder = tmp_path_factory.mktemp("editor") / "site"
    made = trustpages("init", str(folder), "--name", "Comms Co", "--git", cwd=folder.parent)
    assert made.returncode == 0, made.stderr
    added = trustpages("editor", "--from", str(tarball), "--repo", "comms/trust", cwd=folder)
    assert added.returncode == 0, added.stderr
    built = trustpages("build", cwd=folder)
    assert built.returncode == 0, built.stdout + built.stderr
    return folder


@pytest.fixture(scope="module")
def site(project: Path) -> Iterator[Site]:
    with served(project / "site") as served_site:
        yield served_site


def test_the_editor_is_published_but_linked_from_no_page(project: Path) -> None:
    built = project / "site"
    assert (built / "admin" / "index.html").is_file() and (built / "admin" / "decap" / "decap-cms.js").is_file()
    assert yaml.safe_load((built / "admin" / "config.yml").read_text(encoding="utf-8"))["backend"]["repo"] == "comms/trust"
    pages = [page for page in built.rglob("*.html") if "admin" not in page.relative_to(built).parts]
    assert len(pages) > 10
    linking = [page for page in pages if "admin/" in page.read_text(encoding="utf-8")]
    assert linking == []  # not in the navigation, nor anywhere a customer goes
    assert "admin" not in (built / "sitemap.xml").read_text(encoding="utf-8")


def repository(project: Path) -> dict[str, Any]:
    """The site's content/ as Decap's test backend keeps a repository in the page (window.repoFiles)."""
    tree: dict[str, Any] = {}
    for path in sorted((project / "content").rglob("*.yml")):
        node = tree
        *folders, name = path.relative_to(project).parts
        for folder in folders:
            node = node.setdefault(folder, {})
        node[name] = {"content": path.read_text(encoding="utf-8")}
    return tree


@pytest.fixture
def admin(browser: Browser, site: Site, project: Path) -> Iterator[tuple[Page, list[str]]]:
    """The admin page, signed in to Decap's test backend holding the site's records; and what went wrong on it."""
    context = new_context(browser, timezone_id="UTC")  # Decap names a new record by the browser's day
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("request", lambda request: None if LOCAL_HOST in request.url else problems.append(f"off-site: {request.url}"))
    generated = yaml.safe_load((project / "site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    # The generated configuration as written, but for the backend: Decap's in-browser test repository instead of GitHub
    # (and so no editorial workflow, which a test repository keeps elsewhere, and no probe for a local decap-server).
    for key in ("publish_mode", "local_backend"):
        generated.pop(key)
    generated["backend"] = {"name": "test-repo"}
    page.route("**/admin/config.yml", lambda route: route.fulfill(body=yaml.safe_dump(generated), content_type="text/yaml"))
    # The test backend lists a folder collection from one key named by the whole path (content/incidents), but saves
    # into nested folders (content → incidents): one object under both names, so a saved record is listed.
    folders = [collection["folder"] for collection in generated["collections"] if "folder" in collection]
    page.add_init_script(
        f"window.repoFiles = {json.dumps(repository(project))};"
        f"for (const folder of {json.dumps(folders)}) {{"
        "  let node = window.repoFiles;"
        "  for (const part of folder.split('/')) node = node[part] = node[part] || {};"
        "  window.repoFiles[folder] = node;"
        "}"
    )
    page.goto(site.url("admin/"))
    page.get_by_role("button", name="Login").click()
    yield page, problems
    context.close()


def test_the_admin_page_shows_every_collection_and_file(admin: tuple[Page, list[str]], site: Site) -> None:
    page, problems = admin
    for label in COLLECTIONS:
        page.get_by_role("link", name=label).first.wait_for()
    page.goto(site.url("admin/#/collections/settings"))
    for label in ["Site", "Pricing", "Contact", "Your data"]:
        page.get_by_role("link", name=label, exact=True).first.wait_for()
    page.goto(site.url("admin/#/collections/incidents"))
    page.get_by_text("Example — replace this: some customers could not log in").wait_for()  # the site's own record, read
    assert problems == []


def moment(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M")  # as a datetime-local box takes it (the editor shows UTC)


def fill_update(page: Page, index: int, at: datetime, status: str, body: str) -> None:
    page.locator("[id^=at-field]").nth(index).fill(moment(at))
    page.locator("[id^=status-field]").nth(index).click()
    page.get_by_text(status, exact=True).click()
    page.locator("[id^=body-field]").nth(index).fill(body)


def publish(page: Page, name: str, holding: str) -> None:
    """Publish the entry, and wait until the test repository's file `name` holds `holding`."""
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()
    page.wait_for_function(
        f"(window.repoFiles.content.incidents[{json.dumps(name)}]?.content || '').includes({json.dumps(holding)})", timeout=15_000
    )


def test_an_editor_creates_an_incident_adds_an_update_and_the_yaml_passes_check(
    admin: tuple[Page, list[str]], site: Site, project: Path
) -> None:
    page, problems = admin
    started = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    name = f"{datetime.now(UTC).date().isoformat()}-some-invoices-were-sent-late.yml"  # the day it was written

    page.goto(site.url("admin/#/collections/incidents/new"))
    page.locator("[id^=title-field]").fill("Some invoices were sent late")
    page.locator("[id^=impact-field]").click()
    page.get_by_text("minor", exact=True).click()
    page.locator("[id^=started-field]").fill(moment(started))
    page.locator("[id^=summary-field]").fill("Invoices for last month went out two days late.")
    page.get_by_role("button", name="Add updates").click()
    fill_update(page, 0, started + timedelta(minutes=10), "investigating", "Some invoices are late. We are sending them now.")
    publish(page, name, "investigating")

    # Later, from the list: open it again, add the update that closes it, and say when it was fixed.
    page.goto(site.url("admin/#/collections/incidents"))
    page.get_by_text("Some invoices were sent late").click()
    page.get_by_role("button", name="Add updates").click()
    fill_update(page, 1, started + timedelta(minutes=50), "resolved", "Every invoice has been sent.")
    page.locator("[id^=resolved-field]").fill(moment(started + timedelta(minutes=50)))
    publish(page, name, "Every invoice has been sent.")

    written = page.evaluate(f"window.repoFiles.content.incidents[{json.dumps(name)}].content")
    record = yaml.safe_load(written)
    assert [update["status"] for update in record["updates"]] == ["investigating", "resolved"]
    assert "" not in record.values() and "cause" not in record  # a box left empty is left out, not written as ''

    (project / "content" / "incidents" / name).write_text(written, encoding="utf-8")
    checked = trustpages("check", "--format", "json", cwd=project)
    located = [problem for problem in json.loads(checked.stdout)["problems"] if name in problem["file"]]
    assert located == [], written
    assert checked.returncode == 0, checked.stdout  # the starter's placeholders are warnings, not errors
    assert problems == []
