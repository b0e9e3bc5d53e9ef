"""Whatever `check` accepts builds: cases where it once did not (issue 27), each through the pipeline every front end calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, MISTAKE, Content, replaced
from trustpages.cli import main
from trustpages.pipeline import build_site
from trustpages.render import htmlpage


def _check_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "content", "--as-of", AS_OF.isoformat()])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err


@pytest.mark.parametrize("title", ["Paid twice \U0001f600", "Paid \U0010fffd twice", "\U0001d54f\U0001d55a\U0001d55e\U0001d556 \u2603"])
def test_a_title_beyond_the_basic_plane_builds(content: Content, capsys: pytest.CaptureFixture[str], title: str) -> None:
    """Pages' front matter was JSON with \\ud83d\\ude00 for an emoji: two escapes YAML refuses, so the build failed with a traceback."""
    folder = content(replaced(MISTAKE, "title: We charged some customers twice in May", f'title: "{title}"'))
    _check_clean(capsys)
    built = build_site(folder, AS_OF, history=False)
    assert built.output is not None
    page = next(source for path, source in built.output.pages.items() if path == f"mistakes/{Path(MISTAKE).stem}.md")
    assert htmlpage.split(page)[0]["title"] == title  # the front matter MkDocs and the theme read
    for source in built.output.pages.values():
        htmlpage.split(source)  # every page's front matter reads
