"""Customers load every page from our server alone: no fonts, CDNs, analytics or embeds, and no errors."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from tests.browser.browsing import Site, inject, visit
from tests.browser.checks import privacy_problems
from tests.browser.sweep import Findings


def test_every_page_talks_only_to_our_server(sweep: dict[str, Findings]) -> None:
    problems = [f"/{path}: {line}" for path, found in sweep.items() for line in found.privacy]
    assert not problems, "\n".join(problems)


def test_the_sweep_saw_every_kind_of_page(sweep: dict[str, Findings]) -> None:
    for section in ("", "commitments/", "incidents/", "mistakes/", "pricing/", "contact/", "metrics/"):
        assert section in sweep, f"/{section} was not built"


def test_a_third_party_image_is_caught(site: Site, desktop: BrowserContext) -> None:
    inject(desktop, site.url(""), "</article>", '<img src="https://cdn.example.com/x.png" alt="x">')
    page = desktop.new_page()
    problems = privacy_problems(page, visit(page, site.url("")))
    assert "request to another host: https://cdn.example.com/x.png" in problems
    assert 'would load from another host: <img src="https://cdn.example.com/x.png">' in problems


def test_a_lazy_third_party_image_is_caught_before_anyone_scrolls(site: Site, desktop: BrowserContext) -> None:
    lazy = '<div style="height:5000px"></div><img loading="lazy" src="https://cdn.example.com/y.png" alt="y">'
    inject(desktop, site.url(""), "</article>", lazy)
    page = desktop.new_page()
    problems = privacy_problems(page, visit(page, site.url("")))
    assert 'would load from another host: <img src="https://cdn.example.com/y.png">' in problems


def test_a_third_party_font_is_caught(site: Site, desktop: BrowserContext) -> None:
    inject(desktop, site.url(""), "</head>", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">')
    page = desktop.new_page()
    problems = privacy_problems(page, visit(page, site.url("")))
    assert "request to another host: https://fonts.googleapis.com/css?family=Roboto" in problems


def test_a_script_error_is_caught(site: Site, desktop: BrowserContext) -> None:
    inject(desktop, site.url(""), "</body>", "<script>undefinedFunction()</script>")
    page = desktop.new_page()
    problems = privacy_problems(page, visit(page, site.url("")))
    assert any(problem.startswith("script error:") and "undefinedFunction" in problem for problem in problems), problems
