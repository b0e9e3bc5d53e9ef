"""Which modules may name a record kind: the registry owns each kind, so a module naming one is on this list, with its reason.

A module names a kind when its code holds a kind's name or folder as a string ("incident",
"commitments", "incident.new", "pricing.per") or reads a built-in kind's RecordSet shortcut
(`records.incidents`). The names come from the registry, never a list here. A new module that
names a kind fails this test: loop over the registry (`kinds.kinds()`, `records.of(Model)`), or
add the module below with why it must. An entry whose module no longer names a kind fails too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from trustpages import kinds
from trustpages.records import RecordSet

PACKAGE = Path(__file__).resolve().parents[1] / "generator" / "trustpages"

# Words that are also something else: the site is every page's, and `withdrawn` a promise's status as well as withdrawn.yml.
_AMBIGUOUS = {"site", "withdrawn"}

ALLOWED = {
    # The kinds' own files.
    "kinds.py": "the built-in kinds' registry entries",
    "kindhooks.py": "the hooks those entries call: each built-in kind's groups, related records and events",
    "timeline/events.py": "the built-in kinds' events on the timeline, made from their records",
    "timeline/outcomes.py": "the built-in kinds' events in words",
    "scaffold/drafts.py": "the draft each kind `trustpages new` writes starts from",
    "opendata/models.py": "the built-in kinds' documents of /api/v1, a published format whose fields are binding",
    "opendata/v1.py": "the built-in kinds' documents of /api/v1 with their computed numbers (others: from the model)",
    # Numbers are about promises, incidents and mistakes: what they count is the product's promise.
    "metrics.py": "the site's numbers count promises kept, incidents and mistakes",
    "status.py": "the service's status is made of incidents",
    "timeliness.py": "how fast an incident's postmortem came, from git",
    "measured.py": "standing promises measured by incidents, price and data notices",
    "corrected.py": "a promise's due date, counted as first published",
    "timeline/pages.py": "the yearly tally counts promises kept and broken, incidents and mistakes",
    "localformat.py": "a share of promises and a price per unit in the site's language",
    # Checks: each rule is about one kind's content.
    "checks/consistency.py": "rules inside a promise, an incident, a price change",
    "checks/references.py": "what a record may refer to: promises, incidents, mistakes, contact channels",
    "checks/policies.py": "site.yml's policies are about incidents and prices",
    "checks/honesty.py": "rules that keep bad news visible: overdue promises, open incidents",
    "checks/trust.py": "trust surveys measured against promises kept",
    "checks/published.py": "withdrawn.yml names records by kind and id",
    # Pages and outputs that are about one kind by what they are.
    "render/context.py": "the shared render context: promises by status, incidents and mistakes by year (issue 31: to the registry)",
    "render/replaced.py": "a site's own template replacing a built-in kind's page says where the computed figures are",
    "opendata/counts.py": "summary.json and metrics.json count promises, incidents and mistakes: a published format",
    "render/trustfigures.py": "a trust survey's figure in the site's words: its strings are the surveys section's",
    "opendata/statuspage.py": "the Statuspage-compatible API is of incidents",
    "opendata/ical.py": "the calendar lists maintenance and promises' due dates",
    "opendata/feeds.py": "the feeds tell each incident's updates and each promise's status",
    "opendata/__init__.py": "security.txt comes from contact.yml",
    "opendata/securitytxt.py": "security.txt comes from contact.yml",
    "importers/statuspage.py": "imports incidents from Statuspage",
    "importers/state.py": "which Statuspage incidents were imported",
    "importers/sync.py": "writes imported incidents",
    "commands/import_.py": "`trustpages import` makes incidents",
    "commands/new.py": "--standing is for commitments only",
}


def kind_words() -> tuple[set[str], set[str]]:
    """The registry's kind names and folders (as strings), and the built-in kinds' RecordSet shortcuts (its properties)."""
    words = {k.name for k in kinds.kinds()} | {k.folder for k in kinds.kinds() if k.folder}
    fields = {name for name, member in vars(RecordSet).items() if isinstance(member, property)}
    return words - _AMBIGUOUS, fields - {"site"}


def names_of_kinds(source: str, words: set[str], fields: set[str]) -> list[str]:
    """Each place `source` names a kind: the string or `.field` it names."""
    prefixed = re.compile(rf"^({'|'.join(sorted(map(re.escape, words)))})\.[a-z_]+$")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (node.value in words or prefixed.match(node.value)):
            found.append(node.value)
        elif isinstance(node, ast.Attribute) and node.attr in fields:
            found.append(f".{node.attr}")
    return found


def naming_modules() -> dict[str, list[str]]:
    words, fields = kind_words()
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        named = names_of_kinds(path.read_text(encoding="utf-8"), words, fields)
        if named:
            found[path.relative_to(PACKAGE).as_posix()] = named
    return found


def test_only_the_allowed_modules_name_a_kind() -> None:
    unexpected = {module: sorted(set(named))[:5] for module, named in naming_modules().items() if module not in ALLOWED}
    assert not unexpected, "these modules name a kind: loop over the registry instead, or add them to ALLOWED with why"


def test_every_allowed_module_still_names_a_kind() -> None:
    stale = sorted(set(ALLOWED) - set(naming_modules()))
    assert not stale, "no longer naming a kind: take them off ALLOWED"


def test_what_counts_as_naming_a_kind() -> None:
    words, fields = kind_words()
    assert sorted(names_of_kinds('history.of("incident", id)\nt("nav.commitments")\nrecords.mistakes\n', words, fields)) == [
        ".mistakes",
        "incident",
    ]
    assert names_of_kinds('e.kind == "commitment.status" or key == "pricing.per"', words, fields) == ["commitment.status", "pricing.per"]
    # a loop over the registry, the site and a promise's status withdrawn name none
    assert names_of_kinds('[k.of(records) for k in kinds.kinds()]\nrecords.site\nstatus == "withdrawn"\n', words, fields) == []
