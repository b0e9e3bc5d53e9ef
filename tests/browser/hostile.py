"""A copy of the example content with hostile markup in every text field `check` accepts it in.

Every string value of every record file is given the payload; the fields `check` refuses it in
(ids, dates, addresses, choices) get their own value back, so the fields that end up hostile are
derived from the validators, not listed by hand. The same value always becomes the same hostile
value, so references by name (a price change's plan) still match.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from trustpages.validate import validate

MARKER = "Zanzibar"  # one rare word in every hostile value: searching for it finds them all
# Each piece counts itself in window.__xss if it ever runs: as a tag, out of an attribute (either
# quote), out of the elements whose text is not markup (<title>, <script> holding JSON, <style>,
# <textarea>, <noscript>), out of a comment or an XML CDATA section (feeds), and as a link.
RUN = "window.__xss=(window.__xss||0)+1"
PAYLOAD = (
    f'<img src=x onerror="{RUN}"> "><svg onload="{RUN}"> \'><img src=x onerror=\'{RUN}\'> '
    f"]]>--></script></title></style></textarea></noscript><script>{RUN}</script> "
    f'[tap](javascript:{RUN}) <a href="javascript:{RUN}">tap</a>'
)


@dataclass(frozen=True)
class Hostile:
    """The hostile content folder, and which fields (file, line) hold the payload."""

    folder: Path
    fields: tuple[tuple[str, int, int], ...]  # each hostile value's file and place in the example content

    def files(self) -> set[str]:
        return {file for file, _, _ in self.fields}


def hostile_value(value: str) -> str:
    """`value`'s first words, the marker and the payload: one line, short enough for any name or title."""
    return f"{' '.join(value.split()[:6])} {MARKER} {PAYLOAD}"


def make_hostile(source: Path, folder: Path, as_of: date) -> Hostile:
    """Copy `source` to `folder`, with the payload in every string value that still passes `check` on `as_of`."""
    shutil.copytree(source, folder)
    files = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.yml"))
    files = [file for file in files if not any(part.startswith(".") for part in file.split("/"))]
    originals = {file: (source / file).read_text(encoding="utf-8") for file in files}
    kept: set[Place] = set()  # values that must stay as they were: check refuses the payload there
    for _ in range(20):
        made: dict[Place, Place] = {}  # where each hostile value is now -> where its value was
        for file, text in originals.items():
            hostile, places = _with_payload(text, file, kept)
            (folder / file).write_text(hostile, encoding="utf-8")
            made.update(places)
        errors = validate(folder, as_of, advice=False).errors
        if not errors:
            return Hostile(folder, tuple(sorted(made.values())))
        refused = {made.get((_relative(error.file, folder), error.line, error.col)) for error in errors}
        if None in refused:
            raise AssertionError("the hostile content does not pass check:\n" + "\n".join(error.human() for error in errors))
        kept |= {place for place in refused if place is not None}
    raise AssertionError("the hostile content did not settle")


Place = tuple[str, int, int]  # file (relative to the content folder), line, column


def _relative(file: str, folder: Path) -> str:
    """A problem's file (as displayed) relative to the content folder."""
    path = Path(file).resolve()
    return path.relative_to(folder.resolve()).as_posix() if path.is_relative_to(folder.resolve()) else file


def _with_payload(text: str, name: str, kept: set[Place]) -> tuple[str, dict[Place, Place]]:
    """The file's text with each string value (not key) made hostile, but those in `kept`; where each now is -> was."""
    parts, places, done = [], {}, 0
    for node in _values(yaml.compose(text, Loader=yaml.SafeLoader)):
        place = (name, node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag != "tag:yaml.org,2002:str" or place in kept:
            continue
        start, end = node.start_mark.index, node.end_mark.index
        trail = "\n" if text[start:end].endswith("\n") else ""  # a block scalar ends at the start of the next line
        parts.append(text[done:start])
        before = "".join(parts)
        line = before.count("\n") + 1
        places[(name, line, len(before) - before.rfind("\n"))] = place
        parts.append(json.dumps(hostile_value(node.value), ensure_ascii=False) + trail)
        done = end
    parts.append(text[done:])
    return "".join(parts), places


def _values(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    """Every scalar that is a value in the document (mapping keys left out)."""
    if isinstance(node, yaml.MappingNode):
        return [found for _, value in node.value for found in _values(value)]
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in _values(item)]
    return [node] if isinstance(node, yaml.ScalarNode) else []
