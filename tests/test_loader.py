"""Loading a content folder: files to typed records, and every problem as file:line:col with a hint."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tests.conftest import INCIDENT, MILESTONE, MISTAKE, STANDING, VALID, Content, human, replaced
from trustpages.loader import load
from trustpages.records import Milestone, Standing

INCIDENT_FILE = f"content/{INCIDENT}"
MISTAKE_FILE = f"content/{MISTAKE}"
MILESTONE_FILE = f"content/{MILESTONE}"


def test_valid_folder_loads_every_record_without_problems(content: Content) -> None:
    loaded = load(content())
    assert loaded.problems == []
    records = loaded.records
    assert records is not None
    assert records.site.name == "Example Co"
    assert [c.id for c in records.commitments] == ["export-all-data", "reply-within-one-day"]
    assert [type(c) for c in records.commitments] == [Milestone, Standing]
    assert [i.id for i in records.incidents] == ["2026-03-04-login-failures"]
    assert records.incidents[0].affected == ("login", "api")
    assert [m.id for m in records.mistakes] == ["2026-05-02-double-charged"]
    assert records.mistakes[0].on == date(2026, 5, 2)
    assert [m.id for m in records.metrics] == ["trust-survey"]
    assert records.pricing is not None and records.pricing.history[0].from_ == 10
    assert records.contact is not None and records.contact.channels[1].value == "+49 30 1234567"
    assert records.source("incident", "2026-03-04-login-failures").file == INCIDENT_FILE


def test_problems_from_every_file_are_collected(content: Content) -> None:
    folder = content(
        {
            **replaced(INCIDENT, "impact: major", "impact: severe"),
            **replaced(MISTAKE, "on: 2026-05-02", "on: 2026-02-30"),
        }
    )
    assert human(folder) == [
        f"{INCIDENT_FILE}:2:9: error: impact: expected one of none, minor, partial, major, critical, maintenance; got 'severe'",
        f"{MISTAKE_FILE}:2:5: error: on: 2026-02-30 is not a real date",
    ]


# Fields.


def test_unknown_field_did_you_mean(content: Content) -> None:
    folder = content(replaced(INCIDENT, "remedy:", "remdy:"))
    assert human(folder) == [f"{INCIDENT_FILE}:15:1: error: unknown field 'remdy' (did you mean 'remedy'?)"]


def test_unknown_field_without_a_close_match_lists_the_allowed_ones(content: Content) -> None:
    folder = content(replaced("contact.yml", "address:", "xyzzy:"))
    assert human(folder) == [
        "content/contact.yml:7:1: error: unknown field 'xyzzy' (allowed here: channels, escalation, security, address, corrections)"
    ]


def test_unknown_field_inside_a_list_item(content: Content) -> None:
    folder = content(replaced("site.yml", "{id: login, name: Login, group: Web app}", "{id: login, name: Login, grup: Web app}"))
    assert human(folder) == ["content/site.yml:8:30: error: unknown field 'grup' (did you mean 'group'?)"]


def test_wrong_enum_value_did_you_mean(content: Content) -> None:
    folder = content(replaced(INCIDENT, "impact: major", "impact: majr"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:2:9: error: impact: expected one of none, minor, partial, major, critical, maintenance; got 'majr' (did you mean 'major'?)"
    ]


def test_wrong_enum_value_in_a_list_item(content: Content) -> None:
    folder = content(replaced(MILESTONE, "status: in_progress", "status: in-progress"))
    assert human(folder) == [
        f"{MILESTONE_FILE}:10:30: error: updates[2].status: expected one of not_started, in_progress, stalled, kept, "
        "partly_kept, broken, withdrawn; got 'in-progress' (did you mean 'in_progress'?)"
    ]


def test_missing_required_field_says_what_to_write(content: Content) -> None:
    folder = content(replaced(INCIDENT, "summary: About 1 in 5 login attempts failed for 53 minutes.\n", ""))
    assert human(folder) == [f"{INCIDENT_FILE}:1:1: error: 'summary' is missing (add summary: What happened, in one or two sentences.)"]


def test_missing_field_of_a_list_item_points_at_the_item(content: Content) -> None:
    folder = content(replaced(MILESTONE, "{on: 2026-04-10, status: in_progress,", "{on: 2026-04-10,"))
    assert human(folder) == [
        f"{MILESTONE_FILE}:10:5: error: 'status' is missing from updates[2] "
        "(add status: not_started, in_progress, stalled, kept, partly_kept, broken or withdrawn.)"
    ]


def test_number_where_text_belongs(content: Content) -> None:
    folder = content(replaced(MISTAKE, "title: We charged some customers twice in May", "title: 404"))
    assert human(folder) == [f"{MISTAKE_FILE}:1:8: error: title: expected text; got the number 404 (put the value in quotes)"]


def test_list_where_text_belongs(content: Content) -> None:
    folder = content(replaced("pricing.yml", "currency: EUR", "currency: [EUR, USD]"))
    assert human(folder) == ["content/pricing.yml:1:11: error: currency: expected text; got a list"]


def test_yes_no_word_is_text_but_true_is_not(content: Content) -> None:
    assert human(content(replaced(MISTAKE, "title: We charged some customers twice in May", "title: yes"))) == []
    folder = content(replaced(MISTAKE, "title: We charged some customers twice in May", "title: true"))
    assert human(folder) == [f"{MISTAKE_FILE}:1:8: error: title: expected text; got 'true' (a yes/no value) (put the value in quotes)"]


def test_blank_and_empty_text(content: Content) -> None:
    folder = content(
        replaced(
            MISTAKE,
            "apology: We are sorry. We refunded every extra charge within two days.",
            "apology: '  '",
            "why: A retry setting was changed without review.",
            "why:",
        )
    )
    assert human(folder) == [
        f"{MISTAKE_FILE}:5:5: error: why: expected text; got nothing",
        f"{MISTAKE_FILE}:7:10: error: apology: is empty (write apology: A real apology: say 'we' and 'sorry'.)",
    ]


def test_empty_optional_field_is_left_out(content: Content) -> None:
    loaded = load(content(replaced(INCIDENT, "cause: We renewed certificates by hand and missed one.", "cause:")))
    assert loaded.problems == []
    assert loaded.records is not None and loaded.records.incidents[0].cause is None


def test_impossible_date(content: Content) -> None:
    folder = content(replaced(MISTAKE, "on: 2026-05-02", "on: 2026-02-30"))
    assert human(folder) == [f"{MISTAKE_FILE}:2:5: error: on: 2026-02-30 is not a real date"]


def test_date_in_another_format(content: Content) -> None:
    folder = content(replaced(MISTAKE, "on: 2026-05-02", "on: 02.05.2026"))
    assert human(folder) == [f"{MISTAKE_FILE}:2:5: error: on: expected a date like 2026-03-04; got '02.05.2026'"]


def test_on_yes_is_not_a_date(content: Content) -> None:
    folder = content(replaced(MISTAKE, "on: 2026-05-02", "on: yes"))
    assert human(folder) == [f"{MISTAKE_FILE}:2:5: error: on: expected a date like 2026-03-04; got 'yes'"]


def test_a_moment_without_an_offset_is_read_in_site_yml_time_zone(content: Content) -> None:
    """09:12 in March in Europe/Berlin (site.yml) is 08:12 UTC; so is 09:12 typed with a space and no seconds."""
    for typed in ["2026-03-04T09:12:00", "2026-03-04 09:12"]:
        folder = content(replaced(INCIDENT, "started: 2026-03-04T09:12:00Z", f"started: {typed}"))
        records = load(folder).records
        assert records is not None
        [incident] = records.incidents
        assert incident.started == datetime(2026, 3, 4, 8, 12, tzinfo=UTC)
        assert incident.started.tzinfo == ZoneInfo("Europe/Berlin")  # pages show the time with the zone's name


def test_a_moment_without_an_offset_follows_site_yml_time_zone(content: Content) -> None:
    site = VALID["site.yml"].replace("timezone: Europe/Berlin", "timezone: America/New_York")
    folder = content({**replaced(INCIDENT, "resolved: 2026-03-04T10:05:00Z", "resolved: 2026-03-04T05:05"), "site.yml": site})
    records = load(folder).records
    assert records is not None and records.incidents[0].resolved == datetime(2026, 3, 4, 10, 5, tzinfo=UTC)


def test_a_moment_without_an_offset_when_site_yml_has_no_usable_time_zone(content: Content) -> None:
    site = VALID["site.yml"].replace("timezone: Europe/Berlin", "timezone: Mars/Olympus")
    folder = content({**replaced(INCIDENT, "started: 2026-03-04T09:12:00Z", "started: 2026-03-04T09:12"), "site.yml": site})
    assert (
        f"{INCIDENT_FILE}:3:10: error: started: 2026-03-04T09:12 has no time zone, and site.yml names none to read it in; add one, like 2026-03-04T09:12Z"
        in human(folder)
    )


def test_moment_in_another_format(content: Content) -> None:
    folder = content(replaced(INCIDENT, "started: 2026-03-04T09:12:00Z", "started: 04.03.2026 09:12"))
    assert human(folder) == [
        f"{INCIDENT_FILE}:3:10: error: started: expected a moment like 2026-03-04T09:12 (in site.yml's time zone) or "
        "2026-03-04T09:12:00Z; got '04.03.2026 09:12'"
    ]


def test_single_value_where_a_list_belongs(content: Content) -> None:
    folder = content(replaced(MISTAKE, "related: [2026-03-04-login-failures]", "related: 2026-03-04-login-failures"))
    assert human(folder) == [
        f"{MISTAKE_FILE}:8:10: error: related: expected a list; got '2026-03-04-login-failures' "
        "(write each item on its own line starting with '- ', or as [a, b])"
    ]


def test_list_where_a_mapping_belongs(content: Content) -> None:
    folder = content({MISTAKE: "- title\n- on\n", "site.yml": "- name\n"})
    assert human(folder) == [
        f"{MISTAKE_FILE}:1:1: error: the file: expected fields (name: value lines); got a list",
        "content/site.yml:1:1: error: the file: expected fields (name: value lines); got a list",
    ]


def test_reference_that_is_not_an_id(content: Content) -> None:
    folder = content(replaced(MISTAKE, "related: [2026-03-04-login-failures]", "related: [Login Failures]"))
    assert human(folder) == [
        f"{MISTAKE_FILE}:8:11: error: related[1]: expected an id like 'export-all-data' "
        "(lowercase letters, digits and dashes); got 'Login Failures'"
    ]


def test_negative_count(content: Content) -> None:
    folder = content(replaced("metrics/trust-survey.yml", "n: 412", "n: -4"))
    assert human(folder) == ["content/metrics/trust-survey.yml:5:37: error: points[1].n: expected 0 or more; got the number -4"]


def test_fraction_where_a_whole_number_belongs(content: Content) -> None:
    folder = content(replaced("site.yml", "postmortem_within_days: 7", "postmortem_within_days: 7.5"))
    assert human(folder) == ["content/site.yml:12:27: error: policies.postmortem_within_days: expected a whole number; got the number 7.5"]


def test_empty_list_where_one_item_is_needed(content: Content) -> None:
    folder = content({"contact.yml": "channels: []\n"})
    assert human(folder) == ["content/contact.yml:1:11: error: channels: needs at least one item"]


def test_negative_price(content: Content) -> None:
    folder = content(replaced("pricing.yml", "price: 2,", "price: -2,"))
    assert human(folder) == ["content/pricing.yml:7:34: error: fees[1].price: cannot be negative; got -2"]


def test_unknown_time_zone(content: Content) -> None:
    folder = content(replaced("site.yml", "Europe/Berlin", "Europe/Berln"))
    assert human(folder) == [
        "content/site.yml:5:11: error: timezone: unknown time zone 'Europe/Berln'; use a name like Europe/Berlin or UTC"
    ]


def test_withdrawn_list(content: Content) -> None:
    folder = content(
        {
            "withdrawn.yml": "- {id: old, kind: incident, on: 2026-01-01, reason: It was the wrong incident.}\n- {id: old2, kind: incdent, on: 2026-01-01}\n"
        }
    )
    assert human(folder) == [
        "content/withdrawn.yml:2:3: error: 'reason' is missing from [2] (add reason: Why, in plain words.)",
        "content/withdrawn.yml:2:20: error: [2].kind: expected one of commitment, incident, mistake, metric; "
        "got 'incdent' (did you mean 'incident'?)",
    ]


# Commitments: milestone or standing.


def test_commitment_with_both_due_and_target(content: Content) -> None:
    folder = content(replaced(MILESTONE, "owner: Platform team\n", "owner: Platform team\ntarget: 95%\n"))
    assert human(folder) == [
        f"{MILESTONE_FILE}:8:1: error: a commitment has either due and updates (a promise with a deadline) "
        "or target (a promise kept every period), not both (split it into two commitments)"
    ]


def test_commitment_with_neither_due_nor_target(content: Content) -> None:
    folder = content({MILESTONE: VALID[MILESTONE].split("due:")[0]})
    assert human(folder) == [
        f"{MILESTONE_FILE}:1:1: error: a commitment needs 'due' (a promise with a deadline) or 'target' "
        "(a promise kept every period) (add due: YYYY-MM-DD, or target: what counts as keeping it)"
    ]


def test_standing_commitment_with_a_milestone_field(content: Content) -> None:
    folder = content(replaced(STANDING, "target:", "due: 2026-12-31\ntarget:"))
    assert human(folder) == [
        f"content/{STANDING}:8:1: error: a commitment has either due (a promise with a deadline) "
        "or target and measurements (a promise kept every period), not both (split it into two commitments)"
    ]


# Files and ids.


def test_id_comes_from_the_file_name_not_an_id_key(content: Content) -> None:
    folder = content({MISTAKE: VALID[MISTAKE] + "id: double-charged\n"})
    assert human(folder) == [f"{MISTAKE_FILE}:9:1: error: a record's id comes from its file name (remove the id line, or rename the file)"]


def test_file_name_that_is_not_an_id(content: Content) -> None:
    folder = content({"incidents/2026-03-05 Login Failures.yml": VALID[INCIDENT]})
    assert human(folder) == [
        "content/incidents/2026-03-05 Login Failures.yml:1:1: error: file name '2026-03-05 Login Failures.yml' "
        "is not a valid id (rename it to '2026-03-05-login-failures.yml')"
    ]


def test_file_name_ending_in_a_newline_is_not_an_id(content: Content) -> None:
    folder = content({"mistakes/oops\n.yml": VALID[MISTAKE]})
    assert human(folder) == ["content/mistakes/oops\\n.yml:1:1: error: file name 'oops\\n.yml' is not a valid id (rename it to 'oops.yml')"]


def test_yaml_extension(content: Content) -> None:
    folder = content({"mistakes/2026-06-01-typo.yaml": VALID[MISTAKE]})
    assert human(folder) == [
        "content/mistakes/2026-06-01-typo.yaml:1:1: error: records end in .yml, not .yaml (rename it to '2026-06-01-typo.yml')"
    ]


def test_upper_case_extension_is_not_skipped(content: Content) -> None:
    folder = content({"mistakes/2026-06-01-typo.YML": VALID[MISTAKE]})
    assert human(folder) == [
        "content/mistakes/2026-06-01-typo.YML:1:1: error: records end in .yml, not .YML (rename it to '2026-06-01-typo.yml')"
    ]


def test_unknown_files_are_errors_never_skipped(content: Content) -> None:
    folder = content({"status.yml": "a: 1\n", "notes/ideas.yml": "a: 1\n", "mistakes/README.md": "not YAML", ".github/ci.yml": "a: 1\n"})
    layout = "trustpages reads site.yml, pricing.yml, contact.yml, data.yml, withdrawn.yml and the folders commitments/, incidents/, mistakes/, metrics/, surveys/"
    assert human(folder) == [
        f"content/notes/ideas.yml:1:1: error: trustpages does not know this file, so it would not be published ({layout})",
        f"content/status.yml:1:1: error: trustpages does not know this file, so it would not be published ({layout})",
    ]


def test_site_yml_missing(content: Content) -> None:
    folder = content({"site.yml": None})
    loaded = load(folder)
    assert loaded.records is None
    assert [p.human() for p in loaded.problems] == [
        "content/site.yml:1:1: error: site.yml is missing (every content folder needs a site.yml with at least name and url)"
    ]


def test_broken_site_yml_is_reported_once(content: Content) -> None:
    folder = content({"site.yml": "name: [Example\n"})
    loaded = load(folder)
    assert loaded.records is None
    assert [p.human() for p in loaded.problems] == [
        "content/site.yml:1:7: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence) "
        "(check indentation, quotes and colons on this line)"
    ]


def test_records_in_nested_folders(content: Content) -> None:
    folder = content({"incidents/2025/2025-12-01-slow-api.yml": VALID[INCIDENT]})
    loaded = load(folder)
    assert loaded.problems == []
    assert loaded.records is not None
    assert [i.id for i in loaded.records.incidents] == ["2025-12-01-slow-api", "2026-03-04-login-failures"]
    assert loaded.records.source("incident", "2025-12-01-slow-api").file == "content/incidents/2025/2025-12-01-slow-api.yml"


def test_duplicate_ids_across_subfolders(content: Content) -> None:
    folder = content({f"incidents/2026/{INCIDENT.split('/')[1]}": VALID[INCIDENT]})
    assert human(folder) == [
        f"{INCIDENT_FILE}:1:1: error: an incident with id '2026-03-04-login-failures' already exists "
        "(also content/incidents/2026/2026-03-04-login-failures.yml) (ids must be unique: rename one file)"
    ]


def test_duplicate_id_names_the_other_file_even_when_it_is_broken(content: Content) -> None:
    folder = content({"commitments/2025/export-all-data.yml": "title: [\n"})  # sorts first, so it is the one kept
    assert human(folder) == [
        "content/commitments/2025/export-all-data.yml:2:1: error: YAML syntax: did not find expected node content "
        "(while parsing a flow node) (check indentation, quotes and colons on this line)",
        f"{MILESTONE_FILE}:1:1: error: a commitment with id 'export-all-data' already exists "
        "(also content/commitments/2025/export-all-data.yml) (ids must be unique: rename one file)",
    ]


def test_files_that_fail_still_count_as_seen(content: Content) -> None:
    loaded = load(content(replaced(MISTAKE, "on: 2026-05-02", "on: someday")))
    assert loaded.records is not None and loaded.records.mistakes == ()
    assert ("mistake", "2026-05-02-double-charged") in loaded.seen


def test_a_broken_site_yml_does_not_hide_the_other_records_problems(content) -> None:  # type: ignore[no-untyped-def]
    """One run lists everything a second run, after site.yml is fixed, would add (but what depends on site.yml)."""
    from tests.conftest import INCIDENT, MILESTONE, VALID, human, replaced

    broken = {
        **replaced(MILESTONE, "due: 2026-06-30", "due: 2026-01-30"),  # due before the promise was made
        INCIDENT: VALID[INCIDENT].replace("follow_ups: [", "follow_ups: [no-such-promise, "),
    }
    fixed_site = human(content(broken))
    everything = human(content({**broken, "site.yml": VALID["site.yml"].replace("name: Example Co", "name: [Example Co]")}))
    assert any("site.yml" in line and "error" in line for line in everything)
    assert set(fixed_site) <= set(everything), set(fixed_site) - set(everything)


def test_language_de_says_the_site_language_is_locale(content: Content) -> None:
    folder = content({"site.yml": VALID["site.yml"].replace("locale: en", "language: de")})
    assert human(folder) == [
        "content/site.yml:4:11: error: language: holds the plain-language rules, like max_sentence_words: 25; "
        "for the site's language write locale: de"
    ]
