"""Problems and their three reports: human lines, GitHub annotations, JSON."""

from __future__ import annotations

import json

from trustpages.problems import Problem, did_you_mean, render, summary

ERROR = Problem("content/incidents/a.yml", 7, 13, "error", "impact: expected one of none, minor; got 'severe'", "did you mean 'minor'?")
WARNING = Problem("content/pricing.yml", 11, 40, "warning", "only 22 days' notice")


def test_human_line_with_and_without_hint() -> None:
    assert ERROR.human() == (
        "content/incidents/a.yml:7:13: error: impact: expected one of none, minor; got 'severe' (did you mean 'minor'?)"
    )
    assert WARNING.human() == "content/pricing.yml:11:40: warning: only 22 days' notice"


def test_problems_sort_by_file_then_position() -> None:
    later = Problem("content/incidents/a.yml", 10, 1, "error", "z")
    assert sorted([WARNING, later, ERROR]) == [ERROR, later, WARNING]


def test_github_annotation() -> None:
    assert ERROR.github() == (
        "::error file=content/incidents/a.yml,line=7,col=13,title=trustpages::"
        "impact: expected one of none, minor; got 'severe' (did you mean 'minor'?)"
    )
    assert WARNING.github() == "::warning file=content/pricing.yml,line=11,col=40,title=trustpages::only 22 days' notice"


def test_github_escapes_newlines_and_percent_in_the_message() -> None:
    problem = Problem("content/site.yml", 1, 1, "error", "100% wrong\nsecond line\r\n", "a\nb")
    assert problem.github() == ("::error file=content/site.yml,line=1,col=1,title=trustpages::100%25 wrong%0Asecond line%0D%0A (a%0Ab)")


def test_github_escapes_commas_and_colons_in_the_file_name() -> None:
    problem = Problem("content/mistakes/a,b:c%.yml", 2, 3, "error", "x")
    assert problem.github() == "::error file=content/mistakes/a%2Cb%3Ac%25.yml,line=2,col=3,title=trustpages::x"


def test_github_report_is_one_line_per_problem() -> None:
    assert render([ERROR, WARNING], "github").splitlines() == [ERROR.github(), WARNING.github()]
    assert render([], "github") == ""


def test_json_report() -> None:
    report = json.loads(render([ERROR, WARNING], "json"))
    assert report == {
        "errors": 1,
        "warnings": 1,
        "problems": [
            {
                "file": "content/incidents/a.yml",
                "line": 7,
                "col": 13,
                "severity": "error",
                "message": "impact: expected one of none, minor; got 'severe'",
                "hint": "did you mean 'minor'?",
            },
            {
                "file": "content/pricing.yml",
                "line": 11,
                "col": 40,
                "severity": "warning",
                "message": "only 22 days' notice",
                "hint": None,
            },
        ],
    }
    assert json.loads(render([], "json")) == {"errors": 0, "warnings": 0, "problems": []}


def test_json_keeps_non_ascii_readable() -> None:
    problem = Problem("content/contact.yml", 1, 1, "error", "Beispielstraße")
    assert "Beispielstraße" in render([problem], "json")


def test_human_report_ends_with_a_summary() -> None:
    assert render([ERROR, WARNING], "human", checked="content").splitlines() == [
        ERROR.human(),
        WARNING.human(),
        "content: 1 error, 1 warning in 2 files",
    ]
    assert render([], "human", checked="content") == "content: no problems found"


def test_summary_counts() -> None:
    second = Problem("content/incidents/a.yml", 8, 1, "error", "x")
    assert summary([ERROR, second]) == "2 errors, 0 warnings in 1 file"
    assert summary([]) == "no problems found"


def test_did_you_mean() -> None:
    assert did_you_mean("remdy", ["remedy", "cause"]) == "did you mean 'remedy'?"
    assert did_you_mean("xyzzy", ["remedy", "cause"]) is None
    assert did_you_mean("anything", []) is None
