"""Compiled templates are kept between builds, never served stale, and never needed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from jinja2 import Environment

from trustpages.render.environment import make_environment


def render(templates: Path) -> str:
    return make_environment(templates, "en", "UTC").get_template("greeting.md.j2").render(name="Ada")


def test_a_compiled_template_is_reused_until_its_text_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    templates = tmp_path / "templates"
    templates.mkdir()
    template = templates / "greeting.md.j2"
    template.write_text("Hello {{ name }}\n", encoding="utf-8")

    assert render(templates) == "Hello Ada\n"
    cached = list((tmp_path / "tmp").rglob("trustpages-*.cache"))
    assert len(cached) == 1
    with monkeypatch.context() as patch:
        patch.setattr(Environment, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
        assert render(templates) == "Hello Ada\n"  # a new environment, the code from the cache

    template.write_text("Welcome, {{ name }}\n", encoding="utf-8")
    assert render(templates) == "Welcome, Ada\n"


def test_no_usable_temporary_folder_still_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "greeting.md.j2").write_text("Hello {{ name }}\n", encoding="utf-8")

    assert render(templates) == "Hello Ada\n"
