"""RecordSet: every kind's records read and replaced alike, typed by model, whether the kind has a field of its own or not."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import Field

from tests.conftest import REPO
from trustpages import kinds
from trustpages.kinds import Facts, Kind
from trustpages.records import DataUse, Incident, Milestone, RecordSet, Site, Standing, Survey, Withdrawal
from trustpages.records.common import Record, Text
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)


class Award(Record):
    """A throwaway kind with one field."""

    id: str = Field("", exclude=True)
    title: Text = Field(description="What it was for.")


@pytest.fixture(scope="module")
def example() -> RecordSet:
    records = validate(REPO / "content", AS_OF).records
    assert records is not None
    return records


def test_of_a_model_is_its_kinds_records_typed_and_of_one_model_of_a_union_only_that_ones(example: RecordSet) -> None:
    assert example.of(Incident) == example.incidents and example.of(Incident)
    milestones, standing = example.of(Milestone), example.of(Standing)
    assert milestones and standing and all(isinstance(c, Milestone) for c in milestones)
    assert len(milestones) + len(standing) == len(example.commitments)
    # the kinds without a field of their own, alike
    assert [s.id for s in example.of(Survey)] == [s.id for s in example.named("survey")] != []
    assert len(example.of(DataUse)) == 1 and example.named("data") == example.of(DataUse)


def test_named_gives_a_single_files_record_as_one_item_and_a_missing_one_as_none() -> None:
    site = Site.model_construct(name="Example", url="https://example.com")
    empty = RecordSet(site=site)
    assert empty.named("site") == (site,)
    assert empty.named("pricing") == () and empty.named("data") == () and empty.named("commitment") == ()


def test_with_records_replaces_one_kinds_records_every_kind_alike(example: RecordSet) -> None:
    [data] = example.of(DataUse)
    assert example.with_records("data", ()).of(DataUse) == ()
    assert example.with_records("pricing", ()).pricing is None
    assert example.with_records("pricing", (example.pricing,)).pricing == example.pricing
    entry = Withdrawal.model_validate({"id": "x", "kind": "incident", "on": "2026-01-01", "reason": "Published by mistake, twice over."})
    assert example.with_records("withdrawn", (entry,)).withdrawn == (entry,)  # withdrawn.yml's entries are its records
    replaced = example.with_records("incident", example.incidents[:1])
    assert replaced.incidents == example.incidents[:1] and replaced.of(DataUse) == (data,) and replaced.commitments == example.commitments
    with kinds.registered(Kind("award", Award, folder="awards", facts=Facts(lists=()))):
        award = Award(id="a", title="Friendliest support")
        assert example.with_records("award", (award,)).of(Award) == (award,) and example.of(Award) == ()
