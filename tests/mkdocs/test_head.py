"""What every page announces in its <head>, and the preview's problems at the top of its body."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from trustpages.mkdocs import head
from trustpages.opendata import Alternate
from trustpages.problems import Problem

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def test_feeds_and_link_previews_go_at_the_end_of_the_head_with_relative_links(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Tests &amp; more\nsite_url: https://trust.example.com/\ndocs_dir: docs\n", encoding="utf-8"
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    page = Page("Our <em>mistakes</em>", File("mistakes/index.md", str(tmp_path / "docs"), str(tmp_path / "site"), True), config)
    feed = Alternate(type="application/atom+xml", title='All "news"', path="feeds/all.xml")
    output = head.announced("<html><head><title>x</title></head><body></body></html>", page, config, [feed])
    assert '<link rel="alternate" type="application/atom+xml" title="All &#34;news&#34;" href="../feeds/all.xml">' in output
    assert (
        '<meta property="og:title" content="Our mistakes">' in output
        and '<meta property="og:site_name" content="Tests &amp; more">' in output
    )
    assert output.index("og:url") < output.index("</head>")
    assert head.announced("<p>no head</p>", page, config, [feed]) == "<p>no head</p>"


def test_the_problems_go_first_in_the_body_escaped() -> None:
    problem = Problem("content/incidents/a.yml", 3, 9, "error", "impact: expected one of none, minor; got '<b>'")
    shown = head.with_problems('<html><body class="x"><p>page</p></body></html>', (problem,))
    assert shown.startswith('<html><body class="x"><div role="alert"') and shown.endswith("<p>page</p></body></html>")
    assert "1 problem(s) in your records" in shown and "&lt;b&gt;" in shown and "<b>" not in shown
