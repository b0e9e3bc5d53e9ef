"""Inputs cannot shape the numbers: scales too short to mean anything, ids used twice, a time zone that is no place, counts no float holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.test_trust import DATA, FILE, SURVEY
from tests.conftest import AS_OF, Content, human, replaced
from trustpages import surveys
from trustpages.pipeline import build_site


@pytest.mark.parametrize("scale", [1, 2])
def test_a_scale_of_fewer_than_three_points_is_refused(content: Content, scale: int) -> None:
    counts = ", ".join(["500"] + ["0"] * (scale - 1))
    text = SURVEY.replace("scale: 5", f"scale: {scale}").replace("[4, 9, 30, 80, 77]", f"[{counts}]")
    problems = human(content({"surveys/trust.yml": text}))
    assert f"{FILE}:3:8: error: scale: expected 3 or more; got the number {scale}" in problems


@pytest.mark.parametrize(
    ("counts", "agree"),
    [
        ((500, 0, 0), 0),  # three points: only the top one agrees
        ((0, 7, 0), 0),  # the middle is not agreement
        ((1, 2, 3, 4), 7),  # four: the top two (above 2.5)
        ((1, 2, 3, 4, 5), 9),  # five: 4 and 5, as before
        ((1, 1, 1, 1, 1, 1, 1), 3),  # seven: 5, 6 and 7 (it was the top two: 6 and 7)
        ((1,) * 11, 5),  # eleven: 7 to 11
    ],
)
def test_agree_is_a_point_above_the_middle_on_every_scale(counts: tuple[int, ...], agree: int) -> None:
    share = surveys.share(counts, len(counts))
    assert share is not None and (share.n, share.agree) == (sum(counts), agree)


def test_five_hundred_strongly_disagree_never_read_as_agreeing(content: Content) -> None:
    """The case issue 27 found: with 'the top two points' on a two-point scale, 500 'strongly disagree' read 100 % agree."""
    for scale in range(3, 12):
        share = surveys.share((500,) + (0,) * (scale - 1), scale)
        assert share is not None and share.value == 0.0


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"data.yml": DATA.replace("processors:\n", "processors:\n  - {id: postmark, name: Postmark EU, does: Sends our emails, where: EU, since: 2024-01-01}\n")},
         "content/data.yml:5:10: error: processor id 'postmark' is used twice"),
        ({"surveys/trust.yml": SURVEY.replace("  - {id: delivers,", "  - {id: cares, text: We care.}\n  - {id: delivers,")},
         f"{FILE}:6:10: error: question id 'cares' is used twice"),
        (replaced("site.yml", "{id: api, name: Public API", "{id: login, name: Public API"), "content/site.yml:9:10: error: component id 'login' is used twice"),
        (replaced("pricing.yml", "{name: Starter,", "{id: team, name: Starter,", "{name: Team,", "{id: team, name: Team,"),
         "content/pricing.yml:5:10: error: plan id 'team' is used twice"),
    ],
    ids=["processors", "questions", "components", "plans"],
)  # fmt: skip
def test_every_list_with_ids_holds_each_id_once(content: Content, files: dict[str, str], expected: str) -> None:
    assert expected in human(content(files))


def test_items_whose_optional_id_is_left_out_are_not_the_same_item(content: Content) -> None:
    assert human(content({})) == []  # plans without ids: none is used twice


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("localtime", "'localtime' is the build machine's own time zone, which differs from one machine to the next; name the company's own zone"),
        ("posixrules", "'posixrules' is the rules the system applies to POSIX TZ strings, not a place; name the company's own zone"),
        ("Factory", "'Factory' is the time-zone database's stand-in for a zone nobody set (its time is marked -00); name the company's own zone"),
        ("Mars/Olympus", "unknown time zone 'Mars/Olympus'; use a name like Europe/Berlin or UTC"),
    ],
)  # fmt: skip
def test_the_time_zone_is_a_real_place(content: Content, zone: str, expected: str) -> None:
    problems = human(content(replaced("site.yml", "timezone: Europe/Berlin", f"timezone: {zone}")))
    assert any(line.startswith("content/site.yml:5:11: error: timezone: " + expected) for line in problems), problems


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "America/Argentina/Buenos_Aires", "Asia/Kolkata"])
def test_real_places_are_time_zones(content: Content, zone: str) -> None:
    assert human(content(replaced("site.yml", "timezone: Europe/Berlin", f"timezone: {zone}"))) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"surveys/trust.yml": SURVEY.replace("[4, 9, 30, 80, 77]", f"[4, 9, 30, 80, {'9' * 400}]")},
         f"{FILE}:11:29: error: waves[1].answers.cares[5]: is 400 digits long; counts end at 1,000,000,000,000,000"),
        (replaced("metrics/trust-survey.yml", "n: 412", f"n: {'1' * 40}"),
         "content/metrics/trust-survey.yml:5:37: error: points[1].n: is 40 digits long; counts end at 1,000,000,000,000,000"),
    ],
    ids=["survey", "metric"],
)  # fmt: skip
def test_a_count_no_number_can_be_computed_from_is_a_located_error(content: Content, files: dict[str, str], expected: str) -> None:
    folder = content(files)
    assert any(line.startswith(expected) for line in human(folder)), human(folder)
    assert build_site(folder, AS_OF, history=False).output is None  # refused, not an OverflowError


def test_the_largest_count_builds(content: Content) -> None:
    folder = content({"surveys/trust.yml": SURVEY.replace("[4, 9, 30, 80, 77]", f"[4, 9, 30, 80, {10**15}]")})
    assert all("error" not in line for line in human(folder))
    built = build_site(folder, AS_OF, history=False)
    assert built.output is not None and any(Path(path).parts[0] == "surveys" for path in built.output.pages)
