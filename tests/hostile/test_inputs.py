"""Hostile input: whatever a content folder holds, `check` names each problem at file:line:col, and whatever passes `check` builds.

Each case is a finding of issue 16 (or one more of its kind) with the exact outcome asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.loader import load
from generator.render import render_site
from generator.sections import reserved_ids
from tests.conftest import AS_OF, INCIDENT, MILESTONE, MISTAKE, STANDING, VALID, Content, human, replaced

CHECK = ["check", "content", "--strict", "--as-of", AS_OF.isoformat()]


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """`trustpages check --strict` on ./content: its exit code and the lines it printed."""
    code = main(CHECK)
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def generate(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """`trustpages generate` of ./content: exit code and everything printed (a traceback fails the test)."""
    code = main(["generate", "content", "--out", str(tmp_path / "out"), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


# Finding 2: a record named like a page the site generates in its folder.


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("commitments/index.yml", MILESTONE),
        ("commitments/status.yml", MILESTONE),
        ("commitments/standing.yml", STANDING),
        ("incidents/index.yml", INCIDENT),
        ("incidents/year.yml", INCIDENT),
        ("mistakes/index.yml", MISTAKE),
        ("mistakes/year.yml", MISTAKE),
    ],
)
def test_an_id_that_takes_a_generated_page_is_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, relative: str, source: str
) -> None:
    content({relative: VALID[source]})
    section, name = relative.removesuffix(".yml").split("/")
    kind = section.removesuffix("s")
    assert check(capsys) == (
        1,
        [
            f"content/{relative}:1:1: error: '{name}' cannot be an id: the site uses {section}/{name} for a page of its own "
            f"(rename the file, e.g. to '{name}-{kind}.yml')",
            "content: 1 error, 0 warnings in 1 file",
        ],
    )
    code, printed = generate(tmp_path, capsys)
    assert code == 1 and "Traceback" not in printed and not (tmp_path / "out").exists()


def test_every_page_in_a_section_folder_is_a_record_or_reserved(content: Content) -> None:
    """The reserved names are the ones the renderer uses: a new generated page there must be reserved too."""
    many: dict[str, str | bytes | None] = {}
    for number in range(30):  # past the index pages' limit, so every listing is generated
        many[f"commitments/milestone-{number}.yml"] = VALID[MILESTONE]
        many[f"commitments/standing-{number}.yml"] = VALID[STANDING]
        many[f"incidents/2026-03-04-incident-{number}.yml"] = VALID[INCIDENT]
        many[f"mistakes/2026-05-02-mistake-{number}.yml"] = VALID[MISTAKE].replace("related: [2026-03-04-login-failures]\n", "")
    loaded = load(content(many))
    assert loaded.records is not None and loaded.problems == []
    output = render_site(loaded.records, AS_OF)
    ids = {r.id for r in (*loaded.records.commitments, *loaded.records.incidents, *loaded.records.mistakes)}
    seen: set[str] = set()
    for path in (*output.pages, *output.assets):
        section, _, rest = path.partition("/")
        if section in {"commitments", "incidents", "mistakes"} and rest:
            name = rest.split("/")[0].removesuffix(".md")
            assert name in ids or name in reserved_ids(section), path
            if name not in ids:
                seen.add(f"{section}/{name}")
    assert seen == {f"{section}/{name}" for section in ("commitments", "incidents", "mistakes") for name in reserved_ids(section)}
