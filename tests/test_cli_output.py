"""The command line as its neighbours have it: -q and -v, no colour but on a terminal and never with NO_COLOR, and hints."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, Content
from tests.test_build_command import project, trustpages
from tests.test_cli import AS_OF, NOTICE_WARNING, SHORT_NOTICE, run
from trustpages import installed
from trustpages.checks import examples as starter_examples
from trustpages.scaffold import default_name, starter_files

ESCAPE = "\x1b["


@pytest.mark.parametrize("argv", [["-q", "check"], ["check", "--quiet"]])
def test_quiet_check_prints_the_problems_alone(argv: list[str], content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content(SHORT_NOTICE)
    assert run([*argv, "content", *AS_OF], capsys) == (0, f"{NOTICE_WARNING}\n", "")


def test_quiet_check_of_clean_content_prints_nothing(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    assert run(["check", "-q", "--strict", "content", *AS_OF], capsys) == (0, "", "")
    assert run(["check", "content", *AS_OF], capsys) == (0, "content: no problems found\n", "")  # the next run is not quiet


def test_verbose_check_says_what_it_read_and_how_long_it_took(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    content()
    code, out, err = run(["-v", "check", "content", *AS_OF], capsys)
    assert (code, out) == (0, "content: no problems found\n")
    assert re.fullmatch(r"trustpages: checked content as of 2026-07-01 in \d+\.\d\d s\n", err)


def test_quiet_and_verbose_together_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "-q", "-v"], capsys)
    assert code == 2 and "not allowed with argument" in err


def test_quiet_init_writes_the_site_and_says_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(installed, "installed_direct_url", lambda: None)  # from the index: no note about a local folder
    assert run(["init", "-q", "site", "--no-git", "--name", "Acme"], capsys) == (0, "", "")
    assert (tmp_path / "site" / "content" / "site.yml").is_file()


@pytest.mark.parametrize("command", ["build", "serve"])
def test_no_mkdocs_yml_says_how_to_start_a_site(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert run([command], capsys) == (
        2,
        "",
        "trustpages: error: no MkDocs configuration at mkdocs.yml (run `trustpages init` to start a site here, "
        "or pass -f the mkdocs.yml of your site)\n",
    )


def test_import_force_says_what_it_overwrites_in_a_whole_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["import", "statuspage", "--help"], capsys)
    assert code == 0
    assert "--force also overwrite imported files edited by hand since the last import (the edits are lost)" in " ".join(out.split())


def test_a_warning_from_mkdocs_fails_the_build_even_when_quiet(tmp_path: Path) -> None:
    project(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - Gone: nowhere.md\n", encoding="utf-8")
    built = trustpages("build", cwd=tmp_path)
    assert built.returncode == 1 and "'nowhere.md' is included in the 'nav' configuration" in built.stderr
    quiet = trustpages("build", "-q", cwd=tmp_path)  # MkDocs' warning is not printed, and still counts
    assert quiet.returncode == 1 and "nowhere.md" not in quiet.stderr and "build failed" in quiet.stderr
    assert not (tmp_path / "site").exists()


def on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Exit code and output of `trustpages ARGS` with a pseudo-terminal as its stdout and stderr."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "trustpages", *args], cwd=cwd, env=env, stdout=follower, stderr=follower)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return proc.wait(timeout=300), out.decode()


def test_colour_only_on_a_terminal_and_never_with_no_color(tmp_path: Path) -> None:
    project(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - Gone: nowhere.md\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    # MkDocs' log shows a warning's level in colour on a terminal: the only colour there is (trustpages' own lines have none).
    code, coloured = on_a_terminal(["build"], tmp_path, env)
    assert code == 1 and f"{ESCAPE}33mWARNING" in coloured
    assert [line for line in coloured.splitlines() if line.startswith("trustpages:")] and all(
        ESCAPE not in line for line in coloured.splitlines() if line.startswith("trustpages:")
    )
    code, plain = on_a_terminal(["build"], tmp_path, {**env, "NO_COLOR": "1"})
    assert code == 1 and ESCAPE not in plain and "WARNING" in plain
    piped = trustpages("build", cwd=tmp_path, env={"NO_COLOR": ""})
    assert piped.returncode == 1 and ESCAPE not in piped.stdout + piped.stderr and "WARNING" in piped.stderr


def test_the_documents_the_code_and_docs_cite_are_in_the_repository() -> None:
    cited: dict[str, list[str]] = {}
    sources = [*(REPO / "generator").rglob("*.py"), *(REPO / "bench").glob("*.py"), *(REPO / "docs").glob("*.md")]
    for path in [*sources, *REPO.glob("*.md"), REPO / "pyproject.toml", REPO / "Makefile"]:
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"(?<![\w/.-])((?:docs/[\w-]+|[A-Z][A-Z_-]+)\.md)\b", text):
            cited.setdefault(name, []).append(str(path.relative_to(REPO)))
    assert {"README.md", "docs/records.md"} <= cited.keys()
    missing = {name: where for name, where in cited.items() if not (REPO / name).is_file()}
    assert not missing, missing


def test_the_readme_counts_the_examples_init_writes() -> None:
    files = starter_files(default_name(), date(2026, 11, 23))
    marks = next(file for file in files if file.path == f"content/{starter_examples.MARKS}")
    examples, _ = starter_examples.parse(marks.text, marks.path)
    assert len(examples) >= 6  # one of each kind of record with its own pages (two promises: with a deadline, and standing)
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert f'"{len(examples)} example records are still in content/: replace or delete them"' in readme
