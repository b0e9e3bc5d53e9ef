"""ondisk: `trustpages generate`'s writer puts every page and asset in a folder it owns, and refuses any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustpages import ondisk
from trustpages.render import Output

HTML_PAGE = '---\ntitle: Incidents\n---\n<h1 id="incidents">Incidents</h1>\n<p>None <b>open</b>.</p>\n'


def _output() -> Output:
    return Output(
        pages={"index.md": "# Home\n", "incidents/index.md": HTML_PAGE},
        assets={"badges/status.svg": b"<svg/>", "api/v1/site.json": b"{}"},
        html=frozenset({"incidents/index.md"}),
    )


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8", "replace") for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_page_and_asset_is_written_with_a_marker_and_counted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert ondisk.write(_output(), out, None) == 4  # the marker is not counted
    files = _files(out)
    assert sorted(files) == [ondisk.MARKER, "api/v1/site.json", "badges/status.svg", "incidents/index.md", "index.md"]
    assert files["index.md"] == "# Home\n"  # a Markdown page as it is
    assert files["badges/status.svg"] == "<svg/>"


def test_an_html_page_becomes_a_markdown_file_with_its_heading_for_the_builders_toc(tmp_path: Path) -> None:
    ondisk.write(_output(), tmp_path / "out", None)
    page = (tmp_path / "out" / "incidents/index.md").read_text(encoding="utf-8")
    assert page == "---\ntitle: Incidents\n---\n\n# Incidents { #incidents }\n\n<p>None <b>open</b>.</p>\n"


def test_hand_written_pages_are_copied_in_the_sites_language_under_their_default_address(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "img").mkdir(parents=True)
    (docs / "about.md").write_text("About\n", encoding="utf-8")
    (docs / "about.de.md").write_text("Über uns\n", encoding="utf-8")
    (docs / "img/logo.png").write_bytes(b"\x89PNG")
    out = tmp_path / "out"
    assert ondisk.write(_output(), out, docs, "de") == 6
    files = _files(out)
    assert files["about.md"] == "Über uns\n"
    assert "about.de.md" not in files
    assert (out / "img/logo.png").read_bytes() == b"\x89PNG"


def test_a_generated_page_wins_over_a_hand_written_file_of_the_same_path(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("hand-written home\n", encoding="utf-8")
    ondisk.write(_output(), tmp_path / "out", docs)
    assert (tmp_path / "out/index.md").read_text(encoding="utf-8") == "# Home\n"


def test_a_second_run_replaces_its_own_folder_so_no_stale_page_stays(tmp_path: Path) -> None:
    out = tmp_path / "out"
    ondisk.write(_output(), out, None)
    ondisk.write(Output(pages={"index.md": "# New home\n"}), out, None)
    assert sorted(_files(out)) == [ondisk.MARKER, "index.md"]


def test_a_folder_it_did_not_write_is_refused_and_left_untouched(tmp_path: Path) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "plan.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(ondisk.RefusedError, match="is not empty and was not written by trustpages generate; choose a new folder"):
        ondisk.write(_output(), out, None)
    assert _files(out) == {"plan.md": "mine\n"}


def test_an_empty_existing_folder_is_used(tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    assert ondisk.write(_output(), out, None) == 4
