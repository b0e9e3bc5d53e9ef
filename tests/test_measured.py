"""trustpages.measured: a standing promise the records can measure has computed actuals; typed ones are errors or labelled."""

from __future__ import annotations

import typing
from datetime import date

from tests.conftest import AS_OF, STANDING, VALID, Content, human
from trustpages import measured, metrics
from trustpages.records.commitment import MeasuredBy
from trustpages.validate import validate

MEASURED = VALID[STANDING].split("measurements:")[0] + "measured_by: {what: first_update, within: 30}\n"
# The valid incident's first update came 8 minutes after the start (2026-03-04 09:12 → 09:20).


def computed(content: Content, changes: dict[str, str | bytes | None], within: int = 30) -> list[tuple[str, str, bool | None]]:
    text = MEASURED.replace("within: 30", f"within: {within}")
    records = validate(content({STANDING: text, **changes}), AS_OF).records
    assert records is not None
    [promise] = [c for c in measured.measured(records, AS_OF).commitments if c.id == "reply-within-one-day"]
    return [(m.period, m.actual, m.met) for m in promise.measurements]


def test_every_quarter_since_the_promise_is_counted_from_the_records(content: Content) -> None:
    assert computed(content, {}) == [
        ("2025-Q1", "0 of 0", None),
        ("2025-Q2", "0 of 0", None),
        ("2025-Q3", "0 of 0", None),
        ("2025-Q4", "0 of 0", None),
        ("2026-Q1", "1 of 1", True),
        ("2026-Q2", "0 of 0", None),
    ]
    assert computed(content, {}, within=5)[4] == ("2026-Q1", "0 of 1", False)


def test_a_quarter_with_nothing_to_measure_counts_neither_way(content: Content) -> None:
    records = validate(content({STANDING: MEASURED}), AS_OF).records
    assert records is not None
    [row] = [s for s in metrics.standing(measured.measured(records, AS_OF)) if s.commitment.id == "reply-within-one-day"]
    assert (row.measured, row.met) == (1, 1)
    typed = VALID[STANDING].replace(
        "{period: 2026-Q2, actual: 91.0%, met: false, note: Two people left in May.}", "{period: 2026-Q2, actual: 0 of 0, met: true}"
    )
    records = validate(content({STANDING: typed}), AS_OF).records
    assert records is not None
    [row] = [s for s in metrics.standing(records) if s.commitment.id == "reply-within-one-day"]
    assert (row.measured, row.met) == (1, 1)  # a typed "0 of 0" is no period met


def test_typed_measurements_of_a_measured_promise_are_an_error(content: Content) -> None:
    text = MEASURED + "measurements:\n  - {period: 2026-Q1, actual: 2 of 2, met: true}\n"
    assert any(
        "measurements are typed, but measured_by says the records measure this promise" in line for line in human(content({STANDING: text}))
    )


def test_a_measurement_before_the_promise_was_made_is_an_error(content: Content) -> None:
    early = VALID[STANDING].replace("period: 2026-Q1", "period: 2024-Q4")
    assert any("period 2024-Q4 ended before the promise was made (2025-01-15)" in line for line in human(content({STANDING: early})))


def test_every_measure_the_model_names_is_implemented() -> None:
    assert set(typing.get_args(MeasuredBy.model_fields["what"].annotation)) == set(measured.MEASURES)


def test_pages_say_whether_figures_are_measured_or_reported(content: Content) -> None:
    from trustpages.pipeline import make_site

    records = validate(content({STANDING: MEASURED}), date(2026, 7, 1)).records
    assert records is not None
    page = make_site(records, date(2026, 7, 1)).pages["commitments/reply-within-one-day.md"]
    assert "Measured from our incident records, never typed" in page and "Nothing to measure" in page
    typed = validate(content(), date(2026, 7, 1)).records
    assert typed is not None
    assert "Reported by us" in make_site(typed, date(2026, 7, 1)).pages["commitments/reply-within-one-day.md"]
