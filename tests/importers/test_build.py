"""End to end: imported history builds with the real `mkdocs build --strict`, one page per incident."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.conftest import CSTATE, STATUSPAGE, trustpages
from tests.render.conftest import mkdocs_build, write_config

# The fixtures are snapshots of real pages: their open incidents are years old on the build's
# as_of date, their resolved ones have no postmortems, and some updates are wordier than our
# plain-language rules allow. The import keeps all of that verbatim, and `check` rightly warns;
# these rules make the strict build about the import, not about GitHub's old prose.
SITE = """\
name: Example Co
url: https://trust.example.com
timezone: UTC
policies:
  postmortem_within_days: 100000
  first_update_within_minutes: 100000
  max_open_incident_days: 100000
language:
  max_grade: 20
  max_sentence_words: 60
"""


@pytest.mark.parametrize(("tool", "source", "count"), [("statuspage", STATUSPAGE, 91), ("cstate", CSTATE, 4)])
def test_imported_history_builds_every_incident_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tool: str, source: Path, count: int
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yml").write_text(SITE, encoding="utf-8")
    assert trustpages(capsys, "import", tool, source, "--into", content).code == 0

    build = mkdocs_build(write_config(tmp_path, content))

    assert build.returncode == 0, build.output
    ids = sorted(path.stem for path in (content / "incidents").glob("*.yml"))
    assert len(ids) == count
    pages = sorted(path.parent.name for path in (build.site / "incidents").glob("*/index.html"))
    assert pages == ids
    index = build.html("incidents/index.html")
    assert all(f'href="{id}/"' in index for id in ids)
