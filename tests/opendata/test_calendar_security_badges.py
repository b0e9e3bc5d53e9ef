"""calendar.ics, .well-known/security.txt and the SVG badges."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from tests.conftest import write_content
from tests.opendata.conftest import FULL, FULL_AS_OF, Published, publish
from trustpages import opendata
from trustpages.numbers import Numbers
from trustpages.opendata import ical
from trustpages.records import Security

SVG = "{http://www.w3.org/2000/svg}"


def events(published: Published) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(published.files["calendar.ics"])
    assert calendar["version"] == "2.0" and calendar["prodid"]
    return {
        str(e["uid"]): {
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend") if "dtend" in e else None,
            "summary": str(e["summary"]),
            "status": str(e["status"]),
            "url": str(e["url"]),
            "description": str(e["description"]),
            "stamp": e.decoded("dtstamp"),
        }
        for e in calendar.walk("VEVENT")
    }


def test_calendar_has_every_due_date(small: Published) -> None:
    found = events(small)
    assert set(found) == {
        "commitment-export-all-data@trust.example.com",
        "commitment-automatic-certificate-renewal@trust.example.com",
    }
    export = found["commitment-export-all-data@trust.example.com"]
    assert (export["start"], export["end"]) == (date(2026, 6, 30), date(2026, 7, 1))
    assert export["summary"] == "Due: You can export all your data"
    assert export["url"] == "https://trust.example.com/commitments/export-all-data/"
    assert export["stamp"] == datetime(2026, 6, 20, tzinfo=UTC)  # from the record, not the clock
    renewal = found["commitment-automatic-certificate-renewal@trust.example.com"]
    assert renewal["description"].endswith("Status: Overdue")
    assert "<script" not in renewal["description"]  # Markdown as plain text


def test_calendar_has_maintenance_and_cancels_withdrawn_promises(full: Published) -> None:
    found = events(full)
    maintenance = found["maintenance-2026-07-10-database-upgrade@trust.example.com"]
    assert maintenance["start"] == datetime(2026, 7, 10, 22, tzinfo=UTC)
    assert maintenance["end"] == datetime(2026, 7, 10, 23, 30, tzinfo=UTC)
    assert maintenance["summary"] == "Maintenance: Database upgrade"
    assert found["commitment-offline-mode@trust.example.com"]["status"] == "CANCELLED"
    assert found["commitment-status-page-sms@trust.example.com"]["status"] == "CONFIRMED"
    assert len(found) == 5  # four milestones and one maintenance; standing promises have no date


def test_calendar_text_is_escaped_and_folded_as_rfc_5545_says(tmp_path: Path) -> None:
    title = r"Prices, plans; and a back\slash"
    promise = "Grüße an alle Kundinnen und Kunden: 🎉 " * 6 + "done."
    sms = FULL["commitments/status-page-sms.yml"]
    sms = sms.replace("title: Status alerts by SMS", f"title: '{title}'").replace(
        "promise: You can get status alerts by SMS.", f"promise: '{promise}'"
    )
    content = write_content(tmp_path / "content", {"site.yml": FULL["site.yml"], "commitments/status-page-sms.yml": sms})
    published = publish(content, FULL_AS_OF)

    raw = published.files["calendar.ics"]
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)  # every line ends in CRLF
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the promise was folded
    for line in lines:
        line.decode("utf-8")  # never folded inside a character
    [event] = events(published).values()
    assert event["summary"] == f"Due: {title}"
    assert event["description"] == f"{promise}\n\nStatus: Overdue"


def fields(text: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in text.splitlines() if line and not line.startswith("#"))


def test_security_txt_follows_rfc_9116(small: Published) -> None:
    text = small.text(".well-known/security.txt")
    assert fields(text) == {
        "Contact": "mailto:security@example.com",
        "Expires": "2027-11-23T00:00:00Z",  # as_of + 365 days
        "Policy": "https://example.com/security",
        "Preferred-Languages": "en",
        "Canonical": "https://trust.example.com/.well-known/security.txt",
    }
    assert text.endswith("\n")


def test_security_txt_keeps_a_web_contact_as_it_is(small: Published) -> None:
    assert small.records.contact is not None
    contact = small.records.contact.model_copy(update={"security": Security(email="https://example.com/report")})
    files = opendata.publish(Numbers.of(small.records.with_records("contact", (contact,)), small.as_of), small.t)
    assert fields(files[".well-known/security.txt"].decode())["Contact"] == "https://example.com/report"
    assert "Policy" not in fields(files[".well-known/security.txt"].decode())


@pytest.mark.parametrize(
    ("name", "small_says", "full_says"),
    [
        ("promises-kept", "promises kept: 50%", "promises kept: 33%"),
        ("status", "status: Operational", "status: Degraded performance"),
    ],
)
def test_badges_are_svg_with_a_title(small: Published, full: Published, name: str, small_says: str, full_says: str) -> None:
    for published, says in ((small, small_says), (full, full_says)):
        root = ET.fromstring(published.files[f"badges/{name}.svg"])
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img" and root.get("aria-label") == says
        title = root.find(f"{SVG}title")
        assert title is not None and title.text == says
        assert int(root.get("width", "0")) > 40


def test_promises_badge_without_a_decided_promise(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.opendata.conftest import FULL_AS_OF, publish

    (tmp_path / "site.yml").write_text("name: Solo\nurl: https://solo.example\n", encoding="utf-8")
    root = ET.fromstring(publish(tmp_path, FULL_AS_OF).files["badges/promises-kept.svg"])
    assert root.get("aria-label") == "promises kept: not yet"


@given(st.text(alphabet=st.characters(max_codepoint=0x7F) | st.sampled_from(["é", "🎉"]), max_size=400))
def test_folded_pieces_rejoin_to_the_line_and_fit_75_octets(line: str) -> None:
    pieces = list(ical._fold(line))
    assert pieces[0] + "".join(piece.removeprefix(" ") for piece in pieces[1:]) == line
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert all(len(piece.encode("utf-8")) <= ical.LINE_OCTETS for piece in pieces)
    # Full pieces: no piece but the last could have taken the next character too.
    for piece, after in zip(pieces, pieces[1:], strict=False):
        assert len((piece + after[1]).encode("utf-8")) > ical.LINE_OCTETS
