"""What `trustpages init` writes: a working site with one example of each record, CI, and editor settings.

The examples are marked as init's in content/.examples.json (see trustpages.checks.examples).

The starter files live in starter/ beside this module. Names ending in `.j2` are Jinja2
templates (their dates are worked out from the day `init` runs, so the examples pass
`trustpages check --strict` that day); a leading `dot-` stands for `.`, so the files are
not hidden, and git does not read starter/dot-gitignore as this repository's own rules.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath

from jinja2 import Environment, StrictUndefined

from trustpages import SOURCE_REPOSITORY, __version__, kinds, schema
from trustpages.checks import examples
from trustpages.checks.honesty import last_full_period
from trustpages.checks.placeholders import starter_placeholders
from trustpages.editor import admin_files
from trustpages.importers.yamlwriter import scalar
from trustpages.installed import Origin, origin
from trustpages.render.environment import Strings, builtin_templates

STARTER = Path(__file__).resolve().parent / "starter"
FIELD_REFERENCE = f"{SOURCE_REPOSITORY}/blob/main/docs/records.md"
LOCAL_ACTION = ".github/actions/trustpages"  # a site's own copy of the Action, when no GitHub repository has its trustpages
_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class StarterFile:
    """One file of a new site: where it goes (relative, with `/`) and its text."""

    path: str
    text: str


def starter_files(name: str, today: date, source: Origin | None = None, locale: str = "en") -> list[StarterFile]:
    """Every file of a new site named `name`, with example dates relative to `today`, in a stable order.

    requirements.txt and the pre-commit hook install trustpages from `source` (default: where the
    running one came from); a wheel it names is copied by `init`, not listed here. `locale` is the
    site's language (a strings file in templates/strings/): site.yml and mkdocs.yml are written
    for it; the example records stay in English, to be replaced anyway.
    """
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = scalar
    values = {**_values(name, today, source or origin()), "locale": locale, "t": Strings.load(locale, [builtin_templates()])}
    files: list[StarterFile] = []
    for starter in sorted(STARTER.rglob("*")):
        if not starter.is_file() or starter.name.startswith(".") or "__pycache__" in starter.parts:
            continue
        relative = starter.relative_to(STARTER).as_posix()
        text = starter.read_text(encoding="utf-8")
        if relative.endswith(".j2"):
            relative = env.from_string(relative.removesuffix(".j2")).render(values)
            text = env.from_string(text).render(values)
        files.append(StarterFile(_undotted(relative), text))
    files += [StarterFile(f"schemas/{kind}.schema.json", schema.dumps(schema.schema(kind))) for kind in schema.names()]
    # The browser editor's page and configuration; `trustpages editor` fetches its script (init stays offline).
    files += [StarterFile(f"site_src/{file.path}", file.text) for file in admin_files("content", "site_src", repo=None)]
    if action_ref(source or origin()) is None:  # the workflow uses the site's own copy of the Action
        files.append(StarterFile(f"{LOCAL_ACTION}/action.yml", action_file().read_text(encoding="utf-8")))
    files.append(StarterFile(".vscode/settings.json", editor_settings()))
    # The mark that tells the examples from the company's own records later (trustpages.checks.examples).
    records = [(file.path.removeprefix("content/"), file.text) for file in files if file.path.startswith("content/")]
    files.append(StarterFile(f"content/{examples.MARKS}", examples.marks_text(records)))
    return sorted(files, key=lambda file: file.path)


def editor_settings() -> str:
    """VS Code settings giving every content file its JSON Schema (hover help, completion, errors as you type)."""
    globs: dict[str, list[str]] = {}
    for k in sorted(kinds.kinds(), key=lambda k: k.file is not None):  # folders first, as before
        globs.setdefault(f"./schemas/{k.name}.schema.json", []).append(f"content/{k.folder}/*.yml" if k.folder else f"content/{k.file}")
    return json.dumps({"yaml.schemas": globs}, indent=2) + "\n"


def action_file() -> Path:
    """The trustpages Action (action.yml): shipped in the wheel beside the package, or at the repository's root."""
    packaged = Path(__file__).resolve().parents[1] / "action.yml"
    return packaged if packaged.is_file() else Path(__file__).resolve().parents[3] / "action.yml"


def action_ref(source: Origin) -> str | None:
    """`owner/name@rev`: the Action in the GitHub repository and at the revision `source` pins (the release tag of
    a version from the index, a commit from git); None when its trustpages is in no GitHub repository."""
    found = _GITHUB.match(source.hook_repo or "")
    return f"{found[1]}@{source.hook_rev}" if found and source.hook_rev else None


def _values(name: str, today: date, source: Origin) -> dict[str, object]:
    """The names the starter templates use: the site's name, and example dates that pass every check on `today`."""
    quarter, quarter_end = last_full_period("quarter", today)
    action = action_ref(source)
    repository, _, rev = (action or "").partition("@")
    earlier, earlier_end = last_full_period("quarter", _quarter_start(quarter_end))
    return {
        "name": name,
        "domain": placeholder_domain(name),
        "placeholder": {placeholder.id: placeholder.filled(name) for placeholder in starter_placeholders()},
        "version": __version__,
        "requirement": source.requirement,
        "installed_from": source.said,
        # Dependabot proposes new versions of a requirement from the package index, and of nothing else.
        "dependabot": source.requirement.startswith("trustpages=="),
        "action": action or f"./{LOCAL_ACTION}",
        "action_source": f"https://github.com/{repository}/blob/{rev}/action.yml" if action else f"{LOCAL_ACTION}/action.yml",
        "hook_repo": source.hook_repo,
        "hook_rev": source.hook_rev,
        "field_reference": FIELD_REFERENCE,
        "today": today.isoformat(),
        "yesterday": (today - timedelta(days=1)).isoformat(),
        "due": (today + timedelta(days=90)).isoformat(),
        "made_on": _quarter_start(earlier_end).isoformat(),
        "quarter": quarter,
        "earlier_quarter": earlier,
        "announced": (today - timedelta(days=60)).isoformat(),
        "effective": (today - timedelta(days=15)).isoformat(),
    }


def default_name() -> str:
    """The company's name a site gets when `init` is not told it: a placeholder `check` names until replaced."""
    return str(next(p.value for p in starter_placeholders() if p.id == "name"))


def placeholder_domain(name: str) -> str:
    """The company's name as a domain under .invalid (RFC 2606: no one's, ever), for the addresses the starter cannot know.

    `check` names every address there until it is replaced; the name in it shows what to change.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    label = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:63].strip("-")
    return f"{label or 'your-company'}.invalid"


def _quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _undotted(relative: str) -> str:
    parts = PurePosixPath(relative).parts
    return "/".join("." + part.removeprefix("dot-") if part.startswith("dot-") else part for part in parts)
