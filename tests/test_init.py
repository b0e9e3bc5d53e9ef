"""`trustpages init`: a new site that checks clean, builds with MkDocs, and never overwrites a file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path, PurePosixPath

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.conftest import REPO
from trustpages import __version__, installed
from trustpages.cli import COMMANDS, main, parser
from trustpages.installed import WHEELS, origin
from trustpages.scaffold import SOURCE_REPOSITORY, starter_files
from trustpages.yamlsource import read

TODAY = date(2026, 11, 23)
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit:  # argparse: --help, --version, usage errors
        code = exit.code if isinstance(exit.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A site written by `trustpages init` for TODAY, as the working folder."""
    monkeypatch.chdir(tmp_path)
    assert run(["init", "site", "--date", TODAY.isoformat(), "--no-git"], capsys)[0] == 0
    monkeypatch.chdir(tmp_path / "site")
    return tmp_path / "site"


@pytest.fixture(autouse=True)
def from_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the site init writes, not where trustpages came from (tests/test_installed.py):
    the trustpages running them is a version from the package index, wherever this checkout is."""
    monkeypatch.setattr(installed, "installed_direct_url", lambda: None)


def content_files(site: Path) -> list[Path]:
    return sorted((site / "content").rglob("*.yml"))


# A start in every part of the year: the example dates (last quarter's measurement, a due date
# 90 days on, a price change 60 days back) pass every check on the day they are written.
@pytest.mark.parametrize("day", ["2026-01-01", "2026-03-31", "2026-04-01", "2026-11-23", "2028-02-29", "2030-12-31"])
def test_a_new_site_passes_check_on_the_day_it_is_made_but_for_its_examples(
    day: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["init", "site", "--name", "Acme: Tools & Co", "--date", day, "--no-git"], capsys)
    assert (code, err) == (0, "")
    assert "created a trustpages site in site" in out
    code, out, err = run(["check", "site/content", "--strict", "--as-of", day], capsys)
    assert (code, err) == (1, "")
    [problem, *placeholders, summary] = out.splitlines()
    assert "warning: 6 example records are still in site/content/: replace or delete them" in problem
    # The rest are the starter's placeholders (tests/checks/test_placeholders.py): nothing about the dates.
    assert len(placeholders) == 11 and all(": replace the placeholder " in line for line in placeholders)
    assert summary == "site/content: 0 errors, 12 warnings in 4 files"


def test_the_new_site_has_one_example_of_each_record_marked_to_replace(site: Path) -> None:
    files = {str(path.relative_to(site / "content").parent) for path in content_files(site)}
    assert files == {".", "commitments", "incidents", "mistakes", "metrics", "surveys"}
    assert sorted(path.name for path in (site / "content").glob("*.yml")) == ["contact.yml", "pricing.yml", "site.yml"]
    for path in content_files(site):
        assert "Example — replace this" in path.read_text(encoding="utf-8"), path
    shapes = {"due" in read(path).value for path in (site / "content" / "commitments").glob("*.yml")}
    assert shapes == {True, False}  # a promise with a deadline and a standing promise
    assert (site / "site_src" / "about.md").is_file()


def test_the_new_site_builds_with_mkdocs_strict(site: Path) -> None:
    epoch = int(datetime.combine(TODAY, time(), UTC).timestamp())
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site, capture_output=True, text=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = site / "site"
    incident = next((site / "content" / "incidents").glob("*.yml")).stem
    for page in ["index.html", "about/index.html", "open-data/index.html", f"incidents/{incident}/index.html", ".well-known/security.txt"]:
        assert (built / page).is_file(), page
    assert "Example — replace this" in (built / f"incidents/{incident}/index.html").read_text(encoding="utf-8")


def test_the_site_name_goes_into_site_yml_and_mkdocs_yml(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", str(tmp_path / "named"), "--name", "Acme: Tools & Co", "--date", TODAY.isoformat(), "--no-git"], capsys)[0] == 0
    assert read(tmp_path / "named" / "content" / "site.yml").value["name"] == "Acme: Tools & Co"
    assert yaml.safe_load((tmp_path / "named" / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == "Acme: Tools & Co"


def test_init_refuses_to_overwrite_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    (tmp_path / "content" / "site.yml").write_text("name: Mine\n", encoding="utf-8")
    code, out, err = run(["init"], capsys)
    assert code == 2
    assert out == ""
    assert err == (
        "trustpages: error: 2 file(s) already exist; nothing was written:\n  content/site.yml\n  mkdocs.yml\n"
        "Move them away, or pass --skip-existing to keep them and write the rest.\n"
    )
    assert sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*")) == ["content", "content/site.yml", "mkdocs.yml"]
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"


def test_skip_existing_keeps_what_is_there_and_writes_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".gitignore").write_text("*.log\n", encoding="utf-8")
    code, out, _ = run(["init", "--skip-existing", "--date", TODAY.isoformat(), "--no-git"], capsys)
    assert code == 0
    assert "kept     .gitignore (it already exists)" in out
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.log\n"
    assert (tmp_path / "mkdocs.yml").is_file()


def test_init_into_a_file_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert run(["init", "notes.txt"], capsys) == (2, "", "trustpages: error: notes.txt is a file; pass a folder\n")


# git: a new site is a repository with one commit, and init says how to publish it.

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Comms",
    "GIT_AUTHOR_EMAIL": "comms@example.com",
    "GIT_COMMITTER_NAME": "Comms",
    "GIT_COMMITTER_EMAIL": "comms@example.com",
}


def git(site: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(site), *args], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_makes_a_git_repository_with_a_first_commit_and_says_how_to_publish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["init", "site", "--date", TODAY.isoformat()], capsys)
    assert (code, err) == (0, "")
    assert "committed as a new git repository" in out
    for step in [
        "https://github.com/new",
        "git remote add origin https://github.com/YOUR-NAME/YOUR-REPO.git",
        "git push -u origin main",
        "Settings → Pages → Build and deployment → Source: GitHub Actions",
        "Actions → trustpages → Run workflow with first_publication",
        'stops at "GitHub Pages is turned on"',  # the Action's step that says Pages is off, where the run stops
    ]:
        assert step in out, step
    site = tmp_path / "site"
    assert git(site, "branch", "--show-current") == "main\n"
    assert git(site, "log", "--format=%s") == "Start the trust site (trustpages init)\n"
    assert git(site, "status", "--porcelain") == ""  # everything committed
    assert "content/site.yml" in git(site, "ls-files").splitlines()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_inside_a_repository_leaves_committing_to_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    code, out, err = run(["init", "site", "--date", TODAY.isoformat()], capsys)
    assert code == 0
    assert err == "trustpages: site is inside a git repository already; commit the new files there\n"
    wheels = [WHEELS] if origin().wheel is not None else []
    tops = " ".join(
        sorted(
            [
                ".github",
                ".gitignore",
                ".pre-commit-config.yaml",
                ".vscode",
                "content",
                "mkdocs.yml",
                "requirements.txt",
                "schemas",
                "site_src",
                *wheels,
            ]
        )
    )
    assert f'git add -- {tops} && git commit -m "Start our trust site"' in out
    assert "git add -A" not in out  # it would take along whatever else the folder holds
    assert not (tmp_path / "site" / ".git").exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_into_a_folder_with_files_commits_only_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    site = tmp_path / "site"
    (site / "keys").mkdir(parents=True)
    (site / ".env").write_text("API_TOKEN=secret\n", encoding="utf-8")
    (site / "keys" / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n", encoding="utf-8")
    (site / "content").mkdir()
    (site / "content" / "notes.txt").write_text("mine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    code, out, err = run(["init", "site", "--date", TODAY.isoformat()], capsys)

    assert code == 0
    written = {str(file.path) for file in starter_files("Example Co", TODAY, origin())}
    wheel = origin().wheel
    if wheel is not None:
        written.add(f"{WHEELS}/{wheel.name}")
    assert set(git(site, "ls-files").splitlines()) == written
    assert err == (
        "trustpages: the first commit holds only the files init wrote; 3 other(s) in site are not in it "
        "(.env, content/notes.txt, keys/): add those that belong in a public repository yourself\n"
    )
    assert "committed as a new git repository" in out


def test_no_git_writes_only_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["init", "site", "--date", TODAY.isoformat(), "--no-git"], capsys)
    assert (code, err) == (0, "")
    assert not (tmp_path / "site" / ".git").exists()
    assert "git add -- .github .gitignore" in out and "git add -A" not in out


# Editors: every record file names its JSON Schema, and VS Code maps schemas to the content folders.


def test_every_content_file_points_at_its_schema_and_matches_it(site: Path) -> None:
    for path in content_files(site):
        [target] = SCHEMA_LINE.findall(path.read_text(encoding="utf-8"))
        schema_file = (path.parent / target).resolve()
        assert schema_file.parent == (site / "schemas").resolve(), path
        body = json.loads(schema_file.read_text(encoding="utf-8"))
        assert list(Draft202012Validator(body).iter_errors(read(path).value)) == [], path


def test_vscode_settings_give_every_content_file_one_schema(site: Path) -> None:
    settings = json.loads((site / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert sorted(settings) == sorted(f"./schemas/{path.name}" for path in (site / "schemas").iterdir())
    for path in content_files(site):
        relative = PurePosixPath(path.relative_to(site).as_posix())
        matching = [schema for schema, globs in settings.items() if any(relative.match(glob) for glob in globs)]
        [target] = SCHEMA_LINE.findall(path.read_text(encoding="utf-8"))
        assert matching == [f"./schemas/{Path(target).name}"], relative
    assert json.loads((site / ".vscode" / "extensions.json").read_text(encoding="utf-8")) == {"recommendations": ["redhat.vscode-yaml"]}


# CI and pre-commit.


def workflow(path: Path) -> dict:
    # PyPI's YAML 1.1 reads the key `on` as True.
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    loaded["on"] = loaded.pop(True)
    return loaded


def steps_of(job: dict) -> list[str]:
    return [step.get("uses") or step.get("run") for step in job["steps"]]


def test_the_workflow_checks_pull_requests_against_their_base_and_publishes_main(site: Path) -> None:
    flow = workflow(site / ".github" / "workflows" / "trustpages.yml")
    assert set(flow["on"]) >= {"pull_request", "push", "schedule"}
    assert flow["on"]["push"] == {"branches": ["main"]}
    check, build, deploy = flow["jobs"]["check"], flow["jobs"]["build"], flow["jobs"]["deploy"]
    action = f"trustpages/trustpages@v{__version__}"  # the Action of the release whose trustpages wrote the site

    assert check["if"] == "github.event_name == 'pull_request'"
    assert check["steps"] == [
        {"uses": "actions/checkout@v7", "with": {"fetch-depth": 0}},
        {"uses": action, "with": {"mode": "check"}},  # check --format github --strict --against origin/<base>
    ]
    assert build["if"] == "github.event_name != 'pull_request'"
    assert build["permissions"] == {"contents": "read", "pages": "read"}  # what a private repository must grant
    assert build["steps"] == [
        {"uses": "actions/checkout@v7", "with": {"fetch-depth": 0}},
        {"uses": action, "with": {"mode": "publish", "first-publication": "${{ inputs.first_publication == true }}"}},
    ]
    assert flow["on"]["workflow_dispatch"]["inputs"]["first_publication"]["type"] == "boolean"
    assert flow["concurrency"]["cancel-in-progress"] is False  # publications extend the log one after another

    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert steps_of(deploy) == ["actions/deploy-pages@v5"]
    assert (site / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == origin().requirement


def test_pre_commit_uses_the_hook_this_repository_publishes(site: Path) -> None:
    config = yaml.safe_load((site / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == SOURCE_REPOSITORY  # trustpages from the index (from_the_index): the release of its version
    assert repo["rev"] == f"v{__version__}"
    published = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {hook["id"] for hook in repo["hooks"]} <= published


def test_this_repository_runs_the_hook_it_publishes() -> None:
    [published] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert published["entry"] == "trustpages check"
    assert published["language"] == "python"  # pre-commit installs this repository into the hook's environment itself
    local = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in local["repos"] for hook in repo["hooks"]}
    own = hooks[published["id"]]
    assert own["entry"].split("/")[-1] == published["entry"]  # .venv/bin/trustpages check
    assert (own["files"], own["pass_filenames"]) == (published["files"], published["pass_filenames"])
    assert hooks["trustpages-docs"]["entry"].endswith("trustpages docs --check")


def test_this_repository_uses_the_action_in_its_own_workflow() -> None:
    flow = workflow(REPO / ".github" / "workflows" / "trustpages.yml")
    check = flow["jobs"]["check"]["steps"]
    assert {"uses": "./", "with": {"mode": "check"}} in check
    assert ".venv/bin/trustpages docs --check" in steps_of(flow["jobs"]["check"])
    assert {"uses": "./", "with": {"mode": "publish", "first-publication": "${{ inputs.first_publication == true }}"}} in (
        flow["jobs"]["build"]["steps"]
    )
    assert "bash .ci/run" in steps_of(flow["jobs"]["test"])
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_starter_mkdocs_yml_has_the_repositorys_sections(site: Path) -> None:
    mine = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "nav" not in mine and "nav" not in ours  # the sections come from trustpages, in the site's language
    assert mine["theme"]["font"] is False and mine["strict"] is True
    assert mine["plugins"] == ["search", {"trustpages": {"content_dir": "content", "cache_dir": ".trustpages/cache"}}]


def test_every_starter_file_parses(site: Path) -> None:
    for path in sorted(site.rglob("*")):
        if path.suffix in {".yml", ".yaml"}:
            assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict | list), path
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))


def test_starter_files_are_the_same_for_the_same_day() -> None:
    assert starter_files("Example Co", TODAY) == starter_files("Example Co", TODAY)
    assert starter_files("Example Co", TODAY) != starter_files("Example Co", date(2026, 11, 24))


# Help everywhere.


def test_every_command_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    top = parser()
    names = top._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert len(names) >= len(COMMANDS)
    for name, command in names.items():
        assert command.description, name
        code, out, _ = run([name, "--help"], capsys)
        assert code == 0 and out.startswith(f"usage: trustpages {name}"), name
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and "trustpages init my-site" in out
    assert run(["--version"], capsys) == (0, f"trustpages {__version__}\n", "")


def test_init_locale_de_starts_a_german_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["init", str(tmp_path / "de"), "--locale", "de", "--date", TODAY.isoformat()], capsys)
    assert code == 0
    assert read(tmp_path / "de" / "content" / "site.yml").value["locale"] == "de"
    theme = yaml.safe_load((tmp_path / "de" / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    assert theme["language"] == "de"
    assert [option["toggle"]["name"] for option in theme["palette"]] == ["Zum dunklen Modus wechseln", "Zum hellen Modus wechseln"]
    assert main(["check", str(tmp_path / "de" / "content"), "--as-of", TODAY.isoformat()]) == 0


def test_every_language_with_a_strings_file_is_offered() -> None:
    # Adding a language is adding templates/strings/<code>.yml: site.yml, its schema and init follow.
    from trustpages.records.site import LOCALES

    assert LOCALES == tuple(sorted(path.stem for path in (REPO / "templates" / "strings").glob("*.yml")))
    assert "de" in LOCALES and "en" in LOCALES
