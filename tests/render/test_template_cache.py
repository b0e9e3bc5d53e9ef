"""Compiled templates are kept between builds, never served stale, and never needed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2
import pytest
from jinja2 import Environment

from trustpages.buildcache import keys
from trustpages.render import environment
from trustpages.render.environment import TEMPLATE_CACHE_FOLDER, make_environment


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site's templates folder with one template, and an empty folder for compiled templates."""
    monkeypatch.setenv(TEMPLATE_CACHE_FOLDER, str(tmp_path / "compiled"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "greeting.md.j2").write_text("Hello {{ name }}\n", encoding="utf-8")
    return folder


def render(templates: Path, name: str = "Ada") -> str:
    return make_environment(templates, "en", "UTC").get_template("greeting.md.j2").render(name=name)


def never_compiled(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(Environment, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))


def test_a_compiled_template_is_reused_until_its_text_changes(tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert render(templates) == "Hello Ada\n"
    assert len(list((tmp_path / "compiled").glob("trustpages-*.cache"))) == 1
    with monkeypatch.context() as patch:
        never_compiled(patch)
        assert render(templates) == "Hello Ada\n"  # a new environment, the code from the cache

    (templates / "greeting.md.j2").write_text("Welcome, {{ name }}\n", encoding="utf-8")
    assert render(templates) == "Welcome, Ada\n"


def test_a_template_compiled_with_autoescape_is_not_used_without_it(templates: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert render(templates, "<script>") == "Hello &lt;script&gt;\n"  # the cache is warm
    with monkeypatch.context() as patch:
        plain = Environment.__init__

        def unescaped(self: Environment, *args: object, **kwargs: object) -> None:
            plain(self, *args, **{**kwargs, "autoescape": False})  # type: ignore[arg-type]

        patch.setattr(Environment, "__init__", unescaped)
        assert render(templates, "<script>") == "Hello <script>\n"  # compiled again, without escaping
    assert render(templates, "<script>") == "Hello &lt;script&gt;\n"


@pytest.mark.parametrize(
    "change",
    [
        lambda env: setattr(env, "trim_blocks", False),
        lambda env: setattr(env, "lstrip_blocks", False),
        lambda env: setattr(env, "undefined", jinja2.Undefined),
        lambda env: setattr(env, "finalize", str),
        lambda env: env.add_extension("jinja2.ext.loopcontrols"),
    ],
)
def test_every_setting_that_changes_compiled_code_keys_the_cache(templates: Path, monkeypatch: pytest.MonkeyPatch, change: object) -> None:
    env = make_environment(templates, "en", "UTC")
    key = environment.compiled_by(env, "greeting.md.j2")
    change(env)  # type: ignore[operator]
    assert environment.compiled_by(env, "greeting.md.j2") != key


def test_new_code_of_trustpages_compiles_again(templates: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert render(templates) == "Hello Ada\n"
    compiled: list[str] = []
    real = Environment.compile
    monkeypatch.setattr(
        Environment,
        "compile",
        lambda self, source, name=None, *args, **kwargs: compiled.append(name) or real(self, source, name, *args, **kwargs),
    )
    monkeypatch.setattr(keys, "code_key", lambda: "another version of trustpages")
    assert render(templates) == "Hello Ada\n"
    assert compiled == ["greeting.md.j2"]


def test_a_per_template_autoescape_keys_each_template_by_its_own_answer(templates: Path) -> None:
    env = Environment(autoescape=jinja2.select_autoescape(["html"]))
    assert environment.compiled_by(env, "page.html") != environment.compiled_by(env, "page.txt")
    assert environment.compiled_by(env, "page.html") == environment.compiled_by(env, "other.html")


@pytest.mark.parametrize("where", ["environment", "temporary folder"])
def test_no_usable_folder_still_renders(tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    if where == "environment":
        monkeypatch.setenv(TEMPLATE_CACHE_FOLDER, str(not_a_folder / "compiled"))
    else:
        monkeypatch.delenv(TEMPLATE_CACHE_FOLDER)
        monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    assert render(templates) == "Hello Ada\n"
    assert render(templates) == "Hello Ada\n"
