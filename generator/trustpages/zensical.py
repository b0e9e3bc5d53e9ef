"""The site built with Zensical, Material for MkDocs' successor, which reads mkdocs.yml but runs no MkDocs plugins.

trustpages writes every page and asset itself (as `generate --out` does) into a workspace beside
mkdocs.yml, `.trustpages/zensical/` (Zensical's cache lives there too: CI may keep the folder
between runs), writes a plugin-free copy of mkdocs.yml there, runs `zensical build --strict`, and
adds what Zensical leaves out: files in dot folders (`.well-known/security.txt`), the feed links
the plugin puts in every page's <head>, and the 404 page's words in the site's language.
"""

from __future__ import annotations

import html
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from trustpages import ondisk, opendata
from trustpages.asof import default_as_of, parse_day
from trustpages.pipeline import build_site, default_templates
from trustpages.problems import UsageError, render
from trustpages.render import STYLESHEET
from trustpages.strings import Strings

PINNED = "0.0.73"  # the version tests build with (pyproject's [zensical] extra); newer ones: run tests/test_zensical.py
WORKSPACE = Path(".trustpages") / "zensical"
# mkdocs.yml settings Zensical reads; the rest (plugins, hooks, folders) is MkDocs' or set here.
_KEPT = (
    "site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name", "edit_uri",
    "use_directory_urls", "theme", "extra", "extra_css", "extra_javascript", "markdown_extensions", "nav",
)  # fmt: skip


class BuildFailed(Exception):
    """The Zensical build did not finish; the message says why (the details were printed above)."""


def installed() -> bool:
    return importlib.util.find_spec("zensical") is not None


def build(config_file: Path, config: Any, out: Path) -> float:
    """Build the site of `config_file` (`config`: as MkDocs loaded it) with Zensical into the empty folder `out`.

    Returns the seconds Zensical itself took. Raises BuildFailed when the records have errors or Zensical fails.
    """
    if not installed():
        raise BuildFailed(f'Zensical is not installed: pip install "trustpages[zensical]" (Zensical {PINNED})')
    if "trustpages" not in config.plugins:
        raise BuildFailed(f"{config_file} does not enable the trustpages plugin, so there is nothing to generate")
    options = config.plugins["trustpages"].config
    project = config_file.resolve().parent
    content = Path(options.content_dir)
    templates = Path(options.templates_dir) if options.templates_dir else default_templates(project)
    try:
        as_of = default_as_of() if options.as_of is None else parse_day(options.as_of, "as_of")
    except UsageError as exc:
        raise BuildFailed(str(exc)) from None
    result = build_site(content, as_of, templates)  # the same pipeline as the plugin's
    if result.errors or result.output is None or result.records is None:
        print(render(result.problems, "human", checked=str(content)), file=sys.stderr)
        raise BuildFailed(f"{len(result.errors)} error(s) in {content}")
    workspace = project / WORKSPACE
    docs = workspace / "docs"
    hand_written = Path(config.docs_dir)
    ondisk.write(result.output, docs, hand_written if hand_written.is_dir() else None, result.records.site.locale)
    derived = derived_config(_raw(config_file), result.records.site.locale, hand_written)
    custom = derived["theme"].get("custom_dir")
    if isinstance(custom, str):  # relative to mkdocs.yml, and Zensical reads the copy in the workspace
        derived["theme"]["custom_dir"] = os.path.relpath(project / custom, workspace)
    try:
        (workspace / "mkdocs.yml").write_text(yaml.safe_dump(derived, sort_keys=False, allow_unicode=True), encoding="utf-8")
    except yaml.YAMLError as exc:  # e.g. a !!python/name: tag, which only MkDocs itself can pass on
        raise BuildFailed(f"{config_file} holds a value the Zensical build cannot copy: {exc}") from None

    built = workspace / "site"
    shutil.rmtree(built, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f", "mkdocs.yml"], cwd=workspace)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise BuildFailed(f"zensical build exited {proc.returncode}")
    for entry in sorted(built.iterdir()):
        shutil.move(entry, out / entry.name)
    _add_left_out(docs, out)
    _announce_feeds(out, result.alternates, derived.get("use_directory_urls", True))
    site_url = derived.get("site_url") or result.records.site.url
    words = Strings.for_site(result.records.site.locale, templates)
    word_not_found(out / "404.html", words, urlsplit(str(site_url or "")).path or "/")
    return seconds


def derived_config(raw: dict[str, Any], locale: str, hand_written: Path) -> dict[str, Any]:
    """Zensical's configuration: the settings of mkdocs.yml it reads, with what the plugin adds at build time."""
    from trustpages.nav import default_nav

    derived = {key: raw[key] for key in _KEPT if key in raw}
    derived["docs_dir"], derived["site_dir"] = "docs", "site"
    plugins = raw.get("plugins") or []
    derived["plugins"] = ["search"] if any(p == "search" or (isinstance(p, dict) and "search" in p) for p in plugins) else []
    theme = raw.get("theme") or {"name": "material"}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    if locale != "en" and theme.get("language") in (None, "en"):
        theme["language"] = locale  # as the plugin does: the site's language follows site.yml
    derived["theme"] = theme
    derived["extra_css"] = [*derived.get("extra_css", []), *([STYLESHEET] if STYLESHEET not in derived.get("extra_css", []) else [])]
    extensions = list(derived.get("markdown_extensions") or [])
    if not any(e == "attr_list" or (isinstance(e, dict) and "attr_list" in e) for e in extensions):
        extensions.append("attr_list")
    if "trustpages.render.cards" not in extensions:
        extensions.append("trustpages.render.cards")  # as the plugin does: phone tables become cards
    derived["markdown_extensions"] = extensions
    derived.setdefault("nav", default_nav(hand_written, locale))
    return derived


def _raw(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as written (MkDocs' own YAML loader: !ENV and !relative work), not as MkDocs filled it in."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as file:
        loaded = yaml_load(file)
    return loaded if isinstance(loaded, dict) else {}


# The theme's own 404 heading (Material's, as Zensical ships it): English whatever the site's language.
_THEMES_NOT_FOUND = "<h1>404 - Not found</h1>"


def word_not_found(page: Path, t: Strings, home: str) -> None:
    """The 404 page in the site's language with a way home, as the plugin's theme override draws it
    (templates/theme/404.html): Zensical reads no MkDocs theme override. `home` is absolute, from
    site_url's path: a 404 page is served at any address. A site's own 404 (custom_dir) is left as it is."""
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    if _THEMES_NOT_FOUND in text:
        said = (
            f"<h1>{html.escape(t('theme.not_found_title'))}</h1>\n<p>{html.escape(t('theme.not_found_text'))}</p>\n"
            f'<p><a href="{html.escape(home)}">{html.escape(t("theme.not_found_home"))}</a></p>'
        )
        page.write_text(text.replace(_THEMES_NOT_FOUND, said, 1), encoding="utf-8")


def _add_left_out(docs: Path, site: Path) -> None:
    """Copy the generated files Zensical did not publish (it skips dot folders, such as .well-known/)."""
    for source in sorted(docs.rglob("*")):
        relative = source.relative_to(docs)
        if not source.is_file() or source.suffix == ".md" or relative.as_posix() == ondisk.MARKER:
            continue
        target = site / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def _announce_feeds(site: Path, alternates: tuple[opendata.Alternate, ...], directory_urls: bool) -> None:
    """The feed links the plugin adds to every page's <head> (relative, so they work under any subfolder)."""
    from mkdocs.utils import get_relative_url

    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        url = relative.removesuffix("index.html") if directory_urls else relative
        links = "".join(
            f'<link rel="alternate" type="{link.type}" title="{html.escape(link.title)}" href="{get_relative_url(link.path, url)}">'
            for link in alternates
        )
        text = page.read_text(encoding="utf-8")
        head, found, rest = text.partition("</head>")
        if found:
            page.write_text(f"{head}{links}{found}{rest}", encoding="utf-8")
