"""The examples `trustpages init` writes, known by the mark init leaves (content/.examples.json), never by their names.

`check --strict` fails while any is left; deleting one that was published as init wrote it is not a
vanished record; every other deleted record, whatever its name, needs a withdrawal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.checks.test_placeholders import own_values
from tests.gitrepo import Repo
from trustpages.checks import examples
from trustpages.cli import main
from trustpages.scaffold import default_name

TODAY = "2026-11-23"
EXPORT = Path("commitments") / "example-export-all-your-data.yml"
REAL_PROMISE = """\
title: We publish every outage within an hour
promise: Every outage is on this site within an hour of its start.
why: You should hear it from us first.
category: reliability
made_on: 2026-11-01
due: 2027-03-31
owner: Operations
updates:
  - {on: 2026-11-01, status: in_progress}
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Repo:
    """A site from `trustpages init`, committed as its first publish, as the working folder."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "site", "--date", TODAY, "--no-git"]) == 0
    monkeypatch.chdir(tmp_path / "site")
    capsys.readouterr()
    repo = Repo(tmp_path / "site")
    repo.git("init", "-q", "-b", "main")
    repo.commit("The site as init wrote it", day=TODAY)
    return repo


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--as-of", TODAY, *args])
    return code, capsys.readouterr().out


def example_files(content: Path) -> list[Path]:
    marks = json.loads((content / examples.MARKS).read_text(encoding="utf-8"))["examples"]
    return [content / examples.Mark(**mark).path for mark in marks]


def delete_export_promise(site: Repo, name: Path = EXPORT) -> None:
    """Delete the milestone the example incident's follow_ups names, and that reference with it."""
    (site.content / name).unlink()
    incident = next((site.content / "incidents").glob("*.yml"))
    text = incident.read_text(encoding="utf-8")
    incident.write_text(text.replace(f"follow_ups: [{name.stem}]", ""), encoding="utf-8")


def test_init_marks_each_record_it_writes_with_the_digest_of_its_bytes(site: Repo) -> None:
    files = example_files(site.content)
    in_folders = sorted(path for path in site.content.rglob("*.yml") if path.parent != site.content)
    assert sorted(files) == in_folders and len(files) == 6
    marks, problems = examples.read(site.content)
    assert problems == []
    assert {mark.sha256 for mark in marks} == {examples.digest(path.read_bytes()) for path in files}


def test_examples_pass_check_but_not_check_strict(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    message = (
        "content/commitments/example-export-all-your-data.yml:5:1: warning: 6 example records are still in content/: replace or delete them"
    )
    code, out = check(capsys)
    assert code == 0 and out.startswith(message + " (")
    code, out = check(capsys, "--strict")
    assert code == 1 and out.startswith(message + " (")


def test_an_edited_example_is_the_companys_own_record(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    path = site.content / EXPORT
    path.write_text(path.read_text(encoding="utf-8").replace("Example — replace this: y", "Y"), encoding="utf-8")
    code, out = check(capsys)
    assert code == 0
    assert "warning: 5 example records are still in content/" in out
    assert "content/commitments/example-reply-within-one-working-day.yml:" in out


def test_deleting_the_examples_is_never_a_vanished_record(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    own_values(site.content, default_name())  # the placeholders, replaced and published first
    site.commit("Our own contact details and prices", day=TODAY)
    for path in example_files(site.content):
        path.unlink()
    contact = site.content / "contact.yml"
    contact.write_text(
        "".join(line for line in contact.read_text(encoding="utf-8").splitlines(keepends=True) if "response_promise" not in line),
        encoding="utf-8",
    )
    assert check(capsys, "--strict", "--against", "HEAD") == (0, "content: no problems found\n")


def test_an_example_edited_but_not_published_may_still_go(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    path = site.content / EXPORT
    path.write_text(path.read_text(encoding="utf-8") + "# edited, then thought better of it\n", encoding="utf-8")
    delete_export_promise(site)
    assert check(capsys, "--against", "HEAD")[0] == 0  # as published at HEAD, it was init's example


def test_an_example_published_edited_needs_a_withdrawal(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    path = site.content / EXPORT
    path.write_text(path.read_text(encoding="utf-8").replace("Example — replace this: y", "Y"), encoding="utf-8")
    site.commit("Our first real promise, written over the example", day=TODAY)
    delete_export_promise(site)
    code, out = check(capsys, "--against", "HEAD")
    assert code == 1
    assert (
        "content/commitments/example-export-all-your-data.yml:1:1: error: commitment 'example-export-all-your-data' was published at HEAD and is missing now"
        in out
    )


def test_a_real_promise_named_as_an_example_needs_a_withdrawal(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    promise = Path("commitments") / "example-outages-within-the-hour.yml"
    (site.content / promise).write_text(REAL_PROMISE, encoding="utf-8")
    site.commit("A real promise, named like an example", day=TODAY)
    (site.content / promise).unlink()
    code, out = check(capsys, "--against", "HEAD")
    assert code == 1
    assert "commitment 'example-outages-within-the-hour' was published at HEAD and is missing now" in out


def test_a_renamed_example_is_not_an_example(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    renamed = Path("commitments") / "export-all-your-data.yml"
    (site.content / EXPORT).rename(site.content / renamed)
    incident = next((site.content / "incidents").glob("*.yml"))
    incident.write_text(incident.read_text(encoding="utf-8").replace("example-export", "export"), encoding="utf-8")
    (site.content / "withdrawn.yml").write_text(
        f"- {{id: {EXPORT.stem}, kind: commitment, on: {TODAY}, reason: Renamed.}}\n", encoding="utf-8"
    )
    site.commit("The example promise, renamed", day=TODAY)
    delete_export_promise(site, renamed)
    code, out = check(capsys, "--against", "HEAD")
    assert code == 1
    assert "commitment 'export-all-your-data' was published at HEAD and is missing now" in out


def test_a_published_record_cannot_be_marked_as_an_example_afterwards(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    promise = Path("commitments") / "outages-within-the-hour.yml"
    (site.content / promise).write_text(REAL_PROMISE, encoding="utf-8")
    site.commit("A real promise", day=TODAY)
    marks = site.content / examples.MARKS
    value = json.loads(marks.read_text(encoding="utf-8"))
    value["examples"].append({"kind": "commitment", "id": promise.stem, "sha256": examples.digest(REAL_PROMISE.encode())})
    marks.write_text(json.dumps(value, indent=1), encoding="utf-8")
    line = marks.read_text(encoding="utf-8").splitlines().index(f'   "id": "{promise.stem}",') + 1
    code, out = check(capsys, "--against", "HEAD")
    assert code == 1
    assert (
        f"content/.examples.json:{line}:1: error: commitment 'outages-within-the-hour' is marked as an example of trustpages init, "
        "but was not marked so at HEAD (marks come only with a site's first publication" in out
    )
    # Removing marks is always fine.
    value["examples"] = value["examples"][:2]
    marks.write_text(json.dumps(value, indent=1), encoding="utf-8")
    assert check(capsys, "--against", "HEAD")[0] == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"examples": [', "content/.examples.json:1:15: error: not valid JSON: Expecting value"),
        ('{"examples": {}}', 'content/.examples.json:1:1: error: expected an object with an "examples" list'),
        (
            '{"examples": [\n{"kind": "pricing", "id": "x", "sha256": "0"}]}',
            "content/.examples.json:2:1: error: examples entry 1: expected kind (of a record with an id), id and sha256",
        ),
    ],
)
def test_a_broken_marks_file_is_one_located_error(site: Repo, capsys: pytest.CaptureFixture[str], text: str, expected: str) -> None:
    (site.content / examples.MARKS).write_text(text, encoding="utf-8")
    for args in ((), ("--against", "HEAD")):
        code, out = check(capsys, *args)
        assert code == 1
        assert out.count(expected) == 1, out
        assert "example records are still" not in out  # a broken file marks nothing


def test_only_record_files_in_a_kind_s_folder_are_marked() -> None:
    text = examples.marks_text(
        [("incidents/2026-11-22-example-a.yml", "title: a\n"), ("incidents/README.md", "notes\n"), ("pricing.yml", "currency: EUR\n")]
    )
    marks, problems = examples.parse(text, "content/.examples.json")
    assert problems == []
    assert marks == {examples.Mark("incident", "2026-11-22-example-a", examples.digest(b"title: a\n"))}


def test_a_marks_file_that_cannot_be_read_is_one_located_error(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    (site.content / examples.MARKS).write_bytes(b'{"examples": ["\xff"]}')
    code, out = check(capsys)
    assert code == 1
    assert out.startswith("content/.examples.json:1:1: error: cannot read it: 'utf-8' codec can't decode byte 0xff")


def test_deleting_the_marks_file_is_fine(site: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    (site.content / examples.MARKS).unlink()
    code, out = check(capsys, "--against", "HEAD")
    assert code == 0 and "example records" not in out  # nothing is marked now: no example is left to warn about
