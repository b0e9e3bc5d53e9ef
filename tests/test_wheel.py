"""The wheel as a user gets it: installed into a fresh virtual environment, init, the written workflow's install step
(offline, from the wheel init kept), new, check and build.

Slow (a minute or two: the dependencies come from PyPI), and the only test that sees trustpages
the way `pip install trustpages` does, away from this checkout's templates/ and sources.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import yaml

from tests.conftest import REPO
from tests.test_new import fill
from trustpages import __version__

PIP = ["-m", "pip", "--disable-pip-version-check", "--no-input"]


def sh(*args: str | Path, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run([str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"{' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_the_installed_wheel_starts_a_site_that_builds(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV", "SOURCE_DATE_EPOCH"}}
    env["NO_MKDOCS_2_WARNING"] = "1"

    sh(sys.executable, *PIP, "wheel", "--no-deps", "--quiet", "--wheel-dir", tmp_path / "dist", REPO, cwd=tmp_path, env=env)
    [wheel] = (tmp_path / "dist").glob("trustpages-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in [
        "trustpages/templates/home.html.j2",
        "trustpages/templates/strings/en.yml",
        "trustpages/scaffold/starter/content/site.yml.j2",
        "trustpages/scaffold/starter/dot-github/workflows/trustpages.yml",
        "trustpages/scaffold/starter/site_src/about.md",
    ]:
        assert shipped in names, shipped
    assert not any(name.startswith(("tests/", "content/", "site/")) for name in names)

    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", venv, cwd=tmp_path, env=env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    sh(bin_dir / "python", *PIP, "install", "--quiet", wheel, cwd=tmp_path, env=env)
    assert sh(bin_dir / "trustpages", "--version", cwd=tmp_path, env=env) == f"trustpages {__version__}\n"

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

    # The written workflow's install step, offline: no index, no configured find-links, trustpages uninstalled first.
    flow = yaml.safe_load((site / ".github" / "workflows" / "trustpages.yml").read_text(encoding="utf-8"))
    installs = {step["run"] for job in flow["jobs"].values() for step in job["steps"] if "pip install" in step.get("run", "")}
    assert installs == {"pip install -r requirements.txt"}
    sh(bin_dir / "python", *PIP, "uninstall", "--yes", "--quiet", "trustpages", cwd=site, env=env)
    offline = {key: value for key, value in env.items() if not key.startswith("PIP_")}
    offline |= {"PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull, "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"}
    sh("sh", "-c", installs.pop(), cwd=site, env=offline)
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
    sh(bin_dir / "trustpages", "check", cwd=site, env=env)  # --strict waits until the examples are replaced

    sh(bin_dir / "trustpages", "build", cwd=site, env=env)
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
