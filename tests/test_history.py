"""trustpages.history: each record's commits and changed fields, and how record pages show them."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.gitrepo import EXAMPLE, Repo, a_milestone, make_repo
from tests.render.conftest import AS_OF, Build, mkdocs_build, write_config
from trustpages import history as hist
from trustpages.fielddiff import FieldChange, diff, show
from trustpages.history import History, record_history
from trustpages.pipeline import make_site
from trustpages.render.htmlpage import text_of
from trustpages.validate import validate

NOTE_SHALLOW = "Older changes may be missing from this list."
HISTORY_HEADING = "History of this record"


def two_changes(repo: Repo, cid: str) -> None:
    """The Done-when scenario: two commits, each changing the commitment `cid`."""
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update(due="2026-09-30"))
    repo.commit("Move the due date to September", "2026-02-01")
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update(owner="Data team"))
    repo.commit("Hand it to the data team", "2026-03-01")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "repo")


# --- reading the history --------------------------------------------------------------


def test_every_commit_that_touched_a_record_with_its_changed_fields(repo: Repo) -> None:
    cid = a_milestone(repo.content)
    old = hist.yamlsource.read(repo.content / "commitments" / f"{cid}.yml").value
    two_changes(repo, cid)

    history = record_history(repo.content)

    assert history.available and not history.is_shallow
    changes = history.of("commitment", cid)
    assert [(c.subject, c.action, c.date.date()) for c in changes] == [
        ("Hand it to the data team", "changed", date(2026, 3, 1)),
        ("Move the due date to September", "changed", date(2026, 2, 1)),
        ("Publish the records", "created", date(2026, 1, 5)),
    ]
    assert changes[0].fields == (FieldChange("owner", show(old["owner"]), "Data team"),)
    assert changes[1].fields == (FieldChange("due", old["due"], "2026-09-30"),)
    assert changes[2].fields == ()
    assert changes[0].sha == repo.git("rev-parse", "HEAD").strip()
    assert changes[0].date == datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_every_record_file_gets_its_history_from_one_pass(repo: Repo) -> None:
    history = record_history(repo.content)
    expected = validate(repo.content, date.fromisoformat(AS_OF))
    assert expected.records is not None
    ids = {("commitment", c.id) for c in expected.records.commitments} | {("incident", i.id) for i in expected.records.incidents}
    assert ids <= set(history)
    assert ("site", "") in history
    assert all(len(history[key]) == 1 and history[key][0].action == "created" for key in history)


def test_a_deleted_record_keeps_its_history_and_a_rename_is_a_delete_and_an_add(repo: Repo) -> None:
    cid = a_milestone(repo.content)
    (repo.content / "commitments" / f"{cid}.yml").rename(repo.content / "commitments" / "renamed.yml")
    repo.commit("Rename it", "2026-02-01")

    history = record_history(repo.content)

    assert [c.action for c in history.of("commitment", cid)] == ["deleted", "created"]
    assert [c.action for c in history.of("commitment", "renamed")] == ["created"]


def test_a_version_that_cannot_be_read_is_said_not_to_be_readable(repo: Repo) -> None:
    cid = a_milestone(repo.content)
    path = repo.content / "commitments" / f"{cid}.yml"
    good = path.read_bytes()
    path.write_text("title: [unclosed\n", encoding="utf-8")
    repo.commit("Break the file", "2026-02-01")
    path.write_bytes(good)
    repo.commit("Mend the file", "2026-02-02")

    mended, broken, _ = record_history(repo.content).of("commitment", cid)

    assert (broken.subject, broken.readable, broken.fields) == ("Break the file", False, ())
    assert (mended.subject, mended.readable, mended.fields) == ("Mend the file", False, ())


def test_the_first_value_of_a_field_is_the_one_first_committed(repo: Repo) -> None:
    cid = a_milestone(repo.content)
    first = hist.yamlsource.read(repo.content / "commitments" / f"{cid}.yml").value["due"]
    two_changes(repo, cid)
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update(due="2027-03-31"))
    repo.commit("Move it again", "2026-03-01")

    history = record_history(repo.content)

    assert history.first_value("commitment", cid, "due") == str(first)
    assert history.first_value("commitment", cid, "title") is None  # never changed
    assert history.commit == repo.git("rev-parse", "HEAD").strip()


def test_a_shallow_clone_says_so(repo: Repo, tmp_path: Path) -> None:
    two_changes(repo, a_milestone(repo.content))
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))

    history = record_history(clone / "content")

    assert history.available and history.is_shallow
    assert [c.action for c in history.of("commitment", a_milestone(repo.content))] == ["created"]


def test_outside_git_history_is_not_available(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "content")
    history = record_history(tmp_path / "content")
    assert (history.available, history.reason, len(history)) == (False, "outside_repository", 0)


def test_without_git_history_is_not_available(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on it
    history = record_history(EXAMPLE)
    assert (history.available, history.reason) == (False, "no_git")


def test_a_repository_without_commits_has_an_empty_history(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    shutil.copytree(EXAMPLE, repo.content)
    repo.git("init", "-q")
    history = record_history(repo.content)
    assert (history.available, len(history)) == (True, 0)


# --- comparing two versions -----------------------------------------------------------


def test_diff_names_nested_fields_with_one_based_positions() -> None:
    old = {"due": "2026-06-30", "updates": [{"on": "2026-02-01", "status": "not_started"}, {"on": "2026-04-10", "status": "in_progress"}]}
    new = {"due": "2026-09-30", "updates": [{"on": "2026-02-01", "status": "not_started"}, {"on": "2026-04-10", "status": "kept"}]}
    assert diff(old, new) == [FieldChange("due", "2026-06-30", "2026-09-30"), FieldChange("updates[2].status", "in_progress", "kept")]


def test_diff_shows_an_appended_item_as_one_addition() -> None:
    old = {"updates": [{"on": "2026-02-01", "status": "not_started"}]}
    new = {"updates": [{"on": "2026-02-01", "status": "not_started"}, {"on": "2026-06-20", "status": "kept", "note": "Live."}]}
    assert diff(old, new) == [FieldChange("updates[2]", None, "{on: 2026-06-20, status: kept, note: Live.}")]


def test_diff_aligns_lists_when_an_item_in_the_middle_goes() -> None:
    old = {"affected": ["login", "api", "billing", "email"]}
    new = {"affected": ["login", "billing", "email", "search"]}
    assert diff(old, new) == [FieldChange("affected[2]", "api", None), FieldChange("affected[4]", None, "search")]


def test_diff_reports_added_and_removed_fields() -> None:
    assert diff({"title": "A", "cause": "x"}, {"title": "A", "remedy": "y"}) == [
        FieldChange("remedy", None, "y"),
        FieldChange("cause", "x", None),
    ]


def test_diff_compares_values_with_their_type() -> None:
    assert diff({"n": 12}, {"n": "12"}) == [FieldChange("n", "12", "12")]
    assert diff({"n": 12}, {"n": 12.0}) == []
    assert diff([1, 2], {"a": 1}) == [FieldChange("", "[1, 2]", "{a: 1}")]


def test_show_writes_values_on_one_line() -> None:
    assert show({"a": None, "b": [True, False], "c": "two\nlines"}) == "{a: null, b: [true, false], c: two lines}"


def test_a_large_change_lists_some_fields_and_counts_the_rest(repo: Repo) -> None:
    cid = a_milestone(repo.content)
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update({f"x{i}": i for i in range(hist.MAX_FIELDS + 3)}))
    repo.commit("Add many fields", "2026-02-01")
    change = record_history(repo.content).of("commitment", cid)[0]
    assert (len(change.fields), len(change.listed), change.more) == (hist.MAX_FIELDS + 3, hist.MAX_FIELDS, 3)


# --- record pages ---------------------------------------------------------------------


def render(content: Path, history: History | None) -> dict[str, str]:
    result = validate(content, date.fromisoformat(AS_OF))
    assert result.records is not None and not result.errors
    return make_site(result.records, date.fromisoformat(AS_OF), history=history).pages


def test_a_record_page_lists_each_commit_with_its_changed_fields(repo: Repo) -> None:
    cid = a_milestone(repo.content)
    old_due = hist.yamlsource.read(repo.content / "commitments" / f"{cid}.yml").value["due"]
    two_changes(repo, cid)
    sha = repo.git("rev-parse", "HEAD").strip()

    repo_url = validate(repo.content, date.fromisoformat(AS_OF)).records.site.repo_url  # type: ignore[union-attr]

    page = render(repo.content, record_history(repo.content))[f"commitments/{cid}.md"]

    heading = f'<h2 data-search-exclude id="history">{HISTORY_HEADING}</h2>'
    assert heading in page
    # In readers' words: commit subjects are written for the people who keep the records.
    assert "Hand it to the data team" not in page and "Move the due date to September" not in page
    first_due = date.fromisoformat(str(old_due))
    assert f"due date changed from {first_due.day} {first_due.strftime('%B')} {first_due.year} to 30 September 2026." in page
    assert "owner changed from “" in page and "” to “Data team”." in page
    assert "<code>" not in page.split(heading)[1]

    subjects = render_with(repo, history_commit_messages="true")[f"commitments/{cid}.md"]
    if repo_url:
        assert f'<a href="{repo_url.rstrip("/")}/commit/{sha}">' not in subjects  # nothing was rewritten: no link needed
    assert '<span class="tp-history__subject">Hand it to the data team</span>' in subjects
    first = date.fromisoformat(str(old_due))
    moved = f"Due date moved from {first.day} {first.strftime('%B')} {first.year} to 30 September 2026."
    assert f"<p><strong>{moved}</strong> No reason was given." in page


def render_with(repo: Repo, **site: str) -> dict[str, str]:
    """The pages with extra site.yml settings (YAML values), history read from the repository."""
    path = repo.content / "site.yml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "".join(f"{key}: {value}\n" for key, value in site.items()), encoding="utf-8")
    try:
        return render(repo.content, record_history(repo.content))
    finally:
        path.write_text(before, encoding="utf-8")


def test_without_history_record_pages_have_no_history_section(repo: Repo) -> None:
    # Outside git there is nothing to list; the build log says why, the page does not bother readers.
    cid = a_milestone(repo.content)
    for history in (None, History(available=False, reason="outside_repository")):
        page = render(repo.content, history)[f"commitments/{cid}.md"]
        assert HISTORY_HEADING not in page and "not available" not in page


def test_commit_subjects_are_escaped(repo: Repo) -> None:
    cid = a_milestone(repo.content)
    repo.edit(f"commitments/{cid}.yml", lambda record: record.update(owner="<b>Team</b>"))
    repo.commit("<script>alert(1)</script>", "2026-02-01")
    page = render_with(repo, history_commit_messages="true")[f"commitments/{cid}.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Team&lt;/b&gt;" in page


def table_rows(page: str) -> list[list[str]]:
    """The words of each body row's cells, whatever attributes the cells carry (phone-card labels)."""
    return [
        [text_of(cell) for cell in re.findall(r"<td(?:\s[^>]*)?>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)
    ]


def test_withdrawn_records_are_listed_with_their_reason(repo: Repo) -> None:
    (repo.content / "withdrawn.yml").write_text(
        "- {id: old-promise, kind: commitment, title: Faster refunds, on: 2026-03-01, reason: We merged it into another promise.}\n"
        "- {id: 2025-01-01-test, kind: incident, on: 2026-03-02, reason: It was a test entry.}\n",
        encoding="utf-8",
    )
    pages = render(repo.content, None)
    assert '<h2 id="withdrawn-records">Withdrawn records</h2>' in pages["commitments/index.md"]
    assert ["Faster refunds", "1 March 2026", "We merged it into another promise."] in table_rows(pages["commitments/index.md"])
    assert ["2025-01-01-test", "2 March 2026", "It was a test entry."] in table_rows(pages["incidents/index.md"])  # no title known: its id
    assert "Withdrawn records" not in pages["mistakes/index.md"]


# --- the real build -------------------------------------------------------------------


def build(folder: Path, content: Path) -> Build:
    folder.mkdir()
    result = mkdocs_build(write_config(folder, content))
    assert result.returncode == 0, result.output
    return result


def test_the_built_page_shows_both_changes(repo: Repo, tmp_path: Path) -> None:
    cid = a_milestone(repo.content)
    two_changes(repo, cid)
    html = build(tmp_path / "site", repo.content).html(f"commitments/{cid}/index.html")
    assert 'id="history"' in html
    assert "due date changed from" in html and "to 30 September 2026" in html
    assert "owner changed from" in html
    assert NOTE_SHALLOW not in html


def test_a_shallow_build_says_history_is_incomplete(repo: Repo, tmp_path: Path) -> None:
    two_changes(repo, a_milestone(repo.content))
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    result = build(tmp_path / "site", clone / "content")
    assert NOTE_SHALLOW in result.html(f"commitments/{a_milestone(clone / 'content')}/index.html")
    assert "record history is incomplete: this is a shallow clone" in result.output


def test_a_build_outside_git_has_no_history_section_and_says_why_in_the_log(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "content")
    result = build(tmp_path / "site", tmp_path / "content")
    html = result.html(f"commitments/{a_milestone(tmp_path / 'content')}/index.html")
    assert HISTORY_HEADING not in html and "not available" not in html
    assert "record history not available" in result.output


def test_history_is_one_git_log_and_one_git_cat_file(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    two_changes(repo, a_milestone(repo.content))
    commands: list[str] = []

    class Counting(subprocess.Popen):  # type: ignore[type-arg]
        def __init__(self, args: list[str], *rest: object, **options: object) -> None:
            commands.append(next(arg for arg in args[3:] if not arg.startswith("-") and "=" not in arg))
            super().__init__(args, *rest, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(subprocess, "Popen", Counting)
    record_history(repo.content)
    assert sorted(commands) == ["cat-file", "log", "rev-parse", "rev-parse", "rev-parse"]


def test_a_repository_git_cannot_read_gives_no_history_rather_than_a_hang(repo: Repo) -> None:
    two_changes(repo, a_milestone(repo.content))
    tree = repo.git("rev-parse", "HEAD~1^{tree}").strip()
    (repo.root / ".git" / "objects" / tree[:2] / tree[2:]).unlink()  # a commit git log must diff

    history = record_history(repo.content)

    assert (history.available, history.reason) == (False, "git_error")
    assert tree in history.detail
