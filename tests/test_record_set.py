"""RecordSet: one mapping of every kind's records, read, made and replaced alike, typed by model; the built-in kinds' shortcuts read it."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import Field

from tests.conftest import REPO
from trustpages import kinds
from trustpages.kinds import Facts, Kind
from trustpages.records import DataUse, Incident, MetricSeries, Milestone, RecordSet, Site, Standing, Survey, Withdrawal
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
    empty = RecordSet.holding(site)
    assert empty.named("site") == (site,) and empty.site is site
    assert empty.named("pricing") == () and empty.named("data") == () and empty.named("commitment") == ()
    assert empty.pricing is None and empty.incidents == () and empty.withdrawn == ()
    with pytest.raises(KeyError):
        empty.named("incidents")  # a kind's name, not its folder: a typo is an error, never no records


def test_holding_puts_each_record_under_its_models_kind_in_the_order_given(example: RecordSet) -> None:
    later, earlier = example.incidents[:2]
    entry = Withdrawal.model_validate({"id": "x", "kind": "incident", "on": "2026-01-01", "reason": "Published by mistake, twice over."})
    made = RecordSet.holding(example.site, later, example.pricing, entry, earlier, *example.of(DataUse))
    assert made.incidents == (later, earlier) and made.by_kind["incident"] == (later, earlier)
    assert made.pricing == example.pricing and made.withdrawn == (entry,) and made.of(DataUse) == example.of(DataUse)
    assert sorted(made.by_kind) == ["data", "incident", "pricing", "site", "withdrawn"]
    # no records of a kind and no entry for it are one and the same set
    assert made.with_records("mistake", ()) == made and made.with_records("incident", ()).by_kind.keys() == made.by_kind.keys() - {
        "incident"
    }


def test_a_set_has_exactly_one_site_and_a_single_files_kind_one_record(example: RecordSet) -> None:
    with pytest.raises(ValueError, match="exactly one site"):
        RecordSet({"incident": example.incidents})
    with pytest.raises(ValueError, match="exactly one site"):
        example.with_records("site", ())
    assert example.pricing is not None
    with pytest.raises(ValueError, match="one record"):
        example.with_records("pricing", (example.pricing, example.pricing))


def test_the_shortcuts_read_the_one_mapping(example: RecordSet) -> None:
    assert example.commitments == example.by_kind["commitment"] and example.mistakes == example.named("mistake")
    assert (example.pricing,) == example.by_kind["pricing"] and (example.contact,) == example.named("contact")
    assert example.metrics == example.of(MetricSeries) and example.withdrawn == example.of(Withdrawal)


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
