"""The hand-written pages a site publishes in its language: about.de.md at /about/ on a German site (trustpages.handwritten)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from trustpages import handwritten


def publish_in_language(files: Files, config: MkDocsConfig, locale: str) -> None:
    """Put each hand-written page in the site's language where handwritten.published says, and leave out other languages' pages."""
    pages = {file.src_uri: file for file in files.documentation_pages() if file.generated_by is None and file.abs_src_path}
    published = handwritten.published(pages, locale)
    moved = [(uri, file) for uri, file in pages.items() if published.get(uri) != uri]
    for _, file in moved:  # all out first: about.de.md takes about.md's place
        files.remove(file)
    for uri, file in moved:
        if uri in published and file.abs_src_path is not None:
            files.append(File.generated(config, published[uri], abs_src_path=file.abs_src_path))
