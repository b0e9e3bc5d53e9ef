"""The starter's placeholders never publish: `check --strict` names each one at its file and line until it is replaced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_cli import run
from trustpages.checks import examples
from trustpages.checks.placeholders import _reserved_hosts, starter_placeholders
from trustpages.scaffold import placeholder_domain

DAY = "2026-11-23"
ADDRESS_HINT = "(write your own address; a name ending in .invalid is no one's (RFC 2606) and reaches nobody)"
HINT = "(write your own; trustpages init wrote it as an example)"


def without_examples(content: Path) -> None:
    """Delete the examples init wrote, as a new user does once their own records are in."""
    marks, _ = examples.read(content)
    for mark in marks:
        (content / mark.path).unlink()
    contact = content / "contact.yml"
    lines = contact.read_text(encoding="utf-8").splitlines(keepends=True)
    contact.write_text("".join(line for line in lines if "response_promise" not in line), encoding="utf-8")


def own_values(content: Path, name: str) -> None:
    """Replace every placeholder of the list, and every address under .invalid, the way a company fills in its own."""
    domain = placeholder_domain(name)
    for file in ("site.yml", "contact.yml", "pricing.yml"):
        path = content / file
        text = path.read_text(encoding="utf-8").replace(domain, "acme.eu")
        for placeholder in reversed(starter_placeholders()):  # the address (with the name in it) before the name
            value = placeholder.filled(name)
            last = value if isinstance(value, str) else [item for item in value.values() if isinstance(item, str)][-1]
            text = text.replace(last, f"{last} (our own)")
        path.write_text(text, encoding="utf-8")


def line_of(path: Path, needle: str, nth: int = 0) -> int:
    return [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line][nth]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """`trustpages init --name Acme`, with the examples deleted: the content folder."""
    monkeypatch.chdir(tmp_path)
    assert run(["init", "--name", "Acme", "--date", DAY, "--no-git"], capsys)[0] == 0
    without_examples(tmp_path / "content")
    return tmp_path / "content"


def test_a_fresh_site_without_its_examples_fails_strict_at_each_placeholder(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "--strict", "--as-of", DAY], capsys)
    assert (code, err) == (1, "")
    contact, pricing, site_yml = site / "contact.yml", site / "pricing.yml", site / "site.yml"
    at = "address at acme.invalid"
    assert out.splitlines() == [
        f"content/contact.yml:{line_of(contact, 'help@')}:12: warning: channels.0.value: replace the placeholder {at} {ADDRESS_HINT}",
        f"content/contact.yml:{line_of(contact, '+44')}:12: warning: channels.1.value: replace the placeholder phone number "
        f"('+44 20 7946 0000') {HINT}",
        f"content/contact.yml:{line_of(contact, 'escalation')}:13: warning: escalation: replace the placeholder {at} {ADDRESS_HINT}",
        f"content/contact.yml:{line_of(contact, 'security@')}:10: warning: security.email: replace the placeholder {at} {ADDRESS_HINT}",
        f"content/contact.yml:{line_of(contact, 'policy')}:11: warning: security.policy: replace the placeholder {at} {ADDRESS_HINT}",
        f"content/contact.yml:{line_of(contact, 'address:')}:10: warning: address: replace the placeholder postal address "
        f"('Acme Ltd, 1 Example Street, London, United Kingdom') {HINT}",
        f"content/pricing.yml:{line_of(pricing, 'name: Free')}:5: warning: plans.0: replace the placeholder plan "
        f"('name: Free, price: 0, per: month, for_whom: One person trying us out') {HINT}",
        f"content/pricing.yml:{line_of(pricing, 'name: Team')}:5: warning: plans.1: replace the placeholder plan "
        f"('name: Team, price: 12, per: user and month, for_whom: Teams of up to 50 people') {HINT}",
        f"content/pricing.yml:{line_of(pricing, 'Paper invoice')}:5: warning: fees.0: replace the placeholder fee "
        f"('name: Paper invoice sent by post, price: 2, per: letter') {HINT}",
        f"content/pricing.yml:{line_of(pricing, 'plan: Team')}:5: warning: history.0: replace the placeholder price change "
        f"('plan: Team, from: 10, to: 12, why: Our hosting costs rose by a third.') {HINT}",
        f"content/site.yml:{line_of(site_yml, 'url:')}:6: warning: url: replace the placeholder address at trust.acme.invalid "
        f"{ADDRESS_HINT}",
        "content: 0 errors, 11 warnings in 3 files",
    ]
    # Warnings: the site still builds (a site that stops publishing goes stale), and plain `check` passes.
    assert run(["check", "--as-of", DAY], capsys)[0] == 0


def test_once_each_is_replaced_strict_passes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    own_values(site, "Acme")
    assert run(["check", "--strict", "--as-of", DAY], capsys) == (0, "content: no problems found\n", "")


def test_init_fills_in_the_name_wherever_it_goes(site: Path) -> None:
    # What the site shows (the field descriptions give examples: in the schemas and the editor's hints, which are no page).
    admin = site.parent / "site_src" / "admin"
    shown = [
        *site.rglob("*.yml"),
        *(p for p in (site.parent / "site_src").rglob("*") if admin not in p.parents),
        site.parent / "mkdocs.yml",
    ]
    written = "".join(path.read_text(encoding="utf-8") for path in shown if path.is_file())
    assert "address: Acme Ltd, 1 Example Street" in (site / "contact.yml").read_text(encoding="utf-8")
    assert "name: Acme\n" in (site / "site.yml").read_text(encoding="utf-8")
    assert "site_name: Acme\n" in (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Example Co" not in written and "example.com" not in written  # every address the starter cannot know is at acme.invalid


def test_without_a_name_the_name_is_a_placeholder_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["init", "--date", DAY, "--no-git"], capsys)[0] == 0
    _, out, _ = run(["check", "--as-of", DAY], capsys)
    site_yml = tmp_path / "content" / "site.yml"
    assert (
        f"content/site.yml:{line_of(site_yml, 'name:')}:7: warning: name: replace the placeholder company name ('Your Company') {HINT}"
        in out.splitlines()
    )
    assert "address at your-company.invalid" in out


def test_addresses_under_names_that_are_no_ones_are_found_anywhere_in_a_text() -> None:
    text = "Write to a.b+c@Shop.Invalid or see https://user@x.test/path and http://localhost, not https://acme.example or example.com"
    assert _reserved_hosts(text) == ["shop.invalid", "x.test"]
    assert _reserved_hosts("an invalid.example.com, the file notes.test.md, mail me at x@acme.eu") == []


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Acme", "acme.invalid"),
        ("Acme: Tools & Co", "acme-tools-co.invalid"),
        ("Café Zürich", "cafe-zurich.invalid"),
        ("株式会社", "your-company.invalid"),
    ],
)
def test_the_placeholder_domain_is_the_name_under_invalid(name: str, domain: str) -> None:
    assert placeholder_domain(name) == domain
    assert re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.invalid", placeholder_domain("x" * 100 + " Co"))
