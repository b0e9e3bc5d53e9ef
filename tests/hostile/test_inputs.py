"""Hostile input: whatever a content folder holds, `check` names each problem at file:line:col, and whatever passes `check` builds.

Each case is a finding of issue 16 (or one more of its kind) with the exact outcome asserted.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AS_OF, INCIDENT, MILESTONE, MISTAKE, STANDING, VALID, Content, replaced
from tests.gitrepo import Repo
from trustpages.cli import main
from trustpages.history import record_history
from trustpages.loader import load
from trustpages.pipeline import make_site
from trustpages.records import Mistake
from trustpages.sections import record_sections, reserved_ids

CHECK = ["check", "content", "--strict", "--as-of", AS_OF.isoformat()]


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """`trustpages check --strict` on ./content: its exit code and the lines it printed."""
    code = main(CHECK)
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def generate(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """`trustpages generate` of ./content: exit code and everything printed (a traceback fails the test)."""
    code = main(["generate", "content", "--out", str(tmp_path / "out"), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[str]:
    """The problems `check` prints for ./content, after asserting it fails and `generate` refuses to build."""
    code, lines = check(capsys)
    assert code == 1
    code, printed = generate(tmp_path, capsys)
    assert code == 1 and "Traceback" not in printed and not (tmp_path / "out").exists()
    return lines[:-1]


# Finding 2: a record named like a page the site generates in its folder.


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("commitments/index.yml", MILESTONE),
        ("commitments/status.yml", MILESTONE),
        ("commitments/standing.yml", STANDING),
        ("incidents/index.yml", INCIDENT),
        ("incidents/year.yml", INCIDENT),
        ("mistakes/index.yml", MISTAKE),
        ("mistakes/year.yml", MISTAKE),
    ],
)
def test_an_id_that_takes_a_generated_page_is_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, relative: str, source: str
) -> None:
    content({relative: VALID[source]})
    section, name = relative.removesuffix(".yml").split("/")
    kind = section.removesuffix("s")
    assert check(capsys) == (
        1,
        [
            f"content/{relative}:1:1: error: '{name}' cannot be an id: the site uses {section}/{name} for a page of its own "
            f"(rename the file, e.g. to '{name}-{kind}.yml')",
            "content: 1 error, 0 warnings in 1 file",
        ],
    )
    code, printed = generate(tmp_path, capsys)
    assert code == 1 and "Traceback" not in printed and not (tmp_path / "out").exists()


def test_every_page_in_a_section_folder_is_a_record_or_reserved(content: Content) -> None:
    """The reserved names are the ones the renderer uses: a new generated page there must be reserved too."""
    many: dict[str, str | bytes | None] = {}
    for number in range(30):  # past the index pages' limit, so every listing is generated
        many[f"commitments/milestone-{number}.yml"] = VALID[MILESTONE]
        many[f"commitments/standing-{number}.yml"] = VALID[STANDING]
        many[f"incidents/2026-03-04-incident-{number}.yml"] = VALID[INCIDENT]
        many[f"mistakes/2026-05-02-mistake-{number}.yml"] = VALID[MISTAKE].replace("related: [2026-03-04-login-failures]\n", "")
    loaded = load(content(many))
    assert loaded.records is not None and loaded.problems == []
    output = make_site(loaded.records, AS_OF)
    ids = {r.id for r in (*loaded.records.commitments, *loaded.records.incidents, *loaded.records.mistakes)}
    seen: set[str] = set()
    for path in (*output.pages, *output.assets):
        section, _, rest = path.partition("/")
        if section in record_sections() and rest:
            name = rest.split("/")[0].removesuffix(".md")
            assert name in ids or name in reserved_ids(section), path
            if name not in ids:
                seen.add(f"{section}/{name}")
    assert seen == {f"{section}/{name}" for section in record_sections() for name in reserved_ids(section)}


# Finding 7: control characters, bidi controls and invisible text.


@pytest.mark.parametrize(
    ("escaped", "shown"),
    [
        ("\\0", "control character U+0000"),
        ("\\e", "control character U+001B"),
        ("\\v", "control character U+000B"),
        ("\\f", "control character U+000C"),
        ("\\r", "control character U+000D"),
        ("\\x9b", "control character U+009B"),
        ("\\x7f", "control character U+007F"),
        ("\\uffff", "noncharacter U+FFFF"),  # valid YAML, invalid XML
        ("\\ufdd0", "noncharacter U+FDD0"),
        ("\\U0010FFFE", "noncharacter U+10FFFE"),
    ],
)
def test_control_characters_are_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, escaped: str, shown: str
) -> None:
    content(
        replaced(
            INCIDENT,
            "summary: About 1 in 5 login attempts",
            f'summary: "About{escaped} 1 in 5 login attempts',
            " minutes.\n",
            ' minutes."\n',
        )
    )
    assert refused(capsys, tmp_path) == [
        f"content/{INCIDENT}:6:10: error: summary: holds the {shown}, which no page can show (delete it: most editors do not show it)"
    ]


@pytest.mark.parametrize(
    ("escaped", "name"), [("\\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)")]
)
def test_bidi_controls_are_refused(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, escaped: str, name: str) -> None:
    content(replaced(MISTAKE, "title: We charged some customers twice in May", f'title: "We charged some customers {escaped}twice in May"'))
    assert refused(capsys, tmp_path) == [
        f"content/{MISTAKE}:1:8: error: title: holds {name}, which shows the text around it in another order than it is written "
        "(delete it: text runs in the direction of its own letters)"
    ]


@pytest.mark.parametrize("escaped", ["\\u200b", "\\u2800\\u2800", "\\u3164", " \\u200b\\u034f "])
def test_text_with_nothing_visible_is_refused(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, escaped: str) -> None:
    content(replaced(INCIDENT, "title: Some customers could not log in", f'title: "{escaped}"'))
    assert refused(capsys, tmp_path) == [
        f"content/{INCIDENT}:1:8: error: title: has no visible character (write title: What customers noticed, e.g. Some customers could not log in.)"
    ]


def test_prose_keeps_its_tabs_line_breaks_and_right_to_left_marks(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    postmortem = 'postmortem: "It broke.\\n\\n\\tIndented, with a mark \\u200f beside \\u05e9\\u05dc\\u05d5\\u05dd.\\n\\nWe fixed it."\n'
    content(replaced(INCIDENT, "postmortem: |\n  We renewed certificates by hand and missed one.\n", postmortem))
    assert check(capsys) == (0, ["content: no problems found"])
    code, printed = generate(tmp_path, capsys)
    assert code == 0 and printed.startswith("wrote ")
    page = (tmp_path / "out" / INCIDENT.replace(".yml", ".md")).read_text(encoding="utf-8")
    assert "<pre><code>Indented, with a mark \u200f beside \u05e9\u05dc\u05d5\u05dd." in page


# Finding 6: a line break in a one-line field would add lines to security.txt and calendar.ics.


@pytest.mark.parametrize(
    ("relative", "old", "new", "where", "holds"),
    [
        (
            "contact.yml",
            "{email: security@example.com,",
            '{email: "security@example.com\\nContact: https://evil.example",',
            "6:19: error: security.email",
            "a line break",
        ),
        (
            "contact.yml",
            "policy: https://example.com/security}",
            'policy: "https://example.com/security\\nContact: mailto:evil@example.com"}',
            "6:49: error: security.policy",
            "a line break",
        ),
        ("site.yml", "name: Example Co", 'name: "Example Co\\nContact: mailto:evil@example.com"', "1:7: error: name", "a line break"),
        (
            "site.yml",
            "url: https://trust.example.com",
            "url: |\n  https://trust.example.com\n  Contact: mailto:evil@example.com",
            "2:6: error: url",
            "a line break",
        ),
        (
            "site.yml",
            "{id: login, name: Login,",
            '{id: login, name: "Log\\u2028in",',
            "8:23: error: components[1].name",
            "U+2028 (LINE SEPARATOR)",
        ),
        (
            "contact.yml",
            "value: help@example.com,",
            'value: "help@example.com\\rBcc: x@example.com",',
            "2:42: error: channels[1].value",
            None,
        ),
        (INCIDENT, "title: Some customers could not log in", 'title: "Some customers\\tcould not log in"', "1:8: error: title", "a tab"),
        ("pricing.yml", "{name: Team,", '{name: "Team\\nPlan: Free",', "5:12: error: plans[2].name", "a line break"),
        (
            MISTAKE,
            "related: [2026-03-04-login-failures]\n",
            'related: [2026-03-04-login-failures]\ncorrections:\n  - {on: 2026-05-03, field: "why\\nwhat_we_changed", why: We named the wrong field.}\n',
            "10:29: error: corrections[1].field",
            "a line break",
        ),
    ],
)
def test_one_line_fields_refuse_line_breaks(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, relative: str, old: str, new: str, where: str, holds: str | None
) -> None:
    content(replaced(relative, old, new))
    if holds is None:  # a carriage return is a control character in any text
        expected = f"content/{relative}:{where}: holds the control character U+000D, which no page can show (delete it: most editors do not show it)"
    else:
        expected = f"content/{relative}:{where}: must be one line; it holds {holds} (write it on one line)"
    assert refused(capsys, tmp_path) == [expected]


# A web address is one: feeds, calendars and links read it, and markup in it is no address (issue 27).


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "https://trust.example.com/<img src=x>",
            "holds '<', which no web address holds as it is (write it percent-encoded: a space is %20)",
        ),
        ("https://trust.example.com Contact", "holds ' ', which no web address holds as it is (write it percent-encoded: a space is %20)"),
        ("https://[trust.example.com/", "is not a web address: Invalid IPv6 URL"),
        ("https://trust.example.com:http/", "is not a web address: Port could not be cast to integer value as 'http'"),
        ("https:///trust", "names no host after https://"),
    ],
)
def test_a_web_address_that_is_none_is_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, url: str, message: str
) -> None:
    content(replaced("site.yml", "url: https://trust.example.com", f'url: "{url}"'))
    assert refused(capsys, tmp_path) == [f"content/site.yml:2:6: error: url: {message}"]


# Numbers are finite (1e309 is infinity to YAML).


@pytest.mark.parametrize(
    ("relative", "old", "new", "where"),
    [
        ("metrics/trust-survey.yml", "value: 71", "value: 1e309", "5:30: error: points[1].value"),
        ("metrics/trust-survey.yml", "value: 71", "value: -1e309", "5:30: error: points[1].value"),
        ("pricing.yml", "price: 12,", "price: 1e309,", "5:25: error: plans[2].price"),
    ],
)
def test_numbers_too_large_to_be_finite_are_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, relative: str, old: str, new: str, where: str
) -> None:
    content(replaced(relative, old, new))
    assert refused(capsys, tmp_path) == [f"content/{relative}:{where}: is too large: numbers end at about 1.8e308 (write a smaller number)"]


# Finding 4: dates that check accepted crashed the build (calendar, time-zone shifts, SOURCE_DATE_EPOCH, git).

RANGE = "1970-01-01 to 9000-12-31"


@pytest.mark.parametrize(
    ("relative", "old", "new", "where"),
    [
        (MILESTONE, "due: 2026-06-30", "due: 9999-12-31", "6:6: error: due: 9999-12-31"),
        (MILESTONE, "made_on: 2026-02-01", "made_on: 1969-12-31", "5:10: error: made_on: 1969-12-31"),
        (
            INCIDENT,
            "resolved: 2026-03-04T10:05:00Z",
            "resolved: 9999-12-31T23:00:00-12:00",
            "4:11: error: resolved: 9999-12-31T23:00:00-12:00",
        ),
        (
            INCIDENT,
            "started: 2026-03-04T09:12:00Z",
            "started: 0001-01-01T00:30:00+14:00",
            "3:10: error: started: 0001-01-01T00:30:00+14:00",
        ),
        (INCIDENT, "{at: 2026-03-04T09:20:00Z,", "{at: 9001-01-01T00:00:00Z,", "8:10: error: updates[1].at: 9001-01-01T00:00:00Z"),
        ("pricing.yml", "effective: 2026-02-15", "effective: 9999-02-15", "11:40: error: history[1].effective: 9999-02-15"),
    ],
)
def test_dates_outside_the_range_are_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, relative: str, old: str, new: str, where: str
) -> None:
    content(replaced(relative, old, new))
    assert refused(capsys, tmp_path) == [f"content/{relative}:{where} is outside the dates trustpages accepts ({RANGE})"]


def test_dates_at_the_ends_of_the_range_build(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    content(
        {
            **replaced(
                MILESTONE,
                "due: 2026-06-30",
                "due: 9000-12-31",
                "  - on: 2026-06-20\n    status: kept\n    note: Export is live for every plan.\n    evidence: [https://example.com/changelog/export]\n",
                "",
            ),
            **replaced(INCIDENT, "started: 2026-03-04T09:12:00Z", "started: 1970-01-01T00:00:00+14:00"),
            "incidents/2026-12-12-maintenance.yml": (
                "title: Planned database upgrade\nimpact: maintenance\nsummary: The API is read-only during the upgrade.\n"
                "scheduled_for: 9000-12-31T22:00:00-12:00\nscheduled_until: 9000-12-31T23:59:59-12:00\n"
            ),
        }
    )
    for as_of in ("1970-01-01", "2026-07-01", "9000-12-31"):
        code = main(["generate", "content", "--out", str(tmp_path / as_of), "--as-of", as_of])
        printed = capsys.readouterr()
        assert code == 0, printed
    calendar = (tmp_path / "9000-12-31" / "calendar.ics").read_bytes().decode("utf-8")
    assert "DTSTART;VALUE=DATE:90001231\r\nDTEND;VALUE=DATE:90010101\r\n" in calendar
    assert "DTEND:90010101T115959Z\r\n" in calendar


@pytest.mark.parametrize("as_of", ["9999-12-31", "1969-12-31"])
def test_as_of_outside_the_range_is_a_usage_error(content: Content, capsys: pytest.CaptureFixture[str], as_of: str) -> None:
    content()
    with pytest.raises(SystemExit) as exit:
        main(["check", "content", "--as-of", as_of])
    assert exit.value.code == 2
    assert (
        capsys.readouterr().err.splitlines()[-1]
        == f"trustpages check: error: argument --as-of: expected a date from {RANGE}; got '{as_of}'"
    )


@pytest.mark.parametrize(
    ("epoch", "shown"),
    [
        ("253402214400", "253402214400"),  # 9999-12-31
        ("253402300800", "253402300800"),  # 10000-01-01: past what Python's dates hold
        ("-1", "-1"),  # 1969-12-31
        ("9" * 400, "9" * 30 + "…"),  # absurdly large: refused before int() spends time on it
    ],
)
def test_source_date_epoch_outside_the_range_is_one_plain_message(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, shown: str
) -> None:
    content()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    expected = f"trustpages: error: SOURCE_DATE_EPOCH {shown} is outside the dates trustpages accepts ({RANGE})\n"
    assert main(["check", "content"]) == 2
    assert capsys.readouterr().err == expected
    assert main(["generate", "content", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == expected
    assert not (tmp_path / "out").exists()


def test_a_git_commit_dated_year_10000_is_left_out_of_the_history_with_a_warning(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    content()
    repo = Repo(tmp_path)
    repo.git("init", "-q", "-b", "main")
    repo.commit("Publish the records", "2026-01-05")
    (repo.content / MISTAKE).write_text(VALID[MISTAKE].replace("charged twice.", "charged twice by mistake."), encoding="utf-8")
    repo.git("add", "-A")
    far = {
        "GIT_AUTHOR_DATE": "@253402300800 +0000",
        "GIT_COMMITTER_DATE": "@253402300800 +0000",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(
        ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "From the future"],
        env={**os.environ, **far},
        check=True,
    )
    sha = repo.git("rev-parse", "HEAD").strip()
    assert repo.git("log", "-1", "--format=%cI") == "10000-01-01T00:00:00+00:00\n"

    history = record_history(repo.content)
    assert history.available and [commit.sha for commit in history.skipped] == [sha]
    assert [change.subject for change in history.of("mistake", MISTAKE.split("/")[1].removesuffix(".yml"))] == ["Publish the records"]

    from tests.render.conftest import mkdocs_build, write_config

    build = mkdocs_build(write_config(tmp_path, repo.content))  # strict, as `trustpages build` runs it
    assert build.returncode == 0, build.output
    assert f"INFO    -  trustpages: record history leaves out commit {sha[:12]}: its date '10000-01-01T00:00:00+00:00'" in build.output

    code, printed = generate(tmp_path, capsys, "--as-of", AS_OF.isoformat())
    assert code == 0
    wrote, *warnings = printed.splitlines()
    assert wrote.startswith("wrote ")
    assert warnings == [
        f"trustpages: warning: record history leaves out commit {sha[:12]}: its date '10000-01-01T00:00:00+00:00' "
        f"is outside the dates trustpages accepts ({RANGE})",
    ]


@pytest.mark.parametrize(
    ("as_of", "epoch", "message"),
    [
        (None, "253402300800", f"trustpages: SOURCE_DATE_EPOCH 253402300800 is outside the dates trustpages accepts ({RANGE})"),
        ("9999-12-31", None, f"trustpages: as_of must be a date from {RANGE}; got '9999-12-31'"),
    ],
)
def test_the_plugin_refuses_an_as_of_outside_the_range_with_one_message(
    content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_of: str | None, epoch: str | None, message: str
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from tests.render.conftest import write_config

    config = load_config(config_file=str(write_config(tmp_path, content(), as_of=as_of)))
    if epoch is not None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(PluginError) as refused:
        config.plugins.on_config(config)
    assert str(refused.value) == message


# Finding 5: files followed through links, or dropped without a word.

LINK = "is a symbolic link; trustpages does not follow links (put the file or folder itself in the content folder)"
NOT_A_FILE = "is not a regular file (a pipe, socket or device) (replace it with a plain file, or remove it)"


def test_a_record_linked_from_outside_the_content_folder_is_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = content()
    outside = tmp_path / "elsewhere.yml"
    outside.write_text(VALID[MILESTONE].replace("You can export", "Published from outside: you can export"), encoding="utf-8")
    (folder / "commitments" / "from-outside.yml").symlink_to(outside)
    assert refused(capsys, tmp_path) == [f"content/commitments/from-outside.yml:1:1: error: {LINK}"]


def test_a_link_to_a_secret_never_shows_the_secret(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = content()
    secret = tmp_path / "secrets.env"
    secret.write_text("aws_secret_access_key: wJalrXUtnFEMI-K7MDENG\n", encoding="utf-8")
    (folder / "mistakes" / "2026-06-01-leak.yml").symlink_to(secret)
    (folder / "site.yml").rename(tmp_path / "site.yml")
    (folder / "site.yml").symlink_to(tmp_path / "site.yml")
    code, lines = check(capsys)
    assert (code, lines) == (
        1,
        [
            f"content/mistakes/2026-06-01-leak.yml:1:1: error: {LINK}",
            f"content/site.yml:1:1: error: {LINK}",
            "content/site.yml:1:1: error: site.yml is missing (every content folder needs a site.yml with at least name and url)",
            "content: 3 errors, 0 warnings in 2 files",
        ],
    )
    assert "wJalrXUtnFEMI" not in "\n".join(lines) and str(tmp_path) not in "\n".join(lines)


def test_a_linked_record_folder_is_refused(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = content()
    (folder / "incidents").rename(tmp_path / "incidents")
    (folder / "incidents").symlink_to(tmp_path / "incidents", target_is_directory=True)
    assert refused(capsys, tmp_path) == [
        f"content/incidents:1:1: error: {LINK}",
        f"content/{MISTAKE}:8:11: error: no record with id '2026-03-04-login-failures' (ids are file names without .yml)",
    ]


def test_a_pipe_named_like_a_record_is_refused_without_being_opened(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = content()
    os.mkfifo(folder / "incidents" / "2026-06-01-pipe.yml")  # opening it would wait for a writer forever
    assert refused(capsys, tmp_path) == [f"content/incidents/2026-06-01-pipe.yml:1:1: error: {NOT_A_FILE}"]


def test_hidden_entries_are_still_left_alone(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = content()
    (folder / ".cache").symlink_to(tmp_path)  # editors and tools keep such things; they are not records
    os.mkfifo(folder / "incidents" / ".lock")
    assert check(capsys) == (0, ["content: no problems found"])


def test_an_unreadable_record_folder_is_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = content()
    real_scandir = os.scandir

    def scandir(path: str | Path) -> object:  # chmod 000 is no test when the tests run as root
        if Path(path).absolute() == folder / "mistakes":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert refused(capsys, tmp_path) == [
        "content/mistakes:1:1: error: cannot read the folder: Permission denied (check that you may read it)"
    ]


def test_an_unreadable_record_is_refused(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = content()
    real_open = os.open

    def open_(path: str | Path, flags: int, *args: int) -> int:
        if Path(path).absolute() == folder / MISTAKE:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_)
    assert refused(capsys, tmp_path) == [
        f"content/{MISTAKE}:1:1: error: cannot read the file: Permission denied (check that you may read it)"
    ]


def test_a_huge_sparse_record_is_measured_not_read(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = content()
    huge = folder / "incidents" / "2026-06-01-huge.yml"
    with huge.open("wb") as file:
        file.truncate(8 * 1024**3)  # 8 GiB of nothing: no disk space, but read whole it would exhaust memory
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, min(n, 2 * 1024**2)) if n <= 2 * 1024**2 else pytest.fail("read too much"))
    assert refused(capsys, tmp_path) == [
        "content/incidents/2026-06-01-huge.yml:1:1: error: file is 8,589,934,592 bytes; records are limited to 1,000,000 "
        "(split it, or link to a long write-up instead of pasting it)"
    ]


def test_an_id_with_a_line_break_is_refused(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    content(
        {
            **replaced("site.yml", "{id: login,", '{id: "login\\n",'),
            **replaced(INCIDENT, "affected: [login, api]", "affected: [api]"),
        }
    )
    assert refused(capsys, tmp_path) == [
        "content/site.yml:8:10: error: components[1].id: expected an id like 'export-all-data' (lowercase letters, digits and dashes); got 'login\\n'"
    ]


@pytest.mark.parametrize(
    ("digits", "problem"),
    [
        (400, "points[1].value: is too large: numbers end at about 1.8e308 (write a smaller number)"),  # beyond any float
        (5000, "a number with more than 4,000 digits (write a smaller number, or put it in quotes if it is text)"),  # beyond int()
    ],
)
def test_whole_numbers_too_long_to_hold_are_located_errors(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, digits: int, problem: str
) -> None:
    content(replaced("metrics/trust-survey.yml", "value: 71", f"value: 1{'0' * digits}"))
    assert refused(capsys, tmp_path) == [f"content/metrics/trust-survey.yml:5:30: error: {problem}"]


# What a report quotes from the input (keys, file names) cannot colour, clear or split its lines.


def test_control_characters_in_keys_and_file_names_are_spelled_out_in_reports(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    content(
        {
            **replaced(MISTAKE, "apology:", '"\\e[2J\\nContact: x\\u202e":'),
            "incidents/\x1b[31mred.yml": VALID[INCIDENT],
        }
    )
    code, lines = check(capsys)
    assert code == 1
    assert lines[:3] == [
        "content/incidents/\\x1b[31mred.yml:1:1: error: file name '\\x1b[31mred.yml' is not a valid id (rename it to '31mred.yml')",
        f"content/{MISTAKE}:1:1: error: 'apology' is missing (add apology: A real apology: say 'we' and 'sorry'.)",
        f"content/{MISTAKE}:7:1: error: unknown field '\\x1b[2J\\nContact: x\\u202e' (allowed here: {', '.join(name for name in Mistake.model_fields if name != 'id')})",
    ]
    assert main([*CHECK, "--format", "github"]) == 1
    report = capsys.readouterr().out
    assert "\x1b" not in report and "\u202e" not in report and "%0AContact" in report


@pytest.mark.parametrize("title", ["Index", "Status", "standing"])
def test_new_will_not_write_a_commitment_named_like_a_generated_page(
    content: Content, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    folder = content()
    assert main(["new", "commitment", title, "--content", str(folder)]) == 2
    name = title.lower()
    assert capsys.readouterr().err == (
        f"trustpages: error: commitments/{name}.yml would take the name of a page the site makes itself; choose a longer title\n"
    )
    assert not (folder / "commitments" / f"{name}.yml").exists()


def test_content_at_the_edges_of_what_check_accepts_builds_with_mkdocs(content: Content, tmp_path: Path) -> None:
    """One real `mkdocs build --strict`: dates at both ends of the range, prose with tabs, marks and right-to-left text."""
    from tests.render.conftest import mkdocs_build, write_config

    folder = content(
        {
            **replaced(MILESTONE, "due: 2026-06-30", "due: 9000-12-31"),
            **replaced(
                INCIDENT,
                "started: 2026-03-04T09:12:00Z",
                "started: 1970-01-01T00:00:00+14:00",
                "cause: We",
                'cause: "\\tWe \\u200fשלום\\u200e\\n\\nWe',
            ),
            "incidents/2026-12-12-maintenance.yml": (
                "title: Planned database upgrade\nimpact: maintenance\nsummary: The API is read-only during the upgrade.\n"
                "scheduled_for: 9000-12-31T22:00:00-12:00\nscheduled_until: 9000-12-31T23:59:59-12:00\n"
            ),
        }
    )
    folder.joinpath(INCIDENT).write_text(
        folder.joinpath(INCIDENT).read_text(encoding="utf-8").replace("missed one.\n", 'missed one."\n', 1), encoding="utf-8"
    )
    build = mkdocs_build(write_config(tmp_path, folder, as_of="9000-12-31"))
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output
    assert "9000" in build.html("commitments/export-all-data/index.html")


def test_every_feed_is_well_formed_xml_for_any_text_check_accepts(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from xml.etree import ElementTree

    odd = "A\\u200bB \\u200f\\u05e9 ]]> &amp; <b> \\U0001F600 \\u00ad \\ufeff \\u2028 end"
    content(
        {
            **replaced(
                INCIDENT,
                "title: Some customers could not log in",
                f'title: "Login {odd.replace(chr(92) + "u2028", "")}"',
                "summary: About 1 in 5 login attempts",
                f'summary: "\\tAbout {odd} 1 in 5 login attempts',
                " minutes.\n",
                ' minutes."\n',
            ),
            **replaced(
                MISTAKE, "apology: We are sorry. We refunded every extra charge within two days.", f'apology: "We are sorry {odd}."'
            ),
        }
    )
    assert check(capsys) == (0, ["content: no problems found"])
    code, printed = generate(tmp_path, capsys, "--as-of", AS_OF.isoformat())
    assert code == 0, printed
    feeds = sorted((tmp_path / "out").rglob("*.xml"))
    assert len(feeds) > 3
    for feed in feeds:
        ElementTree.parse(feed)  # raises on any character XML cannot hold
    assert (
        "Login A\u200bB \u200f\u05e9 ]]>"
        in ElementTree.parse(tmp_path / "out" / "feeds" / "incidents.xml").getroot().find("{*}entry/{*}title").text
    )


def test_a_link_committed_as_a_record_is_not_in_its_history(content: Content, tmp_path: Path) -> None:
    """What a link points to (a path outside the repository) must not be published as a record's past value."""
    content()
    repo = Repo(tmp_path)
    repo.git("init", "-q", "-b", "main")
    repo.commit("Publish the records", "2026-01-05")
    link = repo.content / "mistakes" / "2026-06-01-linked.yml"
    link.symlink_to("/etc/secret-keys.yml")
    repo.commit("Link a record", "2026-01-06")
    link.unlink()
    link.write_text(VALID[MISTAKE], encoding="utf-8")
    repo.commit("Replace the link with the record", "2026-01-07")
    history = record_history(repo.content)
    assert [change.subject for change in history.of("mistake", "2026-06-01-linked")] == []
    assert all("/etc/secret-keys.yml" not in str(change) for changes in history.values() for change in changes)


# Ids become file names of the built site: a long one failed the build ("File name too long").


def test_ids_longer_than_100_characters_are_refused(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    long_id = "a" * 101
    content(
        {
            **replaced("site.yml", "{id: login,", f"{{id: {long_id},"),
            **replaced(INCIDENT, "affected: [login, api]", "affected: [api]"),
            f"mistakes/2026-06-01-{'b' * 90}.yml": VALID[MISTAKE],
        }
    )
    assert refused(capsys, tmp_path) == [
        f"content/mistakes/2026-06-01-{'b' * 90}.yml:1:1: error: file name is 101 characters before .yml; ids have at most 100 "
        "(shorten the file name: it becomes the page's address)",
        "content/site.yml:8:10: error: components[1].id: an id has at most 100 characters; this one has 101 (shorten it)",
    ]


def test_ids_of_100_characters_build(content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    long_id = "a" * 100
    content(
        {
            **replaced("site.yml", "{id: login,", f"{{id: {long_id},"),
            **replaced(INCIDENT, "affected: [login, api]", f"affected: [{long_id}, api]"),
            f"mistakes/2026-06-01-{'b' * 89}.yml": VALID[MISTAKE],
        }
    )
    assert check(capsys) == (0, ["content: no problems found"])
    code, printed = generate(tmp_path, capsys, "--as-of", AS_OF.isoformat())
    assert code == 0, printed
    assert (tmp_path / "out" / "feeds" / "components" / f"{long_id}.json").is_file()


def test_a_version_over_the_size_limit_in_git_history_is_never_read_whole(
    content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustpages import yamlsource

    content()
    repo = Repo(tmp_path)
    repo.git("init", "-q", "-b", "main")
    record = repo.content / MISTAKE
    record.write_text(VALID[MISTAKE] + "# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    repo.commit("A huge version", "2026-01-05")
    record.write_text(VALID[MISTAKE], encoding="utf-8")
    repo.commit("Back to normal", "2026-01-06")
    parsed: list[int] = []
    real_parse = yamlsource.parse
    monkeypatch.setattr(yamlsource, "parse", lambda raw: parsed.append(len(raw)) or real_parse(raw))
    history = record_history(repo.content)
    changes = history.of("mistake", "2026-05-02-double-charged")
    assert [(change.subject, change.readable) for change in changes] == [("Back to normal", False), ("A huge version", True)]
    assert parsed and max(parsed) <= yamlsource.MAX_BYTES


def test_check_against_a_ref_with_a_record_over_the_size_limit_does_not_read_it(
    content: Content, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustpages import gitrefs

    content()
    repo = Repo(tmp_path)
    repo.git("init", "-q", "-b", "main")
    record = repo.content / MISTAKE
    huge_text = VALID[MISTAKE] + "# " + "x" * 2_000_000 + "\n"
    record.write_text(huge_text, encoding="utf-8")
    repo.commit("A huge version", "2026-01-05")
    record.write_text(VALID[MISTAKE], encoding="utf-8")
    huge = repo.git("rev-parse", f"HEAD:content/{MISTAKE}").strip()
    asked: list[str] = []
    real_blobs = gitrefs.blobs

    def blobs(top: Path, names: object) -> dict[str, bytes | None]:
        wanted = list(names)  # type: ignore[call-overload]
        asked.extend(wanted)
        return real_blobs(top, wanted)

    monkeypatch.setattr(gitrefs, "blobs", blobs)
    loaded = gitrefs.load_at("HEAD", repo.content)
    assert [(Path(p.file).name, p.message) for p in loaded.problems] == [
        ("2026-05-02-double-charged.yml", f"file is {len(huge_text.encode()):,} bytes; records are limited to 1,000,000")
    ]
    assert asked and huge not in asked
    assert main([*CHECK, "--against", "HEAD"]) == 0
    assert capsys.readouterr().out == "content: no problems found\n"


def test_a_one_line_field_has_a_bounded_length(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 20 KB title of `*` added seconds to a build (the page's Markdown parser is slow on escaped marks): one line holds 500 characters."""
    from trustpages.records import Mistake

    with pytest.raises(Exception, match="is 501 characters long; one line holds at most 500"):
        Mistake.model_validate(
            {
                "title": "*" * 501,
                "on": "2026-01-01",
                "what_happened": "x",
                "who_was_affected": "x",
                "why": "x",
                "what_we_changed": "x",
                "apology": "We are sorry.",
            }
        )
    assert (
        Mistake.model_validate(
            {
                "title": "a" * 500,
                "on": "2026-01-01",
                "what_happened": "x",
                "who_was_affected": "x",
                "why": "x",
                "what_we_changed": "x",
                "apology": "We are sorry.",
            }
        ).title
        == "a" * 500
    )
