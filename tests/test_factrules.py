"""One rule set of published facts (trustpages.factrules): git's baseline and the public log's refuse and allow the same changes."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from trustpages.checks.published import Published
from trustpages.checks.published import check as against_git
from trustpages.loader import load
from trustpages.publiclog.compare import compare, extend
from trustpages.publiclog.log import Log
from trustpages.records import RecordSet

REPO = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 23)
PRICING = "pricing.yml"
MILESTONE = "commitments/invoices-in-german-and-french.yml"
INCIDENT = "incidents/2026-09-08-bank-sync-outage.yml"
HISTORY_ROW = "  - {announced: 2026-11-01, effective: 2026-12-15, plan: PLAN, from: 9, to: 11, why: Costs rose.}\n"
CORRECTION = "corrections:\n  - {on: 2026-11-20, field: FIELD, why: We first wrote it wrong.}\n"

# (name, file, old text, new text, what a refusal names: None when both baselines allow the change)
EDITS = [
    ("a quiet price rise", PRICING, "price: 9\n", "price: 11\n", "plans.2.price"),
    ("a price rise with its history row", PRICING, "price: 9\n", "price: 11\n", None),
    ("a history row for another plan", PRICING, "price: 9\n", "price: 11\n", "plans.2.price"),
    ("a price rise with a correction", PRICING, "price: 9\n", "price: 11\n", None),
    ("a moved due date", MILESTONE, "due: 2026-02-28", "due: 2030-01-01", "due"),
    ("a moved due date with a correction", MILESTONE, "due: 2026-02-28", "due: 2030-01-01", None),
    ("a component no longer affected", INCIDENT, "affected: [bank-sync, api]", "affected: [bank-sync]", "affected"),
    ("a component also affected", INCIDENT, "affected: [bank-sync, api]", "affected: [bank-sync, api, login]", None),
]


def _content(folder: Path, name: str, file: str, old: str, new: str) -> Path:
    content = folder / "content"
    shutil.copytree(REPO / "content", content)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    text = text.replace(old, new, 1)
    if "history row" in name:
        plan = "Business" if "another plan" in name else "Solo"
        text = text.replace("history:\n", "history:\n" + HISTORY_ROW.replace("PLAN", plan), 1)
    if "correction" in name:
        field = "plans.solo.price" if file == PRICING else "due"
        text += CORRECTION.replace("FIELD", field)
    path.write_text(text, encoding="utf-8")
    return content


def _records(content: Path) -> RecordSet:
    loaded = load(content)
    assert loaded.records is not None and not [p for p in loaded.problems if p.severity == "error"], [p.human() for p in loaded.problems]
    return loaded.records


@pytest.mark.parametrize(("name", "file", "old", "new", "refused"), EDITS, ids=[edit[0] for edit in EDITS])
def test_git_and_the_log_refuse_and_allow_the_same_changes(
    tmp_path: Path, name: str, file: str, old: str, new: str, refused: str | None
) -> None:
    before = load(REPO / "content")
    assert before.records is not None
    log = Log()
    assert not extend(log, before.records, "2026-11-01T10:00:00Z", "a" * 40, first_publication=True).problems
    now = _records(_content(tmp_path, name, file, old, new))
    loaded_now = load(tmp_path / "content")

    by_git = [p for p in against_git(Published("HEAD", before), now, loaded_now.seen, AS_OF) if p.severity == "error"]
    by_log = [p for p in compare(log, now, "2026-11-23").problems if p.severity == "error"]

    if refused is None:
        assert (by_git, by_log) == ([], [])
        return
    assert len(by_git) == 1 and len(by_log) == 1, ([p.human() for p in by_git], [p.human() for p in by_log])
    git, logged = by_git[0], by_log[0]
    assert git.file == logged.file and git.file.endswith(file)
    assert git.message.split(": published as ")[0] == refused
    assert logged.message.split(": published as ")[0] in (refused, "plans.solo.price", "affected.2")
    # The same advice in both, in the same words but for the path the fact goes by.
    assert git.hint.split("field: ")[0] == logged.hint.split("field: ")[0]
