"""A new site installs the very trustpages that wrote it: from the index, git, a local wheel or a local folder."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from trustpages import SOURCE_REPOSITORY, __version__
from trustpages.cli import main
from trustpages.commands import init
from trustpages.installed import Origin, installed_direct_url, origin
from trustpages.scaffold import starter_files

TODAY = date(2026, 11, 23)


def written(source: Origin) -> tuple[str, dict]:
    """The requirement line of requirements.txt and the pre-commit config a site gets from `source`."""
    files = {file.path: file.text for file in starter_files("Example Co", TODAY, source)}
    return files["requirements.txt"].splitlines()[-1], yaml.safe_load(files[".pre-commit-config.yaml"])


def test_from_the_package_index_a_pinned_version_and_the_release_tag() -> None:
    requirement, config = written(origin(None))
    assert requirement == f"trustpages=={__version__}"
    assert config["repos"] == [{"repo": SOURCE_REPOSITORY, "rev": f"v{__version__}", "hooks": [{"id": "trustpages-check"}]}]


def test_from_git_the_same_commit() -> None:
    direct = {
        "url": "https://git.example.com/tools/trustpages.git",
        "vcs_info": {"vcs": "git", "commit_id": "0123abcd" * 5, "requested_revision": "main"},
    }
    requirement, config = written(origin(direct))
    assert requirement == f"trustpages @ git+https://git.example.com/tools/trustpages.git@{'0123abcd' * 5}"
    assert config["repos"][0]["repo"] == "https://git.example.com/tools/trustpages.git"
    assert config["repos"][0]["rev"] == "0123abcd" * 5


def test_from_a_local_wheel_the_wheel_itself_kept_in_the_site(tmp_path: Path) -> None:
    wheel = tmp_path / "dist" / f"trustpages-{__version__}-py3-none-any.whl"
    wheel.parent.mkdir()
    wheel.write_bytes(b"PK")
    source = origin({"url": wheel.as_uri(), "archive_info": {"hashes": {"sha256": "00"}}})
    assert source.wheel == wheel
    requirement, config = written(source)
    assert requirement == f"./wheels/{wheel.name}"
    [hook] = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local"
    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == ("trustpages check", "system", False)


def test_a_wheel_that_is_gone_the_same_version_from_the_index(tmp_path: Path) -> None:
    gone = origin({"url": (tmp_path / "trustpages-0.1.0-py3-none-any.whl").as_uri(), "archive_info": {}})
    assert (gone.requirement, gone.hook_repo, gone.hook_rev, gone.wheel) == (
        f"trustpages=={__version__}",
        SOURCE_REPOSITORY,
        f"v{__version__}",
        None,
    )


def checkout(tmp_path: Path, remote: str) -> tuple[Path, str]:
    """A git checkout of trustpages with `remote` as origin, at one commit: its folder and the commit."""
    folder = tmp_path / "trustpages"
    folder.mkdir(parents=True)
    (folder / "pyproject.toml").write_text("[project]\nname = 'trustpages'\n", encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@x.eu", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@x.eu"}
    for step in (["init", "-q", "-b", "main"], ["remote", "add", "origin", remote], ["add", "-A"], ["commit", "-q", "-m", "One"]):
        subprocess.run(["git", "-C", str(folder), *step], check=True, env={**os.environ, **env})
    commit = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    return folder, commit


def pushed(folder: Path) -> None:
    """As if the commit had been pushed: origin/main holds it (as after a fetch)."""
    subprocess.run(["git", "-C", str(folder), "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)


@pytest.mark.parametrize("remote", [SOURCE_REPOSITORY, f"{SOURCE_REPOSITORY}.git", "git@github.com:trustpages/trustpages.git"])
def test_a_checkout_at_a_commit_the_repository_has_is_pinned_to_that_commit(tmp_path: Path, remote: str) -> None:
    folder, commit = checkout(tmp_path, remote)
    pushed(folder)
    source = origin({"url": folder.as_uri(), "dir_info": {"editable": True}})
    assert source.requirement == f"trustpages @ git+{SOURCE_REPOSITORY}@{commit}"
    assert (source.hook_repo, source.hook_rev, source.only_here) == (SOURCE_REPOSITORY, commit, False)


def test_a_checkout_the_repository_does_not_have_names_the_folder_and_no_tag(tmp_path: Path) -> None:
    folder, _ = checkout(tmp_path, SOURCE_REPOSITORY)
    unpushed = origin({"url": folder.as_uri(), "dir_info": {"editable": True}})
    pushed(folder)
    (folder / "pyproject.toml").write_text("[project]\nname = 'changed'\n", encoding="utf-8")
    edited = origin({"url": folder.as_uri(), "dir_info": {"editable": True}})
    other_folder, _ = checkout(tmp_path / "fork", "https://github.com/someone/trustpages")
    pushed(other_folder)
    fork = origin({"url": other_folder.as_uri(), "dir_info": {"editable": True}})
    for source, where in ((unpushed, folder), (edited, folder), (fork, other_folder)):
        assert source.requirement == f"trustpages @ {where.as_uri()}"
        assert (source.hook_repo, source.only_here) == (None, True)
        assert "@v" not in source.requirement  # a release tag that may not exist is never guessed


def test_init_from_such_a_checkout_says_ci_cannot_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, _ = checkout(tmp_path, SOURCE_REPOSITORY)
    monkeypatch.setattr(init, "origin", lambda: origin({"url": folder.as_uri(), "dir_info": {"editable": True}}))
    monkeypatch.chdir(tmp_path)
    assert main(["init", "site", "--date", TODAY.isoformat(), "--no-git"]) == 0
    err = capsys.readouterr().err
    assert f"installs trustpages from the folder {folder} on the machine that ran init" in err and "CI cannot install that" in err
    config = yaml.safe_load((tmp_path / "site" / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["repo"] == "local"


def test_from_a_web_address_that_address() -> None:
    url = f"https://files.example.com/trustpages-{__version__}-py3-none-any.whl"
    assert origin({"url": url, "archive_info": {}}).requirement == f"trustpages @ {url}"


def test_this_checkout_is_read_from_its_direct_url() -> None:
    direct = installed_direct_url()
    assert direct is not None and "dir_info" in direct  # `pip install -e .` in .venv


def test_init_copies_a_local_wheel_into_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wheel = tmp_path / f"trustpages-{__version__}-py3-none-any.whl"
    wheel.write_bytes(b"PK-the-wheel")
    monkeypatch.setattr(init, "origin", lambda: origin({"url": wheel.as_uri(), "archive_info": {}}))
    monkeypatch.chdir(tmp_path)
    assert main(["init", "site", "--date", TODAY.isoformat(), "--no-git"]) == 0
    assert (tmp_path / "site" / "wheels" / wheel.name).read_bytes() == b"PK-the-wheel"
    assert (tmp_path / "site" / "requirements.txt").read_text(encoding="utf-8").endswith(f"\n./wheels/{wheel.name}\n")
