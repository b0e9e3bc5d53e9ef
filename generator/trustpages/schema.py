"""JSON Schemas of the record files, for editors (yaml-language-server) and for other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from trustpages import kinds


def names() -> list[str]:
    """The record types with a schema: every kind, by its name (schemas/<name>.schema.json)."""
    return [k.name for k in kinds.kinds()]


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one record type, by the names people write in YAML."""
    target = kinds.kind(name).model
    adapter = target if isinstance(target, type) and issubclass(target, BaseModel) else TypeAdapter(target)
    body = adapter.model_json_schema(by_alias=True) if isinstance(adapter, type) else adapter.json_schema(by_alias=True)
    _drop_internal_id(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        "title": f"trustpages {name} record",
        **body,
    }


def _drop_internal_id(node: Any) -> None:
    """Record ids come from file names, so `id` is not something people write."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict) and "id" in props and "title" in props:
            del props["id"]
        for value in node.values():
            _drop_internal_id(value)
    elif isinstance(node, list):
        for value in node:
            _drop_internal_id(value)


def write(out: Path) -> list[Path]:
    """Write `<name>.schema.json` for every type into `out`; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names():
        path = out / f"{name}.schema.json"
        path.write_text(dumps(schema(name)), encoding="utf-8")
        written.append(path)
    return written


def dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
