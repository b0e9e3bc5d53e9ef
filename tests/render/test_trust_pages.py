"""The example's trust survey, data use, remedy and feedback as a reader sees them, with the numbers computed."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.gitrepo import REPO
from trustpages.pipeline import make_site
from trustpages.render.htmlpage import text_of
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    records = validate(REPO / "content", AS_OF).records
    assert records is not None
    output = make_site(records, AS_OF)
    return {**output.pages, **{path: data.decode() for path, data in output.assets.items() if path.endswith((".json", ".xml"))}}


def test_the_survey_page_shows_shares_with_their_likely_range(pages: dict[str, str]) -> None:
    page = pages["surveys/how-much-do-customers-trust-us.md"]
    # cares in 2026-Q2 at renewal: 80 + 77 of 200 agree = 78.5 %, Wilson 95 % interval 72.3 %–83.6 %
    rows = [[text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page)]
    assert ["“Tallyhouse cares about my success.”", "2026 Q2", "78%", "200", "between 72% and 84%, likely"] in rows
    assert "when leaving" in page and "How many customers renew each year?" in page


def test_home_puts_what_customers_say_beside_what_we_did(pages: dict[str, str]) -> None:
    home = text_of(pages["index.md"])
    assert "Share who agree or strongly agree with “Tallyhouse delivers on what it promises.” 65%" in home
    assert (
        "of customers agree or strongly agree with “Tallyhouse delivers on what it promises.”: "
        "everyone asked in 2026 Q3 (at renewal, when leaving), 252 answers." in home
    )


def test_data_page_mistake_remedy_and_feedback(pages: dict[str, str]) -> None:
    assert "Hetzner" in pages["data.md"] and "Your rights" in pages["data.md"]
    mistake = pages["mistakes/2026-05-04-double-charged.md"]
    assert "What we did to make it right" in mistake
    assert 'href="mailto:trust@tallyhouse.example?subject=About%3A%20' in mistake
    assert "Who handles your data: Hetzner — Announced: Hetzner handles customer data from 1 November 2026" in pages["feeds/all.xml"]
    assert '"processors":' in pages["api/v1/data.json"] and '"waves":' in pages["api/v1/surveys.json"]


def test_the_mistakes_list_shows_each_remedy_the_records_hold_and_counts_them() -> None:
    # The example's older mistakes told their remedy in `apology` or `what_we_changed`, written before `remedy`
    # existed: the list showed "—" beside corrected invoices, and "1 of 4" came with a remedy.
    records = validate(REPO / "content", AS_OF).records
    assert records is not None
    page = make_site(records, AS_OF).pages["mistakes/index.md"]
    rows = [[text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in re.findall(r"<tr>(.*?)</tr>", page)]
    shown = {row[1]: row[3] for row in rows if row}
    assert shown == {m.title: m.remedy or "—" for m in records.mistakes}
    assert shown["Some invoices showed the wrong VAT rate"].startswith("We wrote to all 148 customers with corrected invoices")
    remedied = sum(1 for m in records.mistakes if m.remedy)
    assert remedied == 2
    assert f"{remedied} of {len(records.mistakes)} mistakes came with a remedy" in text_of(page)


def test_the_open_data_carries_the_computed_shares(pages: dict[str, str]) -> None:
    import json

    [survey] = json.loads(pages["api/v1/surveys.json"])["surveys"]
    first = survey["results"][0]
    assert (first["period"], first["stage"]) == ("2026-Q2", "renewal")
    cares = first["shares"]["cares"]
    assert (cares["n"], cares["agree"], cares["share"]) == (200, 157, 0.785)
    assert [round(x, 3) for x in cares["interval_95"]] == [0.723, 0.836]


def test_the_generic_open_data_follows_its_schema() -> None:
    import json

    import jsonschema

    from trustpages.opendata.v1 import json_path, schema_path

    records = validate(REPO / "content", AS_OF).records
    assert records is not None
    assets = make_site(records, AS_OF).assets
    for name in ("surveys", "data"):
        jsonschema.validate(json.loads(assets[json_path(name)]), json.loads(assets[schema_path(name)]))


def test_a_day_with_trouble_names_at_most_three_incidents() -> None:
    """Hundreds of open incidents made the home page tens of megabytes: each day now links three, then 'and N more'."""
    from trustpages.records import Incident, RecordSet, Site

    site = Site.model_validate({"name": "T", "url": "https://t.example", "components": [{"id": "api", "name": "API"}]})
    incidents = tuple(
        Incident.model_validate(
            {
                "id": f"i{n}",
                "title": f"Outage {n}",
                "impact": "major",
                "affected": ["api"],
                "summary": "x",
                "started": "2026-11-20T08:00:00Z",
                "updates": [{"at": "2026-11-20T08:05:00Z", "status": "investigating", "body": "Looking."}],
            }
        )
        for n in range(40)
    )
    home = make_site(RecordSet.holding(site, *incidents), AS_OF).pages["index.md"]
    trouble = home.split('<details class="tp-trouble">', 1)[1].split("</details>", 1)[0]
    assert trouble.count("and 37 more") == 4  # 20 to 23 November
    assert trouble.count('">Outage ') == 4 * 3


def test_the_home_page_shows_a_bounded_number_of_open_incidents_and_links_to_the_rest() -> None:
    """Each open incident on the home page carries its latest update; hundreds open must not make it megabytes."""
    from trustpages.records import Incident, RecordSet, Site
    from trustpages.render import HOME_LIMIT

    site = Site.model_validate({"name": "T", "url": "https://t.example", "components": [{"id": "api", "name": "API"}]})

    def incident(n: int, **fields: object) -> Incident:
        return Incident.model_validate(
            {"id": f"i{n}", "title": f"Outage {n}", "impact": "major", "affected": ["api"], "summary": "x", **fields}
        )

    started = {
        "started": "2026-11-20T08:00:00Z",
        "updates": [{"at": "2026-11-20T08:05:00Z", "status": "investigating", "body": "Looking."}],
    }
    planned = {"impact": "maintenance", "scheduled_for": "2026-12-20T08:00:00Z", "scheduled_until": "2026-12-20T09:00:00Z"}
    incidents = tuple(incident(n, **started) for n in range(HOME_LIMIT + 7)) + tuple(
        incident(100 + n, **planned) for n in range(HOME_LIMIT + 2)
    )
    home = make_site(RecordSet.holding(site, *incidents), AS_OF).pages["index.md"]
    now = home.split("tp-now-list", 1)[1].split("</div>\n{", 1)[0]
    assert now.count('class="tp-now"') == HOME_LIMIT
    assert "7 more open incidents: see every one" in home
    assert home.count('class="tp-now tp-now--maintenance"') == HOME_LIMIT
    assert "2 more planned windows: see every one" in home
    # Below the limit, nothing is cut and no link is added.
    few = make_site(RecordSet.holding(site, *incidents[:3]), AS_OF).pages["index.md"]
    assert few.count('class="tp-now"') == 3 and "more open incidents" not in few


def test_the_home_page_stays_small_with_hundreds_of_open_incidents() -> None:
    """500 open incidents over three components: the home page's own HTML stays far under 300 KB (the theme adds ~40 KB)."""
    from trustpages.records import Incident, RecordSet, Site

    components = [{"id": cid, "name": cid.upper()} for cid in ("api", "web", "app")]
    site = Site.model_validate({"name": "T", "url": "https://t.example", "components": components})
    incidents = tuple(
        Incident.model_validate(
            {
                "id": f"i{n}",
                "title": f"Outage number {n} of something that matters",
                "impact": "major",
                "affected": [components[n % 3]["id"], components[(n + 1) % 3]["id"]],
                "summary": "Customers could not do the thing.",
                "started": f"2026-{9 + n % 3:02}-{1 + n % 28:02}T08:00:00Z",
                "updates": [
                    {
                        "at": f"2026-{9 + n % 3:02}-{1 + n % 28:02}T08:05:00Z",
                        "status": "investigating",
                        "body": "We are looking into it. " * 5,
                    }
                ],
            }
        )
        for n in range(500)
    )
    home = make_site(RecordSet.holding(site, *incidents), AS_OF).pages["index.md"]
    assert "490 more open incidents: see every one" in home
    assert len(home.encode("utf-8")) < 200_000
