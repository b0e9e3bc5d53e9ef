"""Hostile cases for `trustpages build`, `serve` and `generate --out`: the output folder, concurrency, signals, operator errors.

Each case names the finding of issue 16 it reproduces and asserts the exact outcome: exit code,
message, and which files are still there.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from generator import sitefolder
from generator.cli import main
from tests.render.conftest import AS_OF, FIXTURES, REPO, write_config
from tests.test_build_command import snapshot, trustpages


def site_project(tmp_path: Path) -> Path:
    """A site's folder as people have it: content/, site_src/about.md, mkdocs.yml, .git/; and a sibling folder."""
    folder = tmp_path / "trust"
    folder.mkdir()
    shutil.copytree(FIXTURES / "small-site", folder / "content")
    shutil.copytree(REPO / "site_src", folder / "site_src")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    write_config(folder, folder / "content", docs=folder / "site_src")
    (tmp_path / "sibling").mkdir()
    (tmp_path / "sibling" / "notes.md").write_text("mine\n", encoding="utf-8")
    return folder


def everything(tmp_path: Path) -> dict[str, str]:
    """Every file under tmp_path with its hash: what must survive a refused build."""
    return snapshot(tmp_path)


# Finding 1: `build -d DIR` deleted the user's files.

REFUSED = {
    ".": "refusing to write into {trust}: it is the project folder (where mkdocs.yml is), and replacing it would "
    "delete your files; pass -d with a separate folder",
    "..": "refusing to write into {tmp}: it contains the project folder (where mkdocs.yml is), {trust}, and replacing "
    "it would delete your files; pass -d with a separate folder",
    "site_src": "refusing to write into {trust}/site_src: it is the docs folder (docs_dir), and replacing it would "
    "delete your files; pass -d with a separate folder",
    "content": "refusing to write into {trust}/content: it is the content folder, and replacing it would delete your "
    "files; pass -d with a separate folder",
    "site_src/site": "refusing to write into {trust}/site_src/site: it is inside the docs folder (docs_dir), "
    "{trust}/site_src, which must not mix with what is built from it; pass -d with a separate folder",
    "content/site": "refusing to write into {trust}/content/site: it is inside the content folder, {trust}/content, "
    "which must not mix with what is built from it; pass -d with a separate folder",
}


@pytest.mark.parametrize("site_dir", sorted(REFUSED))
def test_build_refuses_a_site_folder_that_overlaps_the_users_folders(tmp_path: Path, site_dir: str) -> None:
    trust = site_project(tmp_path)
    before = everything(tmp_path)

    result = trustpages("build", "-d", site_dir, cwd=trust)

    assert result.returncode == 1
    assert result.stderr == "trustpages: error: " + REFUSED[site_dir].format(trust=trust, tmp=tmp_path) + "\n"
    assert result.stdout == ""
    assert everything(tmp_path) == before
    assert sorted(p.name for p in trust.iterdir()) == [".git", "content", "mkdocs.yml", "site_src"]


def test_build_refuses_site_dir_of_mkdocs_yml_pointing_at_the_project(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    # docs_dir outside the project, so MkDocs' own "docs_dir should not be within the site_dir" does not apply.
    write_config(trust, trust / "content", docs=REPO / "site_src")
    config = trust / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"site_dir: {trust / 'site'}", "site_dir: ."), encoding="utf-8")
    before = everything(tmp_path)

    result = trustpages("build", cwd=trust)

    assert result.returncode == 1
    assert result.stderr == f"trustpages: error: {REFUSED['.'].format(trust=trust)}\n"
    assert everything(tmp_path) == before


def test_build_refuses_a_folder_of_someone_elses_files(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    before = everything(tmp_path)

    result = trustpages("build", "-d", "../sibling", cwd=trust)

    assert result.returncode == 1
    assert result.stderr == (
        f"trustpages: error: refusing to build into {tmp_path / 'sibling'}: it holds files trustpages did not build "
        "(notes.md); pass -d with a new folder, or move those files away if the folder is meant for the site\n"
    )
    assert everything(tmp_path) == before


def test_build_refuses_a_file_as_site_folder(tmp_path: Path) -> None:
    trust = site_project(tmp_path)

    result = trustpages("build", "-d", "mkdocs.yml", cwd=trust)

    assert result.returncode == 1
    assert result.stderr == f"trustpages: error: refusing to build into {trust / 'mkdocs.yml'}: it is a file, not a folder; pass -d with a folder\n"
    assert (trust / "mkdocs.yml").is_file()


def test_build_keeps_the_dot_entries_and_cname_people_keep_in_the_site_folder(tmp_path: Path) -> None:
    trust = site_project(tmp_path)
    site = trust / "site"
    (site / ".git").mkdir(parents=True)  # a gh-pages worktree, before the first build
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    (site / "CNAME").write_text("trust.example.com\n", encoding="utf-8")

    first = trustpages("build", cwd=trust)
    assert first.returncode == 0, first.stderr
    (site / ".well-known" / "stale.txt").write_text("left from an old build\n", encoding="utf-8")
    (site / "stray.html").write_text("not in the new build\n", encoding="utf-8")
    second = trustpages("build", cwd=trust)

    assert second.returncode == 0, second.stderr
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (site / ".nojekyll").is_file()
    assert (site / "CNAME").read_text(encoding="utf-8") == "trust.example.com\n"
    # What the build makes is replaced whole, dot-folder or not: nothing of an old build lingers.
    assert (site / ".well-known" / "security.txt").is_file()
    assert not (site / ".well-known" / "stale.txt").exists()
    assert not (site / "stray.html").exists()
    assert (site / sitefolder.MARKER).is_file()
    assert sorted(p.name for p in trust.iterdir()) == [".git", "content", "mkdocs.yml", "site", "site_src"]


# `generate --out` gets the same refusal.

GENERATE_REFUSED = {
    ".": "refusing to write into {trust}: it is the project folder (where you run trustpages), and replacing it "
    "would delete your files; pass --out with a separate folder",
    "..": "refusing to write into {tmp}: it contains the project folder (where you run trustpages), {trust}, and "
    "replacing it would delete your files; pass --out with a separate folder",
    "content": "refusing to write into {trust}/content: it is the content folder, and replacing it would delete your "
    "files; pass --out with a separate folder",
    "site_src": "refusing to write into {trust}/site_src: it is the docs folder, and replacing it would delete your "
    "files; pass --out with a separate folder",
    "site_src/generated": "refusing to write into {trust}/site_src/generated: it is inside the docs folder, "
    "{trust}/site_src, which must not mix with what is built from it; pass --out with a separate folder",
}


@pytest.mark.parametrize("out", sorted(GENERATE_REFUSED))
def test_generate_refuses_an_output_folder_that_overlaps_the_users_folders(
    tmp_path: Path, out: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trust = site_project(tmp_path)
    (trust / "content" / ".trustpages-generated").write_text("", encoding="utf-8")  # even a marker does not make it safe
    monkeypatch.chdir(trust)
    before = everything(tmp_path)

    code = main(["generate", "--out", out, "--as-of", AS_OF])

    assert code == 2
    assert capsys.readouterr().err == "trustpages: error: " + GENERATE_REFUSED[out].format(trust=trust, tmp=tmp_path) + "\n"
    assert everything(tmp_path) == before
