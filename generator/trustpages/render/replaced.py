"""What a site's own templates replace among the built-in pages that show computed numbers: disclosed, never silent.

A site may restyle any page, but a page that shows the promise-kept rate, the metrics, the status
or a survey's figures could then compute its own headline. So `trustpages check` names every such
replacement, and each replaced page says, under its own content, that its layout is the site's and
where trustpages' computed figures are (the open data).
"""

from __future__ import annotations

from pathlib import Path

from trustpages.render.htmlpage import HTML_SUFFIX, MARKDOWN_SUFFIX
from trustpages.strings import builtin_templates

# The built-in templates whose pages show computed numbers (see templates/): home holds the status and the headline rate.
NUMBER_PAGES = ("home", "metrics", "commitments", "commitment", "listing", "surveys", "survey", "incidents")


def replaced(templates: Path | None) -> dict[str, Path]:
    """Each number page a site's templates folder replaces, with the file that replaces it."""
    if templates is None or not templates.is_dir() or templates.resolve() == builtin_templates().resolve():
        return {}  # none, or trustpages' own (this repository's example site)
    found: dict[str, Path] = {}
    for name in NUMBER_PAGES:
        for suffix in (HTML_SUFFIX, MARKDOWN_SUFFIX):
            if (templates / f"{name}{suffix}").is_file():
                found[name] = templates / f"{name}{suffix}"
                break
    return found
