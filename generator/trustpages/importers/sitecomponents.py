"""Add imported components to site.yml by editing its text, so a person's comments and layout stay as they were."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trustpages.importers.export import SourceError
from trustpages.importers.yamlwriter import scalar
from trustpages.problems import display_path
from trustpages.records import Component
from trustpages.yamlsource import Document, YamlError, parse, read


@dataclass(frozen=True)
class SiteFile:
    """site.yml as it is on disk: its text, parsed document and the components it lists."""

    path: Path
    text: str
    document: Document
    components: tuple[Component, ...]


def load(path: Path) -> SiteFile:
    """Read site.yml; a missing or unreadable file is a SourceError naming it."""
    file = display_path(path)
    if not path.is_file():
        raise SourceError(f"{file}: not found (create site.yml with at least name and url before importing)")
    try:
        document = read(path)
    except YamlError as exc:
        raise SourceError(f"{file}:{exc.line}:{exc.col}: {exc.message}") from None
    value = document.value if isinstance(document.value, dict) else {}
    components: list[Component] = []
    for i, item in enumerate(value.get("components") or []):
        try:
            components.append(Component.model_validate(item))
        except ValidationError:
            line, col = document.position(("components", i))
            raise SourceError(f"{file}:{line}:{col}: this component is not valid; run trustpages check and fix it first") from None
    return SiteFile(path, path.read_text(encoding="utf-8"), document, tuple(components))


def with_components(site: SiteFile, new: list[Component]) -> str:
    """site.yml's text with `new` appended to its components list (or a new list at the end)."""
    if not new:
        return site.text
    lines = site.text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    root = site.document.root
    pair = next((p for p in root.value if p[0].value == "components"), None) if isinstance(root, MappingNode) else None
    if pair is None:
        text = "".join(lines) + "components:\n" + "".join(_item(c, "  ", flow=True) for c in new)
    else:
        key, node = pair
        text = _append(lines, key, node, new, site)
    _verify(text, site, new)
    return text


def _append(lines: list[str], key: Node, node: Node, new: list[Component], site: SiteFile) -> str:
    if isinstance(node, ScalarNode) and node.value in {"", "~", "null"}:  # `components:` with nothing after it
        head = lines[: key.start_mark.line] + [" " * key.start_mark.column + "components:\n"]
        return "".join(head + [_item(c, "  ", flow=True) for c in new] + lines[node.end_mark.line + 1 :])
    if not isinstance(node, SequenceNode):
        raise SourceError(f"{display_path(site.path)}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: components must be a list")
    if node.flow_style:
        if node.value:
            raise SourceError(
                f"{display_path(site.path)}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: components are written as [...]; "
                "write one per line ('- {id: ..., name: ...}') so the import can add to them"
            )
        line = lines[key.start_mark.line]
        start, end = node.start_mark, node.end_mark
        if start.line != end.line:
            raise SourceError(
                f"{display_path(site.path)}:{start.line + 1}:{start.column + 1}: write 'components:' with an empty line after it"
            )
        lines[key.start_mark.line] = line[: start.column].rstrip() + line[end.column :]
        return "".join(lines[: key.start_mark.line + 1] + [_item(c, "  ", flow=True) for c in new] + lines[key.start_mark.line + 1 :])
    dash = " " * node.start_mark.column
    flow = isinstance(node.value[0], MappingNode) and bool(node.value[0].flow_style)
    last = node.value[-1].start_mark.line
    # The list's own text ends at its last line that is neither blank nor a comment.
    for index in range(node.value[-1].start_mark.line, min(node.end_mark.line + 1, len(lines))):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#") and (index == node.value[-1].start_mark.line or lines[index].startswith(dash + " ")):
            last = index
    return "".join(lines[: last + 1] + [_item(c, dash, flow) for c in new] + lines[last + 1 :])


def _item(component: Component, dash: str, flow: bool) -> str:
    fields = [(name, value) for name, value in component.model_dump().items() if value is not None]
    if flow:
        return f"{dash}- {{{', '.join(f'{name}: {scalar(value, flow=True)}' for name, value in fields)}}}\n"
    first, *rest = fields
    text = f"{dash}- {first[0]}: {scalar(first[1])}\n"
    return text + "".join(f"{dash}  {name}: {scalar(value)}\n" for name, value in rest)


def _verify(text: str, site: SiteFile, new: list[Component]) -> None:
    """The edited text must read back as the old components plus the new ones, and nothing else changed."""
    try:
        after = parse(text.encode("utf-8")).value
    except YamlError as exc:  # pragma: no cover - would be a bug in the edit above
        raise SourceError(f"{display_path(site.path)}: could not add components safely ({exc.message}); add them by hand") from None
    before = dict(site.document.value) if isinstance(site.document.value, dict) else {}
    expected = [*(before.get("components") or []), *(c.model_dump(exclude_none=True) for c in new)]
    unchanged = {k: v for k, v in after.items() if k != "components"} == {k: v for k, v in before.items() if k != "components"}
    if after.get("components") != expected or not unchanged:  # pragma: no cover - would be a bug in the edit above
        raise SourceError(f"{display_path(site.path)}: could not add components safely; add them by hand")
