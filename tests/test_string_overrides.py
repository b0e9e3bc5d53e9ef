"""A site's own strings: a placeholder the page cannot fill, or a key trustpages has no string for, is an error at its line."""

from __future__ import annotations

from pathlib import Path

from trustpages.strings import builtin_templates, override_problems


def own(tmp_path: Path, text: str, language: str = "en") -> list[str]:
    (tmp_path / "templates" / "strings").mkdir(parents=True, exist_ok=True)
    (tmp_path / "templates" / "strings" / f"{language}.yml").write_text(text, encoding="utf-8")
    return [problem.human() for problem in override_problems(tmp_path / "templates")]


def test_a_placeholder_the_page_does_not_fill(tmp_path: Path) -> None:
    found = own(tmp_path, 'home:\n  title: "{nme} in the open"\n')
    assert len(found) == 1 and found[0].endswith("home.title: {nme} is not filled in here (it can use: {name})")
    assert ":2:10: error:" in found[0]


def test_an_unknown_key_and_a_broken_brace(tmp_path: Path) -> None:
    found = own(tmp_path, 'home:\n  titel: Hello\n  title: "{name in the open"\n')
    assert any("home.titel: trustpages has no such string" in line for line in found)
    assert any("home.title: {{} is not filled in here" in line for line in found)


def test_good_overrides_and_the_built_in_strings_pass(tmp_path: Path) -> None:
    assert own(tmp_path, 'home:\n  title: "Inside {name}"\n') == []
    assert own(tmp_path, "home:\n  title: Hallo\n", language="de") == []
    assert override_problems(builtin_templates()) == []
    assert any("has no strings for the language 'sv'" in line for line in own(tmp_path, "home:\n  title: Hej\n", language="sv"))
