"""The release as the package index gets it (sdist and wheel, metadata, `twine check`), and the wheel as a user gets it:
installed into a fresh virtual environment, init, the written workflow's install step (offline, from the wheel init
kept), new, check and build.

Slow (a minute or two: the build backend and the dependencies come from PyPI), and the only test that sees
trustpages the way `pip install trustpages` does, away from this checkout's templates/ and sources.
"""

from __future__ import annotations

import email
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import yaml

from tests.conftest import REPO
from tests.test_new import fill
from trustpages import SOURCE_REPOSITORY, __version__

PIP = ["-m", "pip", "--disable-pip-version-check", "--no-input"]
# What only tests, linting, browsers or the other builder need: none of it is installed with the wheel alone.
NOT_AT_RUN_TIME = {"pytest", "hypothesis", "ruff", "mypy", "playwright", "zensical", "twine", "build", "jsonschema"}


def sh(*args: str | Path, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"{' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def links(markdown: str) -> list[str]:
    """Every link target of a Markdown text: inline links and bare addresses."""
    return re.findall(r"\]\(([^)\s]+)\)", markdown) + re.findall(r"(?<![(\w])https?://[^\s)>\]]+", markdown)


def check_release(dist: Path, env: dict[str, str]) -> Path:
    """The sdist and wheel in `dist` carry the licence and the index's metadata, and pass `twine check`; the wheel."""
    [sdist] = dist.glob("trustpages-*.tar.gz")
    [wheel] = dist.glob("trustpages-*.whl")
    sh(sys.executable, "-m", "twine", "check", "--strict", sdist, wheel, cwd=dist, env=env)

    license_text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "Copyright (c) 2026 the trustpages authors" in license_text
    with tarfile.open(sdist) as tar:
        top = f"trustpages-{__version__}"
        member = tar.extractfile(f"{top}/LICENSE")
        assert member is not None and member.read().decode() == license_text
        names = set(tar.getnames())
        assert not any(name.startswith((f"{top}/content/", f"{top}/site/", f"{top}/bench/")) for name in names)
    with zipfile.ZipFile(wheel) as archive:
        info = f"trustpages-{__version__}.dist-info"
        assert archive.read(f"{info}/licenses/LICENSE").decode() == license_text
        meta = email.message_from_bytes(archive.read(f"{info}/METADATA"))

    assert meta["License-Expression"] == "MIT"
    urls = dict(value.split(", ", 1) for value in meta.get_all("Project-URL"))
    assert {"Source", "Issues", "Changelog"} <= urls.keys()
    assert all(url.startswith(SOURCE_REPOSITORY) for url in urls.values()), urls
    assert "Programming Language :: Python :: 3 :: Only" in meta.get_all("Classifier")
    # The short page written for the index, not the repository's manual: every link works away from the repository.
    description = meta.get_payload()
    assert meta["Description-Content-Type"] == "text/markdown"
    assert description.strip() == (REPO / "docs" / "pypi.md").read_text(encoding="utf-8").strip()
    assert len(description) < 4000
    targets = links(description)
    assert targets and all(target.startswith(("https://", "http://127.0.0.1")) for target in targets), targets
    assert all(target.startswith(SOURCE_REPOSITORY) for target in targets if "github.com" in target), targets
    # Ranges, not pins, for what a site installs with trustpages; each exact one says why beside it in pyproject.toml.
    runtime = [req for req in meta.get_all("Requires-Dist") if "extra ==" not in req]
    assert [req for req in runtime if "==" in req] == ["textstat==0.7.8"]
    return wheel


def test_the_release_and_the_installed_wheel_start_a_site_that_builds(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV", "SOURCE_DATE_EPOCH"}}
    env["NO_MKDOCS_2_WARNING"] = "1"

    # As the release workflow builds it: the sdist, then the wheel from the sdist.
    sh(sys.executable, "-m", "build", "--outdir", tmp_path / "dist", REPO, cwd=tmp_path, env=env)
    wheel = check_release(tmp_path / "dist", env)
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in [
        "trustpages/templates/home.html.j2",
        "trustpages/templates/strings/en.yml",
        "trustpages/scaffold/starter/content/site.yml.j2",
        "trustpages/scaffold/starter/dot-github/workflows/trustpages.yml.j2",
        "trustpages/action.yml",
        "trustpages/scaffold/starter/site_src/about.md",
        "trustpages/scaffold/placeholders.yml",
        "trustpages/py.typed",
    ]:
        assert shipped in names, shipped
    assert not any(name.startswith(("tests/", "content/", "site/")) for name in names)

    # A virtual environment holding the wheel and its dependencies, nothing else (no pip of its own yet).
    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    sh(sys.executable, *PIP, "--python", bin_dir / "python", "install", "--quiet", wheel, cwd=tmp_path, env=env)
    installed = sh(sys.executable, *PIP, "--python", bin_dir / "python", "list", "--format", "freeze", cwd=tmp_path, env=env)
    names_installed = {line.split("==")[0].lower() for line in installed.splitlines()}
    assert "trustpages" in names_installed and not names_installed & NOT_AT_RUN_TIME, names_installed & NOT_AT_RUN_TIME
    assert sh(bin_dir / "python", "-m", "trustpages", "--version", cwd=tmp_path, env=env) == f"trustpages {__version__}\n"
    assert sh(bin_dir / "trustpages", "--version", cwd=tmp_path, env=env) == f"trustpages {__version__}\n"
    sh(bin_dir / "python", "-m", "ensurepip", "--default-pip", cwd=tmp_path, env=env)  # the workflow's step below runs pip

    empty = tmp_path / "empty"
    empty.mkdir()
    identity = {
        "GIT_AUTHOR_NAME": "Comms",
        "GIT_AUTHOR_EMAIL": "c@example.com",
        "GIT_COMMITTER_NAME": "Comms",
        "GIT_COMMITTER_EMAIL": "c@example.com",
    }
    sh(bin_dir / "trustpages", "init", "site", "--name", "Wheel Test Co", cwd=empty, env={**env, **identity})
    site = empty / "site"

    # No index has this trustpages: the site keeps the wheel, and requirements.txt installs it from there.
    assert (site / "wheels" / wheel.name).read_bytes() == wheel.read_bytes()
    assert (site / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"./wheels/{wheel.name}"
    if shutil.which("git"):
        assert "wheels/" + wheel.name in sh("git", "ls-files", cwd=site, env=env).splitlines()  # committed, so CI has it

    # No GitHub repository has this trustpages, so the workflow runs the site's own copy of the Action (shipped in
    # the wheel), which installs requirements.txt when the site has one. That install, offline: no index, no
    # configured find-links, trustpages uninstalled first.
    flow = yaml.safe_load((site / ".github" / "workflows" / "trustpages.yml").read_text(encoding="utf-8"))
    assert "./.github/actions/trustpages" in {step.get("uses") for job in flow["jobs"].values() for step in job["steps"]}
    action = (site / ".github" / "actions" / "trustpages" / "action.yml").read_text(encoding="utf-8")
    assert action == (REPO / "action.yml").read_text(encoding="utf-8")
    [install] = [step["run"] for step in yaml.safe_load(action)["runs"]["steps"] if step.get("name") == "Install trustpages"]
    assert "elif [ -f requirements.txt ]; then\n  wanted=(-r requirements.txt)" in install
    sh(bin_dir / "python", *PIP, "uninstall", "--yes", "--quiet", "trustpages", cwd=site, env=env)
    offline = {key: value for key, value in env.items() if not key.startswith("PIP_")}
    offline |= {"PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull, "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"}
    sh("sh", "-c", "python -m pip install -r requirements.txt", cwd=site, env=offline)
    assert sh(bin_dir / "trustpages", "--version", cwd=site, env=env) == f"trustpages {__version__}\n"

    today = datetime.now(UTC).date().isoformat()
    sh(bin_dir / "trustpages", "new", "incident", "Test outage", cwd=site, env=env)
    record = site / "content" / "incidents" / f"{today}-test-outage.yml"
    fill(
        record,
        {
            "impact": "minor",
            "started": f"{today}T00:00",  # no offset: read in site.yml's time zone
            "summary": "Some pages loaded slowly.",
            "at": f"{today}T00:05:00Z",
            "body": "Some pages load slowly. We are looking into it.",
        },
    )
    # setuptools comes with textstat's metadata (see pyproject.toml), but nothing may import it at run time.
    imports = {**env, "PYTHONPROFILEIMPORTTIME": "1"}  # inherited by the MkDocs process `build` starts
    checked = subprocess.run([bin_dir / "trustpages", "check"], cwd=site, env=imports, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr  # --strict waits until the examples are replaced
    built_log = subprocess.run([bin_dir / "trustpages", "build"], cwd=site, env=imports, capture_output=True, text=True)
    assert built_log.returncode == 0, built_log.stdout + built_log.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in (checked.stderr + built_log.stderr).splitlines() if "import time:" in line}
    assert {"trustpages.checks.language", "textstat", "mkdocs.commands.build"} <= imported  # the profile saw both runs
    assert not {name for name in imported if name.split(".")[0] in {"setuptools", "pkg_resources"}}
    built = site / "site"
    for page in [
        "index.html",
        "incidents/index.html",
        f"incidents/{today}-test-outage/index.html",
        "about/index.html",
        ".well-known/security.txt",
    ]:
        assert (built / page).is_file(), page
    assert "Test outage" in (built / "incidents" / f"{today}-test-outage" / "index.html").read_text(encoding="utf-8")
