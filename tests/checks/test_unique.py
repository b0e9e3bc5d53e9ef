"""Every list of items with ids holds each id once, wherever it is in a record, and the second one is the one named."""

from __future__ import annotations

from tests.conftest import VALID, Content, human

SURVEY = """\
title: Trust
method: Emailed to every customer
scale: 3
questions:
  - {id: trust, text: I trust them}
  - {id: cares, text: They care}
  - {id: trust, text: I trust them again}
waves:
  - {period: 2026-Q2, stage: all, answers: {trust: [10, 20, 30], cares: [30, 20, 10]}}
"""


def test_a_component_id_used_twice_is_named_at_its_second_item(content: Content) -> None:
    site = VALID["site.yml"].replace(
        "  - {id: api, name: Public API, group: Developers}\n",
        "  - {id: api, name: Public API, group: Developers}\n"
        "  - {id: login, name: Login again, group: Web app}\n"
        "  - {id: api, name: API again, group: Developers}\n",
    )
    assert human(content({"site.yml": site})) == [
        "content/site.yml:10:10: error: component id 'login' is used twice",
        "content/site.yml:11:10: error: component id 'api' is used twice",
    ]


def test_a_question_id_used_twice_in_a_survey(content: Content) -> None:
    errors = [line for line in human(content({"surveys/trust.yml": SURVEY})) if ": error: " in line]
    assert errors == ["content/surveys/trust.yml:7:10: error: question id 'trust' is used twice"]


def test_the_same_id_in_two_different_lists_is_fine(content: Content) -> None:
    survey = SURVEY.replace("  - {id: trust, text: I trust them again}\n", "").replace("cares", "login")
    assert [line for line in human(content({"surveys/trust.yml": survey})) if ": error: " in line] == []
