"""Importers given hostile sources: every one is a plain `file: where: problem` (exit 2) within a budget, never a traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.conftest import export, incidents, snapshot, statuspage_incident, trustpages

# Ten anchors, each a list of ten of the one before: 10**10 values once expanded ("billion laughs").
BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 10))


def _cstate(content: Path, issue: str, config: str | None = None) -> Path:
    site = content.parent / "site"
    (site / "content" / "issues").mkdir(parents=True)
    (site / "content" / "issues" / "x.md").write_text(issue, encoding="utf-8")
    if config is not None:
        (site / "config.yml").write_text(config, encoding="utf-8")
    return site


def _refused(capsys: pytest.CaptureFixture[str], content: Path, *argv: str | Path) -> str:
    before = snapshot(content)
    result = trustpages(capsys, "import", *argv, "--into", content)
    assert result.code == 2 and result.out == "" and result.err.count("\n") == 1, result
    assert snapshot(content) == before  # nothing written
    return result.err.removeprefix("trustpages: error: ").rstrip("\n")


ISSUE = (
    '---\ntitle: {title}\ndate: 2021-03-01 10:00:00\nseverity: down\n---\nWe are looking into it. {{{{< track "2021-03-01 10:05:00" >}}}}\n'
)


def test_an_alias_bomb_in_front_matter_is_refused_within_its_budget(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # It ran 47 s and 4 GB into MemoryError. Refused where the values ran over the budget: in the anchors it expands.
    site = _cstate(content, "---\n" + BOMB + "title: *a9\ndate: 2021-03-01\n---\nText\n")
    assert _refused(capsys, content, "cstate", site) == (
        "site/content/issues/x.md:2:37: front matter is not valid YAML: more than 100,000 values (are aliases (*) expanding?)"
    )


def test_an_alias_bomb_in_the_config_is_refused_within_its_budget(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _cstate(content, ISSUE.format(title="Slow"), config=BOMB + "params:\n  systems: *a9\n")
    assert _refused(capsys, content, "cstate", site) == (
        "site/config.yml:1:37: not valid YAML: more than 100,000 values (are aliases (*) expanding?)"
    )


def test_front_matter_nested_past_the_depth_budget_is_refused(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _cstate(content, "---\ntitle: " + "[" * 40 + "]" * 40 + "\ndate: 2021-03-01\n---\nText\n")
    assert (
        _refused(capsys, content, "cstate", site)
        == "site/content/issues/x.md:2:39: front matter is not valid YAML: nested more than 32 levels deep"
    )


def test_an_issue_larger_than_a_record_can_be_is_refused_unread(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _cstate(content, ISSUE.format(title="Slow") + "x" * 1_000_001)
    assert _refused(capsys, content, "cstate", site) == (
        "site/content/issues/x.md: larger than 1,000,000 bytes; an incident record cannot hold that much"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ('"Login \\u202edown"', "title: holds U+202E (RIGHT-TO-LEFT OVERRIDE), which shows the text around it in another order than it is written "
         "(delete it: text runs in the direction of its own letters)"),
        ('"Login \\x07down"', "title: holds the control character U+0007, which no page can show (delete it: most editors do not show it)"),
        ("L" + "o" * 600, "title: is 601 characters long; one line holds at most 500"),
    ],
    ids=["bidi", "control", "long"],
)  # fmt: skip
def test_a_cstate_title_no_record_can_hold_is_a_plain_error(
    content: Path, capsys: pytest.CaptureFixture[str], title: str, expected: str
) -> None:
    site = _cstate(content, ISSUE.format(title=title))
    assert _refused(capsys, content, "cstate", site) == f"site/content/issues/x.md: {expected}"


def test_a_cstate_update_no_record_can_hold_is_a_plain_error(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _cstate(content, ISSUE.format(title="Slow").replace("We are looking", "We \u2066are looking"))
    assert _refused(capsys, content, "cstate", site) == (
        "site/content/issues/x.md: the update posted 2021-03-01T10:05:00Z: body: holds U+2066 (LEFT-TO-RIGHT ISOLATE), which shows "
        "the text around it in another order than it is written (delete it: text runs in the direction of its own letters)"
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": "Login \u202edown"}, "title: holds U+202E (RIGHT-TO-LEFT OVERRIDE), which shows the text around it in another order"),
        ({"name": "Login " + "o" * 600}, "title: is 606 characters long; one line holds at most 500"),
        ({"created_at": "1969-12-31T23:00:00Z", "started_at": "1969-12-31T23:00:00Z"},
         "started: 1969-12-31T23:00:00+00:00 is outside the dates trustpages accepts (1970-01-01 to 9000-12-31)"),
        ({"resolved_at": "9999-01-01T00:00:00Z"}, "resolved: 9999-01-01T00:00:00+00:00 is outside the dates trustpages accepts"),
    ],
    ids=["bidi", "long", "before 1970", "after 9000"],
)  # fmt: skip
def test_a_statuspage_incident_no_record_can_hold_is_a_plain_error(
    content: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, fields: dict[str, str], expected: str
) -> None:
    message = _refused(capsys, content, "statuspage", export(tmp_path, statuspage_incident(**fields)))
    assert message.startswith(f"export.json: incident abc123: {expected}"), message


@pytest.mark.parametrize("nested", ["[" * 100_000 + "]" * 100_000, '{"incidents": ' + "[" * 100_000 + "]" * 100_000 + "}"])
def test_a_statuspage_export_nested_too_deeply_is_a_plain_error(
    content: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, nested: str
) -> None:
    path = tmp_path / "export.json"
    path.write_text(nested, encoding="utf-8")
    assert _refused(capsys, content, "statuspage", path) == "export.json: nested too deeply to be a Statuspage export"


def test_a_line_break_in_an_imported_id_cannot_write_a_field(content: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The source's id is written in a comment atop the record: a line break in it once started a line of its own (a field)."""
    hostile = statuspage_incident(id="abc\nremedy: Everyone gets a free year.\n#\u202e", shortlink="https://stspg.io/x\x07")
    result = trustpages(capsys, "import", "statuspage", export(tmp_path, hostile), "--into", content)
    assert result.code == 0, result
    (written,) = (content / "incidents").glob("*.yml")
    text = written.read_text(encoding="utf-8")
    assert text.startswith(
        "# Imported from Statuspage incident abc\n# remedy: Everyone gets a free year.\n# #\\u202e: https://stspg.io/x\\u0007\n"
    )
    assert incidents(content)[written.stem].remedy is None


def test_a_line_break_in_a_cstate_file_name_cannot_write_a_field(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _cstate(content, ISSUE.format(title="Slow"))
    (site / "content" / "issues" / "x.md").rename(site / "content" / "issues" / "x\nremedy: free.md")
    result = trustpages(capsys, "import", "cstate", site, "--into", content)
    assert result.code == 0, result
    (written,) = (content / "incidents").glob("*.yml")
    assert written.read_text(encoding="utf-8").startswith("# Imported from cState issue x\n# remedy: free.md\n")
    assert incidents(content)[written.stem].remedy is None
