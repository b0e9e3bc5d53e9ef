"""Trust surveys and data use: each warning and error check gives, with its place and wording."""

from __future__ import annotations

from tests.conftest import Content, human

SURVEY = """\
title: How much do customers trust us?
method: Five statements in the renewal email.
scale: 5
questions:
  - {id: cares, text: We care about your success.}
  - {id: delivers, text: We deliver on what we promise., measures: promises}
waves:
  - period: 2026-Q1
    stage: renewal
    answers:
      cares: [4, 9, 30, 80, 77]
      delivers: [6, 11, 25, 90, 68]
  - period: 2026-Q2
    stage: leaving
    answers:
      cares: [1, 2, 3, 4, 5]
      delivers: [6, 11, 25, 90, 68]
"""
FILE = "content/surveys/trust.yml"


def test_a_complete_survey_passes_but_few_answers_warn(content: Content) -> None:
    assert human(content({"surveys/trust.yml": SURVEY})) == [
        f"{FILE}:16:14: warning: only 15 answers; the page shows this share with few answers",
    ]


def test_an_answers_list_that_does_not_fit_the_scale(content: Content) -> None:
    text = SURVEY.replace("cares: [1, 2, 3, 4, 5]", "cares: [20, 30, 40]")
    assert human(content({"surveys/trust.yml": text})) == [
        f"{FILE}:16:14: warning: 3 counts on a 5-point scale; this wave's cares is left out of every number "
        "(give one count per point of the scale, lowest first (5 in all))",
    ]


def test_answers_to_a_question_the_survey_does_not_ask(content: Content) -> None:
    text = SURVEY.replace("cares: [1, 2, 3, 4, 5]", "care: [10, 20, 30, 40, 50]")
    assert human(content({"surveys/trust.yml": text})) == [
        f"{FILE}:16:13: error: no question 'care' in this survey (did you mean 'cares'?)"
    ]


def test_no_wave_for_the_last_full_period(content: Content) -> None:
    text = SURVEY.replace("period: 2026-Q2", "period: 2026-Q1").replace("cares: [1, 2, 3, 4, 5]", "cares: [10, 20, 30, 40, 50]")
    from datetime import date

    problems = [line for line in human(content({"surveys/trust.yml": text}), date(2026, 10, 2)) if line.startswith(FILE)]
    assert problems == [f"{FILE}:8:3: warning: no wave for 2026-Q3, the last full quarter (add the wave's answers, even when few answered)"]


def test_behaviour_names_a_metric_series(content: Content) -> None:
    text = SURVEY.replace("cares: [1, 2, 3, 4, 5]", "cares: [10, 20, 30, 40, 50]") + "behaviour: [renewals]\n"
    problems = human(content({"surveys/trust.yml": text}))
    assert len(problems) == 1 and "error: no metric series 'renewals'" in problems[0]


DATA = """\
collected:
  - {what: Email address, why: To log you in., kept_for: Until you close your account, shared_with: [postmark]}
processors:
  - {id: postmark, name: Postmark, does: Sends our emails, where: USA, since: 2024-01-01}
changes:
  - {announced: 2026-05-01, effective: 2026-05-11, processor: postmark, change: added, why: We needed reliable email.}
your_rights:
  see: Email us and we send everything.
  delete: Close your account.
"""


def test_a_change_of_processor_with_too_little_notice_warns(content: Content) -> None:
    assert human(content({"data.yml": DATA})) == [
        "content/data.yml:6:40: warning: only 10 days' notice for this change of who handles customer data; site.yml promises 30 "
        "(the data page will say the promise was not kept)"
    ]


def test_shared_with_and_the_promise_name_what_exists(content: Content) -> None:
    text = DATA.replace("shared_with: [postmark]", "shared_with: [postmarc]").replace("effective: 2026-05-11", "effective: 2026-06-11")
    text += "  promise: no-such-promise\n"
    problems = human(content({"data.yml": text}))
    assert "content/data.yml:2:102: error: no processor 'postmarc' (did you mean 'postmark'?)" in problems
    assert any("error: no commitment with id 'no-such-promise'" in line for line in problems)
