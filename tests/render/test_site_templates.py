"""A site's own templates override built-in ones by name and can use the shared macros either way."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from tests.render.conftest import FIXTURES
from trustpages.pipeline import make_site
from trustpages.validate import validate

AS_OF = date(2026, 11, 23)


def pages(tmp_path: Path, templates: dict[str, str]) -> dict[str, str]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    folder = tmp_path / "templates"
    folder.mkdir()
    for name, text in templates.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = validate(content, AS_OF)
    assert result.records is not None and not result.errors
    return make_site(result.records, AS_OF, folder).pages


def test_a_site_template_replaces_the_built_in_one_and_calls_macros_without_importing(tmp_path: Path) -> None:
    site = pages(tmp_path, {"mistake.md.j2": "# {{ mistake.title|text }}\n\n{{ prose_block(mistake.apology) }}\n"})
    mistake = next(text for path, text in site.items() if path.startswith("mistakes/") and path != "mistakes/index.md")
    assert mistake.startswith("# ")
    assert '<div class="tp-prose">' in mistake
    assert "tp-history" not in mistake  # the built-in template's history section is gone


def test_a_site_template_that_imports_macros_with_context_still_works(tmp_path: Path) -> None:
    template = '{% from "_macros.md.j2" import impact_badge, service_block with context %}\n{{ impact_badge(incident.impact) }}\n'
    site = pages(tmp_path, {"incident.md.j2": template})
    incident = next(text for path, text in site.items() if path.startswith("incidents/") and path != "incidents/index.md")
    assert incident.startswith('<span class="tp-impact tp-impact--')


def test_an_overridden_macro_file_gives_its_own_macros_to_every_page(tmp_path: Path) -> None:
    built_in = (Path(__file__).resolve().parents[2] / "templates" / "_macros.html.j2").read_text(encoding="utf-8")
    own = built_in.replace('<span class="tp-impact tp-impact--{{ name }}">', '<span class="own-impact">')
    site = pages(tmp_path, {"_macros.html.j2": own})
    incident = next(text for path, text in site.items() if path.startswith("incidents/") and path != "incidents/index.md")
    assert '<span class="own-impact">' in incident
    assert '<span class="own-impact">' in site["incidents/index.md"]


def test_a_macro_a_site_adds_to_its_macro_file_is_there_for_its_templates(tmp_path: Path) -> None:
    # A site's macro file from before pages were HTML keeps its name, and its macros reach its templates.
    built_in = (Path(__file__).resolve().parents[2] / "templates" / "_macros.html.j2").read_text(encoding="utf-8")
    own = built_in + "{% macro shout(text) %}{{ text|upper }}!{% endmacro %}\n"
    site = pages(tmp_path, {"_macros.md.j2": own, "mistake.md.j2": "{{ shout(mistake.title) }}\n"})
    mistake = next(text for path, text in site.items() if path.startswith("mistakes/") and path != "mistakes/index.md")
    assert mistake.strip().endswith("!") and mistake.strip()[:-1].isupper()


def test_a_site_s_own_strings_override_the_built_in_ones_without_changing_them(tmp_path: Path) -> None:
    """Strings files are parsed once per process (by their bytes); a site's overrides must not leak into another site's strings."""
    from trustpages.strings import Strings, builtin_templates

    built_in = Strings.load("en", [builtin_templates()])
    key = "home.more_open"
    original = built_in(key, count=3)
    (tmp_path / "strings").mkdir()
    (tmp_path / "strings" / "en.yml").write_text("home:\n  more_open: 'Ours: {count}'\n", encoding="utf-8")
    for _ in range(2):  # the second time from the parsed files already in memory
        assert Strings.load("en", [tmp_path, builtin_templates()])(key, count=3) == "Ours: 3"
        assert Strings.load("en", [builtin_templates()])(key, count=3) == original


def test_text_in_a_site_s_markdown_template_is_escaped_and_its_markdown_neutralised(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "small-site", content)
    mistake = next((content / "mistakes").glob("*.yml"))
    text = mistake.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    mistake.write_text(text.replace(title, "title: '<script>alert(1)</script> & *all* [us](https://evil.example)'"), encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "mistake.md.j2").write_text("# {{ mistake.title|text }}\n", encoding="utf-8")
    result = validate(content, AS_OF)
    assert result.records is not None and not result.errors
    page = make_site(result.records, AS_OF, folder).pages[f"mistakes/{mistake.stem}.md"]
    assert page.splitlines()[0] == r"# &lt;script&gt;alert\(1\)&lt;/script&gt; &amp; \*all\* \[us\]\(https://evil\.example\)"
