"""Plain-language pricing: plans, fees, cancelling, refunds and every price change."""

from __future__ import annotations

from pydantic import Field

from trustpages.records.common import Amount, Day, Flag, Line, Record, Slug, Text
from trustpages.records.correction import CORRECTIONS_DESCRIPTION, Correction


class Plan(Record):
    """A plan, in the words a customer would use."""

    id: Slug | None = Field(
        None, description="A name for the plan that never changes, e.g. team: its price stays its own when the name changes."
    )
    name: Line = Field(description="Plan name, e.g. Team.")
    price: Amount = Field(description="Price per `per`, in the site currency, e.g. 12.")
    per: Line = Field(description="What the price is for, e.g. month or user-month.")
    for_whom: Text | None = Field(None, description="Who it suits, e.g. Teams up to 50.")
    includes: tuple[Line, ...] = Field((), description="What is included, one item per entry, e.g. [Unlimited projects, Email support].")
    limits: tuple[Line, ...] = Field((), description="Limits a customer should know before paying, e.g. [No phone support].")


class Fee(Record):
    """Any charge outside the plan price."""

    name: Line = Field(description="What the fee is for, e.g. Paper invoice.")
    price: Amount = Field(description="Amount, e.g. 2.")
    per: Line = Field(description="What it is charged per, e.g. invoice.")


class PriceChange(Record):
    """One change of a plan's price."""

    announced: Day = Field(description="Date customers were told, e.g. 2026-01-10.")
    effective: Day = Field(description="Date the new price applies, e.g. 2026-02-15.")
    plan: Line = Field(description="Name of the plan whose price changed, e.g. Team.")
    from_: Amount = Field(alias="from", description="Price before the change, e.g. 10.")
    to: Amount = Field(description="Price after the change, e.g. 12.")
    why: Text = Field(description="Why the price changed, plainly, e.g. Hosting costs rose by a third.")


class Pricing(Record):
    """content/pricing.yml: what it costs and how to stop paying."""

    currency: str = Field(pattern=r"^[A-Z]{3}$", description="Currency code, e.g. EUR.")
    plans: tuple[Plan, ...] = Field(min_length=1, description="Every plan on sale, e.g. {name: Team, price: 12, per: user-month}.")
    fees: tuple[Fee, ...] = Field((), description="Every fee beyond the plan price, e.g. {name: Paper invoice, price: 2, per: invoice}.")
    cancel: Text = Field(
        description="How to cancel and what it costs, e.g. Cancel any time from Settings; you pay nothing after this month."
    )
    refunds: Text = Field(description="When you get money back, e.g. Full refund within 30 days, no questions asked.")
    prices_include_tax: Flag | None = Field(
        None, description="Whether the prices above include VAT (sales tax), said on the page, e.g. true."
    )
    history: tuple[PriceChange, ...] = Field(
        (),
        description="Every price change, oldest first; never delete one, e.g. {announced: 2026-01-10, effective: 2026-02-15, plan: Team, from: 10, to: 12, why: …}.",
    )
    corrections: tuple[Correction, ...] = Field((), description=CORRECTIONS_DESCRIPTION)
