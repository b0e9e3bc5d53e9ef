"""End-to-end: the real `mkdocs build --strict` with the plugin, on fixture content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.render.conftest import AS_OF, FIXTURES, REPO, Build, mkdocs_build, write_config

RECORD_PAGES = [
    "commitments/export-all-data/index.html",
    "commitments/automatic-certificate-renewal/index.html",
    "commitments/reply-within-one-day/index.html",
    "incidents/2026-03-04-login-failures/index.html",
    "mistakes/2026-05-02-double-charged/index.html",
]
SECTION_PAGES = [
    "index.html",
    "commitments/index.html",
    "incidents/index.html",
    "mistakes/index.html",
    "pricing/index.html",
    "contact/index.html",
    "metrics/index.html",
    "about/index.html",
]


def visible_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_record_and_section_has_a_page(small_site: Build) -> None:
    for page in RECORD_PAGES + SECTION_PAGES:
        assert (small_site.site / page).is_file(), page


def test_home_numbers_match_hand_computation(small_site: Build) -> None:
    # Milestones on 2026-11-23: export-all-data kept; automatic-certificate-renewal was due
    # 2026-05-01 and is still in progress, so overdue. Rate = 1 / (1 kept + 0 + 0 + 1 overdue).
    text = visible_text(small_site.html("index.html"))
    assert "Promise-kept rate 50% 1 kept, 0 partly kept, 0 broken, 1 overdue" in text
    # Bad news by name, with its status: which promise is overdue, not only how many (206 days after 2026-05-01).
    assert "Overdue 1 Certificates renew themselves Overdue 206 days late" in text
    assert "Broken 0 Broken promises" in text
    # Standing: 2026-Q1 met, 2026-Q2 not met.
    assert "Standing promises met 50% 1 of 2 periods met" in text
    # The only major incident started 2026-03-04, 264 days before 2026-11-23: named, dated and linked.
    assert "Our last major incident: Some customers could not log in &lt;b&gt;bold&lt;/b&gt; *star* , 4 March 2026 (264 days ago)" in text
    assert '<a href="incidents/2026-03-04-login-failures/">Some customers' in small_site.html("index.html")


def test_overdue_is_shown_even_though_nobody_updated_the_file(small_site: Build) -> None:
    html = small_site.html("commitments/automatic-certificate-renewal/index.html")
    text = visible_text(html)
    assert "Overdue" in text
    # The icon comes from the theme's icon set, drawn by the stylesheet: no font needs the glyph.
    assert (
        '<span class="tp-status tp-status--overdue"><span class="tp-icon tp-icon--overdue" aria-hidden="true"></span> Overdue</span>'
        in html
    )
    assert "206 days late" in text  # 2026-05-01 -> 2026-11-23


def test_metrics_page_shows_method_beside_numbers(small_site: Build) -> None:
    text = visible_text(small_site.html("metrics/index.html"))
    assert "Promise-kept rate 50%" in text
    assert "How we count: Kept ÷ (kept + partly kept + broken + overdue)" in text
    assert "Median time to first update 8 min" in text
    assert "Median time to resolution 53 min" in text


def test_standing_promises_show_their_record_where_they_are_promised(small_site: Build) -> None:
    # reply-within-one-day: 2026-Q1 met, 2026-Q2 missed; the contact page links it as a response promise.
    for page in ("commitments/reply-within-one-day/index.html", "contact/index.html"):
        assert "Target met in 1 of 2 periods (50%)" in visible_text(small_site.html(page)), page


def test_script_in_records_never_reaches_html(small_site: Build) -> None:
    for page in small_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "javascript:" not in html, page
        assert "<b>bold</b>" not in html, page
    title = small_site.html("incidents/2026-03-04-login-failures/index.html")
    assert "&lt;b&gt;bold&lt;/b&gt; *star*" in title


def test_times_carry_machine_readable_datetime_and_zone(small_site: Build) -> None:
    html = small_site.html("incidents/2026-03-04-login-failures/index.html")
    assert '<time datetime="2026-03-04T09:12:00Z">4 March 2026, 10:12 Berlin time</time>' in html


def test_minimal_content_with_only_site_yml_builds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yml").write_text("name: Solo\nurl: https://solo.example\n", encoding="utf-8")
    build = mkdocs_build(write_config(tmp_path, content))
    assert build.returncode == 0, build.output
    text = visible_text(build.html("index.html"))
    assert "Promise-kept rate — No promise has reached its due date yet." in text


def test_yaml_error_fails_build_naming_file_and_line_and_keeps_old_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    config = write_config(tmp_path, content)
    assert mkdocs_build(config).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}

    broken = content / "incidents" / "2026-03-04-login-failures.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("impact: major", "impact: severe"), encoding="utf-8")
    build = mkdocs_build(config)

    assert build.returncode == 1
    assert "content/incidents/2026-03-04-login-failures.yml:2:9: error: impact: expected one of" in build.output
    assert "Traceback" not in build.output
    after = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert after == before


def test_build_reports_warnings_and_leaves_wording_advice_to_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    promise = content / "commitments" / "export-all-data.yml"
    promise.write_text(promise.read_text(encoding="utf-8").replace("We will let", "We will leverage tools to let"), encoding="utf-8")
    build = mkdocs_build(write_config(tmp_path, content))

    assert build.returncode == 0, build.output  # warnings never stop the site from publishing
    assert "reply-within-one-day.yml:9:3: warning: no measurement for 2026-Q3" in build.output
    assert f"1 warning(s) in {content}; `trustpages check {content}` also gives plain-language advice" in build.output
    assert "jargon" not in build.output
    from trustpages.cli import main

    assert main(["check", str(content), "--as-of", AS_OF]) == 0
    assert 'export-all-data.yml:2:18: warning: promise: "leverage" is jargon' in capsys.readouterr().out


def test_generate_writes_the_same_pages_a_bare_mkdocs_can_build(tmp_path: Path, small_site: Build) -> None:
    from trustpages.cli import main

    out = tmp_path / "docs"
    code = main(["generate", str(FIXTURES / "small-site"), "--out", str(out), "--docs", str(REPO / "site_src"), "--as-of", AS_OF])
    assert code == 0
    build = mkdocs_build(write_config(tmp_path, FIXTURES / "small-site", docs=out, plugin=False))
    assert build.returncode == 0, build.output
    for page in RECORD_PAGES + SECTION_PAGES:
        # Same article body with and without the plugin (up to the white space between tags: a
        # Markdown builder puts blank lines between raw HTML blocks), and the same table of contents.
        plugin_html = small_site.html(page)
        bare_html = build.html(page)
        for part in (r'<article class="md-content__inner md-typeset">(.*?)</article>', r'<nav class="md-nav md-nav--secondary"(.*?)</nav>'):
            plugin_part, bare_part = (re.search(part, html, re.S) for html in (plugin_html, bare_html))
            assert plugin_part is not None and bare_part is not None, page
            assert _tags_only(plugin_part.group(1)) == _tags_only(bare_part.group(1)), page


def _tags_only(html: str) -> str:
    """HTML without the white space between tags."""
    return re.sub(r">\s+<", "><", html).strip()


def test_generate_refuses_a_folder_it_did_not_write(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from trustpages.cli import main

    (tmp_path / "notes.md").write_text("mine", encoding="utf-8")
    code = main(["generate", str(FIXTURES / "small-site"), "--out", str(tmp_path), "--as-of", AS_OF])
    assert code == 2
    assert "was not written by trustpages generate" in capsys.readouterr().err
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "mine"


def test_the_site_is_named_once_from_site_yml(small_site: Build) -> None:
    # mkdocs.yml says "Test"; site.yml says "Example Co": the header, tab and heading all follow site.yml.
    home = small_site.html("index.html")
    assert "Example Co in the open" in home.split('class="md-header__topic"')[1][:400]
    assert "<title>Example Co in the open" in home
    assert ">Test<" not in home
    assert "mkdocs.yml site_name 'Test' differs from content/site.yml name 'Example Co'" in small_site.output
    assert "Set site_name: Example Co in mkdocs.yml to match." in small_site.output
