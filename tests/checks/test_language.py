"""Plain-language checks: each warning names the phrase, the field, where it was typed, and a plainer way to say it."""

from __future__ import annotations

import pytest

from tests.conftest import AS_OF, INCIDENT, MILESTONE, MISTAKE, STANDING, VALID, Content, human, replaced
from trustpages import checks
from trustpages.records import Mistake, RecordSet, Site
from trustpages.records.site import LanguageRules, prose_fields

MISTAKE_FILE = f"content/{MISTAKE}"
INCIDENT_FILE = f"content/{INCIDENT}"
STANDING_FILE = f"content/{STANDING}"
MILESTONE_FILE = f"content/{MILESTONE}"
APOLOGY = "apology: We are sorry. We refunded every extra charge within two days.\n"
INCONVENIENCE = 'apology: "any inconvenience" is a non-apology (say what went wrong and that we are sorry)'
NO_SORRY = 'apology: no "sorry" (a real apology says "we are sorry")'
# 26 words, most of them long: Flesch-Kincaid puts it at university level.
HARD = (
    "Intermittent authentication degradation affected approximately twenty percent of simultaneous authorization "
    "attempts, necessitating comprehensive infrastructural remediation procedures. Customers could not log in for "
    "most of an hour."
)
HARD_GRADE = "summary: reads at school grade 22.6; the limit is 9 (use shorter sentences and everyday words)"
# 37 words in one sentence.
LONG = (
    "A retry setting was changed without review, so the billing job ran twice on the first of May and charged "
    "three hundred and twelve customers on monthly plans for the same month a second time that day."
)


def apology(content: Content, text: str) -> list[str]:
    return human(content(replaced(MISTAKE, APOLOGY, f"apology: {text}")))


# Apologies.


def test_we_apologize_for_any_inconvenience_names_the_phrase_and_its_line(content: Content) -> None:
    assert apology(content, "We apologize for any inconvenience.\n") == [
        f"{MISTAKE_FILE}:7:10: warning: {NO_SORRY}",
        f"{MISTAKE_FILE}:7:27: warning: {INCONVENIENCE}",
    ]


def test_phrase_inside_double_quotes(content: Content) -> None:
    assert apology(content, '"We apologize for any inconvenience."\n') == [
        f"{MISTAKE_FILE}:7:10: warning: {NO_SORRY}",
        f"{MISTAKE_FILE}:7:28: warning: {INCONVENIENCE}",
    ]


def test_phrase_inside_single_quotes_counts_a_doubled_quote_as_two_characters(content: Content) -> None:
    assert apology(content, "'We''re sorry for any inconvenience.'\n") == [f"{MISTAKE_FILE}:7:28: warning: {INCONVENIENCE}"]


def test_escapes_in_double_quotes_place_the_phrase_at_the_field(content: Content) -> None:
    # The text no longer matches what was typed character for character: the field is still right.
    assert apology(content, '"We \\"apologize\\" for any inconvenience."\n') == [
        f"{MISTAKE_FILE}:7:10: warning: {INCONVENIENCE}",
        f"{MISTAKE_FILE}:7:10: warning: {NO_SORRY}",
    ]


def test_phrase_in_a_literal_block_is_placed_on_its_own_line(content: Content) -> None:
    text = "|\n  We are sorry for any\n  inconvenience. Mistakes were made.\nrelated:"
    assert apology(content, text.removesuffix("related:")) == [
        f"{MISTAKE_FILE}:8:20: warning: {INCONVENIENCE}",
        f'{MISTAKE_FILE}:9:18: warning: apology: "Mistakes were made" is a non-apology (say who made them: "we made a mistake")',
    ]


def test_literal_block_indented_four_spaces_with_blank_lines(content: Content) -> None:
    text = "|-\n    We are sorry.\n\n    We regret any inconvenience.\n\n"
    assert apology(content, text) == [f"{MISTAKE_FILE}:10:15: warning: {INCONVENIENCE}"]


def test_literal_block_at_the_end_of_a_file_without_a_line_break(content: Content) -> None:
    record = VALID[MISTAKE].replace(APOLOGY, "").replace("related: [2026-03-04-login-failures]\n", "")
    folder = content({MISTAKE: record + "apology: |\n  We are sorry for any inconvenience."})
    assert human(folder) == [f"{MISTAKE_FILE}:8:20: warning: {INCONVENIENCE}"]


def test_block_the_arithmetic_cannot_vouch_for_is_placed_at_the_field(content: Content) -> None:
    commented = "|  # agreed with legal\n  We are sorry for any inconvenience.\n"
    folded = ">\n  We are sorry for\n  any inconvenience.\n"
    assert apology(content, commented) == [f"{MISTAKE_FILE}:7:10: warning: {INCONVENIENCE}"]
    assert apology(content, folded) == [f"{MISTAKE_FILE}:7:10: warning: {INCONVENIENCE}"]


def test_conditional_apology(content: Content) -> None:
    assert apology(content, "We are sorry if anyone was offended.\n") == [
        f'{MISTAKE_FILE}:7:17: warning: apology: "sorry if" is a non-apology (say what we did wrong, without "if")',
        f'{MISTAKE_FILE}:7:23: warning: apology: "if anyone was offended" is a non-apology '
        "(be sorry for what we did, not for how people felt)",
    ]


def test_apology_without_we(content: Content) -> None:
    assert apology(content, "Sorry about the double charge.\n") == [
        f'{MISTAKE_FILE}:7:10: warning: apology: no "we" (say who is sorry: "we")'
    ]


def test_real_apologies_pass(content: Content) -> None:
    assert apology(content, "We’re sorry; we charged 312 of you twice in May 2026.\n") == []
    assert apology(content, "|\n  We are **sorry**. We refunded every extra charge.\n") == []


def test_an_apology_readers_cannot_see_is_no_apology(content: Content) -> None:
    # The page drops HTML comments and tags: the check reads what is left, as readers do.
    found = apology(content, "<!-- We are sorry. -->We refunded the extra charges.\n")
    assert found == [f'{MISTAKE_FILE}:7:10: warning: apology: no "sorry" (a real apology says "we are sorry")'], found
    assert apology(content, "<b>We are sorry</b> for charging you twice.\n") == []


# Hedged promises.


def test_hedges_in_a_promise(content: Content) -> None:
    promise = "promise: We strive to answer every email within a working day where possible.\n"
    folder = content(replaced(STANDING, VALID[STANDING].splitlines(keepends=True)[1], promise))
    assert human(folder) == [
        f'{STANDING_FILE}:2:13: warning: promise: "strive to" makes this a hope, not a promise (say what we will do: "we will …")',
        f'{STANDING_FILE}:2:63: warning: promise: "where possible" makes this a hope, not a promise (say what we will do: "we will …")',
    ]


def test_may_is_a_hedge_but_may_the_month_is_not(content: Content) -> None:
    promise = "promise: From May 2026 to 1 may 2027 every email may get a reply within a day.\n"
    folder = content(replaced(STANDING, VALID[STANDING].splitlines(keepends=True)[1], promise))
    assert human(folder) == [
        f'{STANDING_FILE}:2:50: warning: promise: "may" makes this a hope, not a promise (say what we will do: "we will …")'
    ]


def test_hedges_are_only_looked_for_in_promises(content: Content) -> None:
    assert human(content(replaced(STANDING, "why: Waiting", "why: We may say that waiting"))) == []


def test_words_that_contain_a_hedge_are_not_hedges(content: Content) -> None:
    folder = content(replaced(STANDING, "promise: Every email", "promise: The mayor and every email"))
    assert human(folder) == []


# Jargon.


def test_jargon_with_a_plainer_word(content: Content) -> None:
    folder = content(replaced(INCIDENT, "summary: About 1 in 5", "summary: Going forward, we will leverage checks. About 1 in 5"))
    assert human(folder) == [
        f'{INCIDENT_FILE}:6:10: warning: summary: "Going forward" is jargon (use "from now on")',
        f'{INCIDENT_FILE}:6:33: warning: summary: "leverage" is jargon (use "use")',
    ]


def test_jargon_in_an_update_body_written_as_a_block(content: Content) -> None:
    folder = content(
        replaced(
            INCIDENT,
            "  - {at: 2026-03-04T10:05:00Z, status: resolved, body: All logins work again.}\n",
            "  - at: 2026-03-04T10:05:00Z\n    status: resolved\n    body: |\n      All logins work again. We utilized a new check.\n",
        )
    )
    assert human(folder) == [f'{INCIDENT_FILE}:13:33: warning: updates[3].body: "utilized" is jargon (use "use")']


def test_markdown_is_read_as_the_words_a_customer_sees(content: Content) -> None:
    # The link's address and the code are not prose; the emphasis marks are not part of the word.
    body = "We **leverage** [a checklist](https://example.com/utilize) and `utilize.sh` now."
    folder = content(replaced(INCIDENT, "  We renewed certificates by hand and missed one.\n", f"  {body}\n"))
    assert human(folder) == [f'{INCIDENT_FILE}:13:8: warning: postmortem: "leverage" is jargon (use "use")']


def test_jargon_and_hedges_from_site_yml_add_to_the_built_in_ones(content: Content) -> None:
    folder = content(
        {
            "site.yml": VALID["site.yml"] + "language:\n  jargon:\n    onboarding: getting started\n  hedges: [hopefully]\n",
            **replaced(MILESTONE, "promise: We will let", "promise: We will hopefully let"),
            **replaced(MISTAKE, "for the same month.", "for the same month during onboarding.", "ran twice", "was utilized twice"),
        }
    )
    assert human(folder) == [
        f'{MILESTONE_FILE}:2:18: warning: promise: "hopefully" makes this a hope, not a promise (say what we will do: "we will …")',
        f'{MISTAKE_FILE}:3:34: warning: what_happened: "utilized" is jargon (use "use")',
        f'{MISTAKE_FILE}:6:81: warning: what_we_changed: "onboarding" is jargon (use "getting started")',
    ]


# Long sentences.


def test_long_sentence_is_placed_where_it_starts(content: Content) -> None:
    folder = content(replaced(MISTAKE, "why: A retry setting was changed without review.", f"why: It was our fault. {LONG}"))
    assert human(folder) == [
        f'{MISTAKE_FILE}:5:24: warning: why: the sentence "A retry setting was changed …" has 37 words; the limit is 30 '
        "(split it into shorter sentences)"
    ]


def test_sentence_length_limit_comes_from_site_yml(content: Content) -> None:
    changes = replaced(MISTAKE, "why: A retry setting was changed without review.", f"why: {LONG}")
    assert human(content({**changes, "site.yml": VALID["site.yml"] + "language:\n  max_sentence_words: 37\n"})) == []
    tight = human(content({**changes, "site.yml": VALID["site.yml"] + "language:\n  max_sentence_words: 13\n"}))
    assert [line.split(" warning: ")[1].split(";")[0] for line in tight] == [
        'promise: the sentence "Every email to support gets …" has 14 words',
        'why: the sentence "A retry setting was changed …" has 37 words',
    ]


def test_list_items_are_sentences_of_their_own(content: Content) -> None:
    items = "".join(f"  - Step {n} of the billing run checks the month before it charges anyone at all\n" for n in range(3))
    folder = content(replaced(INCIDENT, "  We renewed certificates by hand and missed one.\n", items))
    assert human(folder) == []


# Reading grade.


def test_hard_summary_gets_its_grade(content: Content) -> None:
    assert human(content(replaced(INCIDENT, "summary: About 1 in 5 login attempts failed for 53 minutes.", f"summary: {HARD}"))) == [
        f"{INCIDENT_FILE}:6:10: warning: {HARD_GRADE}"
    ]


def test_short_text_is_not_graded(content: Content) -> None:
    short = HARD.split(". ")[0] + "."  # 16 words: too few for the formula to mean much
    assert human(content(replaced(INCIDENT, "summary: About 1 in 5 login attempts failed for 53 minutes.", f"summary: {short}"))) == []


def test_grade_limit_and_graded_fields_come_from_site_yml(content: Content) -> None:
    hard = replaced(INCIDENT, "summary: About 1 in 5 login attempts failed for 53 minutes.", f"summary: {HARD}")
    lenient = VALID["site.yml"] + "language:\n  max_grade: 22.6\n"
    assert human(content({**hard, "site.yml": lenient})) == []
    others = VALID["site.yml"] + "language:\n  graded_fields: [cause]\n"
    assert human(content({**hard, "site.yml": others})) == []
    cause = replaced(INCIDENT, "cause: We renewed certificates by hand and missed one.", f"cause: {HARD}")
    assert human(content({**cause, "site.yml": others})) == [f"{INCIDENT_FILE}:11:8: warning: {HARD_GRADE.replace('summary:', 'cause:')}"]


def test_unknown_graded_field_is_an_error(content: Content) -> None:
    folder = content({"site.yml": VALID["site.yml"] + "language:\n  graded_fields: [sumary]\n"})
    assert human(folder)[0].startswith("content/site.yml:15:19: error: language.graded_fields[1]: expected one of title,")


# The whole set.


def test_plain_content_has_no_findings(content: Content) -> None:
    assert human(content()) == []


def test_records_built_in_code_are_placed_at_their_file() -> None:
    mistake = Mistake.model_validate(
        {
            "id": "oops",
            "title": "Oops",
            "on": "2026-05-02",
            "what_happened": "A job ran twice.",
            "who_was_affected": "Some customers.",
            "why": "No review.",
            "what_we_changed": "Reviews.",
            "apology": "Mistakes were made.",
        }
    )
    site = Site.model_validate({"name": "X", "url": "https://x.example"})
    problems = checks.run(RecordSet.holding(site, mistake), AS_OF, frozenset())
    assert [problem.human() for problem in problems] == [
        'content/mistakes/oops.yml:1:1: warning: apology: "Mistakes were made" is a non-apology (say who made them: "we made a mistake")',
        'content/mistakes/oops.yml:1:1: warning: apology: no "we" (say who is sorry: "we")',
        'content/mistakes/oops.yml:1:1: warning: apology: no "sorry" (a real apology says "we are sorry")',
    ]


def test_every_prose_field_can_be_graded_and_a_new_kinds_too() -> None:
    from pydantic import ValidationError

    from trustpages import kinds
    from trustpages.records.common import Record, Text

    class Notice(Record):
        headline: Text

    named = {path.split(".")[-1] for kind in kinds.kinds() for path in kind.prose}
    assert set(prose_fields()) == named and {"body", "apology", "see"} <= named
    assert set(LanguageRules().graded_fields) == {"promise", "summary", "apology"}
    with pytest.raises(ValidationError, match="Input should be 'title', 'promise'"):
        LanguageRules(graded_fields=("headline",))  # no kind's prose yet
    with kinds.registered(kinds.Kind("notice", Notice, folder="notices", prose=("headline",), facts=kinds.Facts(lists=()))):
        assert LanguageRules(graded_fields=("headline",)).graded_fields == ("headline",)
