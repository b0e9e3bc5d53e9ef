"""`trustpages new`: a correctly named record with every field, which check refuses until it is filled in."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from tests.checks.test_placeholders import own_values, without_examples
from trustpages.cli import main
from trustpages.records import Incident, IncidentUpdate, Milestone, Mistake, Standing, StatusUpdate
from trustpages.scaffold import default_name
from trustpages.scaffold.drafts import draft, slug
from trustpages.yamlsource import read

DAY = "2026-11-23"

# What a person writes into each field left as "", by kind.
FILLED: dict[str, dict[str, str]] = {
    "incident": {
        "impact": "minor",
        "started": f"{DAY}T08:00:00Z",
        "summary": "Some pages loaded slowly for 20 minutes.",
        "at": f"{DAY}T08:10:00Z",
        "body": "Some pages load slowly. We are looking into it.",
    },
    "mistake": {
        "what_happened": "We sent the November newsletter twice.",
        "who_was_affected": "Everyone who gets our newsletter.",
        "why": "A scheduled job was started by hand as well.",
        "what_we_changed": "The job now refuses to send the same newsletter twice.",
        "apology": "We are sorry for filling your inbox.",
    },
    "commitment": {
        "promise": "Every customer can download their invoices as PDF files.",
        "why": "Your invoices are yours.",
        "owner": "Billing team",
        "due": "2027-03-31",
    },
    "standing": {
        "promise": "Every call to our phone line is answered by a person within five minutes.",
        "why": "Waiting on hold is the top complaint in our surveys.",
        "owner": "Support team",
        "target": "90% of calls answered within five minutes",
    },
}
MODELS: dict[str, tuple[type[BaseModel], type[BaseModel] | None]] = {
    "incident": (Incident, IncidentUpdate),
    "mistake": (Mistake, None),
    "commitment": (Milestone, StatusUpdate),
    "standing": (Standing, None),
}
ARGS = {"incident": ["incident"], "mistake": ["mistake"], "commitment": ["commitment"], "standing": ["commitment", "--standing"]}
PATHS = {
    "incident": f"content/incidents/{DAY}-test-outage.yml",
    "mistake": f"content/mistakes/{DAY}-test-outage.yml",
    "commitment": "content/commitments/test-outage.yml",
    "standing": "content/commitments/test-outage.yml",
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.chdir(tmp_path)
    assert run(["init", "--date", DAY, "--no-git"], capsys)[0] == 0
    without_examples(tmp_path / "content")
    own_values(tmp_path / "content", default_name())  # so check --strict names only what `new` wrote
    return tmp_path


def fill(path: Path, values: dict[str, str]) -> None:
    """Write each value over its `key: ""` line, as a person would."""
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text, n = re.subn(rf'^(\s*(?:- )?{key}): ""$', rf"\g<1>: {value}", text, count=1, flags=re.MULTILINE)
        assert n == 1, key
    assert not re.search(r': ""$', text, re.MULTILINE)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(FILLED))
def test_new_writes_a_named_record_that_passes_check_once_filled_in(kind: str, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["new", *ARGS[kind], "Test outage", "--date", DAY], capsys)
    assert (code, err) == (0, "")
    path = site / PATHS[kind]
    assert out == (f'wrote {PATHS[kind]}\nfill in the {len(FILLED[kind])} fields left as "", then run: trustpages check content\n')
    code, out, _ = run(["check", "--as-of", DAY], capsys)
    assert code == 1
    assert f"content: {len(FILLED[kind])} errors, 0 warnings in 1 file" in out
    assert all(line.startswith(PATHS[kind]) for line in out.splitlines()[:-1])

    fill(path, FILLED[kind])
    assert run(["check", "--strict", "--as-of", DAY], capsys) == (0, "content: no problems found\n", "")


@pytest.mark.parametrize("kind", sorted(FILLED))
def test_every_field_is_there_with_its_description(kind: str) -> None:
    model, item = MODELS[kind]
    record = draft(ARGS[kind][0], "Test outage", date(2026, 11, 23), standing=kind == "standing")
    keys = re.findall(r"^(?:- )?(\w+):", record.text, re.MULTILINE)
    assert keys == [field.alias or name for name, field in model.model_fields.items() if name != "id"]
    for name, field in model.model_fields.items():
        if name != "id":
            assert f"# {field.description.split()[0]}" in record.text, name  # type: ignore[union-attr]
    if item is not None:
        item_keys = re.findall(r"^ +(?:- )?(\w+):", record.text, re.MULTILINE)
        assert item_keys == list(item.model_fields)


def test_what_check_says_about_a_new_incident(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["new", "incident", "Test outage", "--date", DAY], capsys)
    _, out, _ = run(["check", "--as-of", DAY], capsys)
    file = PATHS["incident"]
    lines = (site / file).read_text(encoding="utf-8").splitlines()

    def at(key: str) -> str:
        """file:line:col of the empty value of `key` (e.g. "  - at"), as check reports it."""
        written = f'{key}: ""'
        return f"{file}:{lines.index(written) + 1}:{len(key) + 3}"

    moment = "expected a moment like 2026-03-04T09:12 (in site.yml's time zone) or 2026-03-04T09:12:00Z; got ''"
    assert out.splitlines() == [
        f"{at('impact')}: error: impact: expected one of none, minor, partial, major, critical, maintenance; got ''",
        f"{at('started')}: error: started: {moment}",
        f"{at('summary')}: error: summary: is empty (write summary: What happened, in one or two sentences.)",
        f"{at('  - at')}: error: updates[1].at: {moment}",
        f"{at('    body')}: error: updates[1].body: is empty (write body: What we told customers, in plain words, e.g. We are looking into failed logins.)",
        "content: 5 errors, 0 warnings in 1 file",
    ]


def test_the_record_points_at_its_schema(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["new", "mistake", "Test outage", "--date", DAY], capsys)
    first = (site / PATHS["mistake"]).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/mistake.schema.json"


def test_new_refuses_to_overwrite(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["new", "mistake", "Test outage", "--date", DAY], capsys)[0] == 0
    path = site / PATHS["mistake"]
    path.write_text("title: mine\n", encoding="utf-8")
    assert run(["new", "mistake", "Test outage", "--date", DAY], capsys) == (
        2,
        "",
        f"trustpages: error: {PATHS['mistake']} already exists; nothing was written (edit it, or choose another title)\n",
    )
    assert path.read_text(encoding="utf-8") == "title: mine\n"


def test_the_title_is_kept_exactly_in_the_record(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = 'Logins failed: "401" for 1 in 5 users #auth'
    assert run(["new", "incident", title, "--date", DAY], capsys)[0] == 0
    path = site / f"content/incidents/{DAY}-logins-failed-401-for-1-in-5-users-auth.yml"
    assert read(path).value["title"] == title


def test_usage_errors(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["new", "incident", "Test", "--standing"], capsys) == (2, "", "trustpages: error: --standing is only for commitments\n")
    assert run(["new", "incident", "!!!"], capsys) == (
        2,
        "",
        "trustpages: error: the title '!!!' has no letters or digits to make a file name from\n",
    )
    assert run(["new", "mistake", "Test", "--content", "elsewhere"], capsys) == (
        2,
        "",
        "trustpages: error: no content folder at elsewhere (run `trustpages init` first, or pass --content)\n",
    )
    code, _, err = run(["new", "metric", "Test"], capsys)
    assert code == 2 and "invalid choice: 'metric'" in err


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Some customers could not log in", "some-customers-could-not-log-in"),
        ("Zahlungen doppelt abgebucht – Überweisung an Großkunden", "zahlungen-doppelt-abgebucht-uberweisung-an-grosskunden"),
        ("  API: 502s!! ", "api-502s"),
        ("A" * 80, "a" * 60),
        (
            "We charged some customers twice because a billing job ran again after a retry setting changed",
            "we-charged-some-customers-twice-because-a-billing-job-ran",
        ),
        ("日本語", ""),
    ],
)
def test_slug(title: str, expected: str) -> None:
    assert slug(title) == expected
    assert len(slug(title)) <= 60
