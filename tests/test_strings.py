"""UI strings: every language has each sentence with the same placeholders, and every sentence renders."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trustpages.strings import Strings, builtin_templates

LANGUAGES = sorted(path.stem for path in (builtin_templates() / "strings").glob("*.yml"))


def sentences(node: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """(dotted key, text) for every sentence in a strings table, list items numbered."""
    if isinstance(node, dict):
        for name, value in node.items():
            yield from sentences(value, f"{key}.{name}" if key else str(name))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from sentences(value, f"{key}.{index}")
    else:
        yield key, str(node)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def table(locale: str) -> dict[str, str]:
    return dict(sentences(Strings.load(locale, [builtin_templates()]).as_mapping()))


def test_there_is_more_than_one_language() -> None:
    assert "en" in LANGUAGES and len(LANGUAGES) > 1


@pytest.mark.parametrize("locale", [lang for lang in LANGUAGES if lang != "en"])
def test_every_sentence_has_the_placeholders_of_the_english_one(locale: str) -> None:
    english, other = table("en"), table(locale)
    differ = {key: (placeholders(text), placeholders(other[key])) for key, text in english.items() if key in other}
    assert {key: pair for key, pair in differ.items() if pair[0] != pair[1]} == {}
    assert len(differ) == len(english)


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_sentence_renders_with_its_placeholders(locale: str) -> None:
    t = Strings.load(locale, [builtin_templates()])
    rendered = 0
    for key, text in table(locale).items():
        names = placeholders(text)
        if key.split(".")[-1].isdigit():  # an item of a list (the months): read as it is
            assert not names, key
            continue
        values = {name: f"<{name}>" for name in names} or {"unused": "x"}  # formatted even without placeholders
        said = t(key, **values)
        assert all(f"<{name}>" in said for name in names), key
        rendered += 1
    assert rendered > 300


def test_strings_are_read_once_for_the_same_files_and_again_when_one_changes(tmp_path: Path) -> None:
    own = tmp_path / "strings" / "en.yml"
    own.parent.mkdir()
    own.write_text('none_yet: "nothing so far"\n', encoding="utf-8")
    first = Strings.for_site("en", tmp_path)
    assert Strings.for_site("en", tmp_path) is first  # pages, open data, navigation and theme share one
    assert first("none_yet") == "nothing so far" and Strings.for_site("en") is not first
    own.write_text('none_yet: "none at all"\n', encoding="utf-8")  # saved during a preview
    assert Strings.for_site("en", tmp_path)("none_yet") == "none at all"
    own.write_text('none_yet: "nothing so far"\n', encoding="utf-8")
    assert Strings.for_site("en", tmp_path) is first


@pytest.mark.parametrize(
    ("locale", "key", "values", "said"),
    [
        ("en", "home.days_ago", {"days": 1}, "1 day ago"),
        ("en", "home.days_ago", {"days": 2}, "2 days ago"),
        ("de", "home.days_ago", {"days": 1}, "vor 1 Tag"),
        ("de", "home.days_ago", {"days": 2}, "vor 2 Tagen"),
        ("en", "commitments.days_late", {"days": "1"}, "1 day late"),  # as the page writes it
        ("de", "commitments.days_late", {"days": "1.000"}, "1.000 Tage zu spät"),  # a thousand, in German
        ("en", "surveys.answers", {"n": "1.0"}, "1.0 answers"),  # CLDR: a visible decimal is "other"
        (
            "en",
            "incidents.postmortem_published",
            {"date": "1 May 2026", "days": 1},
            "Postmortem published on 1 May 2026, 1 day after it was resolved.",
        ),
        ("de", "timeline.tally.incidents", {"n": "1"}, "1 Störung"),
        ("en", "timeline.outcome.survey.wave", {"n": 0, "stage": "s", "period": "p"}, "0 customers answered (s, p)"),
    ],
)
def test_a_sentence_about_a_number_takes_its_plural_form(locale: str, key: str, values: dict[str, Any], said: str) -> None:
    assert Strings.load(locale, [builtin_templates()])(key, **values) == said


COUNTED = re.compile(r"\{(days|n|count|minutes|notice|entries)\} [a-z]+s\b")  # "{days} days", "{n} answers"


def test_an_english_number_followed_by_a_plural_has_a_form_for_one() -> None:
    # "1 days ago" is what a plain sentence says when its number is 1: each needs a form for one, or a reason here
    fixed = {
        "service.uptime": "the uptime window, 90 days",
        "service.no_trouble": "the uptime window",
        "service.uptime_trouble": "the uptime window",
        "open_data.notes.feeds": "a feed's size, 50 entries",
        "open_data.describe.v2_incidents": "'{count} most recent', the feed's size",
    }
    plain = {key for key, text in table("en").items() if COUNTED.search(text) and key.rsplit(".", 1)[-1] not in ("one", "other")}
    assert plain - set(fixed) == set()


@pytest.mark.parametrize("locale", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_has_a_plural_where_english_has_one(locale: str) -> None:
    def plurals(of: str) -> set[str]:
        return {key.rsplit(".", 1)[0] for key in table(of) if key.endswith(".other")}

    assert plurals("en") - plurals(locale) == set()


def test_a_plural_may_name_the_number_it_is_chosen_by() -> None:
    said = Strings.load("en", [builtin_templates()])
    values = {"plan": "Team", "old": 1, "new": 2, "currency": "EUR", "effective": "1 May"}
    assert said("timeline.outcome.pricing.announced", **values, notice=1).endswith("(1 day's notice)")
    assert said("timeline.outcome.pricing.announced", **values, notice=30).endswith("(30 days' notice)")
