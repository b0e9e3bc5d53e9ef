"""A site's own template for a page that shows computed numbers is disclosed: by check, and on the page itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, Content
from trustpages.cli import main
from trustpages.pipeline import make_site
from trustpages.validate import validate


def test_a_replaced_home_page_says_so(content: Content, tmp_path: Path) -> None:
    records = validate(content(), AS_OF).records
    assert records is not None
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "home.html.j2").write_text("---\ntitle: Home\n---\n<h1>We keep 100 % of our promises</h1>\n")
    pages = make_site(records, AS_OF, templates).pages
    assert "this page&#39;s layout is our own (templates/home.html.j2)" in pages["index.md"]
    assert 'href="api/v1/summary.json"' in pages["index.md"]
    assert "tp-replaced" not in pages["mistakes/index.md"]  # only pages that show numbers, and only when replaced
    assert "tp-replaced" not in make_site(records, AS_OF).pages["index.md"]


def test_check_names_each_replaced_number_page(content: Content, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = content()
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "metrics.md.j2").write_text("# Metrics\n")
    (tmp_path / "templates" / "contact.md.j2").write_text("# Contact\n")
    main(["check", str(folder), "--as-of", "2026-07-01"])
    err = capsys.readouterr().err
    assert "note: templates/metrics.md.j2 replaces the built-in metrics page, which shows computed numbers" in err
    assert "contact" not in err
