"""The Jinja2 environment pages are rendered in: template lookup, UI strings, and formatting filters."""

from __future__ import annotations

import functools
import inspect
import json
import os
import posixpath
import re
from collections import ChainMap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import BytecodeCache, ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateNotFound
from jinja2.bccache import Bucket
from jinja2.runtime import Macro
from markupsafe import Markup, escape

from trustpages import localformat, prose, surveys
from trustpages.buildcache import keys
from trustpages.render import changes, trustfigures
from trustpages.render.charts import bar_chart
from trustpages.render.htmlpage import HTML_SUFFIX, MARKDOWN_SUFFIX
from trustpages.strings import Strings, builtin_templates
from trustpages.zonewords import zone_name


def page_url(path: str) -> str:
    """The URL MkDocs gives a page path with directory URLs: commitments/x.md -> commitments/x/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return stem


def relative_path(target: str, start: str) -> str:
    """posixpath.relpath for two paths inside the site, without asking the system for its working folder."""
    to, base = posixpath.normpath(target), posixpath.normpath(start)
    to_parts, base_parts = to.split("/") if to != "." else [], base.split("/") if base != "." else []
    common = 0
    for a, b in zip(to_parts, base_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base_parts) - common) + to_parts[common:]) or "."


def relative_url(from_page: str, to_page: str) -> str:
    """A link from one page to another (or to an asset), relative so the site works in any subfolder."""
    here = page_url(from_page)
    target = page_url(to_page) if to_page.endswith(".md") else to_page
    rel = relative_path(target or ".", here.rstrip("/") or ".")
    if to_page.endswith(".md") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel == "./" else rel


@dataclass(frozen=True)
class Here:
    """The page being rendered, which its links are relative to; each page gets its own, as `here`.

    The macros shared by every page (made once, as globals) take it as an argument rather than
    reading a value the renderer changes between pages, so a macro cannot link from the wrong page.
    """

    path: str

    def url(self, target: str) -> str:
        """A link to `target` (a page path or an asset) for href in HTML: relative to the built page's URL."""
        return relative_url(self.path, target)

    def link(self, target: str) -> str:
        """A link to `target` relative to this page's source file, for a site's Markdown templates."""
        return relative_path(target, posixpath.dirname(self.path) or ".")

    @property
    def root(self) -> str:
        """The way from this page's address to the site's root: "" on the home page, "../" one folder down."""
        return "../" * page_url(self.path).count("/")


# The folder for compiled templates; unset, Jinja's private per-user temporary folder. Tests set it
# to a folder of their own run, so what the machine compiled before never decides a result.
TEMPLATE_CACHE_FOLDER = "TRUSTPAGES_TEMPLATE_CACHE"
# Environment arguments that say where templates come from and how many are kept, not what they compile to.
_NOT_COMPILED = frozenset({"self", "loader", "cache_size", "auto_reload", "bytecode_cache"})
_ATTRIBUTE = {"enable_async": "is_async"}  # the argument's name on the environment, where it differs


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept between builds, like Python's .pyc files.

    Compiling the 53 templates of a build costs 0.4 s of CPU, an eighth of a cold build of 1,000
    records. A template is kept under a key of everything that changes what Jinja compiles it
    to (`compiled_by`: trustpages' code, Jinja's version, the environment's settings) besides its
    name and file; Jinja checks a hash of its text and the Python version itself. A folder that
    cannot be read or written only means compiling every time, never a failed build.
    """

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        return super().get_bucket(environment, f"{compiled_by(environment, name)}\0{name}", filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:  # e.g. the folder is a file: Jinja leaves the bucket empty, so the template is compiled
            pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache(pattern: str = "trustpages-%s.cache") -> BytecodeCache | None:
    """Compiled templates kept between builds, in files named by `pattern`, in TEMPLATE_CACHE_FOLDER or Jinja's own."""
    folder = os.environ.get(TEMPLATE_CACHE_FOLDER) or None
    try:
        if folder is not None:
            Path(folder).mkdir(parents=True, exist_ok=True)
        return _TemplateCache(folder, pattern)
    except (OSError, RuntimeError):  # no temporary folder, or one another user could tamper with
        return None


def compiled_by(env: Environment, name: str) -> str:
    """Everything but its text that changes what `env` compiles template `name` to, as one string.

    The settings are every argument of Jinja's Environment but those in _NOT_COMPILED, so one a
    later Jinja adds is part of the key too; autoescape as it is for this template.
    """
    settings = []
    for argument in _compiling_arguments():
        value = getattr(env, _ATTRIBUTE.get(argument, argument), None)
        if argument == "autoescape" and callable(value):
            value = value(name)
        elif argument == "extensions":
            value = sorted(value or ())
        settings.append(f"{argument}={_setting(value)}")
    return f"{keys.code_key()} {_setting(type(env))} {' '.join(settings)}"  # code_key holds Jinja's version


@functools.cache
def _compiling_arguments() -> tuple[str, ...]:
    return tuple(name for name in inspect.signature(Environment.__init__).parameters if name not in _NOT_COMPILED)


def _setting(value: Any) -> str:
    """A setting the same in every process: a class or function by its name (never its address), others as written."""
    if isinstance(value, type) or callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return repr(value)


class _OldNames(FileSystemLoader):
    """The built-in `X.html.j2` templates under their names from before pages were HTML, `X.md.j2`."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        if not template.endswith(MARKDOWN_SUFFIX):
            raise TemplateNotFound(template)
        return super().get_source(environment, template.removesuffix(MARKDOWN_SUFFIX) + HTML_SUFFIX)

    def list_templates(self) -> list[str]:
        return []


def template_for(env: Environment, stem: str) -> str:
    """The template of a page named `stem`: `stem.html.j2` (an HTML page) or `stem.md.j2` (Markdown).

    The site's own templates folder is searched before the built-in one, each for either kind, so
    a site that overrides a page with a Markdown template keeps it (and its page stays Markdown).
    """
    loader = env.loader
    children = [child for child in getattr(loader, "loaders", [loader]) if not isinstance(child, _OldNames)]
    folders = [Path(folder) for child in children for folder in getattr(child, "searchpath", [])]
    for folder in folders:
        for suffix in (HTML_SUFFIX, MARKDOWN_SUFFIX):
            if (folder / f"{stem}{suffix}").is_file():
                return f"{stem}{suffix}"
    raise TemplateNotFound(
        f"{stem}{HTML_SUFFIX}", f"no template {stem}{HTML_SUFFIX} (or {stem}{MARKDOWN_SUFFIX}) in {', '.join(map(str, folders))}"
    )


def make_environment(site_templates: Path | None, locale: str, timezone: str, strings: Strings | None = None) -> Environment:
    """Templates (the site's own over the built-in ones) with the filters and strings of `locale`: `strings` when the build loaded them."""
    folders = [path for path in (site_templates, builtin_templates()) if path is not None and path.is_dir()]
    # A site's templates written before pages were HTML import "_macros.md.j2" or "_rows.md.j2":
    # each name of a built-in .html.j2 template also finds it under its old .md.j2 name.
    env = Environment(
        loader=ChoiceLoader([*(FileSystemLoader(str(folder)) for folder in folders), _OldNames(builtin_templates())]),
        bytecode_cache=template_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # `tojson` writes pages' front matter, which YAML reads back: JSON's default \ud83d\ude00 for an
    # emoji is two escapes YAML refuses (halves of a character), so characters stay as they are.
    env.policies["json.dumps_function"] = _yaml_safe_json
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    strings = Strings.load(locale, folders) if strings is None else strings
    clock = Clock(strings, ZoneInfo(timezone))
    env.globals["t"] = strings.lookup  # templates ask for sentences and tables (t("status")[name]) alike
    env.globals["strings"] = strings
    env.globals["said"] = lambda change: changes.said_all(change, strings, clock.day)
    period = functools.cache(functools.partial(_period, t=strings))  # the same few quarters, in every table and chart
    # A chart's numbers in the site's language (76,4 on a German site), as the table beside it writes them.
    env.globals["bar_chart"] = functools.partial(bar_chart, number=lambda value: localformat.number(value, strings))
    # Every trust figure comes from surveys.figure and is worded by trustfigures.words, on every page alike.
    env.globals.update(
        survey_figure=surveys.figure,
        survey_headline=surveys.headline,
        survey_latest_by_group=surveys.latest_by_group,
        survey_by_wave=surveys.by_wave,
        agree_words=lambda scale: trustfigures.agree_words(scale, strings),
    )
    env.filters.update(
        text=prose.inline,
        prose=prose.html,
        day=clock.day,
        moment=clock.moment,
        window=clock.window,
        as_of=clock.as_of,
        wrappable=wrappable,
        number=lambda value: localformat.number(value, strings),
        category=lambda value: _named(value, strings.table("categories")),
        period=lambda value: period(str(value)),
        periods=lambda table: {period(str(key)): row for key, row in table.items()},
        per=lambda value: localformat.per(value, strings),
        duration=lambda value: _duration(value, strings),
        percent=lambda value: localformat.percent(value, strings),
        figure=lambda value: trustfigures.words(value, strings, period),
        uptime=lambda value: localformat.uptime(value, strings),
        amount=lambda value: localformat.amount(value, strings),
        money=lambda value, currency: localformat.money(value, currency, strings),
        measurement=lambda value: localformat.measurement(value, strings),
        opening_hours=lambda value: localformat.opening_hours(value, strings),
    )
    return env


_YAML_BREAKS = {ord(char): f"\\u{ord(char):04x}" for char in "\x85\u2028\u2029"}  # line breaks to YAML, not to JSON


def _yaml_safe_json(value: Any, **options: Any) -> str:
    """JSON that YAML reads back as the same text: non-ASCII as it is, but the characters YAML takes for line breaks."""
    return json.dumps(value, **options).translate(_YAML_BREAKS)


class Clock:
    """Days and moments in the site's words and time zone, the zone named one way (zonewords); each day is worded once per build."""

    def __init__(self, t: Strings, zone: ZoneInfo) -> None:
        self.t = t
        self.zone = zone
        self.zone_name = zone_name(zone, t)
        self._days: dict[date, str] = {}

    def day(self, value: date) -> str:
        worded = self._days.get(value)
        if worded is None:
            worded = self.t("date_format", day=value.day, month=self.t.table("months")[value.month - 1], year=value.year)
            self._days[value] = worded
        return worded

    def moment(self, value: datetime) -> Markup:
        """A moment in the site's time zone, named, inside <time datetime> so browsers can localise it."""
        machine = value.isoformat().replace("+00:00", "Z")
        return Markup(f'<time datetime="{escape(machine)}">{escape(self.moment_words(value))}</time>')

    def moment_words(self, value: datetime) -> str:
        """A moment as words only: 6 December 2026, 14:05 Berlin time."""
        local = value.astimezone(self.zone)
        return f"{self.day(local.date())}, {local.hour:02}:{local.minute:02} {self.zone_name}"

    def window(self, start: datetime, end: datetime) -> Markup:
        """A planned window, its end's date left out when it ends the day it starts: 13 May 2026, 00:00–02:00 Berlin time."""
        first, last = start.astimezone(self.zone), end.astimezone(self.zone)
        if first.date() != last.date() or first.utcoffset() != last.utcoffset():
            return Markup(f"{self.moment(start)} – {self.moment(end)}")
        machine = end.isoformat().replace("+00:00", "Z")
        until = f'<time datetime="{escape(machine)}">{last.hour:02}:{last.minute:02} {escape(self.zone_name)}</time>'
        shown = f"{self.day(first.date())}, {first.hour:02}:{first.minute:02}"
        return Markup(f'<time datetime="{escape(start.isoformat().replace("+00:00", "Z"))}">{escape(shown)}</time>–{until}')

    def as_of(self, day: date, built: datetime | None) -> str:
        """What a page's figures and status are as of, in words: the build's moment with time and zone (`built`,
        asof.build_moment), or the end of `day` when the build's time is not known (a day pinned by hand), as status counts it."""
        if built is not None:
            return self.moment_words(built)
        return self.t("common.end_of_day", date=self.day(day), zone=self.zone_name)


def wrappable(value: str) -> Markup:
    """An address that may break only after @ and before a dot or slash, never mid-word, on a phone."""
    escaped = str(escape(value))
    return Markup(re.sub(r"(@|(?<=\w)(?=[./]\w))", lambda m: f"{m.group(1)}<wbr>", escaped))


_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


def _period(value: str, t: Strings) -> str:
    """A period as records spell it (2025-Q3) in the language's words (2025 Q3, Q3 2025); other periods as written."""
    found = _QUARTER.fullmatch(value)
    return t("quarter_format", year=found[1], quarter=found[2]) if found else value


def _named(value: str, names: dict[str, str]) -> str:
    """A slug from a record (a category) by its display name, else in words: `on-call` → On call."""
    return names.get(value) or value.replace("-", " ").replace("_", " ").capitalize()


def _duration(value: timedelta | float | None, t: Strings) -> str:
    if value is None:
        return "—"
    total = round(value.total_seconds() / 60 if isinstance(value, timedelta) else value)
    if total < 60:
        return t("common.minutes", n=total)
    hours, mins = divmod(total, 60)
    if hours < 48:
        return t("common.hours", h=hours, m=mins) if mins else t("common.hours_only", h=hours)
    days, hours = divmod(hours, 24)
    return t("common.days", d=days, h=hours)


# Jinja workarounds, kept here: what they do is how Jinja is driven, not what a page says.


def share(env: Environment, context: dict[str, Any], macros: str) -> None:
    """Give every page of this render `context` and the macros of `macros` as globals, made once.

    Imported with context, Jinja made the macros (badges, prose blocks, history, the service block)
    again for every page: the whole macro file run once more, and 70 objects of garbage for the
    cycle collector each time. A macro that links takes the page it is on (`here`, a Here) as an
    argument, so one module serves every page.
    """
    env.globals.update(context)
    module = env.get_template(macros).module
    env.globals.update({name: value for name, value in vars(module).items() if isinstance(value, Macro)})


def render_page(env: Environment, template: str, page_path: str, **values: Any) -> str:
    """`template` rendered as the page at `page_path` with `values` over the render's globals.

    The page gets `here` (a Here) and its `url` and `link`, which make links relative to it.

    Jinja layers a template's globals over the environment's and copies both into every page's
    context, key by key through the layers; a render's globals are all set before its first page,
    so one flat copy per template serves every page.
    """
    page = env.get_template(template)
    if isinstance(page.globals, ChainMap):
        page.globals = dict(page.globals)
    here = Here(page_path)
    return page.render(**values, page_path=page_path, here=here, url=here.url, link=here.link)
