"""How to reach a human."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trustpages.records.common import Line, Record, Slug, Text, Url
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction


class Channel(Record):
    """One way to reach the company."""

    kind: Literal["email", "phone", "chat", "form", "post", "social"] = Field(
        description="What kind of channel it is: email, phone, chat, form, post or social, e.g. email."
    )
    label: Line = Field(description="Who answers, e.g. Support.")
    value: Line = Field(description="The address, number or link, e.g. help@example.com.")
    hours: Line | None = Field(None, description="When someone answers, e.g. Mon–Fri 9–17 CET.")
    response_promise: Slug | None = Field(None, description="Id of the standing commitment about reply times, e.g. reply-within-one-day.")


class Security(Record):
    """Where to report a security problem."""

    email: Line = Field(description="Address for security reports, e.g. security@example.com.")
    policy: Url | None = Field(None, description="Link to the disclosure policy, e.g. https://example.com/security.")


class Contact(Record):
    """content/contact.yml: every way to reach a person."""

    channels: tuple[Channel, ...] = Field(
        min_length=1, description="Ways to reach a person, e.g. {kind: email, label: Support, value: help@example.com}."
    )
    escalation: Text | None = Field(
        None, description="What to do when an answer is not good enough, e.g. Write to our CEO at ceo@example.com."
    )
    security: Security | None = Field(None, description="Where to report security problems, e.g. {email: security@example.com}.")
    address: Text | None = Field(None, description="Postal address of the company, e.g. Example Co GmbH, Beispielstraße 1, 10115 Berlin.")
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
