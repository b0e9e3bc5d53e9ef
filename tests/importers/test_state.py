"""The import state file is input: what it names is confined to the content folder's incidents, or nothing is written (issue 27)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.importers.conftest import export, snapshot, statuspage_incident, trustpages
from trustpages.importers import state

STATE = "content/.import/statuspage.json"
WHAT_TO_DO = "restore it from git, or delete it (the import then treats files it cannot match byte for byte as edited)"


@pytest.fixture
def imported(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """One incident imported into content/, beside a project file and a folder outside the project."""
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "victim.yml").write_text("mine\n", encoding="utf-8")
    result = trustpages(capsys, "import", "statuspage", export(tmp_path, statuspage_incident()), "--into", content)
    assert result.code == 0, result.err
    return content


def remembered(content: Path, **changes: object) -> None:
    """Rewrite the state file with the one incident's entry (or its components) changed."""
    file = content / ".import" / "statuspage.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    entry = data["incidents"]["abc123"]
    for key, value in changes.items():
        if key == "components":
            data["components"] = value
        else:
            entry[key] = value
    file.write_text(json.dumps(data), encoding="utf-8")


def refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: Path) -> list[str]:
    """The import's error, with and without --force; and that no file anywhere changed."""
    before = snapshot(tmp_path)
    errors = []
    for force in ([], ["--force"]):
        result = trustpages(capsys, "import", "statuspage", tmp_path / "export.json", "--into", content, *force)
        assert (result.code, result.out) == (2, "")
        errors.append(result.err)
        assert snapshot(tmp_path) == before
    assert errors[0] == errors[1]
    return errors[0].splitlines()


@pytest.mark.parametrize(
    "file",
    [
        "../outside/victim.yml",
        "../../outside/victim.yml",
        "../mkdocs.yml",
        "incidents/../../mkdocs.yml",
        "site.yml",
        "incidents/new.yml/../../site.yml",
        "incidents/Victim.yml",
        "incidents/sub/victim.yml",
        "incidents/.victim.yml",
        "incidents/victim.yaml",
        "incidents/" + "a" * 101 + ".yml",
        "",
    ],
)
def test_a_remembered_file_outside_the_incidents_folder_is_refused(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], file: str
) -> None:
    remembered(imported, file=file)
    assert refused(capsys, tmp_path, imported) == [
        f"trustpages: error: {STATE}: not a state file trustpages can read: incident 'abc123' names the file {file!r}, "
        f"not incidents/<id>.yml; {WHAT_TO_DO}"
    ]


def test_an_absolute_remembered_file_is_refused(imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = str(tmp_path / "outside" / "victim.yml")
    remembered(imported, file=victim)
    assert refused(capsys, tmp_path, imported) == [
        f"trustpages: error: {STATE}: not a state file trustpages can read: incident 'abc123' names the file {victim!r}, "
        f"not incidents/<id>.yml; {WHAT_TO_DO}"
    ]


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"components": {"c1": "../outside"}}, "component 'c1' has the id '../outside', which is not an id"),
        ({"components": {"c1": 7}}, "component 'c1' has the id 7, which is not an id"),
        ({"components": []}, "it has no mapping of incidents (and of components)"),
        ({"sha256": "not-a-digest"}, "incident 'abc123' has a sha256 that is not 64 hexadecimal digits"),
        ({"file": None}, "incident 'abc123' has no file and sha256"),
    ],
)
def test_a_state_that_is_not_what_an_import_writes_is_refused(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, object], why: str
) -> None:
    remembered(imported, **changes)
    assert refused(capsys, tmp_path, imported) == [f"trustpages: error: {STATE}: not a state file trustpages can read: {why}; {WHAT_TO_DO}"]


def test_two_incidents_remembered_in_one_file_are_refused(imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = imported / ".import" / "statuspage.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    data["incidents"]["other"] = data["incidents"]["abc123"]
    file.write_text(json.dumps(data), encoding="utf-8")
    written = data["incidents"]["abc123"]["file"]
    assert refused(capsys, tmp_path, imported) == [
        f"trustpages: error: {STATE}: not a state file trustpages can read: incidents 'abc123' and 'other' both name {written}; {WHAT_TO_DO}"
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[" * 100_000 + "]" * 100_000, "it is nested too deeply"),
        ('{"incidents": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001, "it is nested too deeply"),
        ("{", "it is not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
        ("\udcff", "it is not UTF-8 text"),
    ],
)
def test_a_state_file_json_cannot_read_is_refused(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, why: str
) -> None:
    (imported / ".import" / "statuspage.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    assert refused(capsys, tmp_path, imported) == [f"trustpages: error: {STATE}: not a state file trustpages can read: {why}; {WHAT_TO_DO}"]


def test_a_huge_state_file_is_refused_without_reading_it_all(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state, "MAX_BYTES", 1_000_000)
    (imported / ".import" / "statuspage.json").write_text(" " * 1_000_001 + "{}", encoding="utf-8")
    assert refused(capsys, tmp_path, imported) == [
        f"trustpages: error: {STATE}: not a state file trustpages can read: it is larger than 1 MB; {WHAT_TO_DO}"
    ]


@pytest.mark.parametrize("folder", ["incidents", ".import"])
def test_a_linked_folder_the_import_writes_into_is_refused(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    # Everything written there would land where the link points, outside the content folder.
    moved = tmp_path / "outside" / folder
    (imported / folder).rename(moved)
    (imported / folder).symlink_to(moved)
    assert refused(capsys, tmp_path, imported) == [
        f"trustpages: error: content/{folder}: is not a folder of the content folder (a link or a file); make it a plain folder"
    ]


def test_a_linked_state_file_is_refused(imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = imported / ".import" / "statuspage.json"
    file.rename(tmp_path / "outside" / "statuspage.json")
    file.symlink_to(tmp_path / "outside" / "statuspage.json")
    assert refused(capsys, tmp_path, imported) == [
        f"trustpages: error: {STATE}: not a state file trustpages can read: it is not a plain file; {WHAT_TO_DO}"
    ]


def test_a_state_an_import_wrote_reads_back_as_it_was(imported: Path) -> None:
    loaded = state.load(imported, "statuspage")
    assert loaded.dumps("statuspage") == (imported / ".import" / "statuspage.json").read_text(encoding="utf-8")
    assert [written.file for written in loaded.incidents.values()] == ["incidents/2021-03-01-slow-pages.yml"]
