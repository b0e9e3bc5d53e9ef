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

from trustpages import kinds
from trustpages.problems import Problem, did_you_mean, display_path
from trustpages.records import RecordSet, Site, Source
from trustpages.records.common import LOCAL_ZONE, MAX_ID, SLUG, describe, inner_model
from trustpages.sections import reserved_ids
from trustpages.yamlsource import Document, YamlError, read


def _layout_hint() -> str:
    files = [k.file for k in kinds.kinds() if k.file]
    folders = [f"{k.folder}/" for k in kinds.kinds() if k.folder]
    return f"trustpages reads {', '.join(files)} and the folders {', '.join(folders)}"


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


def load(content: Path, parsed: dict[bytes, Document] | None = None) -> Loaded:
    """Read every record under `content`; collect every problem rather than stop at the first.

    `parsed` (kept by `mkdocs serve` between rebuilds) spares parsing files that did not change;
    afterwards it holds just the files read this time.
    """
    used: set[int] = set()  # ids of the documents read this time
    problems: list[Problem] = []
    sources: dict[tuple[str, str], Source] = {}
    first_file: dict[tuple[str, str], str] = {}  # every (kind, id) with a file, valid or not: the file that has it
    loaded: set[tuple[str, str]] = set()
    singles: dict[str, Any] = {}
    many: dict[str, list[Any]] = {k.name: [] for k in kinds.kinds() if k.folder}

    shown_content = display_path(content)  # once: relpath asks the system for the working folder
    reads = parsed if parsed is not None else {}  # site.yml is read for its zone first: parsed once all the same
    context = {LOCAL_ZONE: _site_zone(content, reads)}  # moments typed without an offset are read in it
    reserved = {folder: reserved_ids(folder) for folder in {k.folder for k in kinds.kinds() if k.folder}}
    for path, parts in _record_files(content, problems):
        file = os.path.join(*parts) if shown_content == "." else os.path.join(shown_content, *parts)  # = display_path(path)
        registered = kinds.by_file(parts[0]) if len(parts) == 1 else kinds.by_folder(parts[0])
        assert registered is not None  # _record_files keeps only the files of a kind
        kind = registered.name
        record_id = parts[-1].removesuffix(".yml") if registered.folder is not None else ""
        misnamed = _misnamed(file, path.name, parts[0], kind, record_id, reserved, first_file) if registered.folder is not None else None
        if misnamed is not None:
            problems.append(misnamed)
            continue
        first_file[(kind, record_id)] = file
        try:
            document = read(path, reads)
        except YamlError as exc:
            problems.append(Problem(file, exc.line, exc.col, "error", exc.message, exc.hint))
            continue
        used.add(id(document))
        source = sources[(kind, record_id)] = Source(file, document)
        record = _record(registered, record_id, source, problems, context)
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
    seen = frozenset(first_file)
    records = _record_set(content, singles, many, sources)
    if "site" not in singles:
        if ("site", "") not in seen:
            problems.append(Problem(display_path(content / "site.yml"), 1, 1, "error", "site.yml is missing", _NO_SITE_HINT))
        return Loaded(None, problems, seen, seen - loaded, partial=records)
    return Loaded(records, problems, seen, seen - loaded)


_NO_SITE_HINT = "every content folder needs a site.yml with at least name and url"


def _misnamed(
    file: str,
    name: str,
    folder: str,
    kind: str,
    record_id: str,
    reserved: dict[str, frozenset[str]],
    first_file: dict[tuple[str, str], str],
) -> Problem | None:
    """Why a record's file name cannot be its id (not a slug, too long, a page's own name, taken), or None."""
    if not SLUG.fullmatch(record_id):  # `$` in the pattern would let "id\n" through
        return Problem(file, 1, 1, "error", f"file name '{name}' is not a valid id", f"rename it to '{_slugify(record_id)}.yml'")
    if len(record_id) > MAX_ID:
        message = f"file name is {len(record_id)} characters before .yml; ids have at most {MAX_ID}"
        return Problem(file, 1, 1, "error", message, "shorten the file name: it becomes the page's address")
    if record_id in reserved[folder]:
        message = f"'{record_id}' cannot be an id: the site uses {folder}/{record_id} for a page of its own"
        return Problem(file, 1, 1, "error", message, f"rename the file, e.g. to '{record_id}-{kind}.yml'")
    if (kind, record_id) in first_file:
        article = "an" if kind[0] in "aeiou" else "a"
        message = f"{article} {kind} with id '{record_id}' already exists (also {first_file[(kind, record_id)]})"
        return Problem(file, 1, 1, "error", message, "ids must be unique: rename one file")
    return None


def _record(registered: kinds.Kind, record_id: str, source: Source, problems: list[Problem], context: dict[str, Any]) -> Any:
    """The record a file holds, validated by its kind's model; None (with the problems) when it is not one."""
    value = source.document.value
    if record_id and isinstance(value, dict) and "id" in value:
        line, col = source.position(("id",), key=True)
        problems.append(
            Problem(source.file, line, col, "error", "a record's id comes from its file name", "remove the id line, or rename the file")
        )
        return None
    model = registered.model
    if registered.choose is not None:
        model = registered.choose(value, source, problems)
        if model is None:
            return None
    return _validate(model, value, record_id, source, problems, context)


def _record_set(content: Path, singles: dict[str, Any], many: dict[str, list[Any]], sources: dict[tuple[str, str], Source]) -> RecordSet:
    """The records loaded, by kind; a stand-in site when site.yml did not load (the Loaded is then partial)."""
    by_kind: dict[str, tuple[Any, ...]] = {}
    for k in kinds.kinds():
        single = singles.get(k.name)
        if k.folder is not None:
            by_kind[k.name] = tuple(many[k.name])
        elif single is not None:  # a file listing its records (withdrawn.yml) holds them; any other is one record
            by_kind[k.name] = tuple(single.root) if isinstance(single, RootModel) else (single,)
    stand_in = Site.model_construct(name="", url="")
    by_kind.setdefault(kinds.of_record(stand_in).name, (stand_in,))
    return RecordSet(by_kind, root=content, sources=sources)


def _record_files(content: Path, problems: list[Problem]) -> list[tuple[Path, tuple[str, ...]]]:
    """Every record file in a stable order, with its path's parts under `content`; any other YAML file is an error, never ignored."""
    found: list[tuple[Path, tuple[str, ...]]] = []
    for path, parts in _plain_files(content, problems):
        stem, suffix = os.path.splitext(parts[-1])
        if suffix.lower() in {".yaml", ".yml"} and suffix != ".yml":  # .yaml, .YML: never skipped quietly
            problems.append(Problem(display_path(path), 1, 1, "error", f"records end in .yml, not {suffix}", f"rename it to '{stem}.yml'"))
        elif suffix != ".yml":
            continue
        elif (len(parts) == 1 and kinds.by_file(parts[0])) or (len(parts) > 1 and kinds.by_folder(parts[0])):
            found.append((path, parts))
        else:
            problems.append(
                Problem(
                    display_path(path), 1, 1, "error", "trustpages does not know this file, so it would not be published", _layout_hint()
                )
            )
    return sorted(found)


def _plain_files(folder: Path, problems: list[Problem], under: tuple[str, ...] = ()) -> list[tuple[Path, tuple[str, ...]]]:
    """The regular files under `folder` (hidden ones left out), without following any link.

    A link could publish a file kept outside the content folder (and show its secrets in an
    error), and a pipe or device would hang the read: both are errors, as is a folder that
    cannot be read, so no record goes quietly missing.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(
            Problem(display_path(folder), 1, 1, "error", f"cannot read the folder: {exc.strerror or exc}", "check that you may read it")
        )
        return []
    files: list[tuple[Path, tuple[str, ...]]] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        parts = (*under, entry.name)
        try:
            if entry.is_symlink():
                problems.append(
                    Problem(
                        display_path(path),
                        1,
                        1,
                        "error",
                        "is a symbolic link; trustpages does not follow links",
                        "put the file or folder itself in the content folder",
                    )
                )
            elif entry.is_dir(follow_symlinks=False):
                files += _plain_files(path, problems, parts)
            elif entry.is_file(follow_symlinks=False):
                files.append((path, parts))
            else:
                problems.append(
                    Problem(
                        display_path(path),
                        1,
                        1,
                        "error",
                        "is not a regular file (a pipe, socket or device)",
                        "replace it with a plain file, or remove it",
                    )
                )
        except OSError as exc:  # pragma: no cover - the entry vanished or cannot be looked at
            problems.append(
                Problem(display_path(path), 1, 1, "error", f"cannot read it: {exc.strerror or exc}", "check that you may read it")
            )
    return files


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "record"


def _site_zone(content: Path, parsed: dict[bytes, Document] | None) -> ZoneInfo | None:
    """site.yml's time zone, read before any record is validated; None when it has none that works (its own errors say why)."""
    site = content / "site.yml"
    if site.is_symlink() or not site.is_file():
        return None  # a link or no file: its own error says so, and nothing is read through it
    try:
        name = read(site, parsed).value.get("timezone", "UTC")
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
            _explain(error, model, source) for error in errors if not (error["type"] == "too_short" and tuple(error["loc"]) in item_errors)
        )
        return None


def _explain(error: ErrorDetails, model: type[BaseModel], source: Source) -> Problem:
    """A pydantic error as a message a comms person can act on, at the right position."""
    kind, got = error["type"], error.get("input")
    loc = tuple(part for part in error["loc"][:-1] if isinstance(part, int) or not _is_internal(part))
    last = error["loc"][-1:]
    if kind == "extra_forbidden" or (last and (isinstance(last[0], int) or not _is_internal(last[0]))):
        loc += last  # an unknown key is the person's own, '[' and all
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
    elif kind in {"empty_text", "invisible_text"}:
        message = f"{prefix}{error['msg']}"
        description = fields[name].description if name in fields else None
        hint = f"write {name}: {description}" if description else None
    elif kind == "greater_than_equal":
        message = f"{prefix}expected {error.get('ctx', {}).get('ge')} or more; got {describe(got)}"
    else:
        message = f"{prefix}{error['msg']}"
        hint = error.get("ctx", {}).get("hint")
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
