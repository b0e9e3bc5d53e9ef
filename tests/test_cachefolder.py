"""The build cache's folder is refused when it is a link or overlaps a folder people write or publish (issue 27)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.test_build_safety import everything, site_project
from tests.render.conftest import mkdocs_build
from tests.test_build_command import trustpages

ADVICE = "set cache_dir in mkdocs.yml to a folder of its own, like .trustpages/cache"
PRUNED = "and the cache removes files it did not keep"


def with_cache(project: Path, cache_dir: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      content_dir:", f"      cache_dir: {cache_dir}\n      content_dir:", 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A site's folder with a hand-written page where a cache in site_src/ would prune (site_src/pages/*.html)."""
    trust = site_project(tmp_path)
    (trust / "site_src" / "pages").mkdir()
    (trust / "site_src" / "pages" / "hand-written.html").write_text("<p>mine</p>\n", encoding="utf-8")
    (trust / "templates").mkdir()
    return trust


OVERLAPS = {
    "site_src": "it is the docs folder (docs_dir)",
    "site_src/cache": "it is inside the docs folder (docs_dir), {trust}/site_src",
    "content": "it is the content folder",
    "content/.cache": "it is inside the content folder, {trust}/content",
    "templates": "it is the templates folder",
    "templates/cache": "it is inside the templates folder, {trust}/templates",
    "site": "it is the site folder",
    "site/.cache": "it is inside the site folder, {trust}/site",
    ".": "it is the project folder (where mkdocs.yml is)",
    "..": "it contains the project folder (where mkdocs.yml is), {trust}",
}


@pytest.mark.parametrize("cache_dir", sorted(OVERLAPS))
def test_a_cache_folder_overlapping_the_users_folders_is_refused_and_nothing_is_touched(project: Path, cache_dir: str) -> None:
    with_cache(project, cache_dir)
    before = everything(project.parent)

    result = trustpages("build", cwd=project)

    assert result.returncode == 1
    target = (project / cache_dir).resolve()
    why = OVERLAPS[cache_dir].format(trust=project)
    assert f"refusing to use the build cache in {target}: {why}, {PRUNED}; {ADVICE}\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert everything(project.parent) == before  # the hand-written page is there, and no cache file was written


def test_mkdocs_itself_refuses_a_cache_in_the_site_folder(project: Path) -> None:
    with_cache(project, "site/cache")
    before = everything(project.parent)
    build = mkdocs_build(project / "mkdocs.yml")
    assert build.returncode == 1
    assert f"it is inside the site folder (site_dir), {project}/site, {PRUNED}" in build.output
    assert everything(project.parent) == before


@pytest.mark.parametrize("link", [".trustpages", ".trustpages/cache", ".trustpages/cache/pages"])
def test_a_cache_folder_reached_through_or_holding_a_link_is_refused(project: Path, link: str) -> None:
    with_cache(project, ".trustpages/cache")
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    (project / link).symlink_to(project / "site_src" / ("pages" if link.endswith("pages") else ""))
    before = everything(project.parent)

    result = trustpages("build", cwd=project)

    assert result.returncode == 1
    assert (
        f"refusing to use the build cache in {project}/.trustpages/cache: {project}/{link} is a symbolic link, "
        f"and the cache removes old files where it points; {ADVICE}\n"
    ) in result.stderr
    assert everything(project.parent) == before


def test_a_cache_folder_of_its_own_is_used(project: Path) -> None:
    with_cache(project, ".trustpages/cache")
    for _ in range(2):
        result = trustpages("build", cwd=project)
        assert result.returncode == 0, result.stderr
    assert (project / ".trustpages" / "cache" / "pages").is_dir()
    assert (project / "site_src" / "pages" / "hand-written.html").read_text(encoding="utf-8") == "<p>mine</p>\n"
