"""`trustpages build --builder zensical`: the same site as MkDocs + Material builds, from the same records.

Compares every page's content (the text a reader sees in the article; the theme around it is
Zensical's own) and every file trustpages generates (open data, feeds, badges, calendar,
security.txt, the stylesheet) byte for byte. Builds with the Zensical version of pyproject's
[zensical] extra (trustpages.zensical.PINNED); run it after installing a newer one to see whether
that one still works.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO
from trustpages import zensical
from trustpages.strings import Strings, builtin_templates

pytestmark = pytest.mark.skipif(
    not zensical.installed(), reason=f"Zensical is not installed (pip install 'trustpages[zensical]', Zensical {zensical.PINNED})"
)
EPOCH = "1795651200"  # 2026-11-27: both builds compute every number for the same day
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Article(HTMLParser):
    """The visible text of a page's article (Material's and Zensical's `md-content__inner`), whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.hidden = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in VOID
            self.hidden += tag in ("script", "style")
        elif tag == "article" and "md-content__inner" in (dict(attrs).get("class") or ""):
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
            self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.words += data.split()


def article(page: Path) -> str:
    parser = _Article()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(parser.words)


def project(folder: Path) -> Path:
    """A copy of the repository's example site: mkdocs.yml, content/, site_src/ (and templates/ when there is one)."""
    for name in ("content", "site_src", "templates"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, folder / name)
    shutil.copyfile(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def build(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "trustpages", "build", *args], cwd=folder, capture_output=True, text=True, env=env, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The example built by MkDocs and by Zensical, and the folder Zensical built from."""
    folder = project(tmp_path_factory.mktemp("zensical") / "project")
    build(folder, "-d", "by-mkdocs")
    said = build(folder, "--builder", "zensical", "-d", "by-zensical").stdout
    assert "zensical built the pages in" in said
    return folder / "by-mkdocs", folder / "by-zensical", folder / zensical.WORKSPACE / "docs"


def test_every_page_says_the_same(sites: tuple[Path, Path, Path]) -> None:
    mkdocs_site, zensical_site, _ = sites
    pages = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(zensical_site) for p in zensical_site.rglob("*.html"))
    assert len(pages) > 30
    # The 404 page too: MkDocs draws the plugin's own (templates/theme/404.html), and the Zensical build words the
    # theme's the same way (Zensical reads no theme overrides).
    for page in pages:
        text = article(mkdocs_site / page)
        assert text, page
        assert article(zensical_site / page) == text, page


def test_every_generated_file_is_the_same_byte_for_byte(sites: tuple[Path, Path, Path]) -> None:
    mkdocs_site, zensical_site, generated = sites
    files = sorted(
        p.relative_to(generated) for p in generated.rglob("*") if p.is_file() and p.suffix != ".md" and p.name != ".trustpages-generated"
    )
    assert {"api/v1/summary.json", ".well-known/security.txt", "feeds/all.xml", "assets/trustpages.css"} <= {f.as_posix() for f in files}
    for file in files:
        assert (zensical_site / file).read_bytes() == (mkdocs_site / file).read_bytes(), file


def test_every_page_announces_the_feeds_as_the_plugin_does(sites: tuple[Path, Path, Path]) -> None:
    mkdocs_site, zensical_site, _ = sites
    for page in ["index.html", "incidents/index.html", "commitments/index.html"]:
        links = [line for line in (mkdocs_site / page).read_text(encoding="utf-8").split("<link") if 'rel="alternate"' in line]
        assert links
        for link in links:
            assert link.split(">")[0] in (zensical_site / page).read_text(encoding="utf-8"), page


def test_the_builder_setting_in_mkdocs_yml(tmp_path: Path) -> None:
    folder = project(tmp_path)
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      content_dir: content\n" in text
    config.write_text(
        text.replace("      content_dir: content\n", "      content_dir: content\n      builder: zensical\n"), encoding="utf-8"
    )
    said = build(folder).stdout
    assert "zensical built the pages in" in said
    assert (folder / "site" / ".well-known" / "security.txt").is_file()
    assert "zensical built" not in build(folder, "--builder", "mkdocs").stdout  # the option wins


def test_a_broken_record_leaves_the_last_site(tmp_path: Path) -> None:
    folder = project(tmp_path)
    build(folder, "--builder", "zensical")
    before = (folder / "site" / "index.html").read_bytes()
    incident = next((folder / "content" / "incidents").glob("*.yml"))
    incident.write_text(incident.read_text(encoding="utf-8").replace("impact: ", "impact: severe #", 1), encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    proc = subprocess.run(
        [sys.executable, "-m", "trustpages", "build", "--builder", "zensical"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 1
    assert f"{incident.relative_to(folder)}:" in proc.stderr and "error: impact:" in proc.stderr
    assert "was left as it was" in proc.stderr
    assert (folder / "site" / "index.html").read_bytes() == before


def test_the_pinned_version_is_the_one_the_extra_installs() -> None:
    import tomllib

    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert extras["zensical"] == [f"zensical=={zensical.PINNED}"]
    # `make test` installs that extra, so the tests above build with the pinned version.
    assert re.search(r"pip install .*-e '\.\[[a-z,]*\bzensical\b[a-z,]*\]'", (REPO / "Makefile").read_text(encoding="utf-8"))
    # Not `version("zensical") == PINNED`: with a newer Zensical installed, the tests above say whether it still works.


def test_the_derived_config_keeps_what_zensical_reads_and_adds_what_the_plugin_adds(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("# About\n", encoding="utf-8")
    raw = {
        "site_name": "Beispiel",
        "docs_dir": "pages",
        "theme": "material",
        "plugins": ["search", {"trustpages": {"content_dir": "content"}}, "privacy"],
        "hooks": ["hooks.py"],
        "markdown_extensions": ["tables"],
    }
    derived = zensical.derived_config(raw, "de", tmp_path)
    assert derived == {
        "site_name": "Beispiel",
        "theme": {"name": "material", "language": "de"},
        "markdown_extensions": ["tables", "attr_list", "trustpages.render.cards"],
        "docs_dir": "docs",
        "site_dir": "site",
        "plugins": ["search"],
        "extra_css": ["assets/trustpages.css"],
        "nav": [
            {"Start": "index.md"},
            {"Unsere Bilanz": "record/index.md"},
            {"Versprechen": "commitments/index.md"},
            {"Störungen": "incidents/index.md"},
            {"Fehler": "mistakes/index.md"},
            {"Preise": "pricing.md"},
            {"Kontakt": "contact.md"},
            {"Zahlen": "metrics.md"},
            {"Vertrauen": "surveys/index.md"},
            {"Ihre Daten": "data.md"},
            {"Offene Daten": "open-data.md"},
            {"Angaben prüfen": "log/index.md"},
            {"Über diese Seite": "about.md"},
        ],  # a German site with no nav: German tabs
    }


def zensical_nav() -> list[dict[str, str]]:
    return [{"Home": "index.md"}, {"Our record": "record/index.md"}, {"Commitments": "commitments/index.md"}, {"Incidents": "incidents/index.md"},
            {"Mistakes": "mistakes/index.md"}, {"Pricing": "pricing.md"}, {"Contact": "contact.md"},
            {"Metrics": "metrics.md"}, {"Trust surveys": "surveys/index.md"}, {"Your data": "data.md"},
            {"Open data": "open-data.md"}, {"Check this record": "log/index.md"}]  # fmt: skip


def test_the_404_page_is_in_the_sites_language_with_a_way_home(tmp_path: Path) -> None:
    page = tmp_path / "404.html"
    page.write_text('<html lang="de"><body><article><h1>404 - Not found</h1></article></body></html>', encoding="utf-8")
    german = Strings.load("de", [builtin_templates()])
    zensical.word_not_found(page, german, "/trust/")
    said = page.read_text(encoding="utf-8")
    assert f"<h1>{german('theme.not_found_title')}</h1>" in said and "Not found" not in said
    assert f'<a href="/trust/">{german("theme.not_found_home")}</a>' in said
    zensical.word_not_found(page, german, "/trust/")  # once only: a site's own 404 page is left as it is
    assert page.read_text(encoding="utf-8") == said
