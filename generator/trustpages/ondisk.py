"""The on-disk adapter: the same pages the plugin serves, written to a folder any builder can read."""

from __future__ import annotations

import shutil
from pathlib import Path

from trustpages import handwritten
from trustpages.render import Output, htmlpage

MARKER = ".trustpages-generated"


class RefusedError(Exception):
    """The output folder holds files trustpages did not write; nothing was touched."""


def write(output: Output, out: Path, docs: Path | None, locale: str = "en") -> int:
    """Write hand-written pages from `docs` (those in the site's language, `locale`: trustpages.handwritten), then every
    generated page and asset (rendered in full before); return the file count."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise RefusedError(f"{out} is not empty and was not written by trustpages generate; choose a new folder")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Written by `trustpages generate`; replaced on every run.\n", encoding="utf-8")
    count = 0
    if docs is not None:
        files = {source.relative_to(docs).as_posix(): source for source in sorted(docs.rglob("*")) if source.is_file()}
        for uri, address in handwritten.published(files, locale).items():
            target = out / address
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(files[uri], target)
            count += 1
    for path, text in output.pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # An HTML page goes to the builder as one raw HTML block: any Markdown builder passes it through.
        target.write_text(htmlpage.as_markdown_file(text) if path in output.html else text, encoding="utf-8")
        count += 1
    for path, data in output.assets.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    return count
