"""/.well-known/security.txt (RFC 9116) from contact.yml's `security`."""

from __future__ import annotations

from datetime import date, timedelta

from trustpages.opendata.links import absolute, midnight, stamp
from trustpages.opendata.plaintext import one_line, uri
from trustpages.records import RecordSet

PATH = ".well-known/security.txt"
VALID_DAYS = 365


def security_txt(records: RecordSet, as_of: date) -> bytes | None:
    """The file, or None when contact.yml names no security contact (RFC 9116 requires a Contact)."""
    security = records.contact.security if records.contact else None
    if security is None:
        return None
    # One field a line: a line break inside a value would start a field of its own (an attacker's Contact).
    lines = [
        f"# Where to report a security problem to {one_line(records.site.name)}.",
        f"Contact: {uri(_uri(security.email))}",
        # Computed from as_of, not the clock: every build moves it forward, and the same build gives the same bytes.
        f"Expires: {stamp(midnight(as_of + timedelta(days=VALID_DAYS)))}",
    ]
    if security.policy:
        lines.append(f"Policy: {uri(str(security.policy))}")
    lines.append(f"Preferred-Languages: {one_line(records.site.locale)}")
    lines.append(f"Canonical: {uri(absolute(records.site, PATH))}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _uri(contact: str) -> str:
    """RFC 9116 wants a URI: an e-mail address becomes mailto:, a web address stays as it is."""
    if contact.startswith(("mailto:", "https://", "http://", "tel:")):
        return contact
    return f"mailto:{contact}" if "@" in contact else contact
