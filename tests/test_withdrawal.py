"""Withdrawing is not escaping: a promise withdrawn once overdue counts as broken, and every withdrawal or correction says why."""

from __future__ import annotations

from datetime import date

from tests.conftest import AS_OF, MILESTONE, VALID, Content, human
from trustpages import metrics
from trustpages.validate import validate

KEPT = (
    "  - on: 2026-06-20\n    status: kept\n    note: Export is live for every plan.\n    evidence: [https://example.com/changelog/export]\n"
)


def withdrawn_on(day: str, note: str = "We chose to build a different export tool first.") -> dict[str, str]:
    assert KEPT in VALID[MILESTONE]
    return {MILESTONE: VALID[MILESTONE].replace(KEPT, f"  - {{on: {day}, status: withdrawn, note: {note}}}\n")}


def test_a_promise_withdrawn_after_its_due_date_counts_as_broken(content: Content) -> None:
    records = validate(content(withdrawn_on("2026-07-01")), date(2026, 7, 2)).records
    assert records is not None
    [milestone] = [c for c in metrics.milestones(records) if c.id == "export-all-data"]
    assert metrics.status(milestone, date(2026, 7, 2)) == "broken"
    tally = metrics.PromiseTally.of([milestone], date(2026, 7, 2))
    assert tally.counts["broken"] == 1 and tally.counts["withdrawn"] == 0 and tally.decided == 1


def test_a_promise_withdrawn_before_its_due_date_is_withdrawn(content: Content) -> None:
    records = validate(content(withdrawn_on("2026-06-20")), AS_OF).records
    assert records is not None
    [milestone] = [c for c in metrics.milestones(records) if c.id == "export-all-data"]
    assert metrics.status(milestone, AS_OF) == "withdrawn"
    assert metrics.PromiseTally.of([milestone], AS_OF).decided == 0


def test_a_withdrawal_note_must_say_why(content: Content) -> None:
    for note in ('"."', "n/a", "Tidied up"):
        found = human(content(withdrawn_on("2026-06-20", note)))
        assert any("a withdrawn promise needs a note saying why, in a sentence" in line for line in found), (note, found)


def test_a_correction_or_withdrawal_reason_must_say_why(content: Content) -> None:
    corrected = VALID[MILESTONE] + 'corrections:\n  - {on: 2026-06-21, field: due, why: "."}\n'
    found = human(content({MILESTONE: corrected}))
    assert any("why: says too little to explain it to a reader" in line for line in found), found
    listed = "- {id: gone, kind: incident, on: 2026-06-01, reason: n/a}\n"
    found = human(content({"withdrawn.yml": listed}))
    assert any("reason: says too little to explain it to a reader: 'n/a'" in line for line in found), found


def test_a_correction_names_one_fact_never_a_parent(content: Content) -> None:
    for field, said in [
        ("updates", "is a whole list: a correction names one of its items"),
        ("corrections.1", "is a published correction: corrections stay as they were"),
    ]:
        corrected = VALID[MILESTONE] + f"corrections:\n  - {{on: 2026-06-21, field: {field}, why: We got this wrong at first.}}\n"
        found = human(content({MILESTONE: corrected}))
        assert any(f"'{field}' {said}" in line for line in found), (field, found)
    site = VALID["site.yml"] + "corrections:\n  - {on: 2026-06-21, field: policies, why: We relaxed all our rules today.}\n"
    found = human(content({"site.yml": site}))
    assert any("'policies' holds several published facts: a correction names one of them" in line for line in found), found
    one = VALID[MILESTONE] + "corrections:\n  - {on: 2026-06-21, field: updates.2.note, why: The beta had JSON export too.}\n"
    assert not any("correction" in line for line in human(content({MILESTONE: one})))
