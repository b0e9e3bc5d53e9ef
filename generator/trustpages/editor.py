"""The browser editor for comms teams: a Decap CMS admin page whose collections and fields come from the record kinds.

`admin_files` writes the page and its config.yml (one collection per kind: a folder of records or one
file, each field with its widget and the model's description as its hint); `vendor` puts Decap's script,
fetched once from the npm registry and checked against its published hash, beside them. The public pages
never load it: only editors open /admin/, and it is not in the navigation.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import operator
import tarfile
import types
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, RootModel

from trustpages import kinds
from trustpages.records.common import Text

DECAP_VERSION = "3.16.3"
DECAP_TARBALL = f"https://registry.npmjs.org/decap-cms/-/decap-cms-{DECAP_VERSION}.tgz"
# The registry's own hash of that tarball (npm view decap-cms@3.16.3 dist.integrity): what is vendored is what it published.
DECAP_INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
ADMIN = "admin"  # the editor's folder in the docs folder: /admin/ on the site
SCRIPT_FOLDER = "decap"  # Decap's script and the chunks it loads from beside itself, inside admin/
MAX_TARBALL = 64 * 1024 * 1024
_TEXT_VALIDATOR = get_args(Text)[1]  # what marks Markdown prose (a multi-line box) apart from a one-line field

# Empty optional fields are left out of the YAML Decap writes (it writes '' for a cleared box, which no record
# field accepts); required ones stay, so `trustpages check` names them.
INDEX_HTML = """\
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Edit the trust site</title>
</head>
<body>
  <p id="missing" hidden>The editor's script is not here yet: run <code>trustpages editor</code> in the site's folder, then build again.</p>
  <script src="decap/decap-cms.js" onerror="document.getElementById('missing').hidden = false"></script>
  <script>
    if (window.CMS) {
      const empty = (value) => value === "" || value === null || value === undefined;
      const isMap = (value) => Boolean(value && value["@@__IMMUTABLE_MAP__@@"]);
      const isList = (value) => Boolean(value && value["@@__IMMUTABLE_LIST__@@"]);
      const clean = (value) =>
        isMap(value) ? value.map(clean).filter((item) => !empty(item)) : isList(value) ? value.map(clean) : value;
      CMS.registerEventListener({ name: "preSave", handler: ({ entry }) => clean(entry.get("data")) });
    }
  </script>
</body>
</html>
"""


class EditorError(Exception):
    """The editor's script could not be fetched or unpacked; the message says why and what to do."""


@dataclass(frozen=True)
class AdminFile:
    """One file of the admin page: its path relative to the docs folder, and its text."""

    path: str
    text: str


def admin_files(content: str, docs: str, repo: str | None, branch: str = "main") -> list[AdminFile]:
    """The admin page and its Decap configuration for a site whose records are in `content` and pages in `docs`
    (both relative to the repository's root), edited through pull requests on GitHub's `repo` (owner/name)."""
    header = (
        "# The editor at /admin/ (Decap CMS), written by `trustpages editor` from the record kinds: run it again after\n"
        "# upgrading trustpages. Editors sign in with GitHub; each save is a pull request, which CI checks.\n"
    )
    if repo is None:
        header += "# Replace YOUR-NAME/YOUR-REPO with the site's repository, as GitHub shows it.\n"
    text = header + yaml.safe_dump(config(content, docs, repo or "YOUR-NAME/YOUR-REPO", branch), sort_keys=False, allow_unicode=True)
    return [AdminFile(f"{ADMIN}/index.html", INDEX_HTML), AdminFile(f"{ADMIN}/config.yml", text)]


def config(content: str, docs: str, repo: str, branch: str = "main") -> dict[str, Any]:
    """Decap's configuration: the GitHub backend with pull requests (editorial workflow), and a collection per kind."""
    folders, files = [], []
    for kind in kinds.kinds():
        model = kind.models[0]
        if issubclass(model, RootModel):  # a file that is a list (withdrawn.yml): Decap edits mappings only
            continue
        fields, left_out = _merged_fields(kind.models, kind.variants)
        description = kind.about + (f" Edit in the file itself: {', '.join(left_out)}." if left_out else "")
        if kind.folder is not None:
            dated = "<date>" in kind.pattern
            folders.append(
                {
                    "name": kind.folder,
                    "label": kind.title,
                    "label_singular": kind.name.capitalize(),
                    "description": description,
                    "folder": _join(content, kind.folder),
                    "create": True,
                    "delete": False,  # a published record is withdrawn (withdrawn.yml), never deleted
                    "extension": "yml",
                    "format": "yaml",
                    "identifier_field": "title",
                    "slug": "{{year}}-{{month}}-{{day}}-{{slug}}" if dated else "{{slug}}",
                    "fields": fields,
                }
            )
        elif kind.file is not None:
            files.append(
                {"name": kind.name, "label": kind.title, "description": description, "file": _join(content, kind.file), "fields": fields}
            )
    return {
        "backend": {"name": "github", "repo": repo, "branch": branch},
        "publish_mode": "editorial_workflow",
        "local_backend": True,  # `npx decap-server` in the repository: edit the files on this machine
        "media_folder": _join(docs, "assets", "uploads"),
        "public_folder": "/assets/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [*folders, {"name": "settings", "label": "Settings and pages", "files": files}],
    }


def _join(*parts: str) -> str:
    return PurePosixPath(*parts).as_posix().removeprefix("./")


def _merged_fields(models: tuple[type[BaseModel], ...], variants: tuple[str, ...]) -> tuple[list[dict[str, Any]], list[str]]:
    """The fields of a kind: of its one model, or of each model of a union (those not in every one optional, their
    hint saying which kind of record they belong to); and the names of fields no Decap widget can edit."""
    merged: dict[str, dict[str, Any]] = {}
    left_out: list[str] = []
    for index, model in enumerate(models):
        fields, skipped = _fields(model)
        left_out += [name for name in skipped if name not in left_out]
        for field in fields:
            if field["name"] in merged:
                continue
            if len(models) > 1 and not all(field["name"] in _names(other) for other in models):
                field = {**field, "required": False, "hint": f"{variants[index]} only. {field['hint']}"}
            merged[field["name"]] = field
    return list(merged.values()), left_out


def _names(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _fields(model: type[BaseModel]) -> tuple[list[dict[str, Any]], list[str]]:
    fields, skipped = [], []
    for name, info in model.model_fields.items():
        if info.exclude:  # the id: it is the file's name
            continue
        key = info.alias or name
        annotation, metadata, optional = _shape(info.annotation)
        widget = _widget(annotation, (*metadata, *info.metadata))
        if widget is None:
            skipped.append(key)
            continue
        field = {"name": key, "label": key.replace("_", " ").capitalize(), **widget, "hint": info.description or ""}
        if optional or not info.is_required():
            field["required"] = False
            if widget["widget"] == "datetime":
                field["default"] = ""  # blank until filled in (Decap's datetime otherwise starts at now)
        fields.append(field)
    return fields, skipped


def _shape(annotation: Any) -> tuple[Any, tuple[Any, ...], bool]:
    """The type inside Annotated and Optional, the Annotated metadata, and whether None is allowed."""
    metadata: tuple[Any, ...] = ()
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *more = get_args(annotation)
            metadata += tuple(more)
        elif origin in (Union, types.UnionType) and type(None) in get_args(annotation):
            optional = True
            rest = [arg for arg in get_args(annotation) if arg is not type(None)]
            annotation = functools.reduce(operator.or_, rest)
        else:
            return annotation, metadata, optional


def _widget(annotation: Any, metadata: tuple[Any, ...]) -> dict[str, Any] | None:
    """Decap's widget (and its options) for a field's type; None when no widget fits (a mapping of any keys)."""
    origin = get_origin(annotation)
    if origin is Literal:
        return {"widget": "select", "options": [str(option) for option in get_args(annotation)]}
    if origin in (tuple, list):
        item, item_metadata, _ = _shape(get_args(annotation)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            fields, skipped = _fields(item)
            return None if skipped else {"widget": "list", "fields": fields}
        if get_origin(item) is Literal:
            return {"widget": "select", "multiple": True, "options": [str(option) for option in get_args(item)]}
        inner = _widget(item, item_metadata)
        return None if inner is None else {"widget": "list", "field": {"name": "item", "label": "Item", **inner}}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields, skipped = _fields(annotation)
        return None if skipped else {"widget": "object", "fields": fields}
    if annotation is datetime:
        return {"widget": "datetime", "format": "YYYY-MM-DDTHH:mm:ssZ", "picker_utc": True}
    if annotation is date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        return {"widget": "number", "value_type": "int"}
    if annotation in (float, Decimal):
        return {"widget": "number", "value_type": "float"}
    if annotation is str or origin in (Union, types.UnionType):
        return {"widget": "text" if _TEXT_VALIDATOR in metadata else "string"}
    return None


def fetch_tarball(source: Path | None = None) -> bytes:
    """Decap's npm tarball, from `source` (a file from `npm pack decap-cms@VERSION`) or the npm registry; EditorError
    unless it is the very tarball the registry published (its sha512)."""
    if source is not None:
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise EditorError(f"cannot read {source}: {exc.strerror or exc}") from None
    else:
        try:
            with urllib.request.urlopen(DECAP_TARBALL, timeout=120) as answer:
                data = answer.read(MAX_TARBALL + 1)
        except (urllib.error.URLError, OSError) as exc:
            raise EditorError(
                f"cannot fetch Decap CMS from the npm registry ({getattr(exc, 'reason', exc)}); where it is unreachable, "
                f"run `npm pack decap-cms@{DECAP_VERSION}` elsewhere and pass the file with --from"
            ) from None
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if digest != DECAP_INTEGRITY:
        raise EditorError(
            f"{source or DECAP_TARBALL} is not decap-cms {DECAP_VERSION} as the npm registry published it (its sha512 differs)"
        )
    return data


def vendored(tarball: bytes) -> dict[str, bytes]:
    """The files of Decap's browser build the admin page loads: its script, the chunks and WebAssembly it loads from
    beside itself, and its licence notices; by name."""
    wanted: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = PurePosixPath(member.name)
            if not member.isfile() or name.parent != PurePosixPath("package/dist"):
                continue
            if name.name.endswith(("decap-cms.js", ".wasm")) or name.name == "decap-cms.js.LICENSE.txt":
                extracted = archive.extractfile(member)
                if extracted is not None:
                    wanted[name.name] = extracted.read()
    if "decap-cms.js" not in wanted:
        raise EditorError(f"the decap-cms {DECAP_VERSION} tarball holds no dist/decap-cms.js")
    return wanted
