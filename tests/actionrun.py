"""Runs a composite action's shell steps here, as a GitHub runner would: `${{ }}` filled in from inputs, github,
steps and runner, `if:` conditions decided, outputs and PATH passed on through the files a runner reads.

Only what action.yml uses is understood (a context path, `a == 'b'`); anything else is a test failure, so
the Action stays as plain as this runner. `uses:` steps are recorded with their inputs, not run.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
COMPARISON = re.compile(r"^([\w.-]+)\s*==\s*'([^']*)'$")


@dataclass
class Ran:
    """What running the action did: each step's name and exit code, what it printed, the `uses:` it would call."""

    steps: list[tuple[str, int]] = field(default_factory=list)
    output: str = ""
    used: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def failed_at(self) -> str | None:
        return next((name for name, code in self.steps if code != 0), None)


def _lookup(path: str, context: dict[str, Any]) -> str:
    value: Any = context
    for part in path.split("."):
        assert isinstance(value, dict), f"cannot evaluate {path!r}"
        value = value.get(part, "")
    assert isinstance(value, str), f"{path!r} is not a string"
    return value


def _expand(value: object, context: dict[str, Any]) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value)  # YAML's true is the string 'true' to a runner

    def one(found: re.Match[str]) -> str:
        expression = found[1]
        assert re.fullmatch(r"[\w.-]+", expression), f"the test runner only fills in context paths, not {expression!r}"
        return _lookup(expression, context)

    return EXPRESSION.sub(one, text)


def _condition(text: str, context: dict[str, Any]) -> bool:
    found = COMPARISON.match(EXPRESSION.sub(lambda m: m[1], text).strip())
    assert found, f"the test runner only decides `a == 'b'`, not {text!r}"
    return _lookup(found[1], context) == found[2]


def run(
    action: dict[str, Any],
    inputs: dict[str, str],
    github: dict[str, str],
    cwd: Path,
    env: dict[str, str],
    temp: Path,
    skip: frozenset[str] = frozenset(),
) -> Ran:
    """Run `action`'s steps in `cwd` (the workspace) until one fails; steps named in `skip` count as run and passed."""
    context: dict[str, Any] = {"github": github, "runner": {"temp": str(temp)}, "steps": {}}
    context["inputs"] = {name: _expand(spec.get("default", ""), context) for name, spec in action["inputs"].items()}
    unknown = set(inputs) - set(context["inputs"])
    assert not unknown, f"the action has no input {unknown}"
    context["inputs"].update(inputs)
    ran = Ran()
    path_file, output_file = temp / "github_path", temp / "github_output"
    path_file.write_text("", encoding="utf-8")
    for step in action["runs"]["steps"]:
        name = step.get("name", step.get("uses", ""))
        if "if" in step and not _condition(step["if"], context):
            continue
        if "uses" in step:
            ran.used.append((step["uses"], {key: _expand(value, context) for key, value in step.get("with", {}).items()}))
            continue
        assert step["shell"] == "bash", name
        if name in skip:
            ran.steps.append((name, 0))
            continue
        output_file.write_text("", encoding="utf-8")
        added = [line for line in path_file.read_text(encoding="utf-8").splitlines() if line]
        step_env = {
            **env,
            "PATH": os.pathsep.join([*reversed(added), env["PATH"]]),
            "GITHUB_OUTPUT": str(output_file),
            "GITHUB_PATH": str(path_file),
            "RUNNER_TEMP": str(temp),
            **{key: _expand(value, context) for key, value in step.get("env", {}).items()},
        }
        folder = cwd / _expand(step.get("working-directory", "."), context)
        # As a runner runs `shell: bash`: bash --noprofile --norc -eo pipefail {0}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _expand(step["run"], context)],
            cwd=folder,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        ran.output += done.stdout + done.stderr
        ran.steps.append((name, done.returncode))
        if "id" in step:
            outputs = dict(line.split("=", 1) for line in output_file.read_text(encoding="utf-8").splitlines() if "=" in line)
            context["steps"][step["id"]] = {"outputs": outputs}
        if done.returncode != 0:
            break
    return ran
