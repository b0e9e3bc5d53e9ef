"""`trustpages check`: reports, exit codes, usage errors, and never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BAD, BAD_YAML, INCIDENT, REPO, Content, replaced
from trustpages.cli import main
from trustpages.yamlsource import MAX_BYTES

AS_OF = ["--as-of", "2026-07-01"]
INCIDENT_FILE = f"content/{INCIDENT}"
SHORT_NOTICE = replaced("pricing.yml", "effective: 2026-02-15", "effective: 2026-02-01")
NOTICE_WARNING = (
    "content/pricing.yml:11:40: warning: only 22 days' notice for the Team price change; we promised 30 when it was announced "
    "(the pricing page will say the policy was not met)"
)
TYPO = replaced(INCIDENT, "impact: major", "impact: majr")
TYPO_ERROR = f"{INCIDENT_FILE}:2:9: error: impact: expected one of none, minor, partial, major, critical, maintenance; got 'majr' (did you mean 'major'?)"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `trustpages argv`, whether it returns or exits."""
    try:
        code = main(argv)
    except SystemExit as exit:  # argparse's usage errors
        code = exit.code if isinstance(exit.code, int) else 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_clean_content_exits_0(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    assert run(["check", "content", *AS_OF], capsys) == (0, "content: no problems found\n", "")


def test_content_folder_defaults_to_content(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content(TYPO)
    assert run(["check", *AS_OF], capsys) == (1, f"{TYPO_ERROR}\ncontent: 1 error, 0 warnings in 1 file\n", "")


def test_errors_exit_1(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content({**TYPO, **SHORT_NOTICE})
    code, out, _ = run(["check", "content", *AS_OF], capsys)
    assert code == 1
    assert out.splitlines() == [TYPO_ERROR, NOTICE_WARNING, "content: 1 error, 1 warning in 2 files"]


def test_warnings_alone_exit_0(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content(SHORT_NOTICE)
    assert run(["check", "content", *AS_OF], capsys) == (0, f"{NOTICE_WARNING}\ncontent: 0 errors, 1 warning in 1 file\n", "")


def test_warnings_exit_1_with_strict(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content(SHORT_NOTICE)
    assert run(["check", "content", "--strict", *AS_OF], capsys)[0] == 1


def test_strict_on_clean_content_exits_0(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    assert run(["check", "content", "--strict", *AS_OF], capsys)[0] == 0


def test_as_of_moves_policy_deadlines(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content(replaced(INCIDENT, "postmortem: |\n  We renewed certificates by hand and missed one.\n", ""))
    assert run(["check", "content", "--strict", "--as-of", "2026-07-01"], capsys)[0] == 1
    assert run(["check", "content", "--strict", "--as-of", "2026-03-11", "--format", "json"], capsys)[1].count("postmortem") == 0


def test_as_of_defaults_to_source_date_epoch(content: Content, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    content()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1781136000")  # 2026-06-11: the milestone's 2026-06-20 update is in the future
    code, out, _ = run(["check", "content"], capsys)
    assert (code, out.splitlines()[0]) == (
        0,
        "content/commitments/export-all-data.yml:11:9: warning: update dated 2026-06-20, after today (2026-06-11)",
    )


# Usage errors: exit 2 with one line saying what is wrong.


def test_malformed_source_date_epoch(content: Content, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    content()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert run(["check", "content"], capsys) == (
        2,
        "",
        "trustpages: error: SOURCE_DATE_EPOCH must be whole seconds since 1970; got 'yesterday'\n",
    )


def test_impossible_as_of_date(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    code, out, err = run(["check", "content", "--as-of", "2026-02-30"], capsys)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "trustpages check: error: argument --as-of: expected a date like 2026-03-04; got '2026-02-30'"


def test_missing_content_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["check", "nowhere"], capsys) == (
        2,
        "",
        "trustpages: error: no content folder at nowhere (pass the folder that holds site.yml)\n",
    )


def test_file_instead_of_a_folder(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    assert run(["check", "content/site.yml"], capsys)[0] == 2


def test_unknown_option(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    code, out, err = run(["check", "content", "--loud"], capsys)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "trustpages: error: unrecognized arguments: --loud"


def test_unknown_format(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    code, _, err = run(["check", "content", "--format", "xml"], capsys)
    assert code == 2
    assert err.splitlines()[-1] == (
        "trustpages check: error: argument --format: invalid choice: 'xml' (choose from 'human', 'github', 'json')"
    )


def test_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([], capsys)
    assert code == 2
    assert err.splitlines()[-1] == "trustpages: error: the following arguments are required: COMMAND"


# Formats.


def test_github_format(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content({**TYPO, **SHORT_NOTICE})
    code, out, _ = run(["check", "content", "--format", "github", *AS_OF], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"::error file={INCIDENT_FILE},line=2,col=9,title=trustpages::impact: expected one of none, minor, partial, major, "
        "critical, maintenance; got 'majr' (did you mean 'major'?)",
        "::warning file=content/pricing.yml,line=11,col=40,title=trustpages::only 22 days' notice for the Team price "
        "change; we promised 30 when it was announced (the pricing page will say the policy was not met)",
    ]


def test_github_format_when_clean_prints_nothing(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    assert run(["check", "content", "--format", "github", *AS_OF], capsys) == (0, "", "")


def test_json_format(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content({**TYPO, **SHORT_NOTICE})
    code, out, _ = run(["check", "content", "--format", "json", *AS_OF], capsys)
    report = json.loads(out)
    assert code == 1
    assert (report["errors"], report["warnings"]) == (1, 1)
    assert report["problems"][0] == {
        "file": INCIDENT_FILE,
        "line": 2,
        "col": 9,
        "severity": "error",
        "message": "impact: expected one of none, minor, partial, major, critical, maintenance; got 'majr'",
        "hint": "did you mean 'major'?",
    }


# Every malformed file fails the check with its one problem, and nothing else.


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_malformed_fixture_exits_1(name: str, content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    folder = content()
    shutil.copy(BAD / name, folder / "mistakes" / name)
    line, col, message, hint = BAD_YAML[name]
    expected = f"content/mistakes/{name}:{line}:{col}: error: {message}" + (f" ({hint})" if hint else "")
    assert run(["check", "content", *AS_OF], capsys) == (1, f"{expected}\ncontent: 1 error, 0 warnings in 1 file\n", "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("why: " + "x" * MAX_BYTES, "1:1: error: file is 1,000,005 bytes; records are limited to 1,000,000"),
        ("[" * 100_000 + "]" * 100_000, "1:33: error: nested more than 32 levels deep"),
    ],
    ids=["too-large", "absurd-nesting"],
)
def test_hostile_file_exits_1(text: str, problem: str, content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content({"incidents/hostile.yml": text})
    code, out, _ = run(["check", "content", *AS_OF], capsys)
    assert (code, out.splitlines()[0].split(" (")[0]) == (1, f"content/incidents/hostile.yml:{problem}")


# The real command, in its own process.


def test_command_line_reports_every_malformed_file_at_once(content: Content) -> None:
    folder = content()
    for name in BAD_YAML:
        shutil.copy(BAD / name, folder / "mistakes" / name)
    proc = subprocess.run(
        [sys.executable, "-m", "trustpages", "check", "content", "--format", "json", *AS_OF],
        capture_output=True,
        text=True,
        cwd=folder.parent,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=60,  # a safety net: an alias bomb that got through would run for hours
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert (report["errors"], report["warnings"]) == (len(BAD_YAML), 0)
    assert sorted(Path(problem["file"]).name for problem in report["problems"]) == sorted(BAD_YAML)


def test_installed_script_usage_error(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("trustpages")
    if not script.exists():
        pytest.skip("trustpages is not installed in this environment")
    proc = subprocess.run([str(script), "check", "--as-of", "soon", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines()[-1] == "trustpages check: error: argument --as-of: expected a date like 2026-03-04; got 'soon'"


def test_output_cut_short_ends_quietly(tmp_path: Path) -> None:
    """`trustpages check --format json | head`: the reader leaves early; no BrokenPipeError traceback."""
    script = Path(sys.executable).with_name("trustpages")
    if not script.exists():
        pytest.skip("trustpages is not installed in this environment")
    proc = subprocess.Popen(
        [str(script), "check", "--format", "json", str(REPO / "content")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `head` having read all it wanted, before trustpages writes a byte
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141  # 128 + SIGPIPE, as a shell reports a command cut short
    assert err == ""
