"""Adding components to site.yml as text: a person's comments and layout survive, odd layouts are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustpages.importers import sitecomponents
from trustpages.importers.export import SourceError
from trustpages.records import Component

NEW = [Component(id="search", name="Search: full text", group="Web"), Component(id="api", name="API")]


def added(tmp_path: Path, text: str) -> str:
    path = tmp_path / "site.yml"
    path.write_text(text, encoding="utf-8")
    return sitecomponents.with_components(sitecomponents.load(path), NEW)


def test_no_components_key_appends_a_list(tmp_path: Path) -> None:
    assert added(tmp_path, "name: X\nurl: https://x.example  # no newline at the end") == (
        "name: X\nurl: https://x.example  # no newline at the end\n"
        "components:\n  - {id: search, name: 'Search: full text', group: Web}\n  - {id: api, name: API}\n"
    )


def test_empty_key_is_filled_below_it(tmp_path: Path) -> None:
    assert added(tmp_path, "name: X\ncomponents:\npolicies: {}\n") == (
        "name: X\ncomponents:\n  - {id: search, name: 'Search: full text', group: Web}\n  - {id: api, name: API}\npolicies: {}\n"
    )


def test_block_items_get_block_items_after_the_last_one(tmp_path: Path) -> None:
    text = "components:\n- id: login\n  name: Login\n  # end of login\n\n# next section\nname: X\n"
    assert added(tmp_path, text) == (
        "components:\n- id: login\n  name: Login\n- id: search\n  name: 'Search: full text'\n  group: Web\n- id: api\n  name: API\n"
        "  # end of login\n\n# next section\nname: X\n"
    )


def test_flow_list_with_items_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"site.yml:1:13: components are written as \[...\]"):
        added(tmp_path, "components: [{id: a, name: A}]\n")


def test_nothing_new_leaves_the_text_alone(tmp_path: Path) -> None:
    path = tmp_path / "site.yml"
    path.write_text("name: X  # mine\n", encoding="utf-8")
    assert sitecomponents.with_components(sitecomponents.load(path), []) == "name: X  # mine\n"
