"""Record history in readers' words: fields by name, short values quoted, long texts summarised."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from trustpages.fielddiff import FieldChange
from trustpages.render.changes import field_words, said
from trustpages.render.environment import Clock, Strings, builtin_templates


@pytest.fixture(params=["en", "de"])
def t(request: pytest.FixtureRequest) -> Strings:
    return Strings.load(request.param, [builtin_templates()])


def day(value: date) -> str:
    return Clock(Strings.load("en", [builtin_templates()]), __import__("zoneinfo").ZoneInfo("UTC")).day(value)


def test_field_paths_become_words() -> None:
    t = Strings.load("en", [builtin_templates()])
    assert field_words("impact", t) == "impact"
    assert field_words("updates[2].body", t) == "update 2: text"
    assert field_words("history[1].why", t) == "price change 1: reason"
    assert field_words("some_new_field", t) == "some new field"
    assert field_words("", t) == "the whole record"


def test_short_values_are_quoted_long_texts_summarised() -> None:
    t = Strings.load("en", [builtin_templates()])
    assert str(said(FieldChange("impact", "critical", "minor"), t, day).text) == "impact changed from Critical to Minor"
    assert str(said(FieldChange("due", "2027-03-31", "2027-06-30"), t, day).text) == "due date changed from 31 March 2027 to 30 June 2027"
    assert str(said(FieldChange("title", "Old", "<b>New</b>"), t, day).text) == "title changed from “Old” to “&lt;b&gt;New&lt;/b&gt;”"
    summary = said(FieldChange("summary", "About 1 in 5 logins failed.", "About 1 in 4 logins failed."), t, day)
    assert str(summary.text) == "summary rewritten" and summary.rewritten
    assert str(said(FieldChange("updates[4]", None, "{at: x}"), t, day).text) == "update 4 added"
    assert str(said(FieldChange("remedy", "x", None), t, day).text) == "what we offered removed"


def test_every_language_names_the_same_fields(t: Strings) -> None:
    english = Strings.load("en", [builtin_templates()])
    assert set(t.table("history.fields")) == set(english.table("history.fields"))
    assert set(t.table("history.items")) == set(english.table("history.items"))


def test_strings_files_have_the_same_keys() -> None:
    def keys(table: object, prefix: str = "") -> set[str]:
        if not isinstance(table, dict):
            return {prefix}
        return {key for name, value in table.items() for key in keys(value, f"{prefix}.{name}")}

    folder = builtin_templates() / "strings"
    tables = {path.stem: Strings.load(path.stem, [builtin_templates()]).as_mapping() for path in Path(folder).glob("*.yml")}
    english = keys(tables.pop("en"))
    for lang, table in tables.items():
        assert keys(table) == english, lang
