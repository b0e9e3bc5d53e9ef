"""/.well-known/security.txt (RFC 9116): one field a line, an address as a URI, expiring a year after as_of."""

from __future__ import annotations

from datetime import date
from typing import Any

from trustpages.opendata.securitytxt import PATH, security_txt
from trustpages.records import Contact, RecordSet, Site

AS_OF = date(2026, 3, 4)


def records(security: dict[str, Any] | None, name: str = "Example Co", locale: str = "en") -> RecordSet:
    contact = {"channels": [{"kind": "email", "label": "Support", "value": "help@example.com"}]}
    if security is not None:
        contact["security"] = security  # type: ignore[assignment]
    return RecordSet.holding(
        Site.model_validate({"name": name, "url": "https://trust.example.com/", "locale": locale}), Contact.model_validate(contact)
    )


def test_the_file_names_the_contact_the_policy_and_itself() -> None:
    found = security_txt(records({"email": "security@example.com", "policy": "https://example.com/security"}), AS_OF)
    assert found == (
        b"# Where to report a security problem to Example Co.\n"
        b"Contact: mailto:security@example.com\n"
        b"Expires: 2027-03-04T00:00:00Z\n"
        b"Policy: https://example.com/security\n"
        b"Preferred-Languages: en\n"
        b"Canonical: https://trust.example.com/.well-known/security.txt\n"
    )
    assert PATH == ".well-known/security.txt"


def test_a_web_address_stays_one_and_no_policy_means_no_policy_line() -> None:
    found = security_txt(records({"email": "https://example.com/report"}, locale="de"), date(2027, 12, 31))
    assert found is not None
    assert found.decode().splitlines()[1:] == [
        "Contact: https://example.com/report",
        "Expires: 2028-12-30T00:00:00Z",  # 365 days: 2028 is a leap year
        "Preferred-Languages: de",
        "Canonical: https://trust.example.com/.well-known/security.txt",
    ]


def test_a_line_break_in_a_name_cannot_start_a_field_of_its_own() -> None:
    # site.yml refuses such a name; the file does not rely on that (a site built in code skips validation).
    made = records({"email": "security@example.com"})
    evil = made.with_records("site", (made.site.model_copy(update={"name": "Evil\nContact: mailto:attacker@example.net"}),))
    found = security_txt(evil, AS_OF)
    assert found is not None
    lines = found.decode().splitlines()
    assert lines[0] == "# Where to report a security problem to Evil Contact: mailto:attacker@example.net."
    assert [line for line in lines if line.startswith("Contact:")] == ["Contact: mailto:security@example.com"]


def test_no_security_contact_no_file() -> None:
    assert security_txt(records(None), AS_OF) is None
    assert security_txt(RecordSet.holding(Site.model_validate({"name": "X", "url": "https://x.example"})), AS_OF) is None
