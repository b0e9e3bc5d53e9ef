"""trustpages.kinds: a kind registered once gets its files read, its pages, schema, field reference, language check and open data."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from jinja2 import TemplateNotFound
from pydantic import Field

from tests.conftest import FIXTURES
from trustpages import fieldref, kinds, schema
from trustpages.kinds import Facts, Kind, KindError, Section
from trustpages.nav import default_nav
from trustpages.opendata.v1 import schema_path
from trustpages.pipeline import make_site
from trustpages.records.common import Record, Text
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)


class Award(Record):
    """content/awards/<id>.yml: an award (a throwaway kind with one field)."""

    id: str = Field("", exclude=True)
    title: Text = Field(description="What it was for, e.g. Friendliest support team 2026.")


AWARD = Kind(
    "award",
    Award,
    folder="awards",
    title="Awards",
    pattern="content/awards/<id>.yml",
    about="An award we won.",
    page="award",
    section=Section("awards/index.md", "awards", "nav.awards"),
    prose=("title",),
    facts=Facts(lists=()),
)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    """A content folder with one award in it, and the templates and strings the kind brings."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    (content / "awards").mkdir()
    (content / "awards" / "friendliest-support.yml").write_text("title: We utilize the friendliest support team\n", encoding="utf-8")
    templates = tmp_path / "templates"
    (templates / "strings").mkdir(parents=True)
    (templates / "award.md.j2").write_text("# {{ award.title|text }}\n", encoding="utf-8")
    (templates / "awards.md.j2").write_text(
        "# {{ t('nav.awards') }}\n{% for a in records.named('award') %}\n- [{{ a.title|text }}]({{ link('awards/' ~ a.id ~ '.md') }})\n{% endfor %}\n",
        encoding="utf-8",
    )
    (templates / "strings" / "en.yml").write_text(
        "nav:\n  awards: Awards\nopen_data:\n  describe:\n    awards: Every award we won.\n    csv_awards: Every award, a row each.\n",
        encoding="utf-8",
    )
    return content, templates


def test_registering_a_kind_gives_it_everything(site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    content, templates = site
    monkeypatch.chdir(content.parent)
    with kinds.registered(AWARD):
        result = validate(content, AS_OF)
        assert result.records is not None and not result.errors, result.problems
        [award] = result.records.named("award")
        assert award.title == "We utilize the friendliest support team"
        # the plain-language check reads its prose field
        assert any(p.file == "content/awards/friendliest-support.yml" and '"utilize" is jargon' in p.message for p in result.warnings)

        output = make_site(result.records, AS_OF, templates)
        assert output.pages["awards/friendliest-support.md"] == "# We utilize the friendliest support team\n"
        assert "[We utilize the friendliest support team](friendliest-support.md)" in output.pages["awards/index.md"]
        published = json.loads(output.assets["api/v1/awards.json"])
        url = f"{result.records.site.url.rstrip('/')}/awards/friendliest-support/"
        assert published["awards"] == [{"id": "friendliest-support", "url": url, "title": award.title}]
        assert json.loads(output.assets[schema_path("awards")])["properties"]["awards"]["items"]["properties"]["title"]
        assert "/api/v1/awards.json" in output.pages["open-data.md"]

        assert "award" in schema.names() and schema.schema("award")["properties"]["title"]["description"].startswith("What it was for")
        assert "## Awards\n\n`content/awards/<id>.yml`: An award we won." in fieldref.reference()
        assert {"Awards": "awards/index.md"} in default_nav(content.parent, "en", templates)
    assert "award" not in schema.names()  # gone with the block


def test_a_hook_that_does_not_fit_fails_loudly() -> None:
    with pytest.raises(KindError, match="prose field 'summary' is not a field of Award"):
        kinds.register(Kind("award", Award, folder="awards", prose=("summary",), facts=Facts(lists=())))
    with pytest.raises(KindError, match="published fact 'on' is not a field of Award"):
        kinds.register(Kind("award", Award, folder="awards", facts=Facts(fields=("on",), lists=())))
    with pytest.raises(KindError, match="published fact 'corrections' is not a field of Award"):  # the default facts
        kinds.register(Kind("award", Award, folder="awards"))
    with pytest.raises(KindError, match="incidents is already kind 'incident'"):
        kinds.register(Kind("award", Award, folder="incidents", facts=Facts(lists=())))
    with pytest.raises(KindError, match="a page per record needs a folder"):
        kinds.register(Kind("award", Award, file="award.yml", page="award", facts=Facts(lists=())))
    with pytest.raises(KindError, match="filter_of and wording are for a kind's timeline events"):
        kinds.register(Kind("award", Award, folder="awards", facts=Facts(lists=()), filter_of=lambda event: "awards"))
    with pytest.raises(KindError, match="'corrections' lists every kind's corrections"):
        named = (kinds.TimelineFilter("corrections"),)
        kinds.register(Kind("award", Award, folder="awards", facts=Facts(lists=()), timeline=lambda *_: (), timeline_filters=named))
    assert "award" not in [k.name for k in kinds.kinds()]


def test_a_page_template_that_is_missing_stops_the_render(site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    content, templates = site
    (templates / "award.md.j2").unlink()
    monkeypatch.chdir(content.parent)
    with kinds.registered(AWARD):
        records = validate(content, AS_OF).records
        assert records is not None
        with pytest.raises(TemplateNotFound, match=r"award\.html\.j2 \(or award\.md\.j2\)"):
            make_site(records, AS_OF, templates)


def test_the_built_in_kinds_in_the_order_the_site_lists_them() -> None:
    assert [k.name for k in kinds.kinds()] == [
        "site",
        "commitment",
        "incident",
        "mistake",
        "pricing",
        "contact",
        "metric",
        "survey",
        "data",
        "withdrawn",
    ]
    assert [s.path for s in kinds.sections()] == [
        "index.md",
        "record/index.md",
        "commitments/index.md",
        "incidents/index.md",
        "mistakes/index.md",
        "pricing.md",
        "contact.md",
        "metrics.md",
        "surveys/index.md",
        "data.md",
        "open-data.md",
        "log/index.md",
    ]
    assert kinds.withdrawable() == ("commitment", "incident", "mistake", "metric")
    # the timeline's filters by their rank, not the kinds' order (data before surveys), corrections among them
    assert kinds.timeline_filters() == ("promises", "incidents", "maintenance", "mistakes", "corrections", "prices", "data", "surveys")


def test_a_kind_with_events_gets_a_timeline_filter_of_its_own_after_the_built_in_ones() -> None:
    events = Kind("award", Award, folder="awards", facts=Facts(lists=()), timeline=lambda *_: ())
    with kinds.registered(events):
        assert kinds.timeline_filters()[-1] == "awards" and kinds.kind("award").filter(object()) == "awards"
    ranked = Kind(
        "award",
        Award,
        folder="awards",
        facts=Facts(lists=()),
        timeline=lambda *_: (),
        timeline_filters=(kinds.TimelineFilter("awards", 15),),
    )
    with kinds.registered(ranked):
        assert kinds.timeline_filters()[:3] == ("promises", "awards", "incidents")
    with kinds.registered(AWARD):  # no events: no filter
        assert "awards" not in kinds.timeline_filters()


def test_a_german_site_without_nav_gets_german_tabs(tmp_path: Path) -> None:
    nav = default_nav(tmp_path, "de")
    assert [next(iter(item)) for item in nav] == [
        "Start",
        "Unsere Bilanz",
        "Versprechen",
        "Störungen",
        "Fehler",
        "Preise",
        "Kontakt",
        "Zahlen",
        "Vertrauen",
        "Ihre Daten",
        "Offene Daten",
        "Angaben prüfen",
    ]
