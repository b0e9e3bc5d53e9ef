"""Every GitHub workflow this repository runs or writes, and the Action, pass actionlint and use current actions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from typing import Any

import pytest
import yaml

from tests.conftest import REPO
from trustpages.installed import Origin, origin
from trustpages.scaffold import LOCAL_ACTION, starter_files

BROWSER_TOOLS = REPO / "tests" / "browser"
LINTER = BROWSER_TOOLS / "node_modules" / "@tktco" / "node-actionlint"
# The current major version of each action used, all on Node 24 (actions/cache@v4 and the other Node 20
# majors stop running when GitHub retires Node 20). Raise one here when its repository tags a new major.
CURRENT = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/cache": 5,
    "actions/upload-artifact": 7,
    "actions/download-artifact": 8,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
MAJOR = re.compile(r"^[\w.-]+/[\w.-]+@v(\d+)$")
ORIGINS = {
    "index": origin(None),
    "git": origin({"url": "https://github.com/comms/trustpages-fork.git", "vcs_info": {"vcs": "git", "commit_id": "ab" * 20}}),
    "wheel": Origin("./wheels/trustpages-0.1.0-py3-none-any.whl", "a wheel", None),
}


def starter(kind: str) -> dict[str, str]:
    return {file.path: file.text for file in starter_files("Comms Co", date(2026, 11, 23), ORIGINS[kind])}


def actionlint(files: dict[str, str]) -> list[dict[str, Any]]:
    """actionlint's findings for each workflow (path: text), from its WebAssembly build (tests/browser/package.json)."""
    if not LINTER.is_dir():
        pytest.fail(f"{LINTER} is missing: run `make test`, or `npm ci` in tests/browser")
    node = shutil.which("node")
    assert node, "node is missing: apt-get install nodejs"
    payload = json.dumps([{"path": path, "text": text} for path, text in files.items()])
    done = subprocess.run(
        [node, "actionlint.cjs"], input=payload, capture_output=True, text=True, cwd=BROWSER_TOOLS, timeout=120, check=True
    )
    return json.loads(done.stdout)


def as_workflow(action: dict[str, Any]) -> str:
    """The Action's steps as a reusable workflow's job, so actionlint checks its expressions, inputs and `uses:`."""
    inputs = {name: {"type": "string", "required": False, "default": ""} for name in action["inputs"]}
    job = {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}
    return yaml.safe_dump({"on": {"workflow_call": {"inputs": inputs}}, "jobs": {"action": job}}, sort_keys=False)


def every_uses(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [*([node["uses"]] if isinstance(node.get("uses"), str) else []), *(u for v in node.values() for u in every_uses(v))]
    if isinstance(node, list):
        return [u for item in node for u in every_uses(item)]
    return []


def test_actionlint_finds_what_it_should() -> None:
    broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v2\n"
    [finding] = actionlint({"broken.yml": broken})
    assert (finding["line"], finding["kind"]) == (6, "action")  # too old a runner: the linter runs, and reads the file


def test_every_workflow_and_the_action_pass_actionlint() -> None:
    files = {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8") for path in sorted((REPO / ".github").rglob("*.yml"))}
    for kind in ORIGINS:
        files |= {f"{kind}-site/{path}": text for path, text in starter(kind).items() if path.startswith(".github/workflows/")}
    files["action.yml (as a workflow)"] = as_workflow(yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8")))
    assert len(files) >= 6
    assert actionlint(files) == []


def test_the_action_is_a_composite_action_with_described_inputs() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert {"name", "description", "inputs", "runs"} <= action.keys()
    assert action["runs"]["using"] == "composite"
    assert {"mode", "directory", "config-file", "builder", "python-version", "requirement", "first-publication"} <= action["inputs"].keys()
    for name, spec in action["inputs"].items():
        assert spec.get("description") and "default" in spec, name  # a site's workflow need give none of them
    for step in action["runs"]["steps"]:
        assert ("uses" in step) != ("run" in step), step
        assert "run" not in step or step.get("shell") == "bash", step  # a composite action's run step must name its shell
        assert "run" not in step or "${{" not in step["run"], step  # inputs reach scripts through env, never pasted in


def test_every_action_used_is_pinned_to_its_current_major_version() -> None:
    documents = [REPO / "action.yml", *sorted((REPO / ".github").rglob("*.yml"))]
    used = [u for path in documents for u in every_uses(yaml.safe_load(path.read_text(encoding="utf-8")))]
    used += [
        u for kind in ORIGINS for path, text in starter(kind).items() if path.endswith(".yml") for u in every_uses(yaml.safe_load(text))
    ]
    for uses in used:
        if uses.startswith("./") or uses.startswith("pypa/gh-action-pypi-publish@release/"):  # local; a release branch
            continue
        found = MAJOR.match(uses)
        if uses.startswith("trustpages/") or uses.startswith("comms/"):  # the Action itself: a release tag or a commit
            assert re.fullmatch(r"[\w-]+/[\w-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})", uses), uses
            continue
        assert found, f"{uses}: pin an action to its major version, e.g. actions/checkout@v7"
        name = uses.split("@")[0]
        assert name in CURRENT, f"{uses}: add its current major version to CURRENT"
        assert int(found[1]) >= CURRENT[name], f"{uses}: the current major version is v{CURRENT[name]}"
    assert not any(u.startswith("actions/configure-pages@") for u in used)  # it fails in the build before Pages is on


def test_the_starter_uses_the_action_from_where_its_trustpages_came() -> None:
    flows = {kind: yaml.safe_load(starter(kind)[".github/workflows/trustpages.yml"]) for kind in ORIGINS}
    actions = {kind: every_uses(flow)[1] for kind, flow in flows.items()}  # after actions/checkout
    assert actions["index"] == "trustpages/trustpages@v0.1.0"
    assert actions["git"] == f"comms/trustpages-fork@{'ab' * 20}"
    # No GitHub repository has a wheel's trustpages: the site keeps the Action beside its workflow.
    assert actions["wheel"] == f"./{LOCAL_ACTION}"
    assert starter("wheel")[f"{LOCAL_ACTION}/action.yml"] == (REPO / "action.yml").read_text(encoding="utf-8")
    assert f"{LOCAL_ACTION}/action.yml" not in starter("index")


@pytest.mark.parametrize(("kind", "updatable"), [("index", True), ("git", False), ("wheel", False)])
def test_requirements_say_whether_dependabot_can_update_them(kind: str, updatable: bool) -> None:
    files = starter(kind)
    requirements = files["requirements.txt"]
    ecosystems = [update["package-ecosystem"] for update in yaml.safe_load(files[".github/dependabot.yml"])["updates"]]
    assert ecosystems == (["pip", "github-actions"] if updatable else ["github-actions"])
    assert ("Dependabot proposes new versions" in requirements) is updatable
    assert ("Dependabot cannot" in requirements) is not updatable
