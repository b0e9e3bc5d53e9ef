"""The incidents page lists each incident once: what is open, planned or overran under its own heading, the rest by year."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from tests.gitrepo import REPO
from trustpages.pipeline import make_site
from trustpages.records import Incident
from trustpages.validate import validate

AS_OF = date(2026, 12, 6)  # the Android receipts incident is open; the bank sync maintenance is planned


def listed(page: str) -> Counter[str]:
    """How many rows of the page's tables link each incident."""
    rows = re.findall(r"<tr>(?:(?!</tr>).)*</tr>", page, re.S)
    return Counter(found for row in rows for found in re.findall(r'href="[^"]*?([0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+)/"', row))


def test_an_open_incident_is_listed_once_under_happening_now_not_again_in_its_year() -> None:
    records = validate(REPO / "content", AS_OF, advice=False).records
    assert records is not None
    page = make_site(records, AS_OF).pages["incidents/index.md"]
    counts = listed(page)
    assert set(counts) == {incident.id for incident in records.incidents}
    assert [name for name, n in counts.items() if n != 1] == []
    now = page[page.index('id="open"') : page.index('id="upcoming"')]
    assert "2026-11-22-mobile-app-photos" in now


def test_an_overran_maintenance_is_listed_once_too() -> None:
    records = validate(REPO / "content", date(2026, 12, 20), advice=False).records
    assert records is not None
    page = make_site(records, date(2026, 12, 20)).pages["incidents/index.md"]
    assert 'id="overran"' in page
    assert [name for name, n in listed(page).items() if n != 1] == []


def test_a_site_whose_only_incident_is_open_never_says_it_has_none() -> None:
    records = validate(REPO / "content", AS_OF, advice=False).records
    assert records is not None
    only: tuple[Incident, ...] = tuple(i for i in records.incidents if i.resolved is None and i.impact != "maintenance")
    page = make_site(records.with_records("incident", only), AS_OF).pages["incidents/index.md"]
    assert "No incidents recorded." not in page and len(only) == 1
