"""Load a content folder into a RecordSet, turning every problem into file:line:col."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

from generator.problems import Problem, did_you_mean
from generator.records import (
    Contact,
    Incident,
    MetricSeries,
    Milestone,
    Mistake,
    Pricing,
    RecordSet,
    Site,
    Source,
    Standing,
    Withdrawals,
)
from generator.records.common import LOCAL_ZONE, SLUG, describe, inner_model
from generator.yamlsource import Document, YamlError, read

# folder -> (kind, model); the model of a commitment depends on its fields.
FOLDERS: dict[str, tuple[str, type[BaseModel] | None]] = {
    "commitments": ("commitment", None),
    "incidents": ("incident", Incident),
    "mistakes": ("mistake", Mistake),
    "metrics": ("metric", MetricSeries),
}
SINGLETONS: dict[str, tuple[str, type[BaseModel]]] = {
    "site.yml": ("site", Site),
    "pricing.yml": ("pricing", Pricing),
    "contact.yml": ("contact", Contact),
    "withdrawn.yml": ("withdrawn", Withdrawals),
}
_LAYOUT_HINT = (
    "trustpages reads site.yml, pricing.yml, contact.yml, withdrawn.yml and the folders "
    + ", ".join(f"{folder}/" for folder in FOLDERS)
)


@dataclass(frozen=True)
class Loaded:
    """The outcome of loading: the records (None when site.yml is unusable) and all problems."""

    records: RecordSet | None
    problems: list[Problem]
    seen: frozenset[tuple[str, str]]  # every (kind, id) with a file, valid or not
    failed: frozenset[tuple[str, str]] = frozenset()  # those of `seen` whose file did not load
    # When site.yml is unusable: every other record that loaded, beside a stand-in site, so the
    # checks of those records still run and one run reports everything (never used to build).
    partial: RecordSet | None = None


def display_path(path: Path) -> str:
    """The path as a person in the current folder would type it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load(content: Path, parsed: dict[bytes, Document] | None = None) -> Loaded:
    """Read every record under `content`; collect every problem rather than stop at the first.

    `parsed` (kept by `mkdocs serve` between rebuilds) spares parsing files that did not change;
    afterwards it holds just the files read this time.
    """
    used: set[int] = set()  # ids of the documents read this time
    problems: list[Problem] = []
    sources: dict[tuple[str, str], Source] = {}
    seen: set[tuple[str, str]] = set()
    loaded: set[tuple[str, str]] = set()
    first_file: dict[tuple[str, str], str] = {}
    singles: dict[str, Any] = {}
    many: dict[str, list[Any]] = {kind: [] for kind, _ in FOLDERS.values()}

    shown_content = display_path(content)  # once: relpath asks the system for the working folder
    context = {LOCAL_ZONE: _site_zone(content, parsed)}  # moments typed without an offset are read in it
    for path in _record_files(content, problems):
        relative = path.relative_to(content)
        file = str(relative) if shown_content == "." else os.path.join(shown_content, relative)  # = display_path(path)
        if len(relative.parts) == 1:
            kind, model = SINGLETONS[relative.name]
            record_id = ""
        else:
            kind, model = FOLDERS[relative.parts[0]]
            record_id = path.stem
            if not SLUG.fullmatch(record_id):  # `$` in the pattern would let "id\n" through
                problems.append(
                    Problem(file, 1, 1, "error", f"file name '{path.name}' is not a valid id", f"rename it to '{_slugify(record_id)}.yml'")
                )
                continue
            if (kind, record_id) in seen:
                article = "an" if kind[0] in "aeiou" else "a"
                where = f" (also {first_file[(kind, record_id)]})"
                message = f"{article} {kind} with id '{record_id}' already exists{where}"
                problems.append(Problem(file, 1, 1, "error", message, "ids must be unique: rename one file"))
                continue
        seen.add((kind, record_id))
        first_file[(kind, record_id)] = file
        try:
            document = read(path, parsed)
        except YamlError as exc:
            problems.append(Problem(file, exc.line, exc.col, "error", exc.message, exc.hint))
            continue
        used.add(id(document))
        source = Source(file, document)
        sources[(kind, record_id)] = source
        value = document.value
        if record_id and isinstance(value, dict) and "id" in value:
            line, col = source.position(("id",), key=True)
            problems.append(Problem(file, line, col, "error", "a record's id comes from its file name", "remove the id line, or rename the file"))
            continue
        if model is None:
            model = _commitment_model(value, source, problems)
            if model is None:
                continue
        record = _validate(model, value, record_id, source, problems, context)
        if record is None:
            continue
        loaded.add((kind, record_id))
        if record_id:
            many[kind].append(record)
        else:
            singles[kind] = record

    if parsed is not None:  # forget the versions no file has any more
        for raw in [raw for raw, document in parsed.items() if id(document) not in used]:
            del parsed[raw]
    site = singles.get("site")
    withdrawn = singles.get("withdrawn")
    records = RecordSet(
        site=site or Site.model_construct(name="", url=""),
        commitments=tuple(many["commitment"]),
        incidents=tuple(many["incident"]),
        mistakes=tuple(many["mistake"]),
        metrics=tuple(many["metric"]),
        pricing=singles.get("pricing"),
        contact=singles.get("contact"),
        withdrawn=withdrawn.root if withdrawn else (),
        root=content,
        sources=sources,
    )
    if site is None:
        if ("site", "") not in seen:
            problems.append(
                Problem(display_path(content / "site.yml"), 1, 1, "error", "site.yml is missing", "every content folder needs a site.yml with at least name and url")
            )
        return Loaded(None, problems, frozenset(seen), frozenset(seen - loaded), partial=records)
    return Loaded(records, problems, frozenset(seen), frozenset(seen - loaded))


def _record_files(content: Path, problems: list[Problem]) -> list[Path]:
    """Every record file in a stable order; any other YAML file is an error, never ignored."""
    found: list[Path] = []
    for path in sorted(content.rglob("*")):
        relative = path.relative_to(content)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in {".yaml", ".yml"} and path.suffix != ".yml":  # .yaml, .YML: never skipped quietly
            problems.append(
                Problem(display_path(path), 1, 1, "error", f"records end in .yml, not {path.suffix}", f"rename it to '{path.stem}.yml'")
            )
        elif path.suffix != ".yml":
            continue
        elif (len(relative.parts) == 1 and relative.name in SINGLETONS) or (
            len(relative.parts) > 1 and relative.parts[0] in FOLDERS
        ):
            found.append(path)
        else:
            problems.append(Problem(display_path(path), 1, 1, "error", "trustpages does not know this file, so it would not be published", _LAYOUT_HINT))
    return found


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "record"


def _commitment_model(value: Any, source: Source, problems: list[Problem]) -> type[BaseModel] | None:
    """A commitment with `due` is a milestone; one with `target` is a standing promise."""
    if not isinstance(value, dict):
        return Milestone  # let validation report the wrong shape
    milestone = [key for key in ("due", "updates") if key in value]
    standing = [key for key in ("target", "measurements") if key in value]
    if milestone and standing:
        line, col = source.position((standing[0],), key=True)
        problems.append(
            Problem(
                source.file,
                line,
                col,
                "error",
                f"a commitment has either {' and '.join(milestone)} (a promise with a deadline) "
                f"or {' and '.join(standing)} (a promise kept every period), not both",
                "split it into two commitments",
            )
        )
        return None
    if standing:
        return Standing
    if milestone:
        return Milestone
    problems.append(
        Problem(
            source.file,
            1,
            1,
            "error",
            "a commitment needs 'due' (a promise with a deadline) or 'target' (a promise kept every period)",
            "add due: YYYY-MM-DD, or target: what counts as keeping it",
        )
    )
    return None


def _site_zone(content: Path, parsed: dict[bytes, Document] | None) -> ZoneInfo | None:
    """site.yml's time zone, read before any record is validated; None when it has none that works (its own errors say why)."""
    try:
        name = read(content / "site.yml", parsed).value.get("timezone", "UTC")
        return ZoneInfo(name) if isinstance(name, str) else None
    except (YamlError, OSError, AttributeError, ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return None


def _validate(model: type[BaseModel], value: Any, record_id: str, source: Source, problems: list[Problem], context: dict[str, Any]) -> Any:
    try:
        if record_id and isinstance(value, dict):
            return model.model_validate({**value, "id": record_id}, context=context)
        return model.model_validate(value, context=context)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A list whose items failed also reports itself as too short: the item errors say it better.
        item_errors = {tuple(e["loc"][:-1]) for e in errors if e["type"] != "too_short"}
        item_errors |= {loc[:i] for loc in item_errors for i in range(len(loc))}
        problems.extend(
            _explain(error, model, source)
            for error in errors
            if not (error["type"] == "too_short" and tuple(error["loc"]) in item_errors)
        )
        return None


def _explain(error: ErrorDetails, model: type[BaseModel], source: Source) -> Problem:
    """A pydantic error as a message a comms person can act on, at the right position."""
    loc = tuple(part for part in error["loc"] if isinstance(part, int) or not _is_internal(part))
    kind, got = error["type"], error.get("input")
    where = _where(loc)
    prefix = f"{where}: " if where else ""
    hint = None
    parent = _model_at(model, loc[:-1])
    fields = _fields(parent) if parent else {}
    name = loc[-1] if loc else ""
    line, col = source.position(loc, key=kind == "extra_forbidden")
    if kind == "missing":
        message = f"'{name}' is missing" + (f" from {_where(loc[:-1])}" if len(loc) > 1 else "")
        description = fields[name].description if name in fields else None
        hint = f"add {name}: {description}" if description else f"add {name}:"
    elif kind == "extra_forbidden":
        message = f"unknown field '{name}'"
        hint = did_you_mean(str(name), fields) or (f"allowed here: {', '.join(fields)}" if fields else None)
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        choices = [choice.strip(" '") for choice in re.split(r",| or ", expected)]
        message = f"{prefix}expected one of {', '.join(choices)}; got {describe(got)}"
        hint = did_you_mean(str(got), choices)
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        message = f"{prefix or 'the file: '}expected fields (name: value lines); got {describe(got)}"
    elif kind in {"tuple_type", "list_type"}:
        message = f"{prefix}expected a list; got {describe(got)}"
        hint = "write each item on its own line starting with '- ', or as [a, b]"
    elif kind == "too_short":
        message = f"{prefix}needs at least one item"
    elif kind == "string_pattern_mismatch":
        message = f"{prefix}{describe(got)} does not have the expected form ({error.get('ctx', {}).get('pattern')})"
    elif kind in {"text_type", "string_type"}:
        message = f"{prefix}expected text; got {describe(got)}"
        hint = "put the value in quotes" if isinstance(got, int | float) else None
    elif kind in {"int_type", "int_from_float", "int_parsing"}:
        message = f"{prefix}expected a whole number; got {describe(got)}"
    elif kind == "empty_text":
        message = f"{prefix}is empty"
        description = fields[name].description if name in fields else None
        hint = f"write {name}: {description}" if description else None
    elif kind == "greater_than_equal":
        message = f"{prefix}expected {error.get('ctx', {}).get('ge')} or more; got {describe(got)}"
    else:
        message = f"{prefix}{error['msg']}"
    return Problem(source.file, line, col, "error", message, hint)


def _is_internal(part: str) -> bool:
    """Pydantic adds validator names such as 'function-before[...]' to some locations."""
    return "[" in part or part in {"tuple", "list", "dict", "str", "none", "nullable"}


def _where(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _model_at(model: type[BaseModel] | None, loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that owns the fields at `loc` (for hints), if it can be found."""
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            if issubclass(model, RootModel):
                model = inner_model(model.model_fields["root"].annotation)
            continue
        field = _fields(model).get(part)
        model = inner_model(field.annotation) if field else None
    if model is not None and issubclass(model, RootModel):
        return inner_model(model.model_fields["root"].annotation)
    return model


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the name people write (aliases included), without the internal id."""
    return {(field.alias or name): field for name, field in model.model_fields.items() if name not in {"id", "root"}}
